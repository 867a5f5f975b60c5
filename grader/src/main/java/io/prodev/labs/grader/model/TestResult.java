package io.prodev.labs.grader.model;

/**
 * One test of a graded submission.
 *
 * @param uniqueId the JUnit Platform unique id, stable between runs
 * @param name     a readable name ("LRUCacheTest > evictsLeastRecentlyUsedKey()")
 * @param taskId   the task the test belongs to
 * @param hidden   whether the test is hidden from learners
 * @param status   how it ended
 * @param message  the failure message, or null when it passed
 * @param output   what it printed, truncated; empty when nothing
 * @param hint     for a hidden test, the instructor's {@code @Hint} that a learner reads when it fails; else null
 * @param weight   how much it counts within its task under partial credit (labkit's {@code @Weight}; 1 by default)
 */
public record TestResult(
        String uniqueId,
        String name,
        String taskId,
        boolean hidden,
        TestStatus status,
        String message,
        String output,
        String hint,
        int weight) {

    public TestResult {
        if (weight < 1) {
            throw new IllegalArgumentException("a test's weight must be at least 1, got " + weight + " for " + name);
        }
    }

    /** A test without a hint, of weight 1. */
    public TestResult(
            String uniqueId,
            String name,
            String taskId,
            boolean hidden,
            TestStatus status,
            String message,
            String output) {
        this(uniqueId, name, taskId, hidden, status, message, output, null, 1);
    }

    public boolean passed() {
        return status == TestStatus.PASS;
    }
}
