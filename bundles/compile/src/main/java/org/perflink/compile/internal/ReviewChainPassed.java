package org.perflink.compile.internal;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.util.Map;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import org.perflink.api.model.Phase;
import org.perflink.api.model.Review.Level;
import org.perflink.api.model.Target;

/**
 * 同步上会: before the budget goes to the meeting, the target has reached REVIEWED and passed the
 * three-level review in order ({@code SYNC_REVIEW_TARGET_NOT_REVIEWED}; FINANCE per {@code review.finance.scope},
 * {@link FinanceScope}), and no level's latest review
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
                notReviewed(p, target, chain, report);
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

        private static void notReviewed(ProjectUnderCheck p, Target target, ReviewChain chain, Report report) {
            FinanceScope scope = FinanceScope.of(p.project(), report.pack());
            Phase phase = target == null ? null : target.phase();
            if (target == null || Phase.isBefore(phase, Phase.REVIEWED)) {
                report.add(Rule.SYNC_REVIEW_TARGET_NOT_REVIEWED, target == null ? "target" : "target.phase",
                        Figures.of("targetPhase", phase == null ? "NONE" : phase.name(), "requiredPhase", "REVIEWED"));
            } else if (FinanceScope.KEY.equals(scope.scope()) && !scope.financeRequired()) {
                // review.finance.scope = KEY and not a key project: unit and department suffice (since rules v2)
                if (!chain.passedInOrder(false)) {
                    report.add(Rule.SYNC_REVIEW_TARGET_NOT_REVIEWED, "chain", 0, "target.reviews", Figures.of(
                            "UNIT", chain.describe(Level.UNIT),
                            "DEPARTMENT", chain.describe(Level.DEPARTMENT),
                            "FINANCE", chain.describe(Level.FINANCE),
                            "financeScope", scope.scope(), "keyProject", "false",
                            "keyThreshold", Figures.money(scope.keyThreshold())));
                }
            } else if (!chain.passedInOrder()) {
                // The plain message names the finance review; the other case is a gap lower in the chain.
                Map<String, String> figures = Figures.of(
                        "UNIT", chain.describe(Level.UNIT),
                        "DEPARTMENT", chain.describe(Level.DEPARTMENT),
                        "FINANCE", chain.describe(Level.FINANCE));
                if (FinanceScope.KEY.equals(scope.scope())) {
                    figures.put("financeScope", scope.scope());
                    figures.put("keyProject", "true");
                    figures.put("keyThreshold", Figures.money(scope.keyThreshold()));
                }
                report.add(Rule.SYNC_REVIEW_TARGET_NOT_REVIEWED, chain.passed(Level.FINANCE) ? "chain" : null, 0,
                        "target.reviews", figures);
            }
        }
    }
}
