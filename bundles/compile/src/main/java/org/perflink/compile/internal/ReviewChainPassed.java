package org.perflink.compile.internal;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import org.perflink.api.model.Phase;
import org.perflink.api.model.Review.Level;
import org.perflink.api.model.Target;

/**
 * 同步上会: before the budget goes to the meeting, the target has reached REVIEWED and passed the
 * three-level review in order ({@code SYNC_REVIEW_TARGET_NOT_REVIEWED}), and no level's latest review
 * sent it back ({@code SYNC_REVIEW_TARGET_RETURNED}, [88号]).
 */
@Documented
@Retention(RUNTIME)
@java.lang.annotation.Target(TYPE)
@Constraint(validatedBy = ReviewChainPassed.Validator.class)
public @interface ReviewChainPassed {
    String message() default "ReviewChainPassed";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator extends RuleCheck<ReviewChainPassed, ProjectUnderCheck> {
        @Override
        protected void check(ProjectUnderCheck p, Report report) {
            Target target = p.target();
            ReviewChain chain = target == null ? ReviewChain.of(null) : ReviewChain.of(target.reviews());
            if (report.on(Rule.SYNC_REVIEW_TARGET_NOT_REVIEWED)) {
                notReviewed(target, chain, report);
            }
            if (report.on(Rule.SYNC_REVIEW_TARGET_RETURNED)) {
                for (ReviewChain.Step step : chain.returned()) {
                    Level level = step.review().level();
                    String date = Figures.text(step.review().date());
                    report.add(Rule.SYNC_REVIEW_TARGET_RETURNED, level.name(), level.ordinal(), step.path(),
                            Figures.of("level", level.name(), "outcome", "RETURN", "date", date), date);
                }
            }
        }

        private static void notReviewed(Target target, ReviewChain chain, Report report) {
            Phase phase = target == null ? null : target.phase();
            if (target == null || Phase.isBefore(phase, Phase.REVIEWED)) {
                report.add(Rule.SYNC_REVIEW_TARGET_NOT_REVIEWED, target == null ? "target" : "target.phase",
                        Figures.of("targetPhase", phase == null ? "NONE" : phase.name(), "requiredPhase", "REVIEWED"));
            } else if (!chain.passedInOrder()) {
                // The plain message names the finance review; the other case is a gap lower in the chain.
                report.add(Rule.SYNC_REVIEW_TARGET_NOT_REVIEWED, chain.passed(Level.FINANCE) ? "chain" : null, 0,
                        "target.reviews", Figures.of(
                                "UNIT", chain.describe(Level.UNIT),
                                "DEPARTMENT", chain.describe(Level.DEPARTMENT),
                                "FINANCE", chain.describe(Level.FINANCE)));
            }
        }
    }
}
