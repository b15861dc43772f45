package org.perflink.close.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.close.internal.Fixtures.REGION;
import static org.perflink.close.internal.Fixtures.YEAR;
import static org.perflink.close.internal.Fixtures.components;
import static org.perflink.close.internal.Fixtures.d;
import static org.perflink.close.internal.Fixtures.department;
import static org.perflink.close.internal.Fixtures.exactInput;
import static org.perflink.close.internal.Fixtures.exactProject;
import static org.perflink.close.internal.Fixtures.pack;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.Adjustment.Action;
import org.perflink.api.model.DepartmentEvaluationInput;
import org.perflink.api.model.Grade;
import org.perflink.api.model.Notice;
import org.perflink.api.model.ProjectKind;
import org.perflink.api.model.Recurrence;
import org.perflink.api.rules.RulePack;
import org.perflink.api.stage.LinkSimulation;
import org.perflink.api.stage.LinkSimulation.DepartmentChange;
import org.perflink.api.stage.LinkSimulation.ProjectChange;
import org.perflink.api.stage.LinkSimulation.Report;

class SimulationTest {

    private static LinkSimulation.Case scored(String code, String department, ProjectKind kind, String score, String request) {
        return new LinkSimulation.Case(exactProject(code, department, kind),
                exactInput(code, score).department(department).kind(kind).recurrence(Recurrence.CONTINUING).request(request).build());
    }

    private static final List<LinkSimulation.Case> CASES = List.of(
            scored("P1", "101", ProjectKind.PROJECT, "70", "1000000.00"),   // MEDIUM project
            scored("P2", "101", ProjectKind.PROJECT, "82", "3000000.00"),   // GOOD project
            scored("P3", "102", ProjectKind.TRANSFER, "65", "2000000.00"),  // MEDIUM transfer: its own ratio
            scored("P4", "102", ProjectKind.PROJECT, "50", "1000000.00"),   // POOR project
            scored("P5", "102", ProjectKind.PROJECT, "61.5", "555555.55")); // MEDIUM project

    private static final List<DepartmentEvaluationInput> DEPARTMENTS = List.of(
            department("101", "10000000.00", components("85", "85", "85", "85")),
            department("103", "5000000.00", components("95", "95", "95", "95")));

    @Test
    void raisingTheMediumReductionReportsExactlyTheProjectsAndAmountsAffected() {
        Report r = Simulation.run(REGION, YEAR, CASES, DEPARTMENTS, RulePack.DEFAULT,
                pack("link.project.mediumRatio", "-0.20"), WarningHistory.NONE);

        assertEquals(List.of("P1", "P5"), r.projects().stream().map(ProjectChange::projectCode).toList());
        ProjectChange p1 = r.projects().get(0);
        assertEquals(Action.REDUCE, p1.actionBefore());
        assertEquals(Action.REDUCE, p1.actionAfter());
        assertEquals(d("-0.10"), p1.ratioBefore());
        assertEquals(d("-0.20"), p1.ratioAfter());
        assertEquals(d("-100000.00"), p1.deltaBefore());
        assertEquals(d("-200000.00"), p1.deltaAfter());
        assertEquals(d("-100000.00"), p1.effect());
        assertEquals("101", p1.departmentCode());
        ProjectChange p5 = r.projects().get(1);
        assertEquals(d("-55555.56"), p5.deltaBefore());
        assertEquals(d("-111111.11"), p5.deltaAfter());

        // 101: P1 −100,000 → −200,000 (GOOD composite: 0); 102: P3 −100,000, P4 −300,000, P5; 103: +150,000
        assertEquals(List.of("101", "102", "103"), r.departments().stream().map(DepartmentChange::departmentCode).toList());
        DepartmentChange d101 = r.departments().get(0);
        assertEquals(d("-100000.00"), d101.totalBefore());
        assertEquals(d("-200000.00"), d101.totalAfter());
        assertEquals(d("-100000.00"), d101.change());
        DepartmentChange d102 = r.departments().get(1);
        assertEquals(d("-455555.56"), d102.totalBefore());
        assertEquals(d("-511111.11"), d102.totalAfter());
        DepartmentChange d103 = r.departments().get(2);
        assertEquals(d("150000.00"), d103.totalBefore());
        assertEquals(0, d103.change().signum());
        assertTrue(!d103.changed());

        assertEquals(d("-405555.56"), r.totalBefore());
        assertEquals(d("-561111.11"), r.totalAfter());
        assertEquals(d("-155555.55"), r.budgetEffect());
        assertEquals("default@1", r.currentPack());
        assertEquals("test@1", r.candidatePack());
        assertTrue(r.rejected().isEmpty());
    }

    @Test
    void stricterGradeBandsChangeGradesActionsAndNotices() {
        Report r = Simulation.run(REGION, YEAR, CASES, DEPARTMENTS, RulePack.DEFAULT,
                pack("grade.good", "85"), WarningHistory.NONE);

        // Only P2 (82) moves: GOOD → MEDIUM, KEEP → REDUCE; department 101 (85) stays GOOD.
        assertEquals(1, r.projects().size());
        ProjectChange p2 = r.projects().get(0);
        assertEquals("P2", p2.projectCode());
        assertEquals(Grade.GOOD, p2.gradeBefore());
        assertEquals(Grade.MEDIUM, p2.gradeAfter());
        assertEquals(Action.KEEP, p2.actionBefore());
        assertEquals(Action.REDUCE, p2.actionAfter());
        assertEquals(d("-300000.00"), p2.effect());
        DepartmentChange d101 = r.departments().get(0);
        assertEquals(Set.of(Notice.Type.REMINDER), d101.noticesBefore(), "P1 is MEDIUM already");
        assertEquals(Set.of(Notice.Type.REMINDER), d101.noticesAfter());
        assertEquals(d("-300000.00"), r.budgetEffect());
    }

    @Test
    void noticesThatAppearAreReported() {
        Report r = Simulation.run(REGION, YEAR, CASES, DEPARTMENTS, RulePack.DEFAULT,
                pack("notice.interview.poorProjects", "1"), WarningHistory.NONE);
        assertTrue(r.projects().isEmpty());
        assertEquals(0, r.budgetEffect().signum());
        DepartmentChange d102 = r.departments().get(1);
        assertEquals(Set.of(Notice.Type.REMINDER, Notice.Type.RECTIFICATION), d102.noticesBefore());
        assertEquals(Set.of(Notice.Type.REMINDER, Notice.Type.RECTIFICATION, Notice.Type.INTERVIEW), d102.noticesAfter());
        assertTrue(d102.changed());
    }

    @Test
    void anUnusableCaseIsReportedNotFatal() {
        LinkSimulation.Case noActuals = new LinkSimulation.Case(exactProject("P9", "101", ProjectKind.PROJECT),
                Fixtures.input("P9").build());
        Report r = Simulation.run(REGION, YEAR, List.of(noActuals, CASES.get(0)), List.of(), RulePack.DEFAULT,
                pack("link.project.mediumRatio", "-0.20"), WarningHistory.NONE);
        assertEquals(List.of("P1"), r.projects().stream().map(ProjectChange::projectCode).toList());
        assertTrue(r.rejected().get("P9").startsWith("default@1: "), r.rejected().toString());
        assertTrue(r.rejected().get("P9").contains("; test@1: "), r.rejected().toString());
    }
}
