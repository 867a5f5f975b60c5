package io.prodev.labs.grader.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.grader.model.SubmissionResult;
import io.prodev.labs.labkit.catalogue.LabCatalogue;
import io.prodev.labs.labkit.catalogue.LabTask;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeTest {

    @TempDir
    Path dir;

    @Test
    void mergingThreeShardsGivesTheSameFilesAsOneBatch() throws IOException {
        List<SubmissionResult> results = new ArrayList<>(BatchReportTest.batch());
        results.add(ReportFixtures.partial("dan"));
        results.add(ReportFixtures.perfect("eve"));
        List<Path> shards = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            Path shardDir = dir.resolve("shard-" + k);
            BatchReport.write(
                    ReportFixtures.catalogue(),
                    Shard.parse(k + "/3").select(results, SubmissionResult::submissionId),
                    shardDir);
            shards.add(shardDir);
        }
        BatchReport.write(ReportFixtures.catalogue(), results, dir.resolve("whole"));

        Merge.merge(shards, dir.resolve("merged"));

        assertThat(BatchReportTest.contents(dir.resolve("merged")))
                .as("merged shards hold exactly the files, byte for byte, of grading the class in one go")
                .isEqualTo(BatchReportTest.contents(dir.resolve("whole")));
    }

    @Test
    void mergesAnEmptyShard() {
        BatchReport.write(ReportFixtures.catalogue(), List.of(ReportFixtures.perfect("alice")), dir.resolve("1"));
        BatchReport.write(ReportFixtures.catalogue(), List.of(), dir.resolve("2"));

        Merge.merge(List.of(dir.resolve("1"), dir.resolve("2")), dir.resolve("merged"));

        assertThat(Gradebook.read(dir.resolve("merged/gradebook.csv")))
                .extracting(GradebookRow::submissionId)
                .containsExactly("alice");
    }

    @Test
    void rejectsASubmissionInTwoShardsNamingIt() {
        BatchReport.write(ReportFixtures.catalogue(), List.of(ReportFixtures.perfect("alice")), dir.resolve("1"));
        BatchReport.write(ReportFixtures.catalogue(), List.of(ReportFixtures.partial("alice")), dir.resolve("2"));
        Path merged = dir.resolve("merged");

        assertThatThrownBy(() -> Merge.merge(List.of(dir.resolve("1"), dir.resolve("2")), merged))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("submission alice appears in two shards");
        assertThat(merged).as("nothing is merged when a shard is refused").doesNotExist();
    }

    @Test
    void rejectsAShardGradedAgainstAnotherCatalogueNamingItsDir() {
        LabCatalogue other = new LabCatalogue(
                "caching-lab",
                "Caching",
                "c",
                List.of(new LabTask("0", "BasicCache", 5, List.of()), new LabTask("9", "Extra", 5, List.of())));
        BatchReport.write(ReportFixtures.catalogue(), List.of(ReportFixtures.perfect("alice")), dir.resolve("1"));
        BatchReport.write(other, List.of(ReportFixtures.perfect("bob")), dir.resolve("2"));

        assertThatThrownBy(() -> Merge.merge(List.of(dir.resolve("1"), dir.resolve("2")), dir.resolve("merged")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(dir.resolve("2").toString())
                .hasMessageContaining("submission_id,task_0,task_9,total");
    }

    @Test
    void rejectsAFolderThatIsNotAShardsReport() {
        assertThatThrownBy(() -> Merge.merge(List.of(dir), dir.resolve("merged")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(dir + " is not a shard's report");
    }
}
