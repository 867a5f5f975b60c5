package io.prodev.labs.grader.report;

import static io.prodev.labs.grader.report.ReportFixtures.HIDDEN_MESSAGE;
import static io.prodev.labs.grader.report.ReportFixtures.HIDDEN_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.grader.model.GradeStatus;
import io.prodev.labs.grader.model.SubmissionResult;
import io.prodev.labs.grader.model.TaskScore;
import io.prodev.labs.grader.model.TestResult;
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
        assertThat(md)
                .as("a passing test is counted in its task's line, not listed")
                .doesNotContain("BasicCacheTest > putsAndGets()");
    }

    @Test
    void listsHiddenTestsByNumberWithoutNameMessageOrOutput() throws IOException {
        String md = write(ReportFixtures.partial("alice"));

        assertThat(md).contains("- ❌ hidden test 2 failed\n");
        assertThat(md)
                .as("feedback.md must not reveal the hidden test's name, method, message or output")
                .doesNotContain(
                        HIDDEN_NAME, "evictsUnderConcurrentWriters", HIDDEN_MESSAGE, "hidden output", "keepsCapacity");
    }

    @Test
    void quotesCompileProblemsWithFileAndLine() throws IOException {
        String md = write(ReportFixtures.notCompiling("bob"));

        assertThat(md)
                .as("the compile problem, in the section of the task whose file it is")
                .contains("## Task 3 — LRUCache ❌\n\n**0 / 10 points**, 1 of 3 tests passed.\n\n"
                        + "`src/main/java/LRUCache.java` did not compile (line 12), so its starter version was graded:"
                        + "\n\n```text\nsrc/main/java/LRUCache.java:12: error: ';' expected\n");
    }

    @Test
    void fencesLearnerTextWithMoreBackticksThanItHolds() throws IOException {
        String sneaky = "```\n# not a heading\n````\n<script>alert(1)</script>";
        SubmissionResult result = ReportFixtures.withNotesAndTests(
                "mallory",
                List.of("*bold* [link](http://x) <b>"),
                List.of(ReportFixtures.visible("T > t()", "0", TestStatus.FAIL, sneaky, "")));

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

    @Test
    void aStarterSubmissionsFeedbackSaysEachTasksMessageOnceAndStaysShort() throws IOException {
        List<TestResult> tests = new java.util.ArrayList<>();
        for (String task : List.of("0", "1", "3")) {
            String file = ReportFixtures.catalogue().tasks().stream()
                    .filter(candidate -> candidate.id().equals(task))
                    .findFirst()
                    .orElseThrow()
                    .title();
            for (int i = 0; i < 40; i++) {
                String starterThrow = "java.lang.UnsupportedOperationException: Task " + task + " (" + file
                        + "): not implemented yet";
                // Every fifth test expected another exception and met the starter's throw, as AssertJ says it.
                String message = i % 5 == 4
                        ? "[case " + i + " must be rejected]\nExpecting actual throwable to be an instance of:\n"
                                + "  java.lang.IllegalArgumentException\nbut was:\n  " + starterThrow
                                + "\n\t...(18 remaining lines not displayed - this can be changed with"
                                + " Assertions.setMaxStackTraceElementsDisplayed)"
                        : starterThrow
                                + "\n    at " + file + ".get(" + file + ".java:" + (10 + i % 3) + ")"
                                + "\n    at " + file + "Test.case" + i + "(" + file + "Test.java:" + (20 + i) + ")";
                tests.add(ReportFixtures.visible(file + "Test > case" + i + "()", task, TestStatus.ERROR, message, ""));
            }
        }
        SubmissionResult base = ReportFixtures.partial("starter");
        SubmissionResult starter = new SubmissionResult(
                "starter",
                base.lab(),
                GradeStatus.FAIL,
                null,
                List.of(),
                List.of(),
                tests,
                List.of(
                        new TaskScore("0", "BasicCache", 0, 40, 0, 5),
                        new TaskScore("1", "FIFOCache", 0, 40, 0, 10),
                        new TaskScore("3", "LRUCache", 0, 40, 0, 10)),
                0,
                25,
                base.gradedAt());

        String md = write(starter);

        assertThat(md.lines().count())
                .as("lines of a starter's feedback.md (120 failing tests)")
                .isLessThan(60);
        assertThat(md)
                .as("task 3's failures, said once")
                .contains("- ❌ 40 tests: LRUCacheTest > case0(), LRUCacheTest > case1(), LRUCacheTest > case2()"
                        + " and 37 more\n\n```text\n"
                        + "java.lang.UnsupportedOperationException: Task 3 (LRUCache): not implemented yet\n"
                        + "    at LRUCache.get(LRUCache.java:10)\n```\n")
                .as("frames in test code are left out")
                .doesNotContain("LRUCacheTest.case0(");
    }

    @Test
    void aLongMessageIsCutAndPointsToResultsJson() throws IOException {
        String longMessage = String.join("\n", java.util.Collections.nCopies(20, "line of a long message"));
        SubmissionResult result = ReportFixtures.withNotesAndTests(
                "dave", List.of(), List.of(ReportFixtures.visible("T > t()", "0", TestStatus.FAIL, longMessage, "")));

        String md = write(result);

        assertThat(md)
                .as("a 20-line message: its first 6 lines, then where the rest is")
                .contains("line of a long message\n".repeat(6) + "… (the whole message is in results.json)\n```")
                .doesNotContain("line of a long message\n".repeat(7));
    }

    @Test
    void aFailedHiddenTestWithAHintShowsTheHintAndNothingElseOfIt() throws IOException {
        SubmissionResult result = ReportFixtures.withNotesAndTests(
                "erin", List.of(), List.of(ReportFixtures.hiddenWithHint(HIDDEN_NAME, "3", "an update is a use too")));

        String md = write(result);

        assertThat(md)
                .contains("- ❌ hidden test 1 failed. Hint: an update is a use too\n")
                .as("the hidden test's name, message and output stay hidden")
                .doesNotContain(HIDDEN_NAME, HIDDEN_MESSAGE, "hidden output");
    }

    private String write(SubmissionResult result) throws IOException {
        Path file = dir.resolve(result.submissionId() + ".md");
        FeedbackMarkdown.write(result, ReportFixtures.catalogue(), file);
        return Files.readString(file);
    }
}
