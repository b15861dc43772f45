package org.perflink.close.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.perflink.close.internal.Fixtures.d;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.Adjustment;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectKind;

/**
 * rules.md §6 ASSESS_RESULTS_APPLIED: a REDUCE of −500 000.00 on a base of 5 000 000.00 is honoured by a successor
 * budget of at most 4 500 000.00 (4 500 000.00 yes, 4 500 000.01 no); a CANCEL only by a budget of 0.
 */
class ResultsAppliedTest {

    private static Adjustment adjustment(String subject, Adjustment.Action action, String base, String delta, int budgetYear) {
        return new Adjustment("440000-2027.PROJECT." + subject + "." + action, "440000", 2027, budgetYear,
                Adjustment.Scope.PROJECT, subject, Map.of(), action, d("-0.10"), d(base), d(delta), "LINK_PROJECT_GRADE", "", "");
    }

    private static Project successor(String budget, Project.Predecessor predecessor) {
        return new Project("S1", 1, "440000", 2028, "101", "", "", "", "", ProjectKind.PROJECT, "2050202", false, false,
                d(budget), Phase.PUBLISHED, Map.of(), null, null, predecessor, null, null);
    }

    @Test
    void reduceHonouredUpToBasePlusDeltaToTheCent() {
        Project.Predecessor link = new Project.Predecessor("P1", 2027);
        List<Adjustment> written = List.of(adjustment("P1", Adjustment.Action.REDUCE, "5000000.00", "-500000.00", 2028));
        assertEquals(List.of(new SubjectFacts.AppliedOutcome("440000-2027.PROJECT.P1.REDUCE", true)),
                ResultsApplied.of(successor("4500000.00", link), "440000", written));
        assertEquals(List.of(new SubjectFacts.AppliedOutcome("440000-2027.PROJECT.P1.REDUCE", false)),
                ResultsApplied.of(successor("4500000.01", link), "440000", written));
    }

    @Test
    void cancelHonouredOnlyByABudgetOfZero() {
        Project.Predecessor link = new Project.Predecessor("P1", 2027);
        List<Adjustment> written = List.of(adjustment("P1", Adjustment.Action.CANCEL, "5000000.00", "-5000000.00", 2028));
        assertEquals(true, ResultsApplied.of(successor("0.00", link), "440000", written).get(0).honoured());
        assertEquals(false, ResultsApplied.of(successor("100.00", link), "440000", written).get(0).honoured());
    }

    @Test
    void onlyReduceAndCancelOfThisBudgetYearOfThePredecessorCount() {
        Project.Predecessor link = new Project.Predecessor("P1", 2027);
        List<Adjustment> written = List.of(
                adjustment("P1", Adjustment.Action.KEEP, "5000000.00", "0.00", 2028),
                adjustment("P1", Adjustment.Action.PRIORITIZE, "5000000.00", "0.00", 2028),
                adjustment("P1", Adjustment.Action.REDUCE, "5000000.00", "-500000.00", 2029)); // budget year 2029
        assertEquals(List.of(), ResultsApplied.of(successor("9000000.00", link), "440000", written));
        assertEquals(List.of(), ResultsApplied.of(successor("9000000.00", null), "440000", written), "no predecessor link");
    }
}
