package io.prodev.labs.labkit.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

class TaskSummaryListenerTest {

    @TempDir
    Path classPathRoot;

    @TempDir
    Path buildFolder;

    @Test
    void printsOneRowPerCatalogueTaskWithPassedOverTotal() {
        String summary = runWithSummary(SampleTests.AllPass.class, SampleTests.OneFails.class);

        assertThat(summary).as("the heading").contains("==== sample-lab: results by task ====");
        assertThat(summary)
                .as("task 1: three tests of AllPass and one method of OneFails")
                .containsPattern(" PASS  Task 1 +First task +4/4 tests\n");
        assertThat(summary).as("task 2's row").containsPattern(" FAIL  Task 2 +Second task +1/2 tests\n");
        assertThat(summary).as("task 3's row").containsPattern(" ----  Task 3 +Third task +not run\n");
        assertThat(summary).as("the total").contains(" 1 of 3 tasks pass (5 of 6 tests)");
    }

    @Test
    void showsAFailingTasksFirstFailureOnOneLineAndNoTestNames() {
        String summary = runWithSummary(SampleTests.OneFails.class);

        assertThat(summary)
                .as("the assertion's description, expected and actual, under task 2's row")
                .containsPattern(" FAIL  Task 2 +Second task +1/2 tests\n"
                        + " {7}first failure: \\[what was expected\\] expected: \"expected\" but was: \"came\"\n");
        assertThat(summary).as("the failing test's name").doesNotContain("fails()");
    }

    @Test
    void showsTheStartersMessageForAnUnimplementedTask() {
        String summary = runWithSummary(SampleTests.NotImplemented.class);

        assertThat(summary)
                .as("the starter's exception message, without its type, under task 3's row")
                .containsPattern(" FAIL  Task 3 +Third task +0/2 tests\n"
                        + " {7}first failure: Task 3 \\(Third task\\): not implemented yet\n");
        assertThat(summary).as("the second failure's message").doesNotContain("second failure");
    }

    @Test
    void countsAFailingSetUpUnderItsTask() {
        String summary = runWithSummary(SampleTests.SetUpFails.class);

        assertThat(summary)
                .as("a @BeforeAll that throws: the class fails as one test of its task, the exception's type shown")
                .containsPattern(" FAIL  Task 2 +Second task +0/1 tests\n"
                        + " {7}first failure: IllegalStateException: the fixture did not start\n");
    }

    @Test
    void saysWhyASkippedTestDoesNotPass() {
        String summary = runWithSummary(SampleTests.Skipped.class);

        assertThat(summary)
                .as("a @Disabled test of task 1")
                .containsPattern(" FAIL  Task 1 +First task +0/1 tests\n {7}skipped: waits for task 0\n");
    }

    @Test
    void flagsTestsWithoutTaskAndTasksMissingFromTheCatalogue() {
        String summary = runWithSummary(
                SampleTests.Untagged.class, SampleTests.UnknownTask.class, SampleTests.UntaggedFails.class);

        assertThat(summary)
                .as("the untagged tests, by name")
                .contains(
                        " !!!!  2 test(s) carry no @Task: SampleTests$Untagged > orphan(), SampleTests$UntaggedFails");
        assertThat(summary).as("the stray task id").contains("@Task(\"9\") is not a task of lab.json");
        assertThat(summary)
                .as("the failure outside any task")
                .contains(" !!!!  SampleTests$UntaggedFails > orphanFails(): first failure: [an untagged check]");
    }

    @Test
    void givesAnInheritedTestTheTaskOfTheClassThatRunsIt() {
        String summary = runWithSummary(SampleTests.InheritsTheContract.class);

        assertThat(summary)
                .as("the contract's test, run by a @Task(\"3\") subclass")
                .containsPattern(" PASS  Task 3 +Third task +1/1 tests");
    }

    @Test
    void keepsEveryLineWithinOneHundredColumns() {
        String longTitles = CatalogueOnClassPath.SAMPLE_LAB.replace(
                "\"First task\"", "\"A first task whose title goes on " + "and on ".repeat(12) + "\"");

        String summary = run(longTitles, Map.of(), SampleTests.LongMessage.class, SampleTests.AllPass.class);

        assertThat(summary.lines())
                .as("the summary's lines")
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line.length())
                        .as("width of %s", line)
                        .isLessThanOrEqualTo(TaskSummaryFormatter.MAX_WIDTH));
        assertThat(summary)
                .as("the long title, cut, and the counts after it")
                .containsPattern(" FAIL  Task 1 +A first task whose title goes on and on .*\\.\\.\\.  3/4 tests\n");
        assertThat(summary)
                .as("the long message: its description cut, expected and actual kept")
                .containsPattern(" {7}first failure: \\[a check that explains itself at great .*\\.\\.\\.\\]"
                        + " expected: \"x\" but was: \"came\"\n");
    }

    @Test
    void printsNothingWithoutACatalogue() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TaskSummaryListener listener =
                new TaskSummaryListener(new PrintStream(out, true, StandardCharsets.UTF_8), name -> null);

        launcher().execute(request(SampleTests.AllPass.class), listener);

        assertThat(out.toString(StandardCharsets.UTF_8))
                .as("output without lab.json")
                .isEmpty();
    }

    @Test
    void printsNothingWhenSilenced() {
        String summary =
                run(CatalogueOnClassPath.SAMPLE_LAB, Map.of("labkit.summary", "false"), SampleTests.AllPass.class);

        assertThat(summary).as("output with -Dlabkit.summary=false").isEmpty();
    }

    @Test
    void namesAnUnknownTaskInsteadOfTheSummary() {
        String summary = run(CatalogueOnClassPath.SAMPLE_LAB, Map.of("task", "99"), SampleTests.AllPass.class);

        assertThat(summary)
                .as("output with -Dtask=99")
                .isEqualTo("\n-Dtask=99: sample-lab has no task 99; its tasks are 1, 2, 3\n");
    }

    @Test
    void writesTheSummaryToTheFileTheBuildNamesInsteadOfPrintingIt() {
        Path file = buildFolder.resolve("labkit/task-summary.txt");

        String printed = run(
                CatalogueOnClassPath.SAMPLE_LAB,
                Map.of(TaskSummaryListener.FILE_PROPERTY, file.toString()),
                SampleTests.OneFails.class);

        assertThat(printed).as("standard output").isEmpty();
        RecordedRun recorded = TaskSummaryFile.read(file).orElseThrow();
        assertThat(recorded)
                .as("the recorded run of OneFails: 3 tests, 1 failure")
                .extracting(RecordedRun::outcome, RecordedRun::testsRun, RecordedRun::testsFailed)
                .containsExactly(RecordedRun.Outcome.FAILED, 3, 1);
        assertThat(recorded.lines())
                .as("the recorded summary")
                .contains("==== sample-lab: results by task ====", " 1 of 3 tasks pass (2 of 3 tests)");
    }

    @Test
    void recordsAPassedRunAsPassed() {
        Path file = buildFolder.resolve("task-summary.txt");

        run(
                CatalogueOnClassPath.SAMPLE_LAB,
                Map.of(TaskSummaryListener.FILE_PROPERTY, file.toString()),
                SampleTests.AllPass.class);

        assertThat(TaskSummaryFile.read(file))
                .as("the recorded run of AllPass")
                .map(RecordedRun::outcome)
                .contains(RecordedRun.Outcome.PASSED);
    }

    @Test
    void recordsAFailingSetUpAsAFailedRun() {
        Path file = buildFolder.resolve("task-summary.txt");

        run(
                CatalogueOnClassPath.SAMPLE_LAB,
                Map.of(TaskSummaryListener.FILE_PROPERTY, file.toString()),
                SampleTests.SetUpFails.class);

        assertThat(TaskSummaryFile.read(file).orElseThrow())
                .as("the recorded run of a class whose @BeforeAll throws: no test ran, one container failed")
                .extracting(RecordedRun::outcome, RecordedRun::testsRun, RecordedRun::testsFailed)
                .containsExactly(RecordedRun.Outcome.FAILED, 0, 1);
    }

    @Test
    void recordsAnUnknownTaskAsAFailedRun() {
        Path file = buildFolder.resolve("task-summary.txt");

        run(
                CatalogueOnClassPath.SAMPLE_LAB,
                Map.of(TaskSummaryListener.FILE_PROPERTY, file.toString(), "task", "abc"),
                SampleTests.AllPass.class);

        RecordedRun recorded = TaskSummaryFile.read(file).orElseThrow();
        assertThat(recorded.outcome()).as("the outcome after -Dtask=abc").isEqualTo(RecordedRun.Outcome.FAILED);
        assertThat(recorded.lines())
                .as("the recorded lines after -Dtask=abc")
                .containsExactly("-Dtask=abc: sample-lab has no task abc; its tasks are 1, 2, 3");
    }

    private String runWithSummary(Class<?>... classes) {
        return run(CatalogueOnClassPath.SAMPLE_LAB, Map.of(), classes);
    }

    /** Runs the classes with the catalogue on the class path and these system properties; returns the output. */
    private String run(String catalogue, Map<String, String> properties, Class<?>... classes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TaskSummaryListener listener =
                new TaskSummaryListener(new PrintStream(out, true, StandardCharsets.UTF_8), properties::get);
        CatalogueOnClassPath.with(classPathRoot, catalogue, () -> {
            launcher().execute(request(classes), listener);
            return null;
        });
        return out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
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
