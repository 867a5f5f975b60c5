package io.prodev.labs.grader.grade;

import static io.prodev.labs.grader.grade.SampleLabSubmissions.TALLY;
import static io.prodev.labs.grader.grade.SampleLabSubmissions.failing;
import static io.prodev.labs.grader.grade.SampleLabSubmissions.withStatement;
import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.grader.lab.PreparedLab;
import io.prodev.labs.grader.launch.RunLimits;
import io.prodev.labs.grader.model.GradeStatus;
import io.prodev.labs.grader.model.SubmissionResult;
import io.prodev.labs.grader.model.TaskScore;
import io.prodev.labs.grader.model.TestResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile scenarios: one batch holds the reference of the {@link SampleLab} and a dozen broken or hostile
 * submissions, graded together. Most are the reference with one statement at the top of {@code Tally.count}
 * (task 2). Each must get a clear reason and lose only the task it broke; none may touch another.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileSubmissionsTest {

    Path escapee;
    Map<String, SubmissionResult> results;

    @BeforeAll
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void gradeTheBatch(@TempDir Path dir) throws IOException {
        escapee = dir.resolve("escaped.txt");
        Path batch = Files.createDirectories(dir.resolve("batch"));
        SampleLabSubmissions.reference(batch, "reference");
        SampleLabSubmissions.reference(batch, "reference-again");
        withStatement(batch, "compile-error", "int broken = ;");
        withStatement(batch, "infinite-loop", SampleLabSubmissions.LOOPS_FOREVER);
        withStatement(batch, "system-exit", "if (key != null) { System.exit(3); }");
        withStatement(batch, "replaces-the-sandbox", "if (key != null) { System.setSecurityManager(null); }");
        // The JDK creates a SecurityManager of its own (JceSecurityManager) the first time it checks the crypto policy,
        // as every TLS connection does (Cipher.getMaxAllowedKeyLength).
        withStatement(
                batch,
                "uses-the-jdks-crypto",
                "try { javax.crypto.Cipher.getMaxAllowedKeyLength(\"AES\"); }"
                        + " catch (java.security.GeneralSecurityException e) { throw new IllegalStateException(e); }");
        withStatement(batch, "out-of-memory", SampleLabSubmissions.RUNS_OUT_OF_MEMORY);
        withStatement(batch, "stack-overflow", "if (key != null) { return count(key); }");
        withStatement(
                batch,
                "endless-thread",
                "if (!Boolean.getBoolean(\"spawned\")) { System.setProperty(\"spawned\", \"true\"); Thread t = new Thread(() -> { while (true) {"
                        + " try { Thread.sleep(50); } catch (InterruptedException e) { } } }); t.setDaemon(false); t.start(); }");
        withStatement(
                batch,
                "floods-stdout",
                "if (!Boolean.getBoolean(\"flooded\")) { System.setProperty(\"flooded\", \"true\");"
                        + " String line = \"x\".repeat(1_000); for (int i = 0; i < 100_000; i++) { System.out.println(line); } }");
        withStatement(
                batch,
                "writes-outside",
                "try { java.nio.file.Files.writeString(java.nio.file.Path.of(\""
                        + escapee.toString().replace("\\", "\\\\")
                        + "\"), \"x\"); } catch (java.io.IOException e) { }");
        // The test classes' folder is easy to guess (target/test-classes): the sandbox must stop the read, not secrecy.
        withStatement(
                batch,
                "reads-hidden-tests",
                "try (var files = java.nio.file.Files.walk(java.nio.file.Path.of(\""
                        + SampleLab.lab().testClasses().toString().replace("\\", "\\\\") + "\"))) {"
                        + " System.out.println(files.count()); } catch (java.io.IOException e) { }");
        Path edited = SampleLabSubmissions.reference(batch, "edited-tests");
        Path editedTest = edited.resolve(SampleLab.NAME).resolve(SampleLabSubmissions.TALLY_TEST);
        Files.createDirectories(editedTest.getParent());
        Files.writeString(editedTest, "class TallyTest { }");
        Files.createDirectories(batch.resolve("empty"));
        Files.createDirectories(batch.resolve("other-lab/redis-lab/src/main/java"));
        Files.writeString(batch.resolve("other-lab/redis-lab/src/main/java/Counter.java"), "class Counter { }");
        Map<String, String> zipped = new LinkedHashMap<>();
        zipped.put("../escaped-from-zip.txt", "x");
        for (String file : SampleLab.lab().catalogue().learnerFiles()) {
            zipped.put(
                    SampleLab.NAME + "/" + file,
                    Files.readString(SampleLab.lab().dir().resolve(file)));
        }
        SampleLabSubmissions.zip(batch.resolve("zip-slip.zip"), zipped);

        PreparedLab lab = SampleLab.lab();
        // 5 s per test: the sample lab's tests take milliseconds, and the infinite loop times out sooner.
        RunLimits limits = new RunLimits(Duration.ofSeconds(5), Duration.ofSeconds(240), 128, 2_000);
        results = SampleLabSubmissions.gradeBatch(batch, limits).stream()
                .collect(Collectors.toMap(SubmissionResult::submissionId, Function.identity()));
    }

    @Test
    void referenceEarnsFullMarksTwiceOver() {
        SubmissionResult reference = results.get("reference");
        assertThat(reference.total())
                .as("the reference's points; failing: %s", failing(reference))
                .isEqualTo(reference.max());
        assertThat(reference.tests())
                .as("the reference's tests: the sample lab's hidden ones (task 2) are graded too")
                .filteredOn(TestResult::hidden)
                .isNotEmpty()
                .allMatch(test -> test.taskId().equals("2"));
        assertThat(statuses(results.get("reference-again")))
                .as("the test statuses of the same submission graded twice")
                .isEqualTo(statuses(reference));
    }

    @Test
    void aFileThatDoesNotCompileCostsOnlyItsTask() {
        SubmissionResult result = results.get("compile-error");
        assertThat(result.compileProblems())
                .as("compile problems of a Tally.java with 'int broken = ;'")
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.file())
                            .as("the file that did not compile")
                            .isEqualTo(TALLY);
                    assertThat(problem.line()).as("line of the error").isPositive();
                    assertThat(problem.message())
                            .as("the compiler's message, which names the file and line")
                            .contains("Tally.java:" + problem.line() + ": error:");
                });
        assertOnlyTaskTwoLost(result);
    }

    @Test
    void anInfiniteLoopTimesOutItsTestsOnly() {
        SubmissionResult result = results.get("infinite-loop");
        assertThat(messages(result))
                .as("failure messages, one of which says a test timed out")
                .anyMatch(message -> message.contains("timed out"));
        assertOnlyTaskTwoLost(result);
    }

    @Test
    void systemExitIsDeniedAndReported() {
        SubmissionResult result = results.get("system-exit");
        assertThat(result.notes())
                .as("notes, one of which names the denied System.exit(3)")
                .anyMatch(note -> note.contains("System.exit(3)"));
        assertOnlyTaskTwoLost(result);
    }

    @Test
    void replacingTheSandboxIsDeniedAndReported() {
        assertOnlyTaskTwoLost(results.get("replaces-the-sandbox"));
        assertThat(results.get("replaces-the-sandbox").notes())
                .as("notes of a submission that calls System.setSecurityManager")
                .anyMatch(note -> note.contains("replace the grader's sandbox"));
    }

    @Test
    void usingTheJdksCryptoIsAllowed() {
        SubmissionResult crypto = results.get("uses-the-jdks-crypto");
        assertThat(crypto.total())
                .as(
                        "points of a correct submission whose code is the first to use javax.crypto; failing: %s",
                        failing(crypto))
                .isEqualTo(crypto.max());
    }

    @Test
    void outOfMemoryFailsTheTestNotTheRun() {
        SubmissionResult result = results.get("out-of-memory");
        assertThat(messages(result))
                .as("failure messages, one of which names the OutOfMemoryError")
                .anyMatch(message -> message.contains("OutOfMemoryError"));
        assertThat(result.notes())
                .as("notes, one of which says the tests after the crash ran in a new JVM")
                .anyMatch(note -> note.contains("the tests after it ran in a new one"));
        assertThat(messages(result))
                .as("after the crash the other tasks' tests still run in a new JVM")
                .noneMatch(message -> message.startsWith("did not run"));
        assertOnlyTaskTwoLost(result);
    }

    @Test
    void stackOverflowFailsTheTestNotTheRun() {
        SubmissionResult result = results.get("stack-overflow");
        assertThat(messages(result))
                .as("failure messages, one of which names the StackOverflowError")
                .anyMatch(message -> message.contains("StackOverflowError"));
        assertOnlyTaskTwoLost(result);
    }

    @Test
    void aThreadThatNeverEndsDoesNotHoldTheRun() {
        SubmissionResult result = results.get("endless-thread");
        assertThat(result.total())
                .as("points of a submission that leaves a non-daemon thread running; failing: %s", failing(result))
                .isEqualTo(results.get("reference").total());
        assertThat(result.notes())
                .as("notes of a run that a never-ending thread must not hold up")
                .noneMatch(note -> note.contains("time limit"));
    }

    @Test
    void hundredMegabytesOfOutputAreCutPerTest() {
        SubmissionResult result = results.get("floods-stdout");
        assertThat(result.tests())
                .as("every test's kept output, at most about 2 KB")
                .allSatisfy(test -> assertThat(test.output().length()).isLessThan(2_200));
        assertThat(result.tests())
                .as("tests whose output says how much was cut")
                .anyMatch(test -> test.output().contains("more bytes of output cut"));
        assertThat(result.total())
                .as("points of a submission that only prints a lot; failing: %s", failing(result))
                .isEqualTo(results.get("reference").total());
    }

    @Test
    void aWriteOutsideTheWorkspaceIsDenied() {
        SubmissionResult result = results.get("writes-outside");
        assertThat(escapee)
                .as("the file learner code tried to write outside its workspace")
                .doesNotExist();
        assertThat(result.notes())
                .as("notes, one of which reports the denied write")
                .anyMatch(note -> note.contains("tried to write outside its workspace"));
        assertOnlyTaskTwoLost(result);
    }

    @Test
    void readingTheInstructorsTestsIsDenied() {
        SubmissionResult result = results.get("reads-hidden-tests");
        assertThat(result.notes())
                .as("notes, one of which reports the denied read of the test classes")
                .anyMatch(note -> note.contains("tried to read the instructor's test files"));
        assertOnlyTaskTwoLost(result);
    }

    @Test
    void editedTestFilesAreIgnoredAndReported() {
        SubmissionResult result = results.get("edited-tests");
        assertThat(result.notes())
                .as("notes, one of which says the edited TallyTest.java was ignored")
                .anyMatch(note -> note.contains("TallyTest.java was changed: ignored"));
        assertThat(result.total())
                .as("points when the instructor's tests replace the edited one; failing: %s", failing(result))
                .isEqualTo(results.get("reference").total());
        assertThat(result.tests())
                .as("tests run: the instructor's, all of them")
                .hasSameSizeAs(results.get("reference").tests());
    }

    @Test
    void anEmptySubmissionIsAnErrorWithItsReason() {
        SubmissionResult result = results.get("empty");
        assertThat(result.status()).as("status of an empty submission").isEqualTo(GradeStatus.ERROR);
        assertThat(result.message()).as("message of an empty submission").isEqualTo("the submission is empty");
        assertThat(result.total()).as("points of an empty submission").isZero();
    }

    @Test
    void aZipWithParentPathsIsUnpackedSafely() {
        SubmissionResult result = results.get("zip-slip");
        assertThat(result.notes())
                .as("notes, one of which says the '../' entry was skipped")
                .anyMatch(note -> note.contains("'../escaped-from-zip.txt' points outside"));
        assertThat(result.total())
                .as("points of the zip's other entries, the reference; failing: %s", failing(result))
                .isEqualTo(results.get("reference").total());
    }

    @Test
    void aSubmissionOfAnotherLabIsNamedAsSuch() {
        SubmissionResult result = results.get("other-lab");
        assertThat(result.status()).as("status of a redis-lab submission").isEqualTo(GradeStatus.ERROR);
        assertThat(result.message())
                .as("message of a redis-lab submission")
                .isEqualTo("this is a submission for redis-lab, not sample-lab");
    }

    private void assertOnlyTaskTwoLost(SubmissionResult result) {
        Map<String, Double> reference = points(results.get("reference"));
        Map<String, Double> expected = new LinkedHashMap<>(reference);
        expected.put("2", 0.0);
        assertThat(points(result))
                .as(
                        "points per task of %s (task 2, Tally, is the broken one); failing: %s",
                        result.submissionId(), failing(result))
                .isEqualTo(expected);
    }

    private static Map<String, Double> points(SubmissionResult result) {
        Map<String, Double> points = new LinkedHashMap<>();
        for (TaskScore task : result.tasks()) {
            points.put(task.taskId(), task.points());
        }
        return points;
    }

    private static Map<String, String> statuses(SubmissionResult result) {
        return result.tests().stream()
                .collect(Collectors.toMap(
                        TestResult::uniqueId, test -> test.status().json()));
    }

    private static List<String> messages(SubmissionResult result) {
        return result.tests().stream()
                .map(TestResult::message)
                .filter(java.util.Objects::nonNull)
                .toList();
    }
}
