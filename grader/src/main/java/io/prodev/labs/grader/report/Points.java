package io.prodev.labs.grader.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Points as every report prints them: integers without ".0", fractions with at most two decimals,
 * always a '.' separator. BigDecimal rather than String.format, because String.format follows the
 * default locale and would write "2,5" on a German machine.
 */
public final class Points {

    private Points() {}

    /** "10", "2.5", "3.33". */
    public static String format(double points) {
        return decimal(points).toPlainString();
    }

    /** The same value as a BigDecimal, so JSON writes exactly what the CSV shows. */
    public static BigDecimal decimal(double points) {
        if (Double.isNaN(points) || Double.isInfinite(points)) {
            throw new IllegalArgumentException("points must be a finite number, got: " + points);
        }
        BigDecimal rounded =
                BigDecimal.valueOf(points).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        // stripTrailingZeros turns 10.00 into 1E+1; a scale of at least 0 keeps it plain.
        return rounded.scale() < 0 ? rounded.setScale(0, RoundingMode.UNNECESSARY) : rounded;
    }

    /** Reads what {@link #format} wrote; anything else is an IllegalArgumentException. */
    public static double parse(String text) {
        if (text == null || !text.matches("-?\\d+(\\.\\d+)?")) {
            throw new IllegalArgumentException("expected a number of points like 10 or 2.5, got: " + text);
        }
        return Double.parseDouble(text);
    }
}
