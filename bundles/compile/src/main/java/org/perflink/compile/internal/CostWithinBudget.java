package org.perflink.compile.internal;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.util.Optional;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import org.perflink.api.model.Indicator;
import org.perflink.api.rules.Quantity;

/**
 * 成本 ≤ 预算 (local forms pair them): a cost indicator in money units whose upper bound — the value of
 * LE/LT/EQ, the {@code valueMax} of RANGE — exceeds the project's budget ({@code COST_EXCEEDS_BUDGET}).
 * Compared in 元 whatever unit the form used (元/万元/亿元); percentages and counts are not money.
 */
@Documented
@Retention(RUNTIME)
@Target(TYPE)
@Constraint(validatedBy = CostWithinBudget.Validator.class)
public @interface CostWithinBudget {
    String message() default "CostWithinBudget";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator extends RuleCheck<CostWithinBudget, ProjectUnderCheck> {
        @Override
        protected void check(ProjectUnderCheck p, Report report) {
            BigDecimal budget = p.project().budgetAmount();
            if (budget == null || p.indicators().isEmpty() || !report.on(Rule.COST_EXCEEDS_BUDGET)) {
                return;
            }
            for (IndicatorUnderCheck c : p.indicators()) {
                Indicator i = c.indicator();
                if (!i.cost() || !i.quantitative() || i.operator() == null) {
                    continue;
                }
                boolean range = i.operator() == Indicator.Operator.RANGE;
                if (i.operator().positive()) {
                    continue; // a lower bound on cost does not bound it
                }
                Quantity bound = range ? c.valueMax() : c.value();
                Optional<BigDecimal> yuan = c.inYuan(bound);
                if (yuan.isPresent() && yuan.get().compareTo(budget) > 0) {
                    String raw = range ? i.valueMax() : i.value();
                    String written = raw.strip() + (bound.unit().isEmpty() && i.unit() != null ? i.unit().strip() : "");
                    report.add(Rule.COST_EXCEEDS_BUDGET, null, c.index(), c.path(range ? "valueMax" : "value"), Figures.of(
                            "costBound", Figures.money(yuan.get()), "budgetAmount", Figures.money(budget), "unit", "元",
                            "indicatorValue", written),
                            c.name(), Figures.money(yuan.get()), Figures.money(budget));
                }
            }
        }
    }
}
