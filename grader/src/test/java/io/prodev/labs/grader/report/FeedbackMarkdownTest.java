package io.prodev.labs.grader.report;

import static io.prodev.labs.grader.report.ReportFixtures.HIDDEN_MESSAGE;
import static io.prodev.labs.grader.report.ReportFixtures.HIDDEN_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.grader.model.SubmissionResult;
import io.prodev.labs.grader.model.TestStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedbackMarkdownTest {

    @TempDir
    Path dir;

    @Test
    void showsScoreNotesAndTasksInCatalogueOrder() throws IOException {
        String md = write(ReportFixtures.partial("alice"));

        assertThat(md)
                .startsWith("# Caching: eviction policies\n")
                .contains("| **15 / 25** | fail | 2025-03-01T10:15:30Z |")
                .contains("- ignored changed test file src/test/java/LRUCacheTest.java")
                .contains("**0 / 10 points**, 1 of 3 tests passed.");
        assertThat(md.indexOf("## Task 0 — BasicCache ✅"))
                .as("task 0 comes first")
                .isPositive()
                .isLessThan(md.indexOf("## Task 1 — FIFOCache ✅"));
        assertThat(md.indexOf("## Task 1")).isLessThan(md.indexOf("## Task 3 — LRUCache ❌"));
    }

    @Test
    void quotesAFailingVisibleTestsMessageInACodeBlock() throws IOException {
        String md = write(ReportFixtures.partial("alice"));

        assertThat(md)
                .contains("- ❌ LRUCacheTest > evictsLeastRecentlyUsed() (fail)\n\n```text\n"
                        + "after get(\"A\"), put(\"E\") should evict B\nexpected: null\n but was: \"b\"\n```\n");
        assertThat(md).contains("- ✅ BasicCacheTest > putsAndGets()\n");
    }

    @Test
    void listsHiddenTestsByNumberWithoutNameMessageOrOutput() throws IOException {
        String md = write(ReportFixtures.partial("alice"));

        assertThat(md).contains("- ✅ hidden test 1: passed\n- ❌ hidden test 2: failed\n");
        assertThat(md)
                .as("feedback.md must not reveal the hidden test's name, method, message or output")
                .doesNotContain(
                        HIDDEN_NAME, "evictsUnderConcurrentWriters", HIDDEN_MESSAGE, "hidden output", "keepsCapacity");
    }

    @Test
    void quotesCompileProblemsWithFileAndLine() throws IOException {
        String md = write(ReportFixtures.notCompiling("bob"));

        assertThat(md)
                .contains("### `src/main/java/LRUCache.java`, line 12\n\n```text\n"
                        + "src/main/java/LRUCache.java:12: error: ';' expected\n");
    }

    @Test
    void fencesLearnerTextWithMoreBackticksThanItHolds() throws IOException {
        String sneaky = "```\n# not a heading\n````\n<script>alert(1)</script>";
        SubmissionResult base = ReportFixtures.partial("mallory");
        SubmissionResult result = new SubmissionResult(
                "mallory",
                base.lab(),
                base.status(),
                null,
                List.of("*bold* [link](http://x) <b>"),
                List.of(),
                List.of(ReportFixtures.visible("T > t()", "0", TestStatus.FAIL, sneaky, "")),
                base.tasks(),
                0,
                25,
                base.gradedAt());

        String md = write(result);

        assertThat(md)
                .as("a five-backtick fence around text with a four-backtick run")
                .contains("`````text\n" + sneaky + "\n`````\n");
        assertThat(md).contains("- \\*bold\\* \\[link\\](http://x) \\<b>");
    }

    @Test
    void writesTheSameBytesForTheSameResult() throws IOException {
        assertThat(write(ReportFixtures.notCompiling("erin"))).isEqualTo(write(ReportFixtures.notCompiling("erin")));
    }

    private String write(SubmissionResult result) throws IOException {
        Path file = dir.resolve(result.submissionId() + ".md");
        FeedbackMarkdown.write(result, ReportFixtures.catalogue(), file);
        return Files.readString(file);
    }
}
