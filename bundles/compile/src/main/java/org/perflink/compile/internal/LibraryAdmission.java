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
import org.perflink.api.model.Grade;
import org.perflink.api.model.Project;
import org.perflink.api.rules.Param;

/**
 * 项目库入库评审 (§7): a draft target at entry ({@code LIBRARY_TARGET_MISSING}); the ex-ante assessment split
 * between the department's self-assessment ({@code LIBRARY_EX_ANTE_DEPARTMENT_REQUIRED}) and the finance key
 * assessment ({@code LIBRARY_EX_ANTE_FINANCE_REQUIRED}; a FINANCE assessment satisfies both); a continuing
 * project whose last grade was POOR re-enters only after accepted rectification
 * ({@code LIBRARY_POOR_NOT_RECTIFIED}); a predecessor whose period ended needs a new assessment
 * ({@code LIBRARY_PERIOD_ENDED}); and {@code EX_ANTE_NOT_SUPPORTED}.
 */
@Documented
@Retention(RUNTIME)
@Target(TYPE)
@Constraint(validatedBy = LibraryAdmission.Validator.class)
public @interface LibraryAdmission {
    String message() default "LibraryAdmission";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    Param DEPARTMENT_THRESHOLD = Param.of("exAnte.department.threshold", "1000000",
            "budget in 元 from which a new project needs a finished (department) ex-ante assessment to enter the library");

    final class Validator extends RuleCheck<LibraryAdmission, ProjectUnderCheck> {
        @Override
        protected void check(ProjectUnderCheck p, Report report) {
            Project project = p.project();
            targetMissing(project, report);
            ExAnte exAnte = project.exAnte();
            boolean done = p.exAnteDone(report.pack()); // a conflict of its evaluators voids an assessment (§10)
            boolean financeDone = done && exAnte.levelOrDefault() == ExAnte.Level.FINANCE;
            BigDecimal budget = project.budgetAmount();
            String status = exAnte == null || exAnte.status() == null ? "NONE" : exAnte.status().name();
            String level = exAnte == null ? "NONE" : exAnte.levelOrDefault().name();
            if (project.isNew() && budget != null && !done && report.on(Rule.LIBRARY_EX_ANTE_DEPARTMENT_REQUIRED)) {
                BigDecimal threshold = report.pack().decimal(DEPARTMENT_THRESHOLD);
                if (budget.compareTo(threshold) >= 0) {
                    report.add(Rule.LIBRARY_EX_ANTE_DEPARTMENT_REQUIRED, "exAnte", Figures.of(
                            "budgetAmount", Figures.money(budget), "threshold", Figures.money(threshold), "unit", "元",
                            "parameter", DEPARTMENT_THRESHOLD.key(), "isNew", "true", "exAnteStatus", status,
                            "exAnteVoidedBy", ExAnteAssessed.Validator.voidedBy(p, report)),
                            Figures.money(budget), Figures.money(threshold));
                }
            }
            if (!financeDone && report.on(Rule.LIBRARY_EX_ANTE_FINANCE_REQUIRED)
                    && (project.isMajor() || (project.isNew() && budget != null))) {
                BigDecimal threshold = report.pack().decimal(ExAnteAssessed.THRESHOLD);
                if (project.isMajor() || budget.compareTo(threshold) >= 0) {
                    report.add(Rule.LIBRARY_EX_ANTE_FINANCE_REQUIRED, project.isMajor() ? "major" : null, 0, "exAnte",
                            Figures.of("budgetAmount", Figures.money(budget), "threshold", Figures.money(threshold),
                                    "unit", "元", "parameter", ExAnteAssessed.THRESHOLD.key(),
                                    "isNew", String.valueOf(project.isNew()),
                                    "isMajor", String.valueOf(project.isMajor()),
                                    "exAnteStatus", status, "exAnteLevel", level,
                                    "exAnteVoidedBy", ExAnteAssessed.Validator.voidedBy(p, report)),
                            Figures.money(budget), Figures.money(threshold));
                }
            }
            poorNotRectified(p.prior(), report);
            periodEnded(p, done, report);
            ExAnteAssessed.Validator.notSupported(exAnte, report);
        }

        private static void targetMissing(Project project, Report report) {
            if (!report.on(Rule.LIBRARY_TARGET_MISSING)) {
                return;
            }
            if (project.target() == null) {
                report.add(Rule.LIBRARY_TARGET_MISSING, "target", Figures.of("target", "NONE"));
            } else if (project.target().indicators().isEmpty()) {
                report.add(Rule.LIBRARY_TARGET_MISSING, "indicators", 0, "target.indicators",
                        Figures.of("indicators", "0"));
            }
        }

        private static void poorNotRectified(PriorRecords prior, Report report) {
            if (prior.lastGrade() == Grade.POOR && !prior.rectified() && report.on(Rule.LIBRARY_POOR_NOT_RECTIFIED)) {
                String year = Figures.text(prior.scoredYear());
                report.add(Rule.LIBRARY_POOR_NOT_RECTIFIED, "predecessor", Figures.of(
                        "scoredProject", prior.scoredProject(), "scoredYear", year, "grade", "POOR",
                        "rectification", "NOT_ACCEPTED"), prior.scoredProject(), year);
            }
        }

        private static void periodEnded(ProjectUnderCheck p, boolean done, Report report) {
            Project project = p.project();
            Project predecessor = p.prior().predecessor();
            if (done || predecessor == null || predecessor.period() == null || predecessor.period().endYear() == null
                    || !report.on(Rule.LIBRARY_PERIOD_ENDED)) {
                return;
            }
            int endYear = predecessor.period().endYear();
            if (endYear < project.year()) {
                report.add(Rule.LIBRARY_PERIOD_ENDED, "predecessor.period.endYear", Figures.of(
                        "predecessor", predecessor.projectCode(), "endYear", Integer.toString(endYear),
                        "year", Integer.toString(project.year()), "exAnteDone", "false",
                        "exAnteVoidedBy", ExAnteAssessed.Validator.voidedBy(p, report)),
                        predecessor.projectCode(), Integer.toString(endYear), Integer.toString(project.year()));
            }
        }
    }
}
