package io.prodev.labs.grader.check;

import io.prodev.labs.grader.grade.GradeOptions;
import io.prodev.labs.grader.grade.SubmissionGrader;
import io.prodev.labs.grader.lab.PreparedLab;
import io.prodev.labs.grader.launch.WarmWorkers;
import io.prodev.labs.grader.model.SubmissionResult;
import io.prodev.labs.labkit.catalogue.LabTask;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A task's tests need no later task: with the reference's files for the first k tasks of the catalogue and the
 * starter's for the rest, each of those k tasks gets its points, for every k. Learners work in the catalogue's order
 * and a task scores only with all its tests, so a test that needs a later task's file would take a finished task's
 * points from every learner who has not finished the lab. A test may need an earlier task (task 6 runs commands with
 * task 2's code); the README says so where it does.
 */
public final class TaskOrderCheck {

    private TaskOrderCheck() {}

    /**
     * Grades the lab's n-1 partial submissions (warm JVMs, as a batch does) and returns one sentence per task that
     * lost points in one of them, naming its first failing test; empty when no task needs a later one.
     *
     * @param referenceFiles the reference's learner files, by path in the lab
     */
    public static List<String> problems(
            PreparedLab lab, GradeOptions options, Map<String, String> referenceFiles, Consumer<String> log) {
        List<LabTask> tasks = lab.catalogue().tasks();
        List<String> problems = new ArrayList<>();
        try (WarmWorkers warm = new WarmWorkers(lab, options.limits(), log)) {
            SubmissionGrader grader = new SubmissionGrader(lab, options, warm);
            for (int done = 1; done < tasks.size(); done++) {
                Set<String> doneFiles = new HashSet<>();
                tasks.subList(0, done).forEach(task -> doneFiles.addAll(task.files()));
                Map<String, String> files = new LinkedHashMap<>();
                referenceFiles.forEach((file, reference) -> files.put(
                        file,
                        doneFiles.contains(file) ? reference : grader.compiler().starterVersion(file)));
                String next = tasks.get(done).id();
                SubmissionResult result = InMemorySubmission.grade(grader, "tasks-before-" + next, files);
                for (LabTask task : tasks.subList(0, done)) {
                    result.tests().stream()
                            .filter(test -> task.id().equals(test.taskId()) && !test.passed())
                            .findFirst()
                            .ifPresent(test -> problems.add("task " + task.id() + " (" + task.title()
                                    + ") fails when only the tasks before task " + next + " are done: "
                                    + test.name() + ": " + test.message() + " (a test of it needs a later task)"));
                }
            }
        }
        return problems;
    }
}
