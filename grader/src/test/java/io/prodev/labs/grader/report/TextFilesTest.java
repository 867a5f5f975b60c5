package io.prodev.labs.grader.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesTheWholeTextAndLeavesNoTemporaryFile() throws IOException {
        Path report = dir.resolve("alice/results.json");

        TextFiles.write(report, "{}\n");
        TextFiles.write(report, "{\"status\":\"pass\"}\n");

        assertThat(report).as("the report after two writes").hasContent("{\"status\":\"pass\"}");
        try (var files = Files.list(report.getParent())) {
            assertThat(files.toList()).as("files beside the report").containsExactly(report);
        }
    }

    @Test
    void aReportGetsTheModeTheUmaskGivesNotAPrivateOne() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file modes");
        Path report = dir.resolve("feedback.md");
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");

        TextFiles.write(report, "# Feedback\n");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report)))
                .as("mode of a report (that of a file written the plain way in the same folder)")
                .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)))
                .isNotEqualTo("rw-------");
    }
}
