package io.prodev.labs.grader.report;

import io.prodev.labs.labkit.catalogue.LabCatalogue;
import io.prodev.labs.labkit.catalogue.LabTask;

/**
 * An inline SVG horizontal bar chart: one bar per task, its length the share of the class that earned
 * the task's full points. Plain SVG, so the page needs no script and no other file.
 */
public final class PassRateChart {

    private static final int LABEL_WIDTH = 340;
    private static final int BAR_WIDTH = 460;
    private static final int ROW_HEIGHT = 30;
    private static final int BAR_HEIGHT = 18;
    private static final int LABEL_CHARS = 44;

    private PassRateChart() {}

    /** The chart's svg element. */
    public static String svg(LabCatalogue catalogue, ClassSummary summary) {
        int width = LABEL_WIDTH + BAR_WIDTH + 60;
        int height = Math.max(1, catalogue.tasks().size()) * ROW_HEIGHT + 8;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-label=\"Share of submissions with full points, per task\">\n");
        int y = 4;
        for (LabTask task : catalogue.tasks()) {
            double rate = summary.passRates().getOrDefault(task.id(), 0.0);
            long bar = Math.round(rate * BAR_WIDTH);
            String label = "Task " + task.id() + " · " + shorten(task.title());
            int textY = y + BAR_HEIGHT / 2 + 5;
            svg.append("  <g><title>")
                    .append(Html.escape("Task " + task.id() + " — " + task.title() + ": " + ClassSummary.percent(rate)
                            + " with full points"))
                    .append("</title>\n")
                    .append("    <text x=\"")
                    .append(LABEL_WIDTH - 10)
                    .append("\" y=\"")
                    .append(textY)
                    .append("\" text-anchor=\"end\">")
                    .append(Html.escape(label))
                    .append("</text>\n")
                    .append("    <rect class=\"track\" x=\"")
                    .append(LABEL_WIDTH)
                    .append("\" y=\"")
                    .append(y)
                    .append("\" width=\"")
                    .append(BAR_WIDTH)
                    .append("\" height=\"")
                    .append(BAR_HEIGHT)
                    .append("\" rx=\"3\"/>\n")
                    .append("    <rect class=\"bar ")
                    .append(rate >= 0.75 ? "good" : rate >= 0.4 ? "fair" : "poor")
                    .append("\" x=\"")
                    .append(LABEL_WIDTH)
                    .append("\" y=\"")
                    .append(y)
                    .append("\" width=\"")
                    .append(bar)
                    .append("\" height=\"")
                    .append(BAR_HEIGHT)
                    .append("\" rx=\"3\"/>\n")
                    .append("    <text x=\"")
                    .append(LABEL_WIDTH + BAR_WIDTH + 8)
                    .append("\" y=\"")
                    .append(textY)
                    .append("\">")
                    .append(ClassSummary.percent(rate))
                    .append("</text>\n  </g>\n");
            y += ROW_HEIGHT;
        }
        return svg.append("</svg>\n").toString();
    }

    /** Long titles are cut, so that labels do not run into the bars; the tooltip has the full title. */
    private static String shorten(String title) {
        return title.length() <= LABEL_CHARS
                ? title
                : title.substring(0, LABEL_CHARS - 1).stripTrailing() + "…";
    }
}
