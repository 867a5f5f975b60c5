package io.prodev.labs.grader.grade;

import io.prodev.labs.grader.Directories;
import io.prodev.labs.grader.compile.CompileOutcome;
import io.prodev.labs.grader.compile.SubmissionCompiler;
import io.prodev.labs.grader.intake.Intake;
import io.prodev.labs.grader.intake.IntakeResult;
import io.prodev.labs.grader.lab.PreparedLab;
import io.prodev.labs.grader.launch.ForkedTestRun;
import io.prodev.labs.grader.launch.OsSandbox;
import io.prodev.labs.grader.launch.RunOutcome;
import io.prodev.labs.grader.launch.WarmWorkers;
import io.prodev.labs.grader.model.GradeStatus;
import io.prodev.labs.grader.model.SubmissionResult;
import io.prodev.labs.grader.model.TaskScore;
import io.prodev.labs.grader.model.TestResult;
import io.prodev.labs.grader.score.Scorer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Grades one submission: intake, compile, run, score. Safe to use from several threads at once. */
public final class SubmissionGrader {

    private final PreparedLab lab;
    private final GradeOptions options;
    private final SubmissionCompiler compiler;
    private final WarmWorkers warm;

    /** Runs every submission's tests in a fresh JVM of its own. */
    public SubmissionGrader(PreparedLab lab, GradeOptions options) {
        this(lab, options, null);
    }

    /** @param warm the warm JVMs to try first, or null to run every submission in a fresh JVM */
    public SubmissionGrader(PreparedLab lab, GradeOptions options, WarmWorkers warm) {
        this.lab = lab;
        this.options = options;
        this.compiler = new SubmissionCompiler(lab);
        this.warm = warm;
    }

    public SubmissionResult grade(Path submission) {
        Path scratch = createScratch();
        try {
            IntakeResult intake = new Intake(lab).take(submission, scratch);
            if (intake.error() != null) {
                return result(
                        intake.submissionId(), GradeStatus.ERROR, intake.error(), intake.notes(), List.of(), List.of());
            }
            return grade(intake, scratch);
        } finally {
            if (!options.keepWorkspaces()) {
                Directories.deleteQuietly(scratch);
            }
        }
    }

    /** Grades learner files that are already in memory (the reference or the starter, for `check`). */
    public SubmissionResult grade(IntakeResult intake, Path scratch) {
        Path classes = scratch.resolve("classes");
        CompileOutcome compiled = compiler.compile(intake.learnerFiles(), classes);
        RunOutcome run = (warm == null
                        ? Optional.<RunOutcome>empty()
                        : warm.run(intake.submissionId(), scratch, classes))
                .orElseGet(() -> new ForkedTestRun(lab, options.limits()).run(scratch, classes));
        List<String> notes = new ArrayList<>(intake.notes());
        notes.addAll(run.notes());
        OsSandbox os = OsSandbox.detect();
        if (!os.active()) {
            notes.add("The OS sandbox was off (" + os.unavailable() + "): learner code could reach the network, and "
                    + "through a library or native code, files outside its workspace.");
        }
        if (run.incomplete() != null) {
            return result(
                    intake.submissionId(),
                    GradeStatus.ERROR,
                    "could not grade: " + run.incomplete() + "; grade it again",
                    notes,
                    compiled.problems(),
                    List.of());
        }
        List<TestResult> tests = run.tests().stream()
                .sorted(Comparator.comparing(TestResult::uniqueId))
                .toList();
        if (tests.isEmpty()) {
            return result(
                    intake.submissionId(),
                    GradeStatus.ERROR,
                    "no test ran: " + String.join("; ", run.notes()),
                    notes,
                    compiled.problems(),
                    tests);
        }
        boolean allPassed = tests.stream().allMatch(TestResult::passed);
        return result(
                intake.submissionId(),
                allPassed ? GradeStatus.PASS : GradeStatus.FAIL,
                null,
                notes,
                compiled.problems(),
                tests);
    }

    public SubmissionCompiler compiler() {
        return compiler;
    }

    /** The result of a submission that could not be graded at all: every task scored 0, with the reason. */
    public SubmissionResult notGraded(String id, String reason) {
        return result(id, GradeStatus.ERROR, reason, List.of(), List.of(), List.of());
    }

    private SubmissionResult result(
            String id,
            GradeStatus status,
            String message,
            List<String> notes,
            List<io.prodev.labs.grader.model.CompileProblem> problems,
            List<TestResult> tests) {
        List<TaskScore> tasks = Scorer.score(lab.catalogue(), tests, options.partial());
        return new SubmissionResult(
                id,
                lab.name(),
                status,
                message,
                notes,
                problems,
                tests,
                tasks,
                Scorer.total(tasks),
                lab.catalogue().maxPoints(),
                Instant.now());
    }

    private static Path createScratch() {
        try {
            return Files.createTempDirectory("grader-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a workspace", e);
        }
    }
}
