package org.perflink.compile.internal;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import org.perflink.api.model.Indicator;
import org.perflink.api.model.Indicator.Operator;
import org.perflink.api.rules.Param;
import org.perflink.api.rules.Quantity;
import org.perflink.compile.internal.IndicatorLibrary.CoreIndicator;
import org.perflink.compile.internal.IndicatorLibrary.Match;
import org.perflink.compile.internal.IndicatorLibrary.Standard;

/**
 * 标准值 (rules.md §11, since rules v2): a quantitative indicator that the indicator library knows by name is held
 * against the library's entry: the same unit ({@code LIBRARY_UNIT_MISMATCH}; money units compare after
 * conversion), a target not far below the standard or the history ({@code LIBRARY_VALUE_TOO_EASY}, by
 * {@code library.easyRatio}), and inside a standard RANGE ({@code LIBRARY_VALUE_OUT_OF_RANGE}). Each finding carries
 * the library's figure, the level it was found at and the file it came from.
 */
@Documented
@Retention(RUNTIME)
@Target(TYPE)
@Constraint(validatedBy = LibraryStandard.Validator.class)
public @interface LibraryStandard {
    String message() default "LibraryStandard";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    Param EASY_RATIO = Param.of("library.easyRatio", "0.8",
            "LIBRARY_VALUE_TOO_EASY: a GE/GT target below this share of max(standard, history), or a LE/LT target"
                    + " above min(standard, history) ÷ this (P)");

    final class Validator extends RuleCheck<LibraryStandard, IndicatorUnderCheck> {
        private static final MathContext MATH = MathContext.DECIMAL128;
        /** The unit the library gives a qualitative indicator. */
        private static final String QUALITATIVE_UNIT = "定性";

        @Override
        protected void check(IndicatorUnderCheck c, Report report) {
            Indicator indicator = c.indicator();
            if (!indicator.quantitative() || c.value() == null || indicator.operator() == null) {
                return;
            }
            Optional<Match> found = c.library().match(c.name());
            if (found.isEmpty()) {
                return;
            }
            Match match = found.get();
            CoreIndicator entry = match.indicator();
            String unit = unitOf(c);
            if (unit == null || entry.unit() == null || entry.unit().equals(QUALITATIVE_UNIT)) {
                return; // an entry the library marks qualitative (定性) has no unit to compare
            }
            boolean money = Quantity.isMoneyUnit(unit) && Quantity.isMoneyUnit(entry.unit());
            if (!money && !same(unit, entry.unit())) {
                if (report.on(Rule.LIBRARY_UNIT_MISMATCH)) {
                    report.add(Rule.LIBRARY_UNIT_MISMATCH, null, c.index(), c.path("unit"), Figures.of(
                            "name", c.name(), "unit", unit, "libraryUnit", entry.unit(), "libraryLevel", match.level(),
                            "librarySource", match.source()), c.name(), unit, entry.unit(), match.level());
                }
                return; // a value in another unit cannot be compared with the library's
            }
            // compared in the library's unit: a money target is converted (90 万元 = 900000 元)
            BigDecimal value = money ? c.magnitude(c.value()).divide(Quantity.yuanFactor(entry.unit()).orElseThrow(), MATH)
                    : c.value().number();
            tooEasy(c, report, match, indicator.operator(), value);
            outOfRange(c, report, match, value);
        }

        private void tooEasy(IndicatorUnderCheck c, Report report, Match match, Operator op, BigDecimal value) {
            CoreIndicator entry = match.indicator();
            Standard standard = entry.standard();
            boolean positive = op.positive();
            if (!report.on(Rule.LIBRARY_VALUE_TOO_EASY) || !(positive || op.reverse())) {
                return;
            }
            BigDecimal fromStandard = standard == null ? null
                    : positive || standard.valueMax() == null ? standard.value() : standard.valueMax();
            BigDecimal reference = pick(fromStandard, entry.history(), positive);
            if (reference == null) {
                return;
            }
            BigDecimal ratio = report.pack().decimal(EASY_RATIO);
            BigDecimal limit = positive ? reference.multiply(ratio, MATH) : reference.divide(ratio, MATH);
            boolean easy = positive ? value.compareTo(limit) < 0 : value.compareTo(limit) > 0;
            if (easy) {
                report.add(Rule.LIBRARY_VALUE_TOO_EASY, positive ? null : "LE", c.index(), c.path("value"),
                        Figures.of("name", c.name(), "value", Figures.number(value), "unit", entry.unit(),
                                "libraryStandard", Figures.number(fromStandard),
                                "libraryHistory", Figures.number(entry.history()),
                                "reference", Figures.number(reference), EASY_RATIO.key(), ratio.toPlainString(),
                                "libraryLevel", match.level(), "librarySource", match.source()),
                        c.name(), Figures.number(value) + entry.unit(), Figures.number(reference) + entry.unit(),
                        ratio.toPlainString(), match.level());
            }
        }

        private void outOfRange(IndicatorUnderCheck c, Report report, Match match, BigDecimal value) {
            Standard standard = match.indicator().standard();
            if (standard == null || standard.operator() != Operator.RANGE || standard.valueMax() == null
                    || !report.on(Rule.LIBRARY_VALUE_OUT_OF_RANGE)) {
                return;
            }
            if (value.compareTo(standard.value()) < 0 || value.compareTo(standard.valueMax()) > 0) {
                String unit = match.indicator().unit();
                report.add(Rule.LIBRARY_VALUE_OUT_OF_RANGE, null, c.index(), c.path("value"),
                        Figures.of("name", c.name(), "value", Figures.number(value), "unit", unit,
                                "libraryMin", Figures.number(standard.value()),
                                "libraryMax", Figures.number(standard.valueMax()),
                                "libraryLevel", match.level(), "librarySource", match.source()),
                        c.name(), Figures.number(value) + unit, Figures.number(standard.value()),
                        Figures.number(standard.valueMax()) + unit, match.level());
            }
        }

        /** The tougher of standard and history: the higher for a positive target, the lower for a reverse one. */
        private static BigDecimal pick(BigDecimal a, BigDecimal b, boolean higher) {
            if (a == null || b == null) {
                return a == null ? b : a;
            }
            return higher == (a.compareTo(b) >= 0) ? a : b;
        }

        /** The unit the target is written in: the unit field, else the value's own ("98%", "12所"). */
        private static String unitOf(IndicatorUnderCheck c) {
            String unit = c.indicator().unit();
            if (unit != null && !unit.isBlank()) {
                return unit.strip();
            }
            if (c.value().percent()) {
                return "%";
            }
            return c.value().unit() == null || c.value().unit().isEmpty() ? null : c.value().unit();
        }

        private static boolean same(String a, String b) {
            return a.replace('％', '%').strip().equals(b.replace('％', '%').strip());
        }
    }
}
