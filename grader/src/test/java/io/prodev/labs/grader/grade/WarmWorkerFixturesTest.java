package io.prodev.labs.grader.grade;

import static io.prodev.labs.grader.grade.SampleLabSubmissions.failing;
import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.grader.lab.PreparedLab;
import io.prodev.labs.grader.launch.RunLimits;
import io.prodev.labs.grader.launch.WarmWorkers;
import io.prodev.labs.grader.model.SubmissionResult;
import io.prodev.labs.grader.model.TestResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A warm test JVM starts the fixtures its lab's lab.json names, inside itself, and only those; it resets them
 * before each submission. The {@link SampleLab} names one, "counter": a server that counts HIT lines, whose
 * count its task 3 tests read. Its first task 3 test needs a count of zero, so a second submission graded in the
 * same worker passes it only if the worker reset the counter the first one hit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WarmWorkerFixturesTest {

    /** The line the counter's JUnit extension prints when it picks a server: "... 127.0.0.1:PORT (why)". */
    private static final Pattern COUNTER_LINE =
            Pattern.compile("\\[sample-lab] counter for tests: .*127\\.0\\.0\\.1:(\\d+).*");

    private final List<SubmissionResult> withCounter = new ArrayList<>();
    private List<String> fixturesWithCounter;
    private List<String> replacementsWithCounter;
    private int warmRunsWithCounter;

    private SubmissionResult withoutFixture;
    private List<String> fixturesWithoutFixture;
    private int warmRunsWithoutFixture;

    @BeforeAll
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void gradeInWarmWorkers(@TempDir Path dir) throws IOException {
        GradeOptions options = new GradeOptions(RunLimits.DEFAULT, false, false, false);

        PreparedLab lab = SampleLab.lab();
        try (WarmWorkers warm = new WarmWorkers(lab, options.limits(), line -> {})) {
            SubmissionGrader grader = new SubmissionGrader(lab, options, warm);
            withCounter.add(grader.grade(SampleLabSubmissions.reference(dir, "first")));
            withCounter.add(grader.grade(SampleLabSubmissions.reference(dir, "second")));
            fixturesWithCounter = warm.fixturesStarted();
            replacementsWithCounter = warm.replacements();
            warmRunsWithCounter = warm.warmRuns();
        }

        PreparedLab noFixture = SampleLab.declaringNoFixture();
        try (WarmWorkers warm = new WarmWorkers(noFixture, options.limits(), line -> {})) {
            withoutFixture = new SubmissionGrader(noFixture, options, warm)
                    .grade(SampleLabSubmissions.reference(dir, "no-fixture"));
            fixturesWithoutFixture = warm.fixturesStarted();
            warmRunsWithoutFixture = warm.warmRuns();
        }
    }

    @Test
    void theSampleLabsWorkerStartsExactlyTheCounter() {
        assertThat(fixturesWithCounter)
                .as("fixtures started by the warm workers of a lab whose lab.json names \"counter\" (one worker)")
                .singleElement()
                .asString()
                .startsWith("counter server on 127.0.0.1:");
        assertThat(withCounter.get(0).tests())
                .as("what the counter's extension said in the first submission's tests: it used the worker's server")
                .map(WarmWorkerFixturesTest::counterLine)
                .anyMatch(line -> line.endsWith("(COUNTER_PORT is set)"));
    }

    @Test
    void theCounterIsResetBetweenTwoSubmissionsInOneWorker() {
        assertThat(warmRunsWithCounter)
                .as("submissions graded in a warm JVM, out of two")
                .isEqualTo(2);
        assertThat(replacementsWithCounter)
                .as("worker replacements: none, so both ran in the one worker that started the counter")
                .isEmpty();
        assertThat(counterPorts(withCounter.get(1)))
                .as("the counter port the second submission's tests used: the first one's (one server, reset)")
                .isNotEmpty()
                .containsOnly(counterPorts(withCounter.get(0)).toArray(String[]::new));
        for (SubmissionResult result : withCounter) {
            assertThat(result.total())
                    .as(
                            "points of %s, whose first counter test needs a count of zero; failing: %s",
                            result.submissionId(), failing(result))
                    .isEqualTo(result.max());
        }
    }

    @Test
    void aLabThatNamesNoFixtureStartsNone() {
        assertThat(warmRunsWithoutFixture)
                .as("submissions graded in a warm JVM of the lab without a fixture")
                .isEqualTo(1);
        assertThat(fixturesWithoutFixture)
                .as("fixtures started by the warm worker of a lab whose lab.json names none")
                .isEmpty();
        assertThat(withoutFixture.tests())
                .as("what the counter's extension said: with no fixture started, it started a server of its own")
                .map(WarmWorkerFixturesTest::counterLine)
                .anyMatch(line -> line.endsWith("(COUNTER_PORT is not set: started one for this test run)"));
        assertThat(withoutFixture.total())
                .as(
                        "points of the reference, its extension's own counter serving task 3; failing: %s",
                        failing(withoutFixture))
                .isEqualTo(withoutFixture.max());
    }

    /** The counter line a test printed, or "" when it printed none. */
    private static String counterLine(TestResult test) {
        String output = test.output() == null ? "" : test.output();
        return output.lines()
                .filter(line -> COUNTER_LINE.matcher(line).matches())
                .findFirst()
                .orElse("");
    }

    private static List<String> counterPorts(SubmissionResult result) {
        List<String> ports = new ArrayList<>();
        for (TestResult test : result.tests()) {
            Matcher line = COUNTER_LINE.matcher(counterLine(test));
            if (line.matches()) {
                ports.add(line.group(1));
            }
        }
        return ports;
    }
}
