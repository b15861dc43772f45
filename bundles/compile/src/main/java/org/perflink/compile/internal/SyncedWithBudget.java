package org.perflink.compile.internal;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import org.perflink.api.model.Phase;
import org.perflink.api.model.Target;
import org.perflink.api.rules.Param;

/**
 * 同步批复 / 同步公开: at {@code phase} the target has reached the phase with the budget, on the same
 * day give or take the phase's tolerance. One validator serves both phases; the annotation says which.
 */
@Documented
@Retention(RUNTIME)
@java.lang.annotation.Target(TYPE)
@Repeatable(SyncedWithBudget.List.class)
@Constraint(validatedBy = SyncedWithBudget.Validator.class)
public @interface SyncedWithBudget {
    /** {@code APPROVED} or {@code PUBLISHED}. */
    Phase phase();

    String message() default "SyncedWithBudget";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    @Documented
    @Retention(RUNTIME)
    @java.lang.annotation.Target(TYPE)
    @interface List {
        SyncedWithBudget[] value();
    }

    Param APPROVE_TOLERANCE = Param.of("sync.approve.toleranceDays", "0",
            "days the target's approval date (批复) may differ from the budget's");
    Param PUBLISH_TOLERANCE = Param.of("sync.publish.toleranceDays", "0",
            "days the target's publication date (公开) may differ from the budget's");

    final class Validator extends RuleCheck<SyncedWithBudget, ProjectUnderCheck> {
        private Phase phase;
        private Rule notSynced;
        private Rule dateMismatch;
        private Param tolerance;

        @Override
        public void initialize(SyncedWithBudget annotation) {
            phase = annotation.phase();
            switch (phase) {
                case APPROVED -> {
                    notSynced = Rule.SYNC_APPROVE_TARGET_NOT_APPROVED;
                    dateMismatch = Rule.SYNC_APPROVE_DATE_MISMATCH;
                    tolerance = APPROVE_TOLERANCE;
                }
                case PUBLISHED -> {
                    notSynced = Rule.SYNC_PUBLISH_TARGET_NOT_PUBLISHED;
                    dateMismatch = Rule.SYNC_PUBLISH_DATE_MISMATCH;
                    tolerance = PUBLISH_TOLERANCE;
                }
                default -> throw new IllegalArgumentException("no budget sync rule for phase " + phase);
            }
        }

        @Override
        protected void check(ProjectUnderCheck p, Report report) {
            Target target = p.target();
            Phase targetPhase = target == null ? null : target.phase();
            if (Phase.isBefore(targetPhase, phase)) {
                if (report.on(notSynced)) {
                    report.add(notSynced, target == null ? "target" : "target.phase", Figures.of(
                            "targetPhase", targetPhase == null ? "NONE" : targetPhase.name(), "requiredPhase", phase.name()));
                }
                return; // dates of a phase the target has not reached say nothing more
            }
            if (!report.on(dateMismatch)) {
                return;
            }
            LocalDate targetDate = target.dateOf(phase);
            LocalDate budgetDate = p.project().budgetDateOf(phase);
            String path = "target.phaseDates." + phase;
            int toleranceDays = report.pack().integer(tolerance);
            if (targetDate == null || budgetDate == null) {
                report.add(dateMismatch, "undated", 0, path, Figures.of("targetDate", Figures.text(targetDate),
                        "budgetDate", Figures.text(budgetDate), "toleranceDays", String.valueOf(toleranceDays)));
                return;
            }
            long days = Math.abs(ChronoUnit.DAYS.between(budgetDate, targetDate));
            if (days > toleranceDays) {
                report.add(dateMismatch, path, Figures.of("targetDate", targetDate.toString(),
                        "budgetDate", budgetDate.toString(), "differenceDays", String.valueOf(days),
                        "toleranceDays", String.valueOf(toleranceDays)),
                        targetDate.toString(), budgetDate.toString(), String.valueOf(days), String.valueOf(toleranceDays));
            }
        }
    }
}
