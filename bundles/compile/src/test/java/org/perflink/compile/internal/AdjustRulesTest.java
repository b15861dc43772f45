package org.perflink.compile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.compile.internal.TestProjects.aProject;
import static org.perflink.compile.internal.TestProjects.indicator;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.Finding;
import org.perflink.api.model.Indicator.Level1;
import org.perflink.api.model.Indicator.Level2;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.Severity;
import org.perflink.api.model.Verdict;

/** §8 target adjustment (ADJUST_*), and the content rules an ADJUST verdict runs on the revision. */
class AdjustRulesTest extends CheckerTestSupport {

    private static final LocalDate IN_TIME = LocalDate.of(2027, 9, 30);
    private static final String REASON = "受台风影响，2所学校改造顺延至次年";

    private static TestProjects.IndicatorBuilder i1(String value) {
        return indicator("I1", Level1.OUTPUT, Level2.QUANTITY, "改造学校数量").ge(value, "所").weight("15");
    }

    private static Verdict adjust(Project p) {
        return check(p, Phase.ADJUST);
    }

    @Test
    void theContractsExampleIsOnlyTooLate() {
        // I1 12 → 10 with a reason and the budget reduced with it; requested 10-12, after 09-30
        Project p = aProject().budget("1600000.00").change("I1", i -> i.value("10"))
                .revisionOf(LocalDate.of(2027, 10, 12), REASON, "2000000.00", i1("12")).build();
        Verdict v = adjust(p);
        assertEquals("440000-2027-000123.ADJUST.r3", v.verdictId());
        assertEquals(List.of("ADJUST_TOO_LATE"), ruleIds(v));
        Finding f = v.findings().get(0);
        assertEquals("targetRevision.requestedOn", f.path());
        assertEquals("2027-09-30", f.figures().get("deadline"));
        assertEquals("adjust.deadline", f.figures().get("parameter"));
        assertEquals(Severity.BLOCK, f.severity());
    }

    @Test
    void onTheDeadlineIsInTimeAndARegionMayMoveIt() {
        Project p = aProject().revisionOf(IN_TIME, REASON, "2000000.00", i1("15")).build();
        assertNone("ADJUST_TOO_LATE", p, Phase.ADJUST);
        assertEquals(1, findings(check(p, Phase.ADJUST, pack("adjust.deadline", "09-29")), "ADJUST_TOO_LATE").size());
    }

    @Test
    void aLoweredTargetNeedsAReason() {
        Project noReason = aProject().budget("1600000.00").change("I1", i -> i.value("10"))
                .revisionOf(IN_TIME, " ", "2000000.00", i1("12")).build();
        Finding f = the("ADJUST_TARGET_LOWERED", noReason, Phase.ADJUST);
        assertEquals("targetRevision.approvedIndicators[0]", f.path());
        assertEquals("VALUE_DOWN", f.figures().get("change"));
        assertEquals("GE 12 所", f.figures().get("approved"));
        assertEquals("GE 10 所", f.figures().get("revised"));
        assertTrue(f.message().contains("I1") && f.messageEn().contains("without a reason"), f::toString);
        // boundary: the same value is not lowered; a reason allows lowering
        assertNone("ADJUST_TARGET_LOWERED", aProject().revisionOf(IN_TIME, null, "2000000.00", i1("12")).build(), Phase.ADJUST);
        assertNone("ADJUST_TARGET_LOWERED", aProject().budget("1600000.00").change("I1", i -> i.value("10"))
                .revisionOf(IN_TIME, REASON, "2000000.00", i1("12")).build(), Phase.ADJUST);
    }

    @Test
    void removingOrChangingTheUnitOfAnApprovedIndicatorLowersIt() {
        Project removed = aProject().revisionOf(IN_TIME, null, "2000000.00",
                indicator("Z1", Level1.OUTPUT, Level2.QUANTITY, "培训人次").ge("100", "人次")).build();
        assertEquals("REMOVED", the("ADJUST_TARGET_LOWERED", removed, Phase.ADJUST).figures().get("change"));
        Project reverse = aProject().revisionOf(IN_TIME, null, "2000000.00",
                TestProjects.cost("C1").le("1.4", "万元")).build();
        assertEquals("VALUE_UP", the("ADJUST_TARGET_LOWERED", reverse, Phase.ADJUST).figures().get("change"));
    }

    @Test
    void budgetAndTargetMoveTogether() {
        // budget −10.01 % with no indicator changed: beyond the 0.10 tolerance
        List<org.perflink.api.model.Indicator> approved = aProject().build().target().indicators();
        Project budgetOnly = aProject().budget("1799800.00").revisionOf(IN_TIME, REASON, "2000000.00", approved).build();
        Finding f = the("ADJUST_NOT_TOGETHER", budgetOnly, Phase.ADJUST);
        assertEquals("budgetAmount", f.path());
        assertEquals("0.1", f.figures().get("tolerance"));
        assertEquals("adjust.budgetTolerance", f.figures().get("parameter"));
        assertEquals(Severity.WARN, f.severity());
        // boundary: exactly 10 % is within the tolerance
        assertNone("ADJUST_NOT_TOGETHER", aProject().budget("1800000.00")
                .revisionOf(IN_TIME, REASON, "2000000.00", approved).build(), Phase.ADJUST);
        // an indicator added by the revision is a change: the budget may move with it
        assertNone("ADJUST_NOT_TOGETHER", aProject().budget("1000000.00")
                .revisionOf(IN_TIME, REASON, "2000000.00", i1("12")).build(), Phase.ADJUST);
        // lowered with a reason while the budget stayed: WARN, naming the lowered indicator
        Finding kept = the("ADJUST_NOT_TOGETHER", aProject().budget("2000000.00").change("I1", i -> i.value("10"))
                .revisionOf(IN_TIME, REASON, "2000000.00", i1("12")).build(), Phase.ADJUST);
        assertEquals("I1", kept.figures().get("lowered"));
    }

    @Test
    void theRevisionFacesTheContentRulesButNotTheSyncChain() {
        Project p = aProject().targetPhase(Phase.DECLARED).goal("").change("C1", i -> i.le("1000", "万元"))
                .revisionOf(IN_TIME, REASON, "2000000.00", i1("12")).build();
        List<String> rules = ruleIds(adjust(p));
        assertTrue(rules.contains("GOAL_MISSING") && rules.contains("COST_EXCEEDS_BUDGET"), rules::toString);
        assertTrue(rules.stream().noneMatch(r -> r.startsWith("SYNC_") || r.startsWith("EX_ANTE")), rules::toString);
        // the ADJUST rules stay out of the other phases
        Project late = aProject().revisionOf(LocalDate.of(2027, 12, 1), null, "1.00", i1("99")).build();
        for (Phase phase : List.of(Phase.LIBRARY, Phase.DECLARED, Phase.PUBLISHED)) {
            assertTrue(ruleIds(check(late, phase)).stream().noneMatch(r -> r.startsWith("ADJUST_")), phase::name);
        }
        // without a revision there is nothing to compare
        assertTrue(ruleIds(adjust(aProject().build())).isEmpty());
    }
}
