package org.perflink.compile.internal;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

import org.perflink.api.model.Indicator;
import org.perflink.api.rules.Quantity;
import org.perflink.compile.internal.IndicatorLibrary;
import org.perflink.compile.internal.CompilePhase.Adjusted;
import org.perflink.compile.internal.CompilePhase.Declared;

/**
 * One indicator of a target as the constraints see it: with its position (for the finding's path),
 * its values read once ({@code null} when unreadable or absent) and the core-indicator names of the
 * project's function code (empty when the library does not cover it).
 */
@QuantifiedIndicator(groups = {Declared.class, Adjusted.class})
@CoreIndicator(groups = {Declared.class, Adjusted.class})
@LibraryStandard(groups = {Declared.class, Adjusted.class})
public record IndicatorUnderCheck(int index, Indicator indicator, Quantity value, Quantity valueMax,
        String functionCode, Set<String> coreNames, IndicatorLibrary.Lookup library) {

    public static IndicatorUnderCheck of(int index, Indicator indicator, String functionCode, Set<String> coreNames) {
        return of(index, indicator, functionCode, IndicatorLibrary.Lookup.NONE, coreNames);
    }

    /** With the library's lookup for the project (分层分类: its function code, prefixes and COMMON). */
    public static IndicatorUnderCheck of(int index, Indicator indicator, String functionCode,
            IndicatorLibrary.Lookup library, Set<String> coreNames) {
        return new IndicatorUnderCheck(index, indicator, Quantity.parse(indicator.value()).orElse(null),
                Quantity.parse(indicator.valueMax()).orElse(null), functionCode, coreNames, library);
    }

    /** {@code target.indicators[i].field}, in the host contract's field names. */
    public String path(String field) {
        return "target.indicators[" + index + "]." + field;
    }

    public String name() {
        return indicator.name();
    }

    /** The amount in 元 when the quantity is money (元/万元/亿元, its own unit or the declared one). */
    public Optional<BigDecimal> inYuan(Quantity q) {
        // A percentage is never money, even when the declared unit says 万元.
        return q == null || q.percent() ? Optional.empty() : q.inYuan(indicator.unit());
    }

    /** A quantity in comparable terms: 元 for money, else the number as written. */
    public BigDecimal magnitude(Quantity q) {
        return inYuan(q).orElse(q.number());
    }

    /** The unit, from the unit field or, as forms often write it, from the value itself ("98%", "12所"). */
    public boolean hasUnit() {
        String unit = indicator.unit();
        return (unit != null && !unit.isBlank())
                || (value != null && (value.percent() || (value.unit() != null && !value.unit().isEmpty())));
    }
}
