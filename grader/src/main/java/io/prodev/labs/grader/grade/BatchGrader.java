package io.prodev.labs.grader.grade;

import io.prodev.labs.grader.GraderException;
import io.prodev.labs.grader.intake.Intake;
import io.prodev.labs.grader.lab.PreparedLab;
import io.prodev.labs.grader.launch.OsSandbox;
import io.prodev.labs.grader.launch.WarmWorkers;
import io.prodev.labs.grader.model.SubmissionResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Grades many submissions at once, {@code jobs} at a time, printing a progress line as each one
 * ends. One submission's failure never touches another's result; only an infrastructure failure
 * (the lab itself broken, no JVM can start) stops the batch.
 */
public final class BatchGrader {

    private final PreparedLab lab;
    private final GradeOptions options;
    private final int jobs;
    private final PrintStream progress;

    public BatchGrader(PreparedLab lab, GradeOptions options, int jobs, PrintStream progress) {
        if (jobs < 1) {
            throw GraderException.misuse("--jobs must be at least 1, got: " + jobs);
        }
        this.lab = lab;
        this.options = options;
        this.jobs = jobs;
        this.progress = progress;
    }

    /** @return one result per submission, sorted by submission id */
    public List<SubmissionResult> grade(List<Path> submissions) {
        rejectDuplicateIds(submissions);
        OsSandbox os = OsSandbox.detect();
        if (!os.active()) {
            if (options.requireSandbox()) {
                throw GraderException.misuse("--require-sandbox: the OS sandbox cannot run here: " + os.unavailable());
            }
            log("note: the OS sandbox is off (" + os.unavailable() + "); every report says so");
        }
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try (WarmWorkers warm = options.freshJvms() ? null : new WarmWorkers(lab, options.limits(), this::log)) {
            if (warm != null) {
                warm.prestart(Math.min(jobs, submissions.size()));
            }
            SubmissionGrader grader = new SubmissionGrader(lab, options, warm);
            List<Future<SubmissionResult>> futures = new ArrayList<>();
            for (Path submission : submissions) {
                futures.add(pool.submit(() -> {
                    SubmissionResult result = gradeOne(grader, submission);
                    report(done.incrementAndGet(), submissions.size(), result);
                    return result;
                }));
            }
            List<SubmissionResult> results = new ArrayList<>();
            for (Future<SubmissionResult> future : futures) {
                results.add(future.get());
            }
            results.sort(Comparator.comparing(SubmissionResult::submissionId));
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GraderException failure) {
                throw failure;
            }
            throw GraderException.infrastructure("grading failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GraderException.infrastructure("interrupted while grading", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private SubmissionResult gradeOne(SubmissionGrader grader, Path submission) {
        try {
            return grader.grade(submission);
        } catch (GraderException e) {
            throw e;
        } catch (RuntimeException e) {
            // Something about this one submission tripped the grader: report it on that submission alone.
            return grader.notGraded(
                    Intake.submissionId(submission), "the grader could not grade this submission: " + e);
        }
    }

    private synchronized void log(String line) {
        progress.println(line);
        progress.flush();
    }

    private synchronized void report(int done, int total, SubmissionResult result) {
        progress.printf(
                "[%d/%d] %s: %s/%d (%s)%n",
                done,
                total,
                result.submissionId(),
                io.prodev.labs.grader.report.Points.format(result.total()),
                result.max(),
                result.status().json());
        progress.flush();
    }

    private static void rejectDuplicateIds(List<Path> submissions) {
        Map<String, Path> seen = new HashMap<>();
        for (Path submission : submissions) {
            Path earlier = seen.put(Intake.submissionId(submission), submission);
            if (earlier != null) {
                throw GraderException.misuse("two submissions share the id '" + Intake.submissionId(submission) + "': "
                        + earlier + " and " + submission);
            }
        }
    }
}
