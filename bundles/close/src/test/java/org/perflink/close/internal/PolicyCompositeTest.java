package org.perflink.close.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.close.internal.Fixtures.REGION;
import static org.perflink.close.internal.Fixtures.YEAR;
import static org.perflink.close.internal.Fixtures.d;
import static org.perflink.close.internal.Fixtures.pack;
import static org.perflink.close.internal.LinkageCalculatorTest.evaluated;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.Adjustment;
import org.perflink.api.model.Adjustment.Action;
import org.perflink.api.model.Adjustment.Source;
import org.perflink.api.model.ProjectKind;
import org.perflink.api.model.Recurrence;
import org.perflink.api.rules.RulePack;
import org.perflink.close.internal.ProjectRecord;

/** rules.md §4.2: the policy and transfer composite (评估 + 监控 + 评价) decides their linkage. */
class PolicyCompositeTest {

    private static ProjectRecord record(ProjectEvaluation e, boolean monitored, int red, String exAnte) {
        return new ProjectRecord(e.projectCode(), "101", false, null, BigDecimal.ZERO, false, monitored, red, 0,
                exAnte != null, d(exAnte), e.exactScore(), d("1000000"));
    }

    private static Adjustment link(RulePack pack, ProjectEvaluation e, ProjectRecord r) {
        return new YearLinkage(REGION, YEAR, pack).project(e, 0, r).orElseThrow();
    }

    @Test
    void aPolicyScoredMediumIsContinuedWhenItsAssessmentAndMonitoringAreGood() {
        ProjectEvaluation e = evaluated(ProjectKind.POLICY, null, "70", "2000000.00");
        // 0.2 · 100 + 0.3 · (100 − 10) + 0.5 · 70 = 82
        Adjustment a = link(RulePack.DEFAULT, e, record(e, true, 1, "100"));
        assertEquals(Action.CONTINUE, a.action());
        assertEquals("82.00", a.basis().get("score"));
        assertEquals("GOOD", a.basis().get("grade"));
        assertEquals("70.00", a.basis().get("evaluationScore"));
        assertEquals(d("100.00"), a.components().get("ASSESSMENT").score());
        assertEquals(d("90.00"), a.components().get("MONITORING").score());
        assertEquals("1", a.components().get("MONITORING").records().get("unclearedRed"));
        assertEquals(d("70.00"), a.components().get("EVALUATION").score());
        assertEquals(Source.PERFLINK, a.components().get("EVALUATION").source());
        assertEquals(d("0.5"), a.components().get("EVALUATION").weight());
        assertEquals(Action.ADJUST, link(pack("composite.policy.weight.ASSESSMENT", "0", "composite.policy.weight.MONITORING", "0",
                "composite.policy.weight.EVALUATION", "1"), e, record(e, true, 1, "100")).action(), "0 / 0 / 1 restores v1");
    }

    @Test
    void aTransferGoodByItsScoreIsReducedWhenItsWarningsWereNotCleared() {
        ProjectEvaluation e = evaluated(ProjectKind.TRANSFER, Recurrence.CONTINUING, "85", "2000000.00");
        // no ex-ante: (0.3 · 50 + 0.5 · 85) / 0.8 = 71.875
        Adjustment a = link(RulePack.DEFAULT, e, record(e, true, 5, null));
        assertEquals(Action.REDUCE, a.action());
        assertEquals(d("-0.05"), a.ratio());
        assertEquals(d("-100000.00"), a.deltaAmount());
        assertEquals("71.88", a.basis().get("score"));
        assertEquals("MEDIUM", a.basis().get("grade"));
        assertEquals("85.00", a.basis().get("evaluationScore"));
        assertFalse(a.components().containsKey("ASSESSMENT"));
    }

    @Test
    void onlyAScoreGivesV1sLinkageAndBasis() {
        ProjectEvaluation e = evaluated(ProjectKind.TRANSFER, Recurrence.CONTINUING, "85", "2000000.00");
        Adjustment a = link(RulePack.DEFAULT, e, record(e, false, 0, null));
        assertEquals(Action.KEEP, a.action());
        assertEquals(Map.of("score", "85.00", "grade", "GOOD", "source", "SELF_EVALUATION"), a.basis());
        assertTrue(a.components().isEmpty());
    }

    @Test
    void aProjectIsLinkedByItsScoreWhateverItsRecords() {
        ProjectEvaluation e = evaluated(ProjectKind.PROJECT, Recurrence.CONTINUING, "70", "2000000.00");
        Adjustment a = link(RulePack.DEFAULT, e, record(e, true, 5, "100"));
        assertEquals(Action.REDUCE, a.action());
        assertEquals("70.00", a.basis().get("score"));
        assertTrue(a.components().isEmpty());
    }
}
