package io.prodev.labs.grader.model;

/** How one test ended, in the words of Exercism's test-runner interface (v3). */
public enum TestStatus {
    /** The test ran and passed. */
    PASS,
    /** The test ran and an assertion failed. */
    FAIL,
    /** The test could not run to an answer: it threw, timed out, or never ran (crash, time limit). */
    ERROR;

    /** The lower-case word results.json uses. */
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
