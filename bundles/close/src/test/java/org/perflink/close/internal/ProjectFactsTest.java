package org.perflink.close.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.close.internal.Fixtures.REGION;
import static org.perflink.close.internal.Fixtures.YEAR;
import static org.perflink.close.internal.Fixtures.d;
import static org.perflink.close.internal.Fixtures.exactInput;
import static org.perflink.close.internal.Fixtures.exactProject;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.Finding;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectKind;
import org.perflink.api.model.Severity;
import org.perflink.api.model.Verdict;
import org.perflink.api.model.Warning;
import org.perflink.api.rules.RulePack;

/** rules.md §6: what a project contributes to its subject's assessment, from PerfLink's records. */
class ProjectFactsTest {

    private static final RecordPoints POINTS = new RecordPoints(RulePack.DEFAULT);
    private static final Project P1 = exactProject("P1", "101", ProjectKind.PROJECT);

    private static ProjectFacts facts(List<Verdict> verdicts, List<Warning> warnings, String selfScore) {
        var input = exactInput("P1", "80");
        if (selfScore != null) {
            input.selfScore(selfScore);
        }
        ProjectEvaluation e = new ProjectScorer(RulePack.DEFAULT).evaluate(REGION, P1, input.build());
        return ProjectFacts.of(P1, e, verdicts, warnings, POINTS);
    }

    private static Verdict verdict(long revision, Verdict.Outcome outcome, Finding... findings) {
        return new Verdict(Verdict.idOf("P1", Phase.PUBLISHED, revision), "P1", REGION, YEAR, Phase.PUBLISHED, revision,
                outcome, List.of(findings), "", null);
    }

    private static Finding finding(String rule, Severity severity) {
        return new Finding(rule, severity, "target", "", "", Map.of());
    }

    private static Warning warning(String asOf, Warning.Type type, Warning.Level level) {
        LocalDate date = LocalDate.parse(asOf);
        return new Warning(Warning.idOf("P1", date, type), "P1", REGION, YEAR, date, type, level, Map.of(), Map.of(),
                Warning.Action.CORRECT, type.name(), "", "");
    }

    @Test
    void onTimeMeansNoBlockingSyncFindingOnTheLatestPublishedVerdict() {
        ProjectFacts late = facts(List.of(verdict(1, Verdict.Outcome.PASS),
                verdict(2, Verdict.Outcome.BLOCK, finding("SYNC_APPROVE_TARGET_NOT_APPROVED", Severity.BLOCK))), List.of(), null);
        assertTrue(late.published());
        assertFalse(late.onTime());
        assertEquals(Verdict.Outcome.BLOCK, late.verdict());
        assertEquals(0, late.verdictPoints().signum());
        // a WARN SYNC_ finding, or a BLOCK of another rule, is not lateness
        ProjectFacts warned = facts(List.of(verdict(1, Verdict.Outcome.BLOCK, finding("SYNC_APPROVE_DATE_MISMATCH", Severity.WARN),
                finding("TARGET_INDICATOR_MISSING_VALUE", Severity.BLOCK))), List.of(), null);
        assertTrue(warned.onTime());
        ProjectFacts none = facts(List.of(), List.of(), null);
        assertFalse(none.published());
        assertFalse(none.onTime(), "no PUBLISHED verdict: not on time");
        ProjectFacts warn = facts(List.of(verdict(1, Verdict.Outcome.WARN)), List.of(), null);
        assertEquals(d("0.8"), warn.verdictPoints());
    }

    @Test
    void warningsOfTheYearAndTheirClearance() {
        ProjectFacts f = facts(List.of(), List.of(
                warning("2027-07-31", Warning.Type.EXECUTION_LAG, Warning.Level.RED),
                warning("2027-09-30", Warning.Type.EXECUTION_LAG, Warning.Level.YELLOW), // clears the RED, itself the last
                warning("2027-07-31", Warning.Type.TARGET_DEVIATION, Warning.Level.BLUE),
                warning("2027-07-31", Warning.Type.NO_DATA, Warning.Level.YELLOW)), null);
        assertEquals(3, f.warnings());
        assertEquals(1, f.cleared());
        assertTrue(f.noData());
        ProjectFacts clearedNoData = facts(List.of(), List.of(warning("2027-07-31", Warning.Type.NO_DATA, Warning.Level.NONE)), null);
        assertFalse(clearedNoData.noData(), "a NONE record is a clearance, not a NO_DATA warning");
    }

    @Test
    void selfEvaluationAndInflation() {
        assertFalse(facts(List.of(), List.of(), null).selfScored());
        ProjectFacts honest = facts(List.of(), List.of(), "85");
        assertTrue(honest.selfScored());
        assertFalse(honest.inflated());
        assertTrue(facts(List.of(), List.of(), "95").inflated(), "95 − 80 > 10");
    }
}
