package io.prodev.labs.grader.launch;

import java.time.Duration;

/**
 * The limits every forked test run gets.
 *
 * @param perTest     a single test's time limit
 * @param wholeRun    the wall-clock limit of the whole run; the JVM is killed past it
 * @param heapMb      the test JVM's maximum heap
 * @param outputBytes what is kept of each test's printed output
 */
public record RunLimits(Duration perTest, Duration wholeRun, int heapMb, int outputBytes) {

    public static final RunLimits DEFAULT = new RunLimits(Duration.ofSeconds(10), Duration.ofSeconds(120), 256, 2_000);

    public RunLimits {
        if (perTest.isNegative() || perTest.isZero()) {
            throw new IllegalArgumentException("the per-test timeout must be positive, got: " + perTest);
        }
        if (wholeRun.compareTo(perTest) < 0) {
            throw new IllegalArgumentException(
                    "the run timeout (" + wholeRun + ") must be at least the test timeout (" + perTest + ")");
        }
        if (heapMb < 32) {
            throw new IllegalArgumentException("the heap cap must be at least 32 MB, got: " + heapMb);
        }
    }

    /** How a run that reached {@link #wholeRun} is described to the learner. */
    String stoppedAtTimeLimit() {
        return "was stopped at its " + wholeRun.toSeconds() + " s time limit";
    }
}
