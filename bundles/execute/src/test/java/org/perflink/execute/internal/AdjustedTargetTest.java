package org.perflink.execute.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.execute.internal.TestData.REGION;
import static org.perflink.execute.internal.TestData.project;
import static org.perflink.execute.internal.TestData.snapshot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.ExecutionSnapshot;
import org.perflink.api.model.Project;
import org.perflink.api.model.Warning;
import org.perflink.api.rules.RulePack;

/** §8: a round after a target adjustment monitors against the adjusted target, and the warning says so. */
class AdjustedTargetTest {

    private static final LocalDate AUG_7 = LocalDate.of(2027, 8, 7); // expected progress 0.6000

    /** I1 approved GE 12, adjusted to GE 10 on 2027-07-20 (the host returns the adjusted target). */
    private static Project adjusted() {
        Project p = project("P1").ge("I1", "10", "所").build();
        Project approved = project("P1").ge("I1", "12", "所").build();
        return new Project(p.projectCode(), 5, p.regionCode(), p.year(), p.departmentCode(), p.departmentName(),
                p.unitCode(), p.unitName(), p.name(), p.kind(), p.functionCode(), p.isNew(), p.isMajor(),
                p.budgetAmount(), p.budgetPhase(), p.budgetPhaseDates(), p.exAnte(), p.target(), null, null,
                new Project.TargetRevision(LocalDate.of(2027, 7, 20), "受台风影响", new BigDecimal("1000000.00"),
                        approved.target().indicators()));
    }

    private static ExecutionSnapshot actual(String i1) {
        return snapshot("P1").asOf(AUG_7).budget("1000000.00").paid("600000.00").actual("I1", i1).build();
    }

    private static List<Warning> monitor(Project p, String i1) {
        return DualMonitor.monitor(REGION, p, actual(i1), AUG_7, RulePack.DEFAULT);
    }

    @Test
    void theAdjustedTargetIsWhatIsMonitoredAndTheWarningSaysSo() {
        // 2.5 of 10 = 0.25 against 0.60 expected: shortfall 0.35, TARGET_DEVIATION
        Warning w = monitor(adjusted(), "2.5").get(0);
        assertEquals(Warning.Type.TARGET_DEVIATION, w.type());
        assertEquals("10", w.metrics().get("target"));
        assertEquals("0.3500", w.metrics().get("shortfall"));
        assertEquals("true", w.metrics().get("targetAdjusted"));
        assertEquals("2027-07-20", w.metrics().get("targetRevisedOn"));
        assertEquals("12", w.metrics().get("approvedTarget"));
        assertTrue(w.message().endsWith("（按调整后的绩效目标监控）"), w.message());
        assertTrue(w.messageEn().endsWith("(monitored against the adjusted target)"), w.messageEn());
    }

    @Test
    void anActualOnPaceForTheAdjustedTargetGivesNoWarning() {
        // 4.8 of 10 = 0.48: shortfall 0.12, below 0.20; against the approved 12 it would be 0.40, shortfall 0.20
        assertEquals(List.of(), monitor(adjusted(), "4.8"));
        Project unadjusted = project("P1").ge("I1", "12", "所").build();
        assertEquals(Warning.Type.TARGET_DEVIATION, monitor(unadjusted, "4.8").get(0).type());
    }

    @Test
    void aProjectWithoutRevisionIsNotMarked() {
        Warning w = monitor(project("P1").ge("I1", "10", "所").build(), "2.5").get(0);
        assertFalse(w.metrics().containsKey("targetAdjusted"));
        assertFalse(w.message().contains("调整后"));
    }
}
