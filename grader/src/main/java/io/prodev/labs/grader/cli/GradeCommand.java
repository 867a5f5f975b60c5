package io.prodev.labs.grader.cli;

import io.prodev.labs.grader.GraderException;
import io.prodev.labs.grader.grade.BatchGrader;
import io.prodev.labs.grader.grade.GradeOptions;
import io.prodev.labs.grader.lab.LabPreparer;
import io.prodev.labs.grader.lab.PreparedLab;
import io.prodev.labs.grader.launch.RunLimits;
import io.prodev.labs.grader.model.SubmissionResult;
import io.prodev.labs.grader.report.BatchReport;
import io.prodev.labs.grader.report.Shard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "grade",
        mixinStandardHelpOptions = true,
        description = "Grades submissions (learner-edition folders, lab folders, or .zip files of either) with the "
                + "instructor's visible and hidden tests. Exits 0 when grading completed, whatever the scores.")
final class GradeCommand implements Callable<Integer> {

    @Mixin
    RepoOption repo;

    @Option(names = "--lab", required = true, paramLabel = "LAB", description = "The lab to grade, e.g. caching-lab.")
    String lab;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where reports go.")
    Path out;

    @Option(names = "--batch", paramLabel = "DIR", description = "Grade every folder and .zip inside DIR.")
    Path batch;

    @Parameters(arity = "0..*", paramLabel = "SUBMISSION", description = "Submissions to grade.")
    List<Path> submissions = new ArrayList<>();

    @Option(names = "--jobs", paramLabel = "N", description = "Submissions graded at once (default: cores).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--partial", description = "Credit a task in proportion to its tests passed.")
    boolean partial;

    @Option(names = "--shard", paramLabel = "K/N", description = "Grade only the K-th of N slices of the batch.")
    String shard;

    @Option(names = "--test-timeout", paramLabel = "SECONDS", description = "One test's limit (default: 10).")
    long testTimeout = RunLimits.DEFAULT.perTest().toSeconds();

    @Option(
            names = "--run-timeout",
            paramLabel = "SECONDS",
            description = "One submission's test run limit (default: 120).")
    long runTimeout = RunLimits.DEFAULT.wholeRun().toSeconds();

    @Option(names = "--heap", paramLabel = "MB", description = "The test JVM's heap cap (default: 256).")
    int heapMb = RunLimits.DEFAULT.heapMb();

    @Option(names = "--keep-workspaces", description = "Leave each submission's workspace in the temp folder.")
    boolean keepWorkspaces;

    @Option(
            names = "--fresh-jvms",
            description = "Run each submission's tests in a JVM of its own. Slower; by default "
                    + "a warm JVM runs one submission after another, and any run that times out, crashes or leaves something "
                    + "behind is run again in a fresh JVM.")
    boolean freshJvms;

    @Option(
            names = "--require-sandbox",
            description = "Refuse to grade where the OS sandbox (bubblewrap, Linux) "
                    + "cannot run, instead of grading without it and saying so in every report.")
    boolean requireSandbox;

    @Override
    public Integer call() {
        RunLimits limits = new RunLimits(
                Duration.ofSeconds(testTimeout),
                Duration.ofSeconds(runTimeout),
                heapMb,
                RunLimits.DEFAULT.outputBytes());
        List<Path> chosen = submissions();
        if (shard != null) {
            chosen = Shard.parse(shard).select(chosen, path -> io.prodev.labs.grader.intake.Intake.submissionId(path));
        }
        PreparedLab prepared = LabPreparer.prepare(repo.root(), lab, System.err::println);
        System.err.println("grading " + chosen.size() + " submission(s) of " + lab + ", " + jobs + " at a time");
        List<SubmissionResult> results = new BatchGrader(
                        prepared,
                        new GradeOptions(limits, partial, keepWorkspaces, freshJvms, requireSandbox),
                        jobs,
                        System.err)
                .grade(chosen);
        BatchReport.write(prepared.catalogue(), results, out);
        System.out.println("graded " + results.size() + " submission(s): "
                + out.resolve("index.html").toAbsolutePath());
        return 0;
    }

    private List<Path> submissions() {
        List<Path> all = new ArrayList<>();
        for (Path submission : submissions) {
            if (!Files.exists(submission)) {
                throw GraderException.misuse("no such submission: " + submission);
            }
            all.add(submission);
        }
        if (batch != null) {
            if (!Files.isDirectory(batch)) {
                throw GraderException.misuse("--batch needs a folder, got: " + batch);
            }
            try (Stream<Path> entries = Files.list(batch)) {
                entries.filter(entry -> !entry.getFileName().toString().startsWith("."))
                        .filter(entry -> Files.isDirectory(entry)
                                || entry.toString()
                                        .toLowerCase(java.util.Locale.ROOT)
                                        .endsWith(".zip"))
                        .sorted()
                        .forEach(all::add);
            } catch (IOException e) {
                throw GraderException.misuse("cannot list --batch folder " + batch + ": " + e.getMessage());
            }
        }
        if (all.isEmpty()) {
            throw GraderException.misuse("nothing to grade: name submissions or a --batch folder");
        }
        return all;
    }
}
