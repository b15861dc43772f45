package org.perflink.compile.internal;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import org.perflink.api.model.Indicator;
import org.perflink.api.model.Project;
import org.perflink.api.model.Target;
import org.perflink.api.rules.Quantity;

/**
 * A multi-year project's annual target against its period target (实施期目标, §7,
 * {@code LIBRARY_PERIOD_TARGET_INCONSISTENT}): the year lies inside the period, and every period indicator has an
 * annual indicator of its code, in the same unit, with an operator of the same direction, and (GE/GT) an annual
 * value not above the period value. One finding per disagreement.
 */
@Documented
@Retention(RUNTIME)
@java.lang.annotation.Target(TYPE)
@Constraint(validatedBy = PeriodTargetConsistent.Validator.class)
public @interface PeriodTargetConsistent {
    String message() default "PeriodTargetConsistent";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator extends RuleCheck<PeriodTargetConsistent, ProjectUnderCheck> {
        private static final Rule RULE = Rule.LIBRARY_PERIOD_TARGET_INCONSISTENT;

        @Override
        protected void check(ProjectUnderCheck p, Report report) {
            Project project = p.project();
            Project.Period period = project.period();
            Target target = project.target();
            boolean multiYear = period != null && period.multiYear();
            if (!multiYear || !report.on(RULE)) {
                return;
            }
            String start = period.startYear().toString();
            String end = period.endYear().toString();
            if (project.year() < period.startYear() || project.year() > period.endYear()) {
                report.add(RULE, "year", 0, "year", Figures.of("year", Integer.toString(project.year()),
                        "startYear", start, "endYear", end), Integer.toString(project.year()), start, end);
            }
            if (target == null) {
                return;
            }
            List<Indicator> periodIndicators = target.periodIndicators();
            for (int i = 0; i < periodIndicators.size(); i++) {
                compare(i, periodIndicators.get(i), target.indicators(), report);
            }
        }

        private static void compare(int index, Indicator period, List<Indicator> annual, Report report) {
            String path = "target.periodIndicators[" + index + "]";
            Indicator match = annual.stream().filter(a -> a.code() != null && a.code().equals(period.code()))
                    .findFirst().orElse(null);
            int order = 1 + index * 4;
            if (match == null) {
                report.add(RULE, "missing", order, path + ".code", Figures.of("code", period.code(),
                        "name", period.name(), "annualIndicator", "NONE"), period.code(), period.name());
                return;
            }
            if (!Objects.equals(blankToNull(period.unit()), blankToNull(match.unit()))) {
                report.add(RULE, "unit", order + 1, path + ".unit", Figures.of("code", period.code(),
                        "periodUnit", period.unit(), "annualUnit", match.unit()),
                        period.code(), period.unit(), match.unit());
            }
            if (period.operator() != null && match.operator() != null
                    && (period.operator().positive() && match.operator().reverse()
                            || period.operator().reverse() && match.operator().positive())) {
                report.add(RULE, "operator", order + 2, path + ".operator", Figures.of("code", period.code(),
                        "periodOperator", period.operator().name(), "annualOperator", match.operator().name()),
                        period.code(), period.operator().name(), match.operator().name());
            }
            if (period.operator() != null && period.operator().positive() && match.operator() != null
                    && match.operator().positive()) {
                BigDecimal p = number(period.value());
                BigDecimal a = number(match.value());
                if (p != null && a != null && a.compareTo(p) > 0) {
                    report.add(RULE, "value", order + 3, path + ".value", Figures.of("code", period.code(),
                            "periodValue", Figures.number(p), "annualValue", Figures.number(a)),
                            period.code(), Figures.number(a), Figures.number(p));
                }
            }
        }

        private static BigDecimal number(String raw) {
            return Quantity.parse(raw).map(Quantity::number).orElse(null);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }
}
