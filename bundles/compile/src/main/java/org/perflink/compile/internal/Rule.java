package org.perflink.compile.internal;

import static org.perflink.api.model.Phase.ADJUST;
import static org.perflink.api.model.Phase.APPROVED;
import static org.perflink.api.model.Phase.DECLARED;
import static org.perflink.api.model.Phase.LIBRARY;
import static org.perflink.api.model.Phase.PUBLISHED;
import static org.perflink.api.model.Phase.REVIEWED;
import static org.perflink.api.model.Severity.BLOCK;
import static org.perflink.api.model.Severity.INFO;
import static org.perflink.api.model.Severity.WARN;

import org.perflink.api.model.Phase;
import org.perflink.api.model.Severity;

/**
 * The compile-stage rules of rules.md §1 (then §7 and §8), in its order (which is also the order of findings in a
 * verdict). The constant name is the stable rule id; {@code phase} is the first phase that runs the
 * rule — the validation group of its constraint says the same and a test keeps the two in step.
 */
public enum Rule {
    SYNC_COMPILE_TARGET_MISSING(DECLARED, BLOCK),
    SYNC_REVIEW_TARGET_NOT_REVIEWED(REVIEWED, BLOCK),
    SYNC_REVIEW_TARGET_RETURNED(REVIEWED, BLOCK),
    REVIEW_GRADE_POOR(REVIEWED, BLOCK),
    REVIEW_GRADE_MEDIUM(REVIEWED, WARN),
    SYNC_APPROVE_TARGET_NOT_APPROVED(APPROVED, BLOCK),
    SYNC_APPROVE_DATE_MISMATCH(APPROVED, BLOCK),
    SYNC_PUBLISH_TARGET_NOT_PUBLISHED(PUBLISHED, BLOCK),
    SYNC_PUBLISH_DATE_MISMATCH(PUBLISHED, WARN),
    EX_ANTE_REQUIRED(DECLARED, BLOCK),
    EX_ANTE_NOT_SUPPORTED(DECLARED, BLOCK),
    INDICATOR_OUTPUT_MISSING(DECLARED, BLOCK),
    INDICATOR_BENEFIT_MISSING(DECLARED, BLOCK),
    INDICATOR_SATISFACTION_MISSING(DECLARED, WARN),
    INDICATOR_OUTPUT_DIMENSION_MISSING(DECLARED, WARN),
    INDICATOR_COST_MISSING(DECLARED, WARN),
    INDICATOR_QUANT_INCOMPLETE(DECLARED, BLOCK),
    INDICATOR_QUANT_SHARE_LOW(DECLARED, WARN),
    INDICATOR_DUPLICATE(DECLARED, WARN),
    INDICATOR_VALUE_SOURCE_MISSING(DECLARED, INFO),
    COST_EXCEEDS_BUDGET(DECLARED, BLOCK),
    WEIGHTS_INVALID(DECLARED, WARN),
    GOAL_MISSING(DECLARED, WARN),
    LIBRARY_UNKNOWN_INDICATOR(DECLARED, INFO),
    /** rules.md §11 (since rules v2): the library's entry has another unit. */
    LIBRARY_UNIT_MISMATCH(DECLARED, WARN),
    LIBRARY_VALUE_TOO_EASY(DECLARED, WARN),
    LIBRARY_VALUE_OUT_OF_RANGE(DECLARED, INFO),
    // §7 project library admission (入库评审): run by LIBRARY events only
    LIBRARY_TARGET_MISSING(LIBRARY, BLOCK),
    LIBRARY_EX_ANTE_DEPARTMENT_REQUIRED(LIBRARY, BLOCK),
    LIBRARY_EX_ANTE_FINANCE_REQUIRED(LIBRARY, BLOCK),
    LIBRARY_POOR_NOT_RECTIFIED(LIBRARY, BLOCK),
    LIBRARY_PERIOD_ENDED(LIBRARY, BLOCK),
    LIBRARY_PERIOD_TARGET_INCONSISTENT(LIBRARY, WARN),
    // §8 target adjustment (绩效目标调整): run by ADJUST events only, with the content rules above
    ADJUST_TOO_LATE(ADJUST, BLOCK),
    ADJUST_TARGET_LOWERED(ADJUST, BLOCK),
    ADJUST_NOT_TOGETHER(ADJUST, WARN),
    // §10 evaluators: the ex-ante assessment's (the key evaluation's is a close-stage finding); LIBRARY and DECLARED+
    EVALUATOR_CONFLICT(LIBRARY, BLOCK),
    // §9 disclosure (绩效信息公开, since rules v2): last, so the ids before it keep their places
    DISCLOSE_LATE(PUBLISHED, WARN);

    private final Phase phase;
    private final Severity severity;

    Rule(Phase phase, Severity severity) {
        this.phase = phase;
        this.severity = severity;
    }

    public String id() {
        return name();
    }

    /** The first phase that runs this rule; later phases run it too. */
    public Phase phase() {
        return phase;
    }

    /** Built-in severity; a rule pack may override it ({@code rule.<ID>.severity}). */
    public Severity severity() {
        return severity;
    }
}
