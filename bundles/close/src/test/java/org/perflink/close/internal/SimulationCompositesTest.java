package org.perflink.close.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.close.internal.Fixtures.REGION;
import static org.perflink.close.internal.Fixtures.YEAR;
import static org.perflink.close.internal.Fixtures.components;
import static org.perflink.close.internal.Fixtures.d;
import static org.perflink.close.internal.Fixtures.department;
import static org.perflink.close.internal.Fixtures.exactInput;
import static org.perflink.close.internal.Fixtures.exactProject;
import static org.perflink.close.internal.Fixtures.pack;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perflink.api.hook.LowerRegions;
import org.perflink.api.hook.ResultHistory;
import org.perflink.api.host.HostException;
import org.perflink.api.model.Adjustment.Scope;
import org.perflink.api.model.DepartmentEvaluationInput;
import org.perflink.api.model.Grade;
import org.perflink.api.model.ProjectKind;
import org.perflink.api.model.Recurrence;
import org.perflink.api.model.Warning;
import org.perflink.api.rules.RulePack;
import org.perflink.api.stage.LinkSimulation;
import org.perflink.api.stage.LinkSimulation.CompositeChange;
import org.perflink.api.stage.LinkSimulation.Report;
import org.perflink.api.testing.FakeHost;

/** The simulation shows how a candidate pack moves the composites, not only project linkage (issue 13 item 5). */
class SimulationCompositesTest {

    private static final List<DepartmentEvaluationInput> DEPARTMENTS = List.of(
            department("101", "10000000.00", components("80", "70", "90", "75")));

    /** A TRANSFER project of 101 with one uncleared RED in the year: its composite is 0.3·90 + 0.5·70 over 0.8. */
    private static final List<LinkSimulation.Case> CASES = List.of(new LinkSimulation.Case(
            exactProject("T1", "101", ProjectKind.TRANSFER),
            exactInput("T1", "70").kind(ProjectKind.TRANSFER).recurrence(Recurrence.RECURRING).request("2000000.00").build()));

    private static final ResultHistory RECORDS = code -> "T1".equals(code)
            ? List.of(new Warning(Warning.idOf("T1", LocalDate.of(2027, 9, 30), Warning.Type.EXECUTION_LAG), "T1", REGION,
                    YEAR, LocalDate.of(2027, 9, 30), Warning.Type.EXECUTION_LAG, Warning.Level.RED, Map.of(), Map.of(),
                    Warning.Action.CORRECT, "EXECUTION_LAG", "", ""))
            : List.of();

    private static CompositeChange of(Report r, Scope scope, String subject) {
        return r.composites().stream().filter(c -> c.scope() == scope && c.subjectCode().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError(scope + " " + subject + " in " + r.composites()));
    }

    /**
     * Department 101: 0.2·80 + 0.2·70 + 0.2·90 + 0.4·75 = 78.00 MEDIUM ×0.97 → −300 000.00; with KEY_MONITORING
     * weighing 0.4: (16 + 14 + 36 + 30) / 1.2 = 80.00 GOOD ×1.00 → 0.00. Transfer T1: (0.3·90 + 0.5·70) / 0.8 = 77.50
     * MEDIUM → −100 000.00 at −0.05; at −0.10 → −200 000.00. Lower region 440100: 73.80 MEDIUM ×0.97 → −24 000 000.00,
     * with the factor 0.95 → −40 000 000.00.
     */
    @Test
    void aCandidatePackMovesTheDepartmentPolicyAndLowerRegionComposites() {
        RulePack candidate = pack("department.weight.KEY_MONITORING", "0.4", "link.transfer.mediumRatio", "-0.10",
                "link.region.factor.MEDIUM", "0.95");
        FakeHost upper = LowerRegionLinkageTest.upperHost("1.1");
        LowerRegions lower = LowerRegionLinkageTest.lower(LowerRegionLinkageTest.records(true), LowerRegionLinkageTest.lowerHost());
        Report r = Simulation.run(REGION, YEAR, CASES, DEPARTMENTS, RulePack.DEFAULT, candidate, WarningHistory.of(RECORDS),
                RECORDS, lower, upper);

        assertEquals(List.of(Scope.DEPARTMENT, Scope.TRANSFER, Scope.REGION), r.composites().stream().map(CompositeChange::scope).toList());
        CompositeChange dept = of(r, Scope.DEPARTMENT, "101");
        assertEquals(0, d("78").compareTo(dept.scoreBefore()));
        assertEquals(0, d("80").compareTo(dept.scoreAfter()));
        assertEquals(Grade.MEDIUM, dept.gradeBefore());
        assertEquals(Grade.GOOD, dept.gradeAfter());
        assertEquals(d("0.97"), dept.factorBefore());
        assertEquals(d("1.00"), dept.factorAfter());
        assertEquals(d("-300000.00"), dept.deltaBefore());
        assertEquals(d("0.00"), dept.deltaAfter());

        CompositeChange transfer = of(r, Scope.TRANSFER, "T1");
        assertEquals(0, d("77.5").compareTo(transfer.scoreBefore()));
        assertEquals(Grade.MEDIUM, transfer.gradeAfter());
        assertNull(transfer.factorBefore());
        assertEquals(d("-100000.00"), transfer.deltaBefore());
        assertEquals(d("-200000.00"), transfer.deltaAfter());
        assertTrue(transfer.changed());

        CompositeChange region = of(r, Scope.REGION, "440100");
        assertEquals("73.80", Figures.score(region.scoreBefore()));
        assertEquals(d("0.97"), region.factorBefore());
        assertEquals(d("0.95"), region.factorAfter());
        assertEquals(d("-24000000.00"), region.deltaBefore());
        assertEquals(d("-40000000.00"), region.deltaAfter());
        // the lower region's envelope is not one of the region's own allocations
        assertEquals(d("-400000.00"), r.totalBefore());
        assertEquals(d("-200000.00"), r.totalAfter());
    }

    /** The same pack twice changes nothing; without records the v1 path gives the department composite only. */
    @Test
    void theSamePackChangesNoCompositeAndWithoutRecordsOnlyDepartmentsAreCompared() {
        Report same = Simulation.run(REGION, YEAR, CASES, DEPARTMENTS, RulePack.DEFAULT, RulePack.DEFAULT,
                WarningHistory.of(RECORDS), RECORDS, LowerRegions.NONE, LowerRegionLinkageTest.upperHost("1.1"));
        assertFalse(same.composites().isEmpty());
        assertTrue(same.composites().stream().noneMatch(CompositeChange::changed), same.composites().toString());
        Report v1 = Simulation.run(REGION, YEAR, CASES, DEPARTMENTS, RulePack.DEFAULT, pack("link.transfer.mediumRatio", "-0.10"),
                WarningHistory.NONE);
        assertEquals(List.of(Scope.DEPARTMENT), v1.composites().stream().map(CompositeChange::scope).toList());
    }

    /** A lower region PerfLink has not evaluated yet is left out of the simulation, with the reason. */
    @Test
    void aLowerRegionNotEvaluatedYetIsListedWithTheReason() {
        Report r = Simulation.run(REGION, YEAR, CASES, DEPARTMENTS, RulePack.DEFAULT, RulePack.DEFAULT, WarningHistory.NONE,
                RECORDS, LowerRegionLinkageTest.lower(LowerRegionLinkageTest.records(false), LowerRegionLinkageTest.lowerHost()),
                LowerRegionLinkageTest.upperHost("1.1"));
        assertTrue(r.composites().stream().noneMatch(c -> c.scope() == Scope.REGION), r.composites().toString());
        assertTrue(r.rejected().get("REGION.440100").contains("has not handled a CLOSE/EVALUATE"), r.rejected().toString());
    }

    @Test
    void aLowerRegionsHostThatCannotAnswerFailsTheSimulation() {
        FakeHost failing = LowerRegionLinkageTest.lowerHost().fail(FakeHost.Feed.EVALUATIONS, new HostException("503"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Simulation.run(REGION, YEAR, CASES,
                DEPARTMENTS, RulePack.DEFAULT, RulePack.DEFAULT, WarningHistory.NONE, RECORDS,
                LowerRegionLinkageTest.lower(LowerRegionLinkageTest.records(true), failing), LowerRegionLinkageTest.upperHost("1.1")));
        assertTrue(e.getMessage().contains("503"), e.getMessage());
    }
}
