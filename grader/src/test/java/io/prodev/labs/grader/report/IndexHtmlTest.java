package io.prodev.labs.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.grader.model.GradeStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexHtmlTest {

    @TempDir
    Path dir;

    @Test
    void escapesAScriptInASubmissionIdEverywhere() throws IOException {
        String html = render(List.of(row("<script>alert('x')</script>", 5, 10, 10)));

        assertThat(html)
                .as("a submission id must never become markup")
                .doesNotContain("<script>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</a>")
                .contains("href=\"%3Cscript%3Ealert%28%27x%27%29%3C%2Fscript%3E/feedback.md\"");
    }

    @Test
    void drawsTheShareOfFullPointsPerTaskAsAnInlineSvgBarChart() throws IOException {
        String html = render(List.of(row("a", 5, 10, 0), row("b", 5, 0, 0), row("c", 5, 10, 10), row("d", 0, 10, 0)));

        assertThat(html)
                .contains("<svg class=\"chart\"")
                .contains("</svg>")
                .contains(">Task 0 · BasicCache</text>")
                .contains(">75%</text>")
                .contains(">Task 3 · LRUCache</text>")
                .contains(">25%</text>");
        assertThat(html)
                .as("self-contained: no script and no external assets")
                .doesNotContain("<script", "<link", "src=\"http");
    }

    @Test
    void showsTheClassAverageMedianAndLinksEverySubmission() throws IOException {
        String html = render(List.of(row("a", 5, 10, 0), row("b", 5, 0, 0), row("c", 5, 10, 10), row("d", 0, 10, 0)));

        assertThat(html)
                .contains("<title>caching-lab — gradebook</title>")
                .contains("<b>4</b><span>submissions</span>")
                .contains("<b>13.75 / 25</b><span>class average</span>")
                .contains("<b>12.5 / 25</b><span>median</span>")
                .contains("<a href=\"c/feedback.md\">c</a>")
                .contains("<a href=\"c/results.json\">json</a>");
    }

    @Test
    void marksASubmissionWithFilesThatDidNotCompile() throws IOException {
        String html = render(List.of(
                GradebookRow.of(ReportFixtures.notCompiling("bob"), ReportFixtures.catalogue()),
                row("zoe", 5, 10, 10)));

        assertThat(html)
                .as("bob's LRUCache.java did not compile; zoe's files all did")
                .containsOnlyOnce("<span class=\"compile\">1 file did not compile</span>");
        assertThat(html.indexOf("1 file did not compile"))
                .as("the mark sits in bob's row")
                .isGreaterThan(html.indexOf(">bob</a>"))
                .isLessThan(html.indexOf(">zoe</a>"));
    }

    @Test
    void saysSoWhenNoSubmissionsWereGraded() throws IOException {
        assertThat(render(List.of()))
                .contains("No submissions were graded.")
                .contains("<b>0</b><span>submissions</span>");
    }

    private GradebookRow row(String id, double task0, double task1, double task3) {
        return GradebookRow.of(
                ReportFixtures.withScores(id, GradeStatus.FAIL, task0, task1, task3), ReportFixtures.catalogue());
    }

    private String render(List<GradebookRow> rows) throws IOException {
        Path file = dir.resolve("index.html");
        IndexHtml.write(ReportFixtures.catalogue(), rows, file);
        return Files.readString(file);
    }
}
