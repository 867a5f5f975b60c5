package io.prodev.labs.grader.report;

import io.prodev.labs.grader.model.CompileProblem;
import io.prodev.labs.grader.model.SubmissionResult;
import io.prodev.labs.grader.model.TaskScore;
import io.prodev.labs.grader.model.TestResult;
import io.prodev.labs.labkit.catalogue.LabCatalogue;
import io.prodev.labs.labkit.catalogue.LabTask;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * feedback.md: what a learner reads about their submission. Everything that came from the submission
 * is escaped or fenced, and hidden tests show only whether they passed.
 */
public final class FeedbackMarkdown {

    private FeedbackMarkdown() {}

    /** Writes the learner's feedback for one result. */
    public static void write(SubmissionResult result, LabCatalogue catalogue, Path file) {
        TextFiles.write(file, render(result, catalogue));
    }

    static String render(SubmissionResult result, LabCatalogue catalogue) {
        HiddenTests hidden = new HiddenTests(result.tests());
        StringBuilder md = new StringBuilder();
        md.append("# ").append(Markdown.inline(catalogue.title())).append("\n\n");
        md.append("Feedback for **")
                .append(Markdown.inline(result.submissionId()))
                .append("** on ")
                .append(Markdown.code(result.lab()))
                .append(".\n\n");
        md.append("| Score | Status | Graded at |\n|---|---|---|\n| **")
                .append(Points.format(result.total()))
                .append(" / ")
                .append(result.max())
                .append("** | ")
                .append(result.status().json())
                .append(" | ")
                .append(result.gradedAt() == null ? "" : result.gradedAt().toString())
                .append(" |\n\n");
        if (result.message() != null && !result.message().isBlank()) {
            md.append(Markdown.fence(hidden.redact(result.message()))).append('\n');
        }
        if (!result.notes().isEmpty()) {
            md.append("## Notes\n\n");
            result.notes()
                    .forEach(note -> md.append("- ")
                            .append(Markdown.inline(hidden.redact(note)))
                            .append('\n'));
            md.append('\n');
        }
        if (!result.compileProblems().isEmpty()) {
            md.append("## Files that did not compile\n\n")
                    .append("Each was replaced by its starter version, so only the tasks that use it lost points.\n\n");
            for (CompileProblem problem : result.compileProblems()) {
                md.append("### ")
                        .append(Markdown.code(problem.file()))
                        .append(problem.line() > 0 ? ", line " + problem.line() : "")
                        .append("\n\n")
                        .append(Markdown.fence(hidden.redact(problem.message())))
                        .append('\n');
            }
        }
        for (Map.Entry<TaskScore, List<TestResult>> task :
                tasksInCatalogueOrder(result, catalogue).entrySet()) {
            appendTask(md, task.getKey(), task.getValue(), hidden);
        }
        return md.toString();
    }

    private static void appendTask(StringBuilder md, TaskScore task, List<TestResult> tests, HiddenTests hidden) {
        md.append("## Task ")
                .append(Markdown.inline(task.taskId()))
                .append(" — ")
                .append(Markdown.inline(task.title()))
                .append(task.complete() ? " ✅" : " ❌")
                .append("\n\n")
                .append("**")
                .append(Points.format(task.points()))
                .append(" / ")
                .append(task.maxPoints())
                .append(" points**, ")
                .append(task.passed())
                .append(" of ")
                .append(task.total())
                .append(task.total() == 1 ? " test" : " tests")
                .append(" passed.\n\n");
        for (TestResult test : tests) {
            String mark = test.passed() ? "✅ " : "❌ ";
            if (test.hidden()) {
                md.append("- ")
                        .append(mark)
                        .append("hidden test ")
                        .append(hidden.number(test))
                        .append(": ")
                        .append(test.passed() ? "passed" : "failed")
                        .append('\n');
            } else {
                md.append("- ")
                        .append(mark)
                        .append(Markdown.inline(test.name()))
                        .append(test.passed() ? "" : " (" + test.status().json() + ")")
                        .append('\n');
                if (!test.passed()) {
                    appendFailure(md, test, hidden);
                }
            }
        }
        md.append('\n');
    }

    /** The block sits outside the list item, so no indentation can go wrong with multi-line messages. */
    private static void appendFailure(StringBuilder md, TestResult test, HiddenTests hidden) {
        String message = test.message() == null || test.message().isBlank()
                ? "the test did not pass and gave no message"
                : hidden.redact(test.message());
        md.append('\n').append(Markdown.fence(message)).append('\n');
        if (test.output() != null && !test.output().isBlank()) {
            md.append("It printed:\n\n")
                    .append(Markdown.fence(hidden.redact(test.output())))
                    .append('\n');
        }
    }

    /** Catalogue tasks first, in catalogue order; anything else the result scored after them. */
    private static Map<TaskScore, List<TestResult>> tasksInCatalogueOrder(
            SubmissionResult result, LabCatalogue catalogue) {
        Map<String, TaskScore> scores = new LinkedHashMap<>();
        for (LabTask task : catalogue.tasks()) {
            scores.put(task.id(), new TaskScore(task.id(), task.title(), 0, 0, 0, task.points()));
        }
        result.tasks().forEach(score -> scores.put(score.taskId(), score));
        Map<TaskScore, List<TestResult>> tasks = new LinkedHashMap<>();
        for (TaskScore score : scores.values()) {
            List<TestResult> tests = new ArrayList<>();
            result.tests().stream()
                    .filter(test -> score.taskId().equals(test.taskId()))
                    .forEach(tests::add);
            tasks.put(score, tests);
        }
        return tasks;
    }
}
