package io.prodev.labs.grader.grade;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.grader.lab.PreparedLab;
import io.prodev.labs.grader.launch.RunLimits;
import io.prodev.labs.grader.model.GradeStatus;
import io.prodev.labs.grader.model.SubmissionResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch in which every submission fails intake ends while its warm workers are still starting: the batch
 * removes their folder under them. That must end quietly, not with a note that warm JVMs could not start.
 * Repeated, because it is a race between start-up and clean-up.
 */
class IntakeFailuresBatchTest {

    @RepeatedTest(5)
    void aBatchOfSubmissionsThatAllFailIntakeSaysNothingAboutWarmJvms(@TempDir Path dir) throws IOException {
        List<Path> submissions = List.of(
                Files.createDirectories(dir.resolve("empty")),
                Files.writeString(dir.resolve("not-a-zip.zip"), "<html>upload failed</html>"),
                Files.createDirectories(dir.resolve("also-empty")));
        PreparedLab lab = SampleLab.lab();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        List<SubmissionResult> results;
        try (PrintStream out = new PrintStream(progress, true, StandardCharsets.UTF_8)) {
            results = new BatchGrader(lab, new GradeOptions(RunLimits.DEFAULT, false, false, false), 2, out)
                    .grade(submissions);
        }

        assertThat(results)
                .as("every submission failed intake")
                .allSatisfy(result -> assertThat(result.status()).isEqualTo(GradeStatus.ERROR));
        assertThat(progress.toString(StandardCharsets.UTF_8).lines())
                .as("the batch's console lines")
                .noneMatch(line -> line.contains("warm test JVM") || line.contains("fresh JVM of its own"));
    }
}
