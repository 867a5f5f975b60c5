package io.prodev.labs.labkit.summary;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.TaskSelection;
import io.prodev.labs.labkit.catalogue.LabCatalogue;
import io.prodev.labs.labkit.catalogue.LabTask;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

class TaskSummaryGateTest {

    private static final LabCatalogue LAB = new LabCatalogue(
            "sample-lab",
            "Sample",
            "none",
            List.of(
                    new LabTask("0", "Zero", 5, List.of()),
                    new LabTask("1", "One", 5, List.of()),
                    new LabTask("2", "Two", 5, List.of())));

    private static final List<String> SUMMARY =
            List.of("==== sample-lab: results by task ====", " PASS  Task 0  Zero  1/1 tests");

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void printsAPassedRunsSummaryAndAVerdictWithoutFailure() throws Exception {
        recorded(RecordedRun.Outcome.PASSED, 7, 0);

        gate("").run(folder);

        assertThat(printed())
                .as("what the build prints after Surefire")
                .isEqualTo("\n" + String.join("\n", SUMMARY) + "\n");
        assertThat(verdict("completed")).as("tests in the verdict").isEqualTo("7");
        assertThat(verdict("failures")).as("failures in the verdict").isEqualTo("0");
        assertThat(verdict("failureMessage")).as("message in the verdict").isEmpty();
    }

    @Test
    void printsAFailedRunsSummaryAndAVerdictWithItsFailures() throws Exception {
        recorded(RecordedRun.Outcome.FAILED, 7, 3);

        gate("").run(folder);

        assertThat(printed()).as("what the build prints after Surefire").contains(SUMMARY.get(1));
        assertThat(verdict("failures"))
                .as("failures in the verdict: failsafe:verify then fails the build")
                .isEqualTo("3");
    }

    @Test
    void failsARunWhoseFailureCameFromNoTest() throws Exception {
        recorded(RecordedRun.Outcome.FAILED, 0, 0);

        gate("").run(folder);

        assertThat(verdict("failures"))
                .as("failures in the verdict of a failed run that counted none")
                .isEqualTo("1");
    }

    @Test
    void failsWhenTheTestJvmDiedBeforeTheEndOfTheRun() throws Exception {
        TaskSummaryFile.write(folder.resolve(TaskSummaryGate.SUMMARY_FILE), RecordedRun.started());

        gate("").run(folder);

        assertThat(printed())
                .as("what the build prints when the file still says running")
                .contains("The test JVM stopped before the end of the tests");
        assertThat(verdict("failureMessage"))
                .as("message in the verdict")
                .startsWith("The test JVM stopped before the end of the tests");
    }

    @Test
    void printsNothingAndFailsNothingWhenNoTestRan() throws Exception {
        gate("").run(folder);

        assertThat(printed()).as("output without a summary file (-DskipTests)").isEmpty();
        assertThat(verdict("failures")).as("failures in the verdict").isEqualTo("0");
        assertThat(verdict("failureMessage")).as("message in the verdict").isEmpty();
    }

    @Test
    void namesTheBadIdAndTheLabsTasksWhenDashDTaskNamesNoTask() throws Exception {
        recorded(RecordedRun.Outcome.PASSED, 0, 0);

        gate("99").run(folder);

        assertThat(printed())
                .as("what the build prints after -Dtask=99")
                .isEqualTo("\n-Dtask=99: sample-lab has no task 99; its tasks are 0, 1, 2\n");
        assertThat(verdict("failureMessage"))
                .as("message in the verdict, which fails the build")
                .isEqualTo("-Dtask=99: sample-lab has no task 99; its tasks are 0, 1, 2");
    }

    @Test
    void namesAnIdThatIsNotANumberEvenWhenNoTestRan() throws Exception {
        gate("abc").run(folder);

        assertThat(verdict("failureMessage"))
                .as("message in the verdict after -Dtask=abc, with no summary file")
                .isEqualTo("-Dtask=abc: sample-lab has no task abc; its tasks are 0, 1, 2");
    }

    @Test
    void acceptsACommaListOfTasks() throws Exception {
        recorded(RecordedRun.Outcome.PASSED, 2, 0);

        gate("0,2").run(folder);

        assertThat(printed()).as("the summary after -Dtask=0,2").contains(SUMMARY.get(0));
        assertThat(verdict("failureMessage")).as("message in the verdict").isEmpty();
    }

    @Test
    void printsNothingWhenSilencedButStillFails() throws Exception {
        recorded(RecordedRun.Outcome.FAILED, 2, 1);
        TaskSummaryGate silent = new TaskSummaryGate(
                new PrintStream(out, true, StandardCharsets.UTF_8), TaskSelection.parse(""), Optional.of(LAB), false);

        silent.run(folder);

        assertThat(printed()).as("output with -Dlabkit.summary=false").isEmpty();
        assertThat(verdict("failures")).as("failures in the verdict").isEqualTo("1");
    }

    @Test
    void writesAMessageWithMarkupCharactersAsText() throws Exception {
        gate("<a&b>").run(folder);

        assertThat(verdict("failureMessage"))
                .as("the message, read back as failsafe:verify reads it")
                .isEqualTo("-Dtask=<a&b>: sample-lab has no task <a&b>; its tasks are 0, 1, 2");
    }

    private TaskSummaryGate gate(String task) {
        return new TaskSummaryGate(
                new PrintStream(out, true, StandardCharsets.UTF_8), TaskSelection.parse(task), Optional.of(LAB), true);
    }

    private void recorded(RecordedRun.Outcome outcome, int testsRun, int testsFailed) {
        TaskSummaryFile.write(
                folder.resolve(TaskSummaryGate.SUMMARY_FILE), new RecordedRun(outcome, testsRun, testsFailed, SUMMARY));
    }

    /** An element of the verdict, read with the XPath failsafe:verify uses. */
    private String verdict(String element) throws XPathExpressionException {
        XPath xpath = XPathFactory.newInstance().newXPath();
        InputSource file = new InputSource(
                folder.resolve(TaskSummaryGate.VERDICT_FILE).toUri().toString());
        return xpath.evaluate("/failsafe-summary/" + element, file);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
