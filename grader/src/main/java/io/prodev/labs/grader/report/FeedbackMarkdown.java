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
 * feedback.md: what a learner reads about their submission, meant to fit on a screen or two. Per task: its
 * points, a file of it that did not compile with the compiler's message, and each failure once (tests that
 * failed the same way share one line and one message), with at most a few stack frames, all in learner code.
 * The full messages and output are in results.json. Everything that came from the submission is escaped or
 * fenced, and hidden tests show only whether they passed.
 */
public final class FeedbackMarkdown {

    /** Failing tests named in a group's line; results.json lists them all. */
    private static final int NAMED_TESTS = 3;
    /** Lines of a compiler message shown: javac's first lines say what and where. */
    private static final int COMPILER_LINES = 8;

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
        LearnerCode learnerCode = new LearnerCode(catalogue);
        List<CompileProblem> ofNoTask = result.compileProblems().stream()
                .filter(problem -> learnerCode.taskOf(problem.file()) == null)
                .toList();
        if (!ofNoTask.isEmpty()) {
            md.append("## Files that did not compile\n\n")
                    .append("Each was replaced by its starter version, so only the tasks that use it lost points.\n\n");
            ofNoTask.forEach(problem -> appendCompileProblem(md, problem, hidden));
        }
        for (Map.Entry<TaskScore, List<TestResult>> task :
                tasksInCatalogueOrder(result, catalogue).entrySet()) {
            List<CompileProblem> problems = result.compileProblems().stream()
                    .filter(problem -> task.getKey().taskId().equals(learnerCode.taskOf(problem.file())))
                    .toList();
            appendTask(md, task.getKey(), task.getValue(), problems, hidden, learnerCode);
        }
        return md.toString();
    }

    private static void appendTask(
            StringBuilder md,
            TaskScore task,
            List<TestResult> tests,
            List<CompileProblem> problems,
            HiddenTests hidden,
            LearnerCode learnerCode) {
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
        problems.forEach(problem -> appendCompileProblem(md, problem, hidden));
        // Failing visible tests, those that failed the same way together: a starter fails every test of a
        // task with one message, and a learner needs to read it once.
        Map<String, List<TestResult>> failures = new LinkedHashMap<>();
        Map<String, LearnerCode.ShortMessage> firstMessage = new LinkedHashMap<>();
        for (TestResult test : tests) {
            if (!test.hidden() && !test.passed()) {
                LearnerCode.ShortMessage message = learnerCode.shorten(hidden.redact(test.message()));
                firstMessage.putIfAbsent(message.text(), message);
                failures.computeIfAbsent(message.text(), text -> new ArrayList<>())
                        .add(test);
            }
        }
        failures.forEach((text, failed) ->
                appendFailures(md, failed, firstMessage.get(text).withFrames()));
        // Failed hidden tests by number, those with the same hint (or none) on one line.
        Map<String, List<String>> hiddenFailed = new LinkedHashMap<>();
        tests.stream()
                .filter(test -> test.hidden() && !test.passed())
                .forEach(test -> hiddenFailed
                        .computeIfAbsent(test.hint() == null ? "" : test.hint(), hint -> new ArrayList<>())
                        .add(Integer.toString(hidden.number(test))));
        hiddenFailed.forEach((hint, numbers) -> md.append("- ❌ ")
                .append(numbers.size() == 1 ? "hidden test " : "hidden tests ")
                .append(String.join(", ", numbers))
                .append(" failed")
                .append(hint.isEmpty() ? "" : ". Hint: " + Markdown.inline(hint))
                .append('\n'));
        if (md.charAt(md.length() - 2) != '\n') { // a list ended the section: close it with a blank line
            md.append('\n');
        }
    }

    private static void appendCompileProblem(StringBuilder md, CompileProblem problem, HiddenTests hidden) {
        md.append(Markdown.code(problem.file()))
                .append(" did not compile")
                .append(problem.line() > 0 ? " (line " + problem.line() + ")" : "")
                .append(", so its starter version was graded:\n\n")
                .append(Markdown.fence(LearnerCode.firstLines(hidden.redact(problem.message()), COMPILER_LINES)))
                .append('\n');
    }

    /**
     * One line naming the tests (a few, then how many more), then the message they share in a block, with
     * the learner-code frames of the first of them.
     */
    private static void appendFailures(StringBuilder md, List<TestResult> failed, String message) {
        TestResult first = failed.get(0);
        md.append("- ❌ ");
        if (failed.size() == 1) {
            md.append(Markdown.inline(first.name()))
                    .append(" (")
                    .append(first.status().json())
                    .append(')');
        } else {
            md.append(failed.size()).append(" tests: ");
            md.append(String.join(
                    ", ",
                    failed.stream()
                            .limit(NAMED_TESTS)
                            .map(test -> Markdown.inline(test.name()))
                            .toList()));
            if (failed.size() > NAMED_TESTS) {
                md.append(" and ").append(failed.size() - NAMED_TESTS).append(" more");
            }
        }
        md.append("\n\n").append(Markdown.fence(message)).append('\n');
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
