package io.prodev.labs.grader.check;

import io.prodev.labs.grader.Directories;
import io.prodev.labs.grader.grade.SubmissionGrader;
import io.prodev.labs.grader.intake.IntakeResult;
import io.prodev.labs.grader.model.SubmissionResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Grades learner files held in memory (the reference, the starter, a mix of both), as {@code check} needs. */
final class InMemorySubmission {

    private InMemorySubmission() {}

    /** Grades {@code files} (by path in the lab) as submission {@code id}, in a scratch folder removed afterwards. */
    static SubmissionResult grade(SubmissionGrader grader, String id, Map<String, String> files) {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("grader-check-");
            return grader.grade(new IntakeResult(id, files, List.of(), null), scratch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Directories.deleteQuietly(scratch);
        }
    }
}
