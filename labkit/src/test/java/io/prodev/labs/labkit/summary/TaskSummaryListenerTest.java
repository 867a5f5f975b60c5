package io.prodev.labs.labkit.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

class TaskSummaryListenerTest {

    private static final String CATALOGUE = """
            {"lab": "sample-lab", "title": "Sample", "curriculum": "none", "tasks": [
              {"id": "1", "title": "First task", "points": 10, "files": []},
              {"id": "2", "title": "Second task", "points": 10, "files": []},
              {"id": "3", "title": "Third task", "points": 10, "files": []}]}
            """;

    @TempDir
    Path classPathRoot;

    @Test
    void printsOneLinePerCatalogueTaskWithPassedOverTotal() throws IOException {
        String summary = runWithSummary(SampleTests.AllPass.class, SampleTests.OneFails.class);

        assertThat(summary).contains("==== sample-lab: results by task ====");
        assertThat(summary)
                .as("task 1: three tests of AllPass and one method of OneFails")
                .containsPattern(" PASS  Task 1 +First task +4/4 tests");
        assertThat(summary)
                .containsPattern(
                        " FAIL  Task 2 +Second task +1/2 tests  not passing: SampleTests\\$OneFails > fails\\(\\)");
        assertThat(summary).containsPattern(" ----  Task 3 +Third task +not run");
        assertThat(summary).contains(" 1 of 3 tasks pass");
    }

    @Test
    void flagsTestsWithoutTaskAndTasksMissingFromTheCatalogue() throws IOException {
        String summary = runWithSummary(SampleTests.Untagged.class, SampleTests.UnknownTask.class);

        assertThat(summary).contains("1 test(s) carry no @Task: SampleTests$Untagged > orphan()");
        assertThat(summary).contains("@Task(\"9\") is not a task of lab.json");
    }

    @Test
    void givesAnInheritedTestTheTaskOfTheClassThatRunsIt() throws IOException {
        String summary = runWithSummary(SampleTests.InheritsTheContract.class);

        assertThat(summary)
                .as("the contract's test, run by a @Task(\"3\") subclass")
                .containsPattern(" PASS  Task 3 +Third task +1/1 tests");
    }

    @Test
    void printsNothingWithoutACatalogue() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TaskSummaryListener listener = new TaskSummaryListener(new PrintStream(out, true, StandardCharsets.UTF_8));

        launcher().execute(request(SampleTests.AllPass.class), listener);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    private String runWithSummary(Class<?>... classes) throws IOException {
        Files.writeString(classPathRoot.resolve("lab.json"), CATALOGUE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TaskSummaryListener listener = new TaskSummaryListener(new PrintStream(out, true, StandardCharsets.UTF_8));
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        try (URLClassLoader withCatalogue =
                new URLClassLoader(new URL[] {classPathRoot.toUri().toURL()}, original)) {
            thread.setContextClassLoader(withCatalogue);
            launcher().execute(request(classes), listener);
        } finally {
            thread.setContextClassLoader(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static Launcher launcher() {
        return LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .build());
    }

    static LauncherDiscoveryRequest request(Class<?>... classes) {
        LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request();
        for (Class<?> type : classes) {
            builder.selectors(selectClass(type));
        }
        return builder.build();
    }
}
