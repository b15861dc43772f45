package org.perflink.close.internal;

import java.math.BigDecimal;
import java.util.List;

import org.perflink.api.model.Adjustment;
import org.perflink.api.model.Project;

/**
 * ASSESS_RESULTS_APPLIED (rules.md §6, 预算挂钩): whether a project of year Y honoured the REDUCE/CANCEL adjustments
 * with budget year Y that PerfLink wrote for its predecessor (the v1.1 {@code predecessor} link): its budget is at
 * most base + delta; after a CANCEL, 0. An adjustment whose project has no successor is not reached this way and is
 * not counted (a CANCEL so honoured would only raise the share).
 */
final class ResultsApplied {

    private ResultsApplied() {
    }

    /** The outcomes for one successor project, from the adjustments written for its predecessor's code. */
    static List<SubjectFacts.AppliedOutcome> of(Project successor, String regionCode, List<Adjustment> ofPredecessor) {
        Project.Predecessor link = successor.predecessor();
        if (link == null || link.projectCode() == null) {
            return List.of();
        }
        BigDecimal budget = successor.budgetAmount() == null ? BigDecimal.ZERO : successor.budgetAmount();
        return ofPredecessor.stream()
                .filter(a -> regionCode.equals(a.regionCode()) && link.projectCode().equals(a.subjectCode())
                        && a.evaluatedYear() == link.year() && a.budgetYear() == successor.year()
                        && (a.action() == Adjustment.Action.REDUCE || a.action() == Adjustment.Action.CANCEL))
                .map(a -> new SubjectFacts.AppliedOutcome(a.adjustmentId(), honoured(a, budget)))
                .toList();
    }

    private static boolean honoured(Adjustment a, BigDecimal budget) {
        if (a.action() == Adjustment.Action.CANCEL) {
            return budget.signum() == 0;
        }
        BigDecimal base = a.baseAmount() == null ? BigDecimal.ZERO : a.baseAmount();
        BigDecimal delta = a.deltaAmount() == null ? BigDecimal.ZERO : a.deltaAmount();
        return budget.compareTo(base.add(delta)) <= 0;
    }
}
