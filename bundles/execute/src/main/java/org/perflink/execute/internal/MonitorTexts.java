package org.perflink.execute.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.perflink.api.money.Money;
import org.perflink.api.rules.Messages;

/** The bundle's zh-CN/English templates and how figures are written into warnings. */
public final class MonitorTexts {

    public static final Messages MESSAGES = new Messages("org.perflink.execute.messages", MonitorTexts.class.getClassLoader());

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private MonitorTexts() {
    }

    /** A ratio as written into metrics: 4 places HALF_UP (the comparison itself used the unrounded value). */
    public static String ratio(BigDecimal value) {
        return value.setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    /** A ratio for a message: {@code 0.36} → {@code 36.00%}. */
    public static String percent(BigDecimal value) {
        return points(value) + "%";
    }

    /** A difference of ratios in percentage points (百分点): {@code 0.2208} → {@code 22.08}. */
    public static String points(BigDecimal value) {
        return value.multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** A threshold in percentage points without trailing zeros: {@code 0.10} → {@code 10}. */
    public static String thresholdPoints(BigDecimal value) {
        return value.multiply(HUNDRED).stripTrailingZeros().toPlainString();
    }

    static String amount(BigDecimal value) {
        return Money.plain(value);
    }
}
