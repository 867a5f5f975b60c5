package io.prodev.labs.grader.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.grader.model.SubmissionResult;
import io.prodev.labs.labkit.catalogue.LabCatalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchReportTest {

    @TempDir
    Path dir;

    @Test
    void writesEachSubmissionsReportsTheGradebookTheIndexAndTheCatalogue() {
        Path out = dir.resolve("out");
        BatchReport.write(ReportFixtures.catalogue(), batch(), out);

        assertThat(out.resolve("alice/results.json")).isRegularFile();
        assertThat(out.resolve("alice/feedback.md")).isRegularFile();
        assertThat(out.resolve("bob/feedback.md")).isRegularFile();
        assertThat(Gradebook.read(out.resolve("gradebook.csv")))
                .extracting(GradebookRow::submissionId)
                .containsExactly("alice", "bob", "zoe");
        assertThat(out.resolve("index.html")).content().contains("<svg");
        assertThat(LabCatalogue.read(out.resolve("lab.json")))
                .as("lab.json reads back as the same catalogue")
                .isEqualTo(ReportFixtures.catalogue());
    }

    @Test
    void writesTheSameBytesWhenRunTwice() throws IOException {
        BatchReport.write(ReportFixtures.catalogue(), batch(), dir.resolve("first"));
        BatchReport.write(
                ReportFixtures.catalogue(),
                List.of(batch().get(2), batch().get(0), batch().get(1)),
                dir.resolve("second"));

        Map<String, String> first = contents(dir.resolve("first"));
        assertThat(first).hasSize(9);
        assertThat(contents(dir.resolve("second")))
                .as("same results in another order give the same files")
                .isEqualTo(first);
    }

    @ParameterizedTest(name = "rejects the submission id \"{0}\"")
    @ValueSource(strings = {"../escape", "a/b", "a\\b", "..", "tab\there", "index.html", "", " "})
    void rejectsAnIdThatIsNotASafeFolderNameBeforeWritingAnything(String id) {
        Path out = dir.resolve("out");
        List<SubmissionResult> results = List.of(ReportFixtures.perfect("alice"), ReportFixtures.perfect(id));

        assertThatThrownBy(() -> BatchReport.write(ReportFixtures.catalogue(), results, out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(id.isBlank() || id.contains("\t") ? "submission id" : id);
        assertThat(out).as("nothing is written when an id is refused").doesNotExist();
    }

    @Test
    void rejectsTheSameIdTwice() {
        assertThatThrownBy(() -> BatchReport.write(
                        ReportFixtures.catalogue(),
                        List.of(ReportFixtures.perfect("alice"), ReportFixtures.partial("alice")),
                        dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alice appears twice");
    }

    static List<SubmissionResult> batch() {
        return List.of(
                ReportFixtures.partial("alice"), ReportFixtures.notCompiling("bob"), ReportFixtures.perfect("zoe"));
    }

    /** Every file under the folder, by relative path. */
    static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }
}
