package org.perflink.compile.internal;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.math.BigDecimal;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import org.perflink.api.model.ExAnte;
import org.perflink.api.model.Project;
import org.perflink.api.rules.Param;

/**
 * 事前绩效评估 ([34号]): a new or major project at or above the threshold has a finished assessment
 * ({@code EX_ANTE_REQUIRED}), and an assessment that concluded 不予支持 blocks funding
 * ({@code EX_ANTE_NOT_SUPPORTED}).
 */
@Documented
@Retention(RUNTIME)
@Target(TYPE)
@Constraint(validatedBy = ExAnteAssessed.Validator.class)
public @interface ExAnteAssessed {
    String message() default "ExAnteAssessed";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    Param THRESHOLD = Param.of("exAnte.threshold", "5000000",
            "budget in 元 from which a new or major project needs a finished ex-ante assessment (事前绩效评估)");

    final class Validator extends RuleCheck<ExAnteAssessed, ProjectUnderCheck> {
        @Override
        protected void check(ProjectUnderCheck p, Report report) {
            Project project = p.project();
            ExAnte exAnte = project.exAnte();
            BigDecimal budget = project.budgetAmount();
            if ((project.isNew() || project.isMajor()) && budget != null && !p.exAnteDone(report.pack())
                    && report.on(Rule.EX_ANTE_REQUIRED)) {
                BigDecimal threshold = report.pack().decimal(THRESHOLD); // read only where it matters
                if (budget.compareTo(threshold) >= 0) {
                    report.add(Rule.EX_ANTE_REQUIRED, "exAnte", Figures.of(
                            "budgetAmount", Figures.money(budget), "threshold", Figures.money(threshold),
                            "unit", "元", "isNew", String.valueOf(project.isNew()),
                            "isMajor", String.valueOf(project.isMajor()),
                            "exAnteStatus", exAnte == null || exAnte.status() == null ? "NONE" : exAnte.status().name(),
                            "exAnteVoidedBy", voidedBy(p, report)),
                            Figures.money(budget), Figures.money(threshold));
                }
            }
            notSupported(exAnte, report);
        }

        /** {@code EVALUATOR_CONFLICT} when a conflict voids a DONE assessment (a figure then), else null. */
        static String voidedBy(ProjectUnderCheck p, Report report) {
            return p.exAnteVoided(report.pack()) ? Rule.EVALUATOR_CONFLICT.id() : null;
        }

        /** {@code EX_ANTE_NOT_SUPPORTED}: shared with the library admission (§7). */
        static void notSupported(ExAnte exAnte, Report report) {
            if (exAnte != null && exAnte.conclusion() == ExAnte.Conclusion.NOT_SUPPORT
                    && report.on(Rule.EX_ANTE_NOT_SUPPORTED)) {
                report.add(Rule.EX_ANTE_NOT_SUPPORTED, "exAnte.conclusion",
                        Figures.of("conclusion", "NOT_SUPPORT", "date", Figures.text(exAnte.date())));
            }
        }
    }
}
