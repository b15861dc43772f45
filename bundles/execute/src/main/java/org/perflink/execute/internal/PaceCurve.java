package org.perflink.execute.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The expected share of an indicator's target reached by a date (应达进度), before {@code monitor.pace}
 * is applied. Linear by default (the time progress); a region may give 12 cumulative month-end
 * fractions, e.g. {@code 0.05,0.10,…,0.80,1.00} for projects that deliver in the fourth quarter, and
 * the curve is interpolated by day within the month.
 */
public final class PaceCurve {

    public static final String LINEAR_NAME = "linear";
    public static final PaceCurve LINEAR = new PaceCurve(null);

    /** Month-end cumulative fractions, January first; null when linear. */
    private final BigDecimal[] monthEnd;

    private PaceCurve(BigDecimal[] monthEnd) {
        this.monthEnd = monthEnd;
    }

    /**
     * Reads {@code linear} (or blank) or 12 comma-separated fractions in [0, 1] that never decrease.
     *
     * @param where names the parameter and its rule pack in the error message
     */
    public static PaceCurve parse(String raw, String where) {
        if (raw == null || raw.isBlank() || raw.trim().equalsIgnoreCase(LINEAR_NAME)) {
            return LINEAR;
        }
        String[] parts = raw.split("[,，]");
        if (parts.length != 12) {
            throw invalid(where, raw, "needs 12 cumulative month-end fractions, has " + parts.length);
        }
        BigDecimal[] values = new BigDecimal[12];
        BigDecimal previous = BigDecimal.ZERO;
        for (int i = 0; i < 12; i++) {
            try {
                values[i] = new BigDecimal(parts[i].trim());
            } catch (NumberFormatException e) {
                throw invalid(where, raw, "month " + (i + 1) + " is not a decimal number");
            }
            if (values[i].compareTo(previous) < 0 || values[i].compareTo(BigDecimal.ONE) > 0) {
                throw invalid(where, raw, "month " + (i + 1) + " must be in [previous month, 1]");
            }
            previous = values[i];
        }
        return new PaceCurve(values);
    }

    private static IllegalArgumentException invalid(String where, String raw, String why) {
        return new IllegalArgumentException(where + ": '" + raw + "' " + why);
    }

    public boolean linear() {
        return monthEnd == null;
    }

    /** The expected cumulative fraction at the end of {@code asOf} (days counted inclusively, like time progress). */
    public BigDecimal at(LocalDate asOf) {
        if (linear()) {
            return DualMonitor.timeProgress(asOf);
        }
        int month = asOf.getMonthValue();
        BigDecimal start = month == 1 ? BigDecimal.ZERO : monthEnd[month - 2];
        BigDecimal withinMonth = BigDecimal.valueOf(asOf.getDayOfMonth())
                .divide(BigDecimal.valueOf(asOf.lengthOfMonth()), DualMonitor.MATH);
        return start.add(monthEnd[month - 1].subtract(start).multiply(withinMonth, DualMonitor.MATH));
    }
}
