package io.prodev.labs.grader.check;

import io.prodev.labs.grader.Directories;
import io.prodev.labs.grader.compile.SourceCompiler;
import io.prodev.labs.grader.grade.GradeOptions;
import io.prodev.labs.grader.grade.SubmissionGrader;
import io.prodev.labs.grader.lab.PreparedLab;
import io.prodev.labs.grader.launch.WarmWorkers;
import io.prodev.labs.grader.model.SubmissionResult;
import io.prodev.labs.grader.model.TaskScore;
import io.prodev.labs.grader.model.TestResult;
import io.prodev.labs.grader.model.TestStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The integrity invariants of a lab (DESIGN.md): the reference passes every test; the starter compiles
 * and every task has a test that fails on it; every test belongs to a task of the catalogue; catalogue,
 * README and tests agree; grading the same submission twice (in a fresh JVM, then in a warm one) gives the
 * same result, and the reference leaves a warm JVM fit for the next submission; a task's tests need no later task.
 */
public final class LabIntegrityCheck {

    private final PreparedLab lab;
    private final GradeOptions options;
    private final SubmissionGrader grader;
    private final Consumer<String> log;

    public LabIntegrityCheck(PreparedLab lab, GradeOptions options, Consumer<String> log) {
        this.lab = lab;
        this.options = options;
        this.grader = new SubmissionGrader(lab, options);
        this.log = log;
    }

    /** @return the problems found; empty when the lab is sound */
    public List<String> run() {
        List<String> problems = new ArrayList<>(catalogueReadmeAndFilesAgree());
        Map<String, String> referenceFiles = readLearnerFiles();
        SubmissionResult reference = InMemorySubmission.grade(grader, "reference", referenceFiles);
        problems.addAll(referencePassesEveryTest(reference));
        problems.addAll(everyTestBelongsToOneTask(reference));
        problems.addAll(starterCompiles());
        problems.addAll(everyTaskFailsOnTheStarter());
        problems.addAll(gradingIsRepeatable(reference, referenceFiles));
        problems.addAll(noTaskNeedsALaterOne(referenceFiles));
        return problems;
    }

    /** Invariant 3, on paper: lab.json, the README's task table and sections, and the learner files agree. */
    private List<String> catalogueReadmeAndFilesAgree() {
        List<String> problems = LabDocsCheck.problems(lab.dir(), lab.catalogue());
        report("catalogue, README and files agree", problems.isEmpty());
        return problems;
    }

    /** Invariant 1: the reference passes every test of its lab, and there are tests. */
    private List<String> referencePassesEveryTest(SubmissionResult reference) {
        List<String> problems = new ArrayList<>();
        reference.tests().stream()
                .filter(test -> !test.passed())
                .forEach(test -> problems.add("the reference fails " + test.name() + ": " + test.message()));
        if (reference.tests().isEmpty()) {
            problems.add("the reference ran no test: " + reference.message());
        }
        report(
                "reference passes all " + reference.tests().size() + " tests (" + reference.total() + "/"
                        + reference.max() + " points)",
                problems.isEmpty());
        return problems;
    }

    /** Invariant 3, in the tests: each belongs to a task of the catalogue, and each task has tests. */
    private List<String> everyTestBelongsToOneTask(SubmissionResult reference) {
        List<String> problems = new ArrayList<>();
        reference.tests().stream()
                .filter(test -> test.taskId() == null
                        || lab.catalogue().task(test.taskId()).isEmpty())
                .forEach(test -> problems.add(test.name()
                        + (test.taskId() == null
                                ? " has no @Task"
                                : " has @Task(\"" + test.taskId() + "\"), which is not in lab.json")));
        lab.catalogue().tasks().stream()
                .filter(task ->
                        reference.tests().stream().noneMatch(test -> task.id().equals(test.taskId())))
                .forEach(task -> problems.add("task " + task.id() + " (" + task.title() + ") has no test"));
        report("every test belongs to one task of the catalogue, every task has tests", problems.isEmpty());
        return problems;
    }

    /** Invariant 2, first half: the learner edition's sources compile as they are handed out. */
    private List<String> starterCompiles() {
        List<String> problems = new ArrayList<>();
        compileInScratch(grader.compiler().starterSources())
                .forEach((file, messages) ->
                        problems.add("the starter does not compile: " + String.join("\n", messages)));
        report("the starter compiles", problems.isEmpty());
        return problems;
    }

    /** Invariant 2, second half: no task passes before the learner has done it. */
    private List<String> everyTaskFailsOnTheStarter() {
        Map<String, String> starter = new LinkedHashMap<>();
        lab.catalogue()
                .learnerFiles()
                .forEach(file -> starter.put(file, grader.compiler().starterVersion(file)));
        SubmissionResult result = InMemorySubmission.grade(grader, "starter", starter);
        List<String> problems = new ArrayList<>();
        for (TaskScore task : result.tasks()) {
            if (task.total() > 0 && task.complete()) {
                problems.add("task " + task.taskId() + " (" + task.title()
                        + ") passes on the starter: no test fails before the work is done");
            }
        }
        report(
                "every task has a test that fails on the starter (" + result.total() + "/" + result.max() + " points)",
                result.tasks().stream().noneMatch(TaskScore::complete));
        return problems;
    }

    /**
     * Invariant 4: the reference graded again, in a warm JVM the way a batch grades, gets what it got in a
     * fresh one, and leaves that JVM fit for the next submission.
     */
    private List<String> gradingIsRepeatable(SubmissionResult first, Map<String, String> referenceFiles) {
        List<String> problems = new ArrayList<>();
        SubmissionResult second;
        String how;
        try (WarmWorkers warm = new WarmWorkers(lab, options.limits(), log)) {
            second = InMemorySubmission.grade(
                    new SubmissionGrader(lab, options, warm), "reference-again", referenceFiles);
            how = warm.warmRuns() > 0
                    ? "in a fresh JVM, then in a warm one"
                    : "twice in a fresh JVM ("
                            + (warm.unavailable() != null ? warm.unavailable() : "the warm run failed") + ")";
            if (warm.warmRuns() == 0 && warm.unavailable() == null) {
                problems.add("the reference could not be graded in a warm JVM (a test timed out or crashed there), "
                        + "so every submission of this lab would need a fresh JVM");
            }
            warm.replacements()
                    .forEach(why -> problems.add("the reference leaves the warm JVM unfit for the next "
                            + "submission (" + why + "): every submission of this lab would need a fresh JVM"));
        }
        Map<String, TestStatus> before = statuses(first);
        Map<String, TestStatus> after = statuses(second);
        boolean same = before.equals(after) && first.total() == second.total();
        if (!same) {
            List<String> changed = new ArrayList<>();
            before.forEach((id, status) -> {
                if (after.get(id) != status) {
                    changed.add(id + ": " + status + " then " + after.get(id));
                }
            });
            problems.add("grading the reference twice gave different results (" + first.total() + " then "
                    + second.total() + " points): " + String.join("; ", changed));
        }
        report("grading the same submission twice gives the same result (" + how + ")", same);

        // The README's examples and the demo run on the reference, against one start of the lab's fixtures.
        try (ReferencePrograms programs = new ReferencePrograms(lab)) {
            for (CheckOutcome outcome : List.of(ReadmeExamples.check(lab, programs), DemoCheck.check(lab, programs))) {
                report(outcome.summary(), outcome.problems().isEmpty());
                problems.addAll(outcome.problems());
            }
        }
        return problems;
    }

    /** Invariant 7: a task's tests need no later task (see {@link TaskOrderCheck}). */
    private List<String> noTaskNeedsALaterOne(Map<String, String> referenceFiles) {
        int gradings = Math.max(0, lab.catalogue().tasks().size() - 1);
        List<String> problems = TaskOrderCheck.problems(lab, options, referenceFiles, log);
        report(
                "a task's tests need no later task (" + gradings
                        + " gradings: the first k tasks done, the rest as handed out)",
                problems.isEmpty());
        return problems;
    }

    private Map<String, List<String>> compileInScratch(Map<String, String> sources) {
        Path out = null;
        try {
            out = Files.createTempDirectory("grader-check-classes-");
            return new SourceCompiler().compile(sources, lab.mainClasspath(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Directories.deleteQuietly(out);
        }
    }

    private Map<String, String> readLearnerFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        for (String file : lab.catalogue().learnerFiles()) {
            try {
                files.put(file, Files.readString(lab.dir().resolve(file)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the reference's " + file, e);
            }
        }
        return files;
    }

    private static Map<String, TestStatus> statuses(SubmissionResult result) {
        Map<String, TestStatus> statuses = new LinkedHashMap<>();
        for (TestResult test : result.tests()) {
            statuses.put(test.uniqueId(), test.status());
        }
        return statuses;
    }

    private void report(String what, boolean ok) {
        log.accept((ok ? "  ok    " : "  FAIL  ") + lab.name() + ": " + what);
    }
}
