package io.prodev.labs.grader.grade;

import io.prodev.labs.grader.launch.RunLimits;
import io.prodev.labs.grader.model.SubmissionResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds submissions of the {@link SampleLab} for the grader's scenario tests, starting from its reference. */
final class SampleLabSubmissions {

    /** Task 2's learner file: every test of task 2, visible and hidden, calls its {@code count}. */
    static final String TALLY = "src/main/java/io/prodev/labs/sample/Tally.java";
    /** A visible test of task 2, as a learner edition has it. */
    static final String TALLY_TEST = "src/test/java/io/prodev/labs/sample/TallyTest.java";
    /** The method {@link #withStatement} breaks: it returns an int, and its parameter is {@code key}. */
    static final String COUNT = "public int count(String key) {";

    /** Statements for {@link #withStatement}: a test that never ends, and one that brings its JVM down. */
    static final String LOOPS_FOREVER = "while (System.nanoTime() > 0) { Thread.onSpinWait(); }";

    static final String RUNS_OUT_OF_MEMORY =
            "if (key != null) { java.util.List<long[]> hog = new java.util.ArrayList<>();"
                    + " while (hog.size() >= 0) { hog.add(new long[1 << 20]); } }";

    private SampleLabSubmissions() {}

    /** Every folder and .zip in {@code batchDir}, in name order, graded together as {@code grade --batch} does. */
    static List<SubmissionResult> gradeBatch(Path batchDir, RunLimits limits) throws IOException {
        List<Path> submissions;
        try (var entries = Files.list(batchDir)) {
            submissions = entries.sorted().toList();
        }
        return new BatchGrader(
                        SampleLab.lab(),
                        new GradeOptions(limits, false, false, false),
                        2,
                        new PrintStream(new ByteArrayOutputStream()))
                .grade(submissions);
    }

    /**
     * A learner-edition shaped folder {@code batchDir/id/sample-lab/...} holding the reference's learner files
     * and lab.json.
     *
     * @return {@code batchDir/id}, the submission
     */
    static Path reference(Path batchDir, String id) throws IOException {
        Path lab = batchDir.resolve(id).resolve(SampleLab.NAME);
        for (String file : SampleLab.lab().catalogue().learnerFiles()) {
            Path target = lab.resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(SampleLab.lab().dir().resolve(file), target);
        }
        Files.copy(SampleLab.lab().dir().resolve("lab.json"), lab.resolve("lab.json"));
        return batchDir.resolve(id);
    }

    /**
     * The reference, with {@code statement} run first thing in {@code Tally.count(String key)} ({@link #COUNT}),
     * which every test of task 2 calls, visible and hidden. The statement may use {@code key} and may
     * {@code return} an int; a statement that breaks the method costs task 2 alone.
     */
    static Path withStatement(Path batchDir, String id, String statement) throws IOException {
        Path submission = reference(batchDir, id);
        Path tally = submission.resolve(SampleLab.NAME).resolve(TALLY);
        String text = Files.readString(tally);
        if (!text.contains(COUNT)) {
            throw new IllegalStateException("Tally.java no longer has '" + COUNT + "': update SampleLabSubmissions");
        }
        Files.writeString(tally, text.replace(COUNT, COUNT + "\n        " + statement));
        return submission;
    }

    /** A zip of {@code entries} (entry name to text), in their order. */
    static Path zip(Path target, Map<String, String> entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(target);
                ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return target;
    }

    /** The first few failing tests of a result, with their messages: what an assertion on points should show. */
    static List<String> failing(SubmissionResult result) {
        List<String> failing = new ArrayList<>();
        result.tests().stream()
                .filter(test -> !test.passed())
                .limit(5)
                .forEach(test -> failing.add(test.name() + ": " + test.message()));
        return failing;
    }
}
