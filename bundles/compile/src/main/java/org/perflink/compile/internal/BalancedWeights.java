package org.perflink.compile.internal;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import org.perflink.api.model.Indicator;
import org.perflink.api.model.Indicator.Level1;
import org.perflink.api.rules.Param;
import org.perflink.api.rules.RulePack;

/**
 * 权重 ([10号]): when weights are given, every indicator has one, they sum to the indicators' share of
 * the 100 points, and each level-1 group gets its share of {@code weights.level1}
 * ({@code WEIGHTS_INVALID}).
 */
@Documented
@Retention(RUNTIME)
@Target(TYPE)
@Constraint(validatedBy = BalancedWeights.Validator.class)
public @interface BalancedWeights {
    String message() default "BalancedWeights";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /**
     * Points per level-1 group as {@code LEVEL1:points,...}. They sum to the indicators' total, 90 by
     * default (the other 10 belong to the execution rate, rules.md §3.1). Cost indicators count within
     * OUTPUT unless the value names a COST group of its own.
     */
    Param LEVEL1 = Param.of("weights.level1", "OUTPUT:50,BENEFIT:30,SATISFACTION:10",
            "points per level-1 indicator group (一级指标分值) as LEVEL1:points,...; cost counts within OUTPUT"
                    + " unless COST is listed; the sum is the indicators' total (90, execution rate 10)");

    final class Validator extends RuleCheck<BalancedWeights, ProjectUnderCheck> {
        private static final String PATH = "target.indicators";
        private static final BigDecimal HUNDRED = new BigDecimal("100");

        @Override
        protected void check(ProjectUnderCheck p, Report report) {
            int weighted = 0;
            for (IndicatorUnderCheck c : p.indicators()) {
                if (c.indicator().weight() != null) {
                    weighted++;
                }
            }
            if (weighted == 0 || !report.on(Rule.WEIGHTS_INVALID)) {
                return; // no weights given: scoring uses weights.level1 itself
            }
            int total = p.indicators().size();
            if (weighted < total) {
                // Scoring only uses weights when all are given: a partial set would silently be ignored.
                report.add(Rule.WEIGHTS_INVALID, "partial", 0, PATH, Figures.of(
                        "weighted", String.valueOf(weighted), "indicators", String.valueOf(total)),
                        String.valueOf(total), String.valueOf(weighted));
                return;
            }
            Map<Level1, BigDecimal> expected = level1(report.pack());
            Map<Level1, BigDecimal> actual = new EnumMap<>(Level1.class);
            BigDecimal sum = BigDecimal.ZERO;
            for (IndicatorUnderCheck c : p.indicators()) {
                Indicator i = c.indicator();
                Level1 group = i.level1() == Level1.COST && !expected.containsKey(Level1.COST) ? Level1.OUTPUT : i.level1();
                if (group != null) {
                    actual.merge(group, i.weight(), BigDecimal::add);
                }
                sum = sum.add(i.weight());
            }
            BigDecimal expectedSum = expected.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(expectedSum) != 0) {
                report.add(Rule.WEIGHTS_INVALID, "total", 0, PATH, Figures.of(
                        "weightSum", Figures.number(sum), "expected", Figures.number(expectedSum)),
                        Figures.number(sum), Figures.number(expectedSum), Figures.number(HUNDRED.subtract(expectedSum)));
            }
            for (Level1 group : Level1.values()) {
                BigDecimal got = actual.getOrDefault(group, BigDecimal.ZERO);
                BigDecimal want = expected.getOrDefault(group, BigDecimal.ZERO);
                if (got.compareTo(want) != 0) {
                    report.add(Rule.WEIGHTS_INVALID, group.name(), 1 + group.ordinal(), PATH, Figures.of(
                            "level1", group.name(), "weightSum", Figures.number(got), "expected", Figures.number(want)),
                            Figures.number(got), Figures.number(want));
                }
            }
        }

        /** Parses {@code weights.level1}; a malformed value is a configuration error of the pack. */
        static Map<Level1, BigDecimal> level1(RulePack pack) {
            String raw = pack.string(LEVEL1);
            Map<Level1, BigDecimal> points = new EnumMap<>(Level1.class);
            try {
                for (String part : raw.split(",")) {
                    String[] kv = part.split(":");
                    if (kv.length != 2 || points.put(Level1.valueOf(kv[0].strip()), new BigDecimal(kv[1].strip())) != null) {
                        throw new IllegalArgumentException(part);
                    }
                }
            } catch (IllegalArgumentException e) { // also NumberFormatException
                throw new IllegalArgumentException("rule pack " + pack.id() + ": parameter '" + LEVEL1.key()
                        + "' is not LEVEL1:points,...: '" + raw + "'", e);
            }
            return points;
        }
    }
}
