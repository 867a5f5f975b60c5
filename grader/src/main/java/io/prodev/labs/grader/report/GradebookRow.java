package io.prodev.labs.grader.report;

import io.prodev.labs.grader.model.SubmissionResult;
import io.prodev.labs.grader.model.TaskScore;
import io.prodev.labs.labkit.catalogue.LabCatalogue;
import io.prodev.labs.labkit.catalogue.LabTask;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One submission's line of the gradebook.
 *
 * @param submissionId the submission's id
 * @param taskPoints   points per task id, in the gradebook's column order
 * @param total        points earned
 * @param max          points possible
 * @param status       "pass", "fail" or "error"
 * @param compileErrors how many of its files did not compile (each was graded as its starter version)
 * @param gradedAt     ISO-8601 instant, or empty
 */
public record GradebookRow(
        String submissionId,
        Map<String, Double> taskPoints,
        double total,
        int max,
        String status,
        int compileErrors,
        String gradedAt) {

    public GradebookRow {
        if (submissionId == null || submissionId.isEmpty()) {
            throw new IllegalArgumentException("a gradebook row needs a submission id, got: " + submissionId);
        }
        // Map.copyOf would lose the column order.
        taskPoints = Collections.unmodifiableMap(new LinkedHashMap<>(taskPoints));
        status = status == null ? "" : status;
        gradedAt = gradedAt == null ? "" : gradedAt;
    }

    /** The row for a result, one task column per catalogue task (0 for a task the result did not score). */
    public static GradebookRow of(SubmissionResult result, LabCatalogue catalogue) {
        Map<String, Double> points = new LinkedHashMap<>();
        for (LabTask task : catalogue.tasks()) {
            points.put(
                    task.id(),
                    result.tasks().stream()
                            .filter(score -> score.taskId().equals(task.id()))
                            .mapToDouble(TaskScore::points)
                            .findFirst()
                            .orElse(0));
        }
        return new GradebookRow(
                result.submissionId(),
                points,
                result.total(),
                result.max(),
                result.status().json(),
                (int) result.compileProblems().stream()
                        .map(problem -> problem.file())
                        .distinct()
                        .count(),
                result.gradedAt() == null ? "" : result.gradedAt().toString());
    }

    /** The task's points, 0 when the row has no such column. */
    public double points(String taskId) {
        return taskPoints.getOrDefault(taskId, 0.0);
    }
}
