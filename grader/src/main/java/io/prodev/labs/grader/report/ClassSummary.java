package io.prodev.labs.grader.report;

import io.prodev.labs.labkit.catalogue.LabCatalogue;
import io.prodev.labs.labkit.catalogue.LabTask;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a class did, at a glance.
 *
 * @param submissions how many submissions were graded
 * @param average     the mean total, 0 without submissions
 * @param median      the median total, 0 without submissions
 * @param max         points possible
 * @param passRates   per task id (catalogue order), the share of submissions with full points, 0..1
 */
public record ClassSummary(int submissions, double average, double median, int max, Map<String, Double> passRates) {

    /** A task earns full points with a little slack, so 9.999999 from partial credit still counts as 10. */
    private static final double EPSILON = 1e-6;

    public static ClassSummary of(LabCatalogue catalogue, List<GradebookRow> rows) {
        double[] totals =
                rows.stream().mapToDouble(GradebookRow::total).sorted().toArray();
        int n = totals.length;
        double average = n == 0 ? 0 : java.util.Arrays.stream(totals).sum() / n;
        double median = n == 0 ? 0 : n % 2 == 1 ? totals[n / 2] : (totals[n / 2 - 1] + totals[n / 2]) / 2;
        Map<String, Double> passRates = new LinkedHashMap<>();
        for (LabTask task : catalogue.tasks()) {
            long full = rows.stream()
                    .filter(row -> row.points(task.id()) >= task.points() - EPSILON)
                    .count();
            passRates.put(task.id(), n == 0 ? 0 : (double) full / n);
        }
        return new ClassSummary(n, average, median, catalogue.maxPoints(), passRates);
    }

    /** "83%" for 0.8333: whole percents, rounded half up, locale-independent. */
    public static String percent(double share) {
        return Math.round(share * 100) + "%";
    }
}
