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
 */
public record TestResult(
        String uniqueId, String name, String taskId, boolean hidden, TestStatus status, String message, String output) {

    public boolean passed() {
        return status == TestStatus.PASS;
    }
}
