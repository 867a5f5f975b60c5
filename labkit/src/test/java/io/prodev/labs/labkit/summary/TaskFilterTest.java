package io.prodev.labs.labkit.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.prodev.labs.labkit.TaskFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

class TaskFilterTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(TaskFilter.PROPERTY);
    }

    @Test
    void runsOnlyTheTestsOfTheNamedTask() {
        System.setProperty(TaskFilter.PROPERTY, "1");

        long run = testsRun();

        assertThat(run)
                .as("tests of task 1: AllPass has 3, OneFails has 1 method-level @Task(\"1\")")
                .isEqualTo(4);
    }

    @Test
    void leavesOutParameterizedTestsOfOtherTasks() {
        System.setProperty(TaskFilter.PROPERTY, "2");

        assertThat(testsRun())
                .as("tests of task 2: OneFails.passes and OneFails.fails, no parameterized test of task 1")
                .isEqualTo(2);
    }

    @Test
    void runsEverythingWithoutTheProperty() {
        assertThat(testsRun()).as("all six sample tests").isEqualTo(6);
    }

    private static long testsRun() {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        TaskSummaryListenerTest.launcher()
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(
                                        selectClass(SampleTests.AllPass.class), selectClass(SampleTests.OneFails.class))
                                .filters(new TaskFilter())
                                .build(),
                        summary);
        return summary.getSummary().getTestsStartedCount();
    }
}
