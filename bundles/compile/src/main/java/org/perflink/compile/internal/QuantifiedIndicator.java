package org.perflink.compile.internal;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import org.perflink.api.model.Indicator;
import org.perflink.api.model.Indicator.Operator;

/**
 * 细化量化 ([101号]): a quantitative indicator has an operator, a numeric value and a unit, and a RANGE
 * has a numeric {@code valueMax} not below its value ({@code INDICATOR_QUANT_INCOMPLETE}); it also names
 * where its value comes from ({@code INDICATOR_VALUE_SOURCE_MISSING}). An unreadable value is a finding
 * here, never an exception.
 */
@Documented
@Retention(RUNTIME)
@Target(TYPE)
@Constraint(validatedBy = QuantifiedIndicator.Validator.class)
public @interface QuantifiedIndicator {
    String message() default "QuantifiedIndicator";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator extends RuleCheck<QuantifiedIndicator, IndicatorUnderCheck> {
        private static final Rule INCOMPLETE = Rule.INDICATOR_QUANT_INCOMPLETE;

        @Override
        protected void check(IndicatorUnderCheck c, Report report) {
            Indicator i = c.indicator();
            if (!i.quantitative()) {
                return;
            }
            if (report.on(INCOMPLETE)) {
                incomplete(c, i, report);
            }
            if (i.valueSource() == null && report.on(Rule.INDICATOR_VALUE_SOURCE_MISSING)) {
                report.add(Rule.INDICATOR_VALUE_SOURCE_MISSING, null, c.index(), c.path("valueSource"),
                        Figures.of("valueSource", ""), c.name());
            }
        }

        private static void incomplete(IndicatorUnderCheck c, Indicator i, Report report) {
            int order = 8 * c.index(); // findings of one indicator in field order
            if (i.operator() == null) {
                report.add(INCOMPLETE, "operator", order, c.path("operator"), Figures.of("missing", "operator"), c.name());
            }
            if (blank(i.value())) {
                report.add(INCOMPLETE, "value", order + 1, c.path("value"), Figures.of("missing", "value"), c.name());
            } else if (c.value() == null) {
                report.add(INCOMPLETE, "notNumber", order + 1, c.path("value"), Figures.of("value", i.value()),
                        c.name(), i.value());
            }
            if (!c.hasUnit()) {
                report.add(INCOMPLETE, "unit", order + 2, c.path("unit"), Figures.of("missing", "unit"), c.name());
            }
            if (i.operator() != Operator.RANGE) {
                return;
            }
            if (blank(i.valueMax())) {
                report.add(INCOMPLETE, "valueMax", order + 3, c.path("valueMax"), Figures.of("missing", "valueMax"), c.name());
            } else if (c.valueMax() == null) {
                report.add(INCOMPLETE, "notNumber", order + 3, c.path("valueMax"), Figures.of("valueMax", i.valueMax()),
                        c.name(), i.valueMax());
            } else if (c.value() != null && c.magnitude(c.value()).compareTo(c.magnitude(c.valueMax())) > 0) {
                report.add(INCOMPLETE, "range", order + 4, c.path("valueMax"),
                        Figures.of("value", i.value().strip(), "valueMax", i.valueMax().strip()),
                        c.name(), i.value().strip(), i.valueMax().strip());
            }
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }
}
