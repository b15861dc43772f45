package org.perflink.compile.internal;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import org.perflink.api.model.Phase;
import org.perflink.api.model.Target;
import org.perflink.api.rules.Param;

/**
 * 绩效信息公开 (rules.md §9, [预算法] 第十四条): a published target is disclosed within {@code disclose.days} of the
 * budget's approval ({@code DISCLOSE_LATE}). Undated targets or budgets say nothing here: SYNC_PUBLISH_DATE_MISMATCH
 * already reports them.
 */
@Documented
@Retention(RUNTIME)
@java.lang.annotation.Target(TYPE)
@Constraint(validatedBy = DisclosedInTime.Validator.class)
public @interface DisclosedInTime {

    String message() default "DisclosedInTime";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    Param DAYS = Param.of("disclose.days", "20",
            "days after the budget's approval (批复) by which the target must be published (公开)");

    final class Validator extends RuleCheck<DisclosedInTime, ProjectUnderCheck> {

        @Override
        protected void check(ProjectUnderCheck p, Report report) {
            Target target = p.target();
            if (!report.on(Rule.DISCLOSE_LATE) || target == null || Phase.isBefore(target.phase(), Phase.PUBLISHED)) {
                return;
            }
            LocalDate publishedOn = target.dateOf(Phase.PUBLISHED);
            LocalDate approvedOn = p.project().budgetDateOf(Phase.APPROVED);
            if (publishedOn == null || approvedOn == null) {
                return;
            }
            int allowedDays = report.pack().integer(DAYS);
            long days = ChronoUnit.DAYS.between(approvedOn, publishedOn);
            if (days > allowedDays) {
                report.add(Rule.DISCLOSE_LATE, "target.phaseDates.PUBLISHED", Figures.of("publishedOn",
                        publishedOn.toString(), "budgetApprovedOn", approvedOn.toString(), "days", String.valueOf(days),
                        "allowedDays", String.valueOf(allowedDays)),
                        publishedOn.toString(), approvedOn.toString(), String.valueOf(days), String.valueOf(allowedDays));
            }
        }
    }
}
