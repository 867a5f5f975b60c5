package io.prodev.labs.grader.score;

import io.prodev.labs.grader.model.TaskScore;
import io.prodev.labs.grader.model.TestResult;
import io.prodev.labs.labkit.catalogue.LabCatalogue;
import io.prodev.labs.labkit.catalogue.LabTask;
import java.util.List;

/**
 * Turns test results into task points: a task earns its points when every one of its tests passed
 * (with {@code partial}, in proportion to the weight of the tests passed: labkit's {@code @Weight}, 1 by
 * default). A task with no tests earns nothing.
 */
public final class Scorer {

    private Scorer() {}

    public static List<TaskScore> score(LabCatalogue catalogue, List<TestResult> tests, boolean partial) {
        return catalogue.tasks().stream()
                .map(task -> score(task, tests, partial))
                .toList();
    }

    private static TaskScore score(LabTask task, List<TestResult> tests, boolean partial) {
        List<TestResult> own =
                tests.stream().filter(test -> task.id().equals(test.taskId())).toList();
        int passed = (int) own.stream().filter(TestResult::passed).count();
        int total = own.size();
        double points;
        if (total == 0) {
            points = 0;
        } else if (partial) {
            int passedWeight = own.stream()
                    .filter(TestResult::passed)
                    .mapToInt(TestResult::weight)
                    .sum();
            int totalWeight = own.stream().mapToInt(TestResult::weight).sum();
            points = Math.round(100.0 * task.points() * passedWeight / totalWeight) / 100.0;
        } else {
            points = passed == total ? task.points() : 0;
        }
        return new TaskScore(task.id(), task.title(), passed, total, points, task.points());
    }

    public static double total(List<TaskScore> scores) {
        return Math.round(100.0 * scores.stream().mapToDouble(TaskScore::points).sum()) / 100.0;
    }
}
