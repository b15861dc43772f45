package org.perflink.compile.internal;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import org.perflink.api.model.Indicator;
import org.perflink.api.model.Indicator.Level1;
import org.perflink.api.model.Indicator.Level2;

/**
 * 指标体系完整 ([34号] [10号] [101号]): output, benefit and satisfaction indicators, output covering
 * quantity, quality and timeliness (数量/质量/时效), and a cost indicator.
 */
@Documented
@Retention(RUNTIME)
@Target(TYPE)
@Constraint(validatedBy = CompleteIndicatorSystem.Validator.class)
public @interface CompleteIndicatorSystem {
    String message() default "CompleteIndicatorSystem";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator extends RuleCheck<CompleteIndicatorSystem, ProjectUnderCheck> {
        private static final String PATH = "target.indicators";
        private static final Set<Level2> OUTPUT_DIMENSIONS = EnumSet.of(Level2.QUANTITY, Level2.QUALITY, Level2.TIMELINESS);

        @Override
        protected void check(ProjectUnderCheck p, Report report) {
            if (p.indicators().isEmpty()) {
                return; // SYNC_COMPILE_TARGET_MISSING already says there are none
            }
            Set<Level1> levels = EnumSet.noneOf(Level1.class);
            Set<Level2> outputDimensions = EnumSet.noneOf(Level2.class);
            boolean cost = false;
            for (IndicatorUnderCheck c : p.indicators()) {
                Indicator i = c.indicator();
                if (i.level1() != null) {
                    levels.add(i.level1());
                }
                if (i.level1() == Level1.OUTPUT && i.level2() != null) {
                    outputDimensions.add(i.level2());
                }
                cost |= i.cost();
            }
            String found = levels.stream().map(Enum::name).collect(Collectors.joining(","));
            require(levels, Level1.OUTPUT, Rule.INDICATOR_OUTPUT_MISSING, found, report);
            require(levels, Level1.BENEFIT, Rule.INDICATOR_BENEFIT_MISSING, found, report);
            require(levels, Level1.SATISFACTION, Rule.INDICATOR_SATISFACTION_MISSING, found, report);
            // Only an output that exists can lack a dimension; no output at all is one finding, not four.
            if (levels.contains(Level1.OUTPUT) && report.on(Rule.INDICATOR_OUTPUT_DIMENSION_MISSING)) {
                for (Level2 dimension : OUTPUT_DIMENSIONS) {
                    if (!outputDimensions.contains(dimension)) {
                        report.add(Rule.INDICATOR_OUTPUT_DIMENSION_MISSING, dimension.name(), dimension.ordinal(), PATH,
                                Figures.of("level1", "OUTPUT", "level2", dimension.name()));
                    }
                }
            }
            if (!cost && report.on(Rule.INDICATOR_COST_MISSING)) {
                report.add(Rule.INDICATOR_COST_MISSING, PATH, Figures.of("level1", "COST", "found", found));
            }
        }

        private static void require(Set<Level1> levels, Level1 level, Rule rule, String found, Report report) {
            if (!levels.contains(level) && report.on(rule)) {
                report.add(rule, PATH, Figures.of("level1", level.name(), "found", found));
            }
        }
    }
}
