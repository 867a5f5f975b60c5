package io.prodev.labs.grader.report;

import io.prodev.labs.labkit.catalogue.LabCatalogue;
import io.prodev.labs.labkit.catalogue.LabTask;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * index.html: the class summary an instructor opens first. One self-contained page (inline CSS,
 * inline SVG, no script), with every value from a submission or the catalogue HTML-escaped.
 */
public final class IndexHtml {

    public static final String FILE_NAME = "index.html";

    private static final String STYLE = """
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;margin:2rem auto;max-width:1100px;padding:0 1.5rem}
            h1{font-size:1.6rem;margin:0 0 .2rem}h2{font-size:1.15rem;margin:2rem 0 .6rem}
            .lab{color:#57606a;margin:0 0 1.2rem}
            .cards{display:flex;gap:1rem;flex-wrap:wrap}
            .card{border:1px solid #d0d7de;border-radius:8px;padding:.7rem 1.1rem;min-width:150px}
            .card b{display:block;font-size:1.5rem}.card span{color:#57606a;font-size:.85rem}
            .chart text{font-size:13px;fill:#1f2328}.chart .track{fill:#eaeef2}
            .chart .good{fill:#2da44e}.chart .fair{fill:#d4a72c}.chart .poor{fill:#cf222e}
            table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
            th,td{border-bottom:1px solid #d0d7de;padding:.35rem .6rem;text-align:right;white-space:nowrap}
            th:first-child,td:first-child{text-align:left}th{background:#f6f8fa;position:sticky;top:0}
            td.full{color:#1a7f37;font-weight:600}td.zero{color:#8c959f}
            .status{border-radius:1rem;padding:.05rem .55rem;font-size:.8rem;font-weight:600}
            .compile{color:#b45309;font-size:.8rem}
            .pass{background:#dafbe1;color:#1a7f37}.fail{background:#fff1e5;color:#bc4c00}.error{background:#ffebe9;color:#cf222e}
            .links{color:#57606a;font-size:.85rem;margin-left:.4rem}a{color:#0969da}
            """;

    private IndexHtml() {}

    /** Writes the page for a gradebook's rows, each id linking to its feedback.md and results.json. */
    public static void write(LabCatalogue catalogue, List<GradebookRow> rows, Path file) {
        TextFiles.write(file, render(catalogue, rows));
    }

    static String render(LabCatalogue catalogue, List<GradebookRow> rows) {
        ClassSummary summary = ClassSummary.of(catalogue, rows);
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>")
                .append(Html.escape(catalogue.lab()))
                .append(" — gradebook</title>\n")
                .append("<style>\n")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n")
                .append("<h1>")
                .append(Html.escape(catalogue.title()))
                .append("</h1>\n")
                .append("<p class=\"lab\">")
                .append(Html.escape(catalogue.lab()))
                .append(" · ")
                .append(catalogue.tasks().size())
                .append(" tasks, ")
                .append(summary.max())
                .append(" points</p>\n")
                .append("<div class=\"cards\">\n")
                .append(card(Integer.toString(summary.submissions()), "submissions"))
                .append(card(Points.format(summary.average()) + " / " + summary.max(), "class average"))
                .append(card(Points.format(summary.median()) + " / " + summary.max(), "median"))
                .append("</div>\n<h2>Full points per task</h2>\n")
                .append(PassRateChart.svg(catalogue, summary))
                .append("<h2>Submissions</h2>\n");
        appendTable(html, catalogue, rows);
        return html.append("</body>\n</html>\n").toString();
    }

    private static String card(String value, String caption) {
        return "<div class=\"card\"><b>" + Html.escape(value) + "</b><span>" + caption + "</span></div>\n";
    }

    private static void appendTable(StringBuilder html, LabCatalogue catalogue, List<GradebookRow> rows) {
        html.append("<table>\n<thead><tr><th>Submission</th>");
        for (LabTask task : catalogue.tasks()) {
            html.append("<th title=\"")
                    .append(Html.escape(task.title()))
                    .append("\">Task ")
                    .append(Html.escape(task.id()))
                    .append("</th>");
        }
        html.append("<th>Total</th><th>Status</th></tr></thead>\n<tbody>\n");
        for (GradebookRow row : rows.stream()
                .sorted(Comparator.comparing(GradebookRow::submissionId))
                .toList()) {
            String folder = Html.escape(Html.pathSegment(row.submissionId()));
            html.append("<tr><td><a href=\"")
                    .append(folder)
                    .append("/feedback.md\">")
                    .append(Html.escape(row.submissionId()))
                    .append("</a><span class=\"links\">(<a href=\"")
                    .append(folder)
                    .append("/results.json\">json</a>)</span></td>");
            for (LabTask task : catalogue.tasks()) {
                double points = row.points(task.id());
                String css = points >= task.points() && task.points() > 0 ? "full" : points == 0 ? "zero" : "";
                html.append("<td")
                        .append(css.isEmpty() ? "" : " class=\"" + css + "\"")
                        .append('>')
                        .append(Points.format(points))
                        .append("</td>");
            }
            String status = Html.escape(row.status());
            html.append("<td><b>")
                    .append(Points.format(row.total()))
                    .append("</b> / ")
                    .append(row.max())
                    .append("</td><td><span class=\"status ")
                    .append(status)
                    .append("\">")
                    .append(status)
                    .append("</span>")
                    .append(compileErrorsBadge(row.compileErrors()))
                    .append("</td></tr>\n");
        }
        if (rows.isEmpty()) {
            html.append("<tr><td colspan=\"")
                    .append(catalogue.tasks().size() + 3)
                    .append("\">No submissions were graded.</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    /** A mark beside the status of a submission with files that did not compile; nothing otherwise. */
    private static String compileErrorsBadge(int files) {
        if (files == 0) {
            return "";
        }
        return " <span class=\"compile\">" + files + (files == 1 ? " file" : " files") + " did not compile</span>";
    }
}
