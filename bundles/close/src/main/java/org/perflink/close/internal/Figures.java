package org.perflink.close.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Function;

import org.perflink.api.money.Money;

/** Arithmetic and presentation of scores, ratios and money (rules.md, "Arithmetic"). */
final class Figures {

    /** 34 significant digits for every division: unrounded scores stay exact far below a cent. */
    static final MathContext PRECISION = MathContext.DECIMAL128;

    static final BigDecimal HUNDRED = new BigDecimal("100");

    private Figures() {
    }

    /** Shown and written with 2 decimals, HALF_UP; also the rounding of amount deltas to 0.01 yuan. */
    static BigDecimal cents(BigDecimal value) {
        return Money.cents(value);
    }

    static BigDecimal cents(String value) {
        return cents(new BigDecimal(value));
    }

    /**
     * Σ score·budget / Σ budget over the items, unrounded; Σ budget = 0: the plain mean (rules.md §4.1, §4.3).
     * The items must not be empty.
     */
    static <T> BigDecimal budgetWeightedMean(List<T> items, Function<T, BigDecimal> score, Function<T, BigDecimal> budget) {
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal budgets = BigDecimal.ZERO;
        BigDecimal plain = BigDecimal.ZERO;
        for (T item : items) {
            weighted = weighted.add(score.apply(item).multiply(budget.apply(item)));
            budgets = budgets.add(budget.apply(item));
            plain = plain.add(score.apply(item));
        }
        return budgets.signum() > 0 ? weighted.divide(budgets, PRECISION)
                : plain.divide(BigDecimal.valueOf(items.size()), PRECISION);
    }

    /** A ratio keeps its own precision but shows at least 2 decimals ({@code -0.10}). */
    static BigDecimal ratio(BigDecimal ratio) {
        return ratio.scale() < 2 ? ratio.setScale(2, RoundingMode.UNNECESSARY) : ratio;
    }

    static String score(BigDecimal value) {
        return cents(value).toPlainString();
    }

    /** Money for a reader: {@code 5,200,000.00}. */
    static String money(BigDecimal value) {
        return Money.grouped(value);
    }

    /** A ratio as a signed percentage: {@code -10%}, {@code +5%}, {@code 0%}. */
    static String percent(BigDecimal ratio) {
        String digits = ratio.movePointRight(2).stripTrailingZeros().toPlainString();
        return (ratio.signum() > 0 ? "+" : "") + digits + "%";
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
