package org.perflink.api.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Money (元) as host contract v1 and rules.md write it: to the cent (2 decimals), rounded HALF_UP. The one
 * rounding of amounts for every stage, report and the launcher.
 */
public final class Money {

    /** Decimals of an amount: cents (分). */
    public static final int SCALE = 2;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    private Money() {
    }

    /** The amount rounded to the cent. */
    public static BigDecimal cents(BigDecimal yuan) {
        return yuan.setScale(SCALE, ROUNDING);
    }

    /** {@code 5200000.00}: to the cent, no grouping, no exponent; null stays null. */
    public static String plain(BigDecimal yuan) {
        return yuan == null ? null : cents(yuan).toPlainString();
    }

    /** {@code 5,200,000.00}: to the cent with thousands separators, for a reader; null stays null. */
    public static String grouped(BigDecimal yuan) {
        if (yuan == null) {
            return null;
        }
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(ROUNDING);
        return f.format(yuan);
    }
}
