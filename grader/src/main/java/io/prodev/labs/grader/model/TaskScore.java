package io.prodev.labs.grader.model;

/**
 * What one task earned.
 *
 * @param taskId    the catalogue id
 * @param title     the catalogue title
 * @param passed    tests of the task that passed
 * @param total     tests of the task
 * @param points    points earned (all or nothing, or in proportion with --partial)
 * @param maxPoints the task's points in the catalogue
 */
public record TaskScore(String taskId, String title, int passed, int total, double points, int maxPoints) {

    public boolean complete() {
        return total > 0 && passed == total;
    }
}
