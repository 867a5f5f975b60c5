package io.prodev.labs.labkit.summary;

import java.util.List;

/**
 * What the test JVM left in the summary file for the build to show once the tests are over.
 *
 * @param outcome     how the run ended
 * @param testsRun    the tests that ran, passed or not
 * @param testsFailed the tests, and containers such as a class whose {@code @BeforeAll} threw, that failed
 * @param lines       the summary to print, possibly none
 */
record RecordedRun(Outcome outcome, int testsRun, int testsFailed, List<String> lines) {

    /** How a test run ended. */
    enum Outcome {
        /** Written when the run starts: still there afterwards, the test JVM died before the end. */
        RUNNING,
        PASSED,
        FAILED
    }

    RecordedRun {
        lines = List.copyOf(lines);
    }

    /** The record written when a run starts. */
    static RecordedRun started() {
        return new RecordedRun(Outcome.RUNNING, 0, 0, List.of());
    }
}
