package io.prodev.labs.labkit.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.prodev.labs.labkit.TaskFilter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

class TaskFilterTest {

    @TempDir
    Path classPathRoot;

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
    void runsTheTestsOfEveryTaskOfACommaList() {
        System.setProperty(TaskFilter.PROPERTY, " 2 , 1 ");

        assertThat(testsRun())
                .as("-Dtask=\" 2 , 1 \": the 4 tests of task 1 and the 2 of task 2")
                .isEqualTo(6);
    }

    @Test
    void runsEverythingWithoutTheProperty() {
        assertThat(testsRun()).as("all six sample tests").isEqualTo(6);
    }

    @Test
    void runsNothingWhenAnIdIsNoTaskOfTheLab() {
        System.setProperty(TaskFilter.PROPERTY, "1,99");

        long run = CatalogueOnClassPath.with(classPathRoot, CatalogueOnClassPath.SAMPLE_LAB, TaskFilterTest::testsRun);

        assertThat(run)
                .as("-Dtask=1,99 in a lab without task 99: not even task 1's tests run, the build fails instead")
                .isZero();
    }

    @Test
    void runsNothingForAnIdThatIsNotANumber() {
        System.setProperty(TaskFilter.PROPERTY, "abc");

        long run = CatalogueOnClassPath.with(classPathRoot, CatalogueOnClassPath.SAMPLE_LAB, TaskFilterTest::testsRun);

        assertThat(run).as("-Dtask=abc runs no test").isZero();
    }

    @Test
    void runsTheNamedTasksWhenEveryIdIsATaskOfTheLab() {
        System.setProperty(TaskFilter.PROPERTY, "2");

        long run = CatalogueOnClassPath.with(classPathRoot, CatalogueOnClassPath.SAMPLE_LAB, TaskFilterTest::testsRun);

        assertThat(run)
                .as("-Dtask=2 with the catalogue on the class path: task 2's two tests")
                .isEqualTo(2);
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
