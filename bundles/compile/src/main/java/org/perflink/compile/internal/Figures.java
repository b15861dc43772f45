package org.perflink.compile.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

import org.perflink.api.money.Money;

/**
 * Figures as the plain strings a finding shows: money with 2 decimals (HALF_UP), numbers without
 * exponent or grouping. Pre-formatted here so MessageFormat never localises or groups them.
 */
public final class Figures {

    private Figures() {
    }

    /** Key/value pairs; a null value is left out (a figure that does not exist is not shown). */
    public static Map<String, String> of(String... keyValues) {
        Map<String, String> figures = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                figures.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return figures;
    }

    public static String money(BigDecimal yuan) {
        return Money.plain(yuan);
    }

    public static String number(BigDecimal n) {
        return n == null ? null : n.stripTrailingZeros().toPlainString();
    }

    /** A ratio as a percentage for a message, e.g. 0.3 → {@code 30%}. */
    public static String percent(BigDecimal ratio) {
        return ratio.movePointRight(2).setScale(0, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    public static String text(Object o) {
        return o == null ? null : o.toString();
    }
}
