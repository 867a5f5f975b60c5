package io.prodev.labs.grader.grade;

import static io.prodev.labs.grader.grade.SampleLabSubmissions.failing;
import static io.prodev.labs.grader.grade.SampleLabSubmissions.withStatement;
import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.grader.lab.PreparedLab;
import io.prodev.labs.grader.launch.RunLimits;
import io.prodev.labs.grader.launch.WarmWorkers;
import io.prodev.labs.grader.model.SubmissionResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Submissions graded one after another in warm JVMs must not see each other: each gets a clean workspace, and
 * a run that leaves something in the JVM (a system property, a thread still running its code, a socket still
 * open) gets the worker
 * replaced before the next submission. Each submission below is the {@link SampleLab}'s reference plus one
 * statement at the top of Tally.count; those that look for a predecessor's traces lose task 2 if they find any.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WarmWorkerIsolationTest {

    private static final String FILE = "java.nio.file.Files";
    private static final String PATH = "java.nio.file.Path";

    private final Map<String, SubmissionResult> results = new LinkedHashMap<>();
    private final Map<String, List<String>> replacementsAfter = new LinkedHashMap<>();
    private int warmRuns;

    @BeforeAll
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void gradeOneAfterAnother(@TempDir Path dir) throws IOException {
        List<Path> submissions = List.of(
                withStatement(
                        dir,
                        "leaves-files",
                        "if (" + FILE + ".notExists(" + PATH + ".of(\"left-in-work.txt\"))) try { " + FILE
                                + ".writeString(" + PATH + ".of(\"left-in-work.txt\"), \"x\"); "
                                + FILE + ".writeString(" + PATH
                                + ".of(System.getProperty(\"java.io.tmpdir\"), \"left-in-tmp.txt\"), \"x\"); "
                                + "} catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }"),
                withStatement(
                        dir,
                        "looks-for-files",
                        "if (" + FILE + ".exists(" + PATH + ".of(\"left-in-work.txt\")) || " + FILE + ".exists(" + PATH
                                + ".of(System.getProperty(\"java.io.tmpdir\"), \"left-in-tmp.txt\"))) { return -1; }"),
                withStatement(dir, "sets-a-property", "System.setProperty(\"prodev.left.behind\", \"x\");"),
                withStatement(
                        dir,
                        "looks-for-the-property",
                        "if (System.getProperty(\"prodev.left.behind\") != null) { return -1; }"),
                withStatement(
                        dir,
                        "starts-a-spinner",
                        "if (" + FILE + ".notExists(" + PATH + ".of(\"spinner-started\"))) { try { "
                                + FILE + ".writeString(" + PATH
                                + ".of(\"spinner-started\"), \"x\"); } catch (java.io.IOException e) { } "
                                + "Thread spinner = new Thread(() -> { while (true) { Thread.onSpinWait(); } }, \"spinner\"); "
                                + "spinner.setDaemon(true); spinner.start(); }"),
                withStatement(
                        dir,
                        "leaves-sockets-open",
                        "if (" + FILE + ".notExists(" + PATH + ".of(\"sockets-opened\"))) { try { "
                                + FILE + ".writeString(" + PATH + ".of(\"sockets-opened\"), \"x\"); "
                                + "java.net.InetAddress loopback = java.net.InetAddress.getLoopbackAddress(); "
                                + "java.net.ServerSocket server = new java.net.ServerSocket(0, 1, loopback); "
                                + "java.net.Socket client = new java.net.Socket(loopback, server.getLocalPort()); "
                                // kept reachable, so that no garbage collection closes them before the check
                                + "System.getProperties().put(\"prodev.sockets\", java.util.List.of(server, client)); "
                                + "} catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); } }"),
                SampleLabSubmissions.reference(dir, "reference"));

        PreparedLab lab = SampleLab.lab();
        GradeOptions options = new GradeOptions(RunLimits.DEFAULT, false, false, false);
        try (WarmWorkers warm = new WarmWorkers(lab, options.limits(), line -> {})) {
            SubmissionGrader grader = new SubmissionGrader(lab, options, warm);
            for (Path submission : submissions) {
                int before = warm.replacements().size();
                SubmissionResult result = grader.grade(submission);
                results.put(result.submissionId(), result);
                replacementsAfter.put(
                        result.submissionId(),
                        warm.replacements().subList(before, warm.replacements().size()));
            }
            warmRuns = warm.warmRuns();
        }
    }

    @Test
    void everySubmissionRanWarmAndEarnedFullMarks() {
        assertThat(warmRuns)
                .as("submissions whose results came from a warm JVM (the rest ran in a fresh one)")
                .isEqualTo(results.size());
        results.values()
                .forEach(result -> assertThat(result.total())
                        .as(
                                "points of %s, which finds no trace of the submissions before it; failing: %s",
                                result.submissionId(), failing(result))
                        .isEqualTo(result.max()));
    }

    @Test
    void filesLeftInTheWorkspaceAreGoneAndTheWorkerStays() {
        assertThat(replacementsAfter.get("leaves-files"))
                .as("worker replacements after a run that only wrote files "
                        + "inside its workspace (the next run gets that workspace empty)")
                .isEmpty();
    }

    @Test
    void aChangedSystemPropertyRetiresTheWorker() {
        assertThat(replacementsAfter.get("sets-a-property"))
                .as("why the worker was replaced after a run set a property")
                .singleElement()
                .asString()
                .contains("system properties changed: prodev.left.behind");
        assertThat(results.get("sets-a-property").notes())
                .as("the learner's notes, after their code set a system property")
                .anyMatch(note -> note.startsWith("Your code left something behind in the test JVM")
                        && note.contains("system properties changed: prodev.left.behind"));
    }

    @Test
    void aSocketLeftOpenRetiresTheWorkerAndTheLearnerIsTold() {
        assertThat(replacementsAfter.get("leaves-sockets-open"))
                .as("why the worker was replaced after a run left a server socket and a connection open")
                .singleElement()
                .asString()
                .containsPattern("a connection to 127\\.0\\.0\\.1:\\d+ was still open")
                .containsPattern("a server socket on port \\d+ was still open");
        assertThat(results.get("leaves-sockets-open").notes())
                .as("the learner's notes, after their code left a connection open")
                .anyMatch(note -> note.startsWith("Your code left something behind in the test JVM")
                        && note.contains("a connection to 127.0.0.1:"));
    }

    @Test
    void aThreadStillRunningLearnerCodeRetiresTheWorker() {
        assertThat(replacementsAfter.get("starts-a-spinner"))
                .as("why the worker was replaced after a run left a thread")
                .singleElement()
                .asString()
                .contains("thread 'spinner' was still running");
        assertThat(results.get("starts-a-spinner").notes())
                .as("the learner's notes, after their code left a thread running")
                .anyMatch(note -> note.contains("thread 'spinner' was still running"));
        assertThat(results.get("reference").notes())
                .as("the reference's notes: it leaves nothing behind")
                .noneMatch(note -> note.startsWith("Your code left something behind"));
        assertThat(replacementsAfter.get("reference"))
                .as("replacements after the reference, which leaves nothing")
                .isEmpty();
    }
}
