package io.prodev.labs.grader.model;

/** The outcome of grading one submission, as results.json's top-level status. */
public enum GradeStatus {
    /** Every test passed. */
    PASS,
    /** Grading completed and some tests did not pass. */
    FAIL,
    /** The submission could not be graded as a whole (not this lab, unreadable, no tests ran). */
    ERROR;

    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
