package org.perflink.api.rules;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number read from an indicator value as forms write it: {@code 12}, {@code 98%}, {@code ≥266米},
 * {@code 1,200.5万元}. A leading comparison sign repeated from the target is dropped; a trailing
 * percent sign sets {@link #percent()}; what follows the number is the unit.
 */
public record Quantity(BigDecimal number, String unit, boolean percent) {

    private static final Pattern FORM = Pattern.compile(
            "^\\s*(?:[≥≤＞＜><=＝]|>=|<=)?\\s*([+-]?\\d[\\d,，]*(?:\\.\\d+)?|[+-]?\\.\\d+)\\s*([%％])?\\s*(.*?)\\s*$");

    /** Money units and their factor to 元. */
    private static final Map<String, BigDecimal> YUAN_FACTORS = Map.of(
            "元", BigDecimal.ONE,
            "万元", new BigDecimal("10000"),
            "亿元", new BigDecimal("100000000"));

    /** Reads a value; empty when there is no leading number. */
    public static Optional<Quantity> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(raw);
        if (!m.matches()) {
            return Optional.empty();
        }
        String digits = m.group(1).replace(",", "").replace("，", "");
        return Optional.of(new Quantity(new BigDecimal(digits), m.group(3), m.group(2) != null));
    }

    /** The factor from {@code unit} to 元, if it is a money unit. */
    public static Optional<BigDecimal> yuanFactor(String unit) {
        return unit == null ? Optional.empty() : Optional.ofNullable(YUAN_FACTORS.get(unit.trim()));
    }

    public static boolean isMoneyUnit(String unit) {
        return yuanFactor(unit).isPresent();
    }

    /** The amount in 元 when {@code unit} (or this quantity's own unit, if it has one) is a money unit. */
    public Optional<BigDecimal> inYuan(String declaredUnit) {
        String u = unit != null && !unit.isEmpty() ? unit : declaredUnit;
        return yuanFactor(u).map(number::multiply);
    }
}
