package org.perflink.compile.internal;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import org.perflink.api.model.Target;

/**
 * 同步编制: the project declares a target with indicators ({@code SYNC_COMPILE_TARGET_MISSING}) and an
 * overall goal ({@code GOAL_MISSING}).
 */
@Documented
@Retention(RUNTIME)
@java.lang.annotation.Target(TYPE)
@Constraint(validatedBy = TargetCompiled.Validator.class)
public @interface TargetCompiled {
    String message() default "TargetCompiled";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator extends RuleCheck<TargetCompiled, ProjectUnderCheck> {
        @Override
        protected void check(ProjectUnderCheck p, Report report) {
            Target target = p.target();
            if (target == null) {
                if (report.on(Rule.SYNC_COMPILE_TARGET_MISSING)) {
                    report.add(Rule.SYNC_COMPILE_TARGET_MISSING, "target", Figures.of("target", "NONE"));
                }
                return; // nothing else to look at: the goal belongs to the missing target
            }
            if (target.indicators().isEmpty() && report.on(Rule.SYNC_COMPILE_TARGET_MISSING)) {
                report.add(Rule.SYNC_COMPILE_TARGET_MISSING, "indicators", 0, "target.indicators",
                        Figures.of("indicators", "0"));
            }
            if ((target.overallGoal() == null || target.overallGoal().isBlank()) && report.on(Rule.GOAL_MISSING)) {
                report.add(Rule.GOAL_MISSING, "target.overallGoal", Figures.of("overallGoal", ""));
            }
        }
    }
}
