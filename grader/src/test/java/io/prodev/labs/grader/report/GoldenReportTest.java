package io.prodev.labs.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden scenario: a submission whose LRUCache.java does not compile. The expected files live in
 * src/test/resources/report/; a change to them is a change to what learners and tools read.
 */
@DisplayName("a submission with a file that does not compile")
class GoldenReportTest {

    @TempDir
    Path dir;

    @Test
    void writesTheExpectedResultsJson() throws IOException {
        Path file = dir.resolve("results.json");
        ResultsJson.write(ReportFixtures.notCompiling("bob"), file);

        assertThat(Files.readString(file)).isEqualTo(golden("not-compiling.results.json"));
    }

    @Test
    void writesTheExpectedFeedbackMarkdown() throws IOException {
        Path file = dir.resolve("feedback.md");
        FeedbackMarkdown.write(ReportFixtures.notCompiling("bob"), ReportFixtures.catalogue(), file);

        assertThat(Files.readString(file)).isEqualTo(golden("not-compiling.feedback.md"));
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = GoldenReportTest.class.getResourceAsStream("/report/" + name)) {
            assertThat(in).as("golden file src/test/resources/report/%s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
