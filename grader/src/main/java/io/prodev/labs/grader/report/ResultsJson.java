package io.prodev.labs.grader.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prodev.labs.grader.model.CompileProblem;
import io.prodev.labs.grader.model.GradeStatus;
import io.prodev.labs.grader.model.SubmissionResult;
import io.prodev.labs.grader.model.TaskScore;
import io.prodev.labs.grader.model.TestResult;
import java.nio.file.Path;

/**
 * results.json: Exercism's test-runner interface (version 3) plus our points, so tools that read
 * Exercism results read ours. Hidden tests appear only as "hidden test N of task T" with a status.
 */
public final class ResultsJson {

    private ResultsJson() {}

    /** Writes the result's results.json. */
    public static void write(SubmissionResult result, Path file) {
        JsonFiles.write(tree(result), file);
    }

    static ObjectNode tree(SubmissionResult result) {
        HiddenTests hidden = new HiddenTests(result.tests());
        ObjectNode root = JsonFiles.mapper().createObjectNode();
        root.put("version", 3);
        root.put("status", result.status().json());
        String message = topMessage(result, hidden);
        if (message != null) {
            root.put("message", message);
        }
        root.put("submission", result.submissionId());
        root.put("lab", result.lab());
        root.put(
                "graded_at",
                result.gradedAt() == null ? null : result.gradedAt().toString());
        root.put("points", Points.decimal(result.total()));
        root.put("max_points", result.max());
        ArrayNode notes = root.putArray("notes");
        result.notes().forEach(note -> notes.add(hidden.redact(note)));
        ArrayNode compileErrors = root.putArray("compile_errors");
        for (CompileProblem problem : result.compileProblems()) {
            compileErrors
                    .addObject()
                    .put("file", problem.file())
                    .put("line", problem.line())
                    .put("message", hidden.redact(problem.message()));
        }
        ArrayNode tasks = root.putArray("tasks");
        for (TaskScore task : result.tasks()) {
            ObjectNode node = tasks.addObject();
            node.set("id", TaskIdJson.json(task.taskId()));
            node.put("title", task.title())
                    .put("points", Points.decimal(task.points()))
                    .put("max_points", task.maxPoints())
                    .put("passed", task.passed())
                    .put("total", task.total());
        }
        ArrayNode tests = root.putArray("tests");
        result.tests().forEach(test -> tests.add(test(test, hidden)));
        return root;
    }

    private static ObjectNode test(TestResult test, HiddenTests hidden) {
        ObjectNode node = JsonFiles.mapper().createObjectNode();
        if (test.hidden()) {
            // Status, task and the instructor's hint only: a message or output could give the hidden test away.
            node.put("name", hidden.label(test));
            node.put("status", test.status().json());
            if (!test.passed() && test.hint() != null) {
                node.put("message", "hint: " + test.hint());
            }
            node.set("task_id", TaskIdJson.json(test.taskId()));
            return node;
        }
        node.put("name", test.name());
        node.put("status", test.status().json());
        if (!test.passed()) {
            node.put(
                    "message",
                    test.message() == null || test.message().isBlank()
                            ? "the test did not pass and gave no message"
                            : hidden.redact(test.message()));
        }
        if (test.output() != null && !test.output().isEmpty()) {
            node.put("output", hidden.redact(test.output()));
        }
        node.set("task_id", TaskIdJson.json(test.taskId()));
        return node;
    }

    /** Exercism requires a message when the status is error; we also say when files were swapped. */
    private static String topMessage(SubmissionResult result, HiddenTests hidden) {
        if (result.message() != null && !result.message().isBlank()) {
            return hidden.redact(result.message());
        }
        if (!result.compileProblems().isEmpty()) {
            return result.compileProblems().size() == 1
                    ? "1 file did not compile and was replaced by its starter version"
                    : result.compileProblems().size()
                            + " files did not compile and were replaced by their starter versions";
        }
        return result.status() == GradeStatus.ERROR ? "the submission could not be graded" : null;
    }
}
