package io.prodev.labs.grader.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.prodev.labs.grader.model.GradeStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradebookTest {

    @TempDir
    Path dir;

    @Test
    void writesOneColumnPerTaskAndOneRowPerSubmissionSortedById() throws IOException {
        Path file = dir.resolve("gradebook.csv");
        Gradebook.write(
                ReportFixtures.catalogue(),
                List.of(ReportFixtures.perfect("zoe"), ReportFixtures.partial("alice")),
                file);

        assertThat(Files.readString(file)).isEqualTo("""
                submission_id,task_0,task_1,task_3,total,max,status,compile_errors,graded_at\r
                alice,5,10,0,15,25,fail,0,2025-03-01T10:15:30Z\r
                zoe,5,10,10,25,25,pass,0,2025-03-01T10:15:30Z\r
                """);
    }

    @Test
    void quotesAnIdWithACommaOrQuoteAndReadsItBack() throws IOException {
        Path file = dir.resolve("gradebook.csv");
        Gradebook.write(ReportFixtures.catalogue(), List.of(ReportFixtures.perfect("doe, \"jd\" john")), file);

        assertThat(Files.readString(file)).contains("\r\n\"doe, \"\"jd\"\" john\",5,10,10,25,25,pass,");
        assertThat(Gradebook.read(file)).extracting(GradebookRow::submissionId).containsExactly("doe, \"jd\" john");
    }

    @Test
    void printsFractionsWithADotEvenUnderAGermanLocale() throws IOException {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            Path file = dir.resolve("gradebook.csv");
            Gradebook.write(
                    ReportFixtures.catalogue(),
                    List.of(ReportFixtures.withScores("frank", GradeStatus.FAIL, 2.5, 10.0 / 3, 0)),
                    file);

            assertThat(Files.readString(file))
                    .as("points use '.' and at most two decimals, whatever the locale")
                    .contains("\r\nfrank,2.5,3.33,0,5.83,25,fail,");
            assertThat(Gradebook.read(file).get(0).points("1")).isEqualTo(3.33);
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void countsTheFilesThatDidNotCompileAndReadsThemBack() throws IOException {
        Path file = dir.resolve("gradebook.csv");
        Gradebook.write(ReportFixtures.catalogue(), List.of(ReportFixtures.notCompiling("bob")), file);

        assertThat(Files.readString(file))
                .as("bob's row: LRUCache.java did not compile")
                .contains("\r\nbob,5,10,0,15,25,fail,1,");
        assertThat(Gradebook.read(file).get(0).compileErrors()).isEqualTo(1);
    }

    @Test
    void readsBackWhatItWrote() {
        Path file = dir.resolve("gradebook.csv");
        Gradebook.write(ReportFixtures.catalogue(), List.of(ReportFixtures.partial("alice")), file);

        GradebookRow row = Gradebook.read(file).get(0);
        assertThat(row.taskPoints()).containsExactly(entry("0", 5.0), entry("1", 10.0), entry("3", 0.0));
        assertThat(List.of(row.total(), (double) row.max())).containsExactly(15.0, 25.0);
        assertThat(row.status()).isEqualTo("fail");
        assertThat(Gradebook.readHeader(file)).isEqualTo(Gradebook.header(ReportFixtures.catalogue()));
    }

    @Test
    void rejectsARowWithTheWrongNumberOfFieldsNamingFileAndLine() throws IOException {
        Path file = Files.writeString(
                dir.resolve("gradebook.csv"),
                "submission_id,task_0,total,max,status,compile_errors,graded_at\r\nalice,5,5,5,pass,0,x\r\nbob,5,5\r\n");

        assertThatThrownBy(() -> Gradebook.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file + " line 3")
                .hasMessageContaining("expected 7 fields, found 3");
    }

    @Test
    void rejectsAnUnclosedQuoteAndABadNumberNamingTheLine() throws IOException {
        Path unclosed = Files.writeString(
                dir.resolve("a.csv"),
                "submission_id,task_0,total,max,status,compile_errors,graded_at\n\"alice,5,5,5,pass,0,x\n");
        Path notANumber = Files.writeString(
                dir.resolve("b.csv"),
                "submission_id,task_0,total,max,status,compile_errors,graded_at\nalice,five,5,5,pass,0,x\n");

        assertThatThrownBy(() -> Gradebook.read(unclosed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(unclosed + " line 2")
                .hasMessageContaining("never ends");
        assertThatThrownBy(() -> Gradebook.read(notANumber))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(notANumber + " line 2")
                .hasMessageContaining("five");
    }

    @Test
    void rejectsAFileThatIsNotAGradebook() throws IOException {
        Path file = Files.writeString(dir.resolve("grades.csv"), "name,score\nalice,5\n");

        assertThatThrownBy(() -> Gradebook.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file + " line 1")
                .hasMessageContaining("name,score");
    }
}
