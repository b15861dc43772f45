package org.perflink.close.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perflink.api.hook.LowerRegions;
import org.perflink.api.hook.ResultHistory;
import org.perflink.api.model.Assessment;
import org.perflink.api.model.DepartmentEvaluationInput;
import org.perflink.api.model.Grade;
import org.perflink.api.model.Notice;
import org.perflink.api.model.NoticeFeedback;
import org.perflink.api.model.ProjectKind;
import org.perflink.api.model.Warning;
import org.perflink.api.rules.RulePack;
import org.perflink.api.stage.LinkSimulation;
import org.perflink.api.stage.LinkSimulation.AssessmentChange;
import org.perflink.api.stage.LinkSimulation.EscalationChange;
import org.perflink.api.stage.LinkSimulation.Report;
import org.perflink.api.testing.FakeHost;

/**
 * The simulation shows how a candidate pack changes the §6 totals, grades, ranks and lists and the §5 escalations
 * (issue 13 item 5).
 */
class SimulationAssessmentTest {

    private static final List<DepartmentEvaluationInput> DEPARTMENTS = List.of(
            department("101", "10000000.00", components("80", "70", "90", "75")));

    private static final List<LinkSimulation.Case> CASES = List.of(new LinkSimulation.Case(
            exactProject("P1", "101", ProjectKind.PROJECT), exactInput("P1", "70").build()));

    /** P1: no verdict, one uncleared RED. */
    private static final ResultHistory RECORDS = code -> "P1".equals(code)
            ? List.of(new Warning(Warning.idOf("P1", LocalDate.of(2027, 9, 30), Warning.Type.EXECUTION_LAG), "P1", REGION,
                    YEAR, LocalDate.of(2027, 9, 30), Warning.Type.EXECUTION_LAG, Warning.Level.RED, Map.of(), Map.of(),
                    Warning.Action.CORRECT, "EXECUTION_LAG", "", ""))
            : List.of();

    private static AssessmentChange of(Report r, Assessment.Scope scope, String code) {
        return r.assessments().stream().filter(a -> a.scope() == scope && a.subjectCode().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(scope + " " + code + " in " + r.assessments()));
    }

    /**
     * Lower regions as in LowerRegionAssessmentTest: 440200 75.00 (rank 1), 440100 73.87 (rank 2). A candidate that
     * gives ASSESS_SELF_EVAL_COVERAGE no points rescales over 85: 440100 (73.866… − 0) / 85 = 86.90 GOOD, rank 1;
     * 440200 (75 − 15) / 85 = 70.59, rank 2, still criticised (composite POOR). Department 101: 0 + 10 + 10 + 0 + 0 +
     * 10 + 15 + 15 = 60.00 MEDIUM, then 60 / 85 = 70.59.
     */
    @Test
    void aCandidatePackReordersTheLowerRegionsRanking() {
        RulePack candidate = pack("assess.points.ASSESS_SELF_EVAL_COVERAGE", "0");
        LowerRegions lower = LowerRegionAssessmentTest.twoLowerRegions();
        Report r = Simulation.run(REGION, YEAR, CASES, DEPARTMENTS, RulePack.DEFAULT, candidate, WarningHistory.of(RECORDS),
                RECORDS, lower, LowerRegionLinkageTest.upperHost("1.1"));

        assertEquals(List.of("101", "440200", "440100"), r.assessments().stream().map(AssessmentChange::subjectCode).toList());
        AssessmentChange a = of(r, Assessment.Scope.REGION, "440100");
        assertEquals(new AssessmentChange(Assessment.Scope.REGION, "440100", d("73.87"), d("86.90"), Grade.MEDIUM,
                Grade.GOOD, 2, 1, null, null), a);
        AssessmentChange b = of(r, Assessment.Scope.REGION, "440200");
        assertEquals(new AssessmentChange(Assessment.Scope.REGION, "440200", d("75.00"), d("70.59"), Grade.MEDIUM,
                Grade.MEDIUM, 1, 2, AssessmentRanking.LIST_CRITICISM, AssessmentRanking.LIST_CRITICISM), b);
        assertTrue(a.changed() && b.changed());
        AssessmentChange dept = of(r, Assessment.Scope.DEPARTMENT, "101");
        assertEquals(d("60.00"), dept.totalBefore());
        assertEquals(d("70.59"), dept.totalAfter());
        assertEquals(List.of(1, 1), List.of(dept.rankBefore(), dept.rankAfter()));
    }

    @Test
    void theSamePackChangesNoAssessmentAndWithoutRecordsThereIsNone() {
        Report same = Simulation.run(REGION, YEAR, CASES, DEPARTMENTS, RulePack.DEFAULT, RulePack.DEFAULT,
                WarningHistory.of(RECORDS), RECORDS, LowerRegionAssessmentTest.twoLowerRegions(),
                LowerRegionLinkageTest.upperHost("1.1"));
        assertEquals(3, same.assessments().size());
        assertFalse(same.assessments().stream().anyMatch(AssessmentChange::changed), same.assessments().toString());
        Report v1 = Simulation.run(REGION, YEAR, CASES, DEPARTMENTS, RulePack.DEFAULT, RulePack.DEFAULT, WarningHistory.NONE);
        assertEquals(List.of(), v1.assessments());
    }

    /**
     * §5 as a FOLLOW_UP today would run it: 101's REMINDER, answered on time but REJECTED 15 days ago, escalates after
     * notice.resubmitDays = 10, not after 20; 102's INTERVIEW, overdue without feedback, is referred to the
     * ORGANIZATION, or with the candidate to DISCIPLINE.
     */
    @Test
    void aCandidatePackChangesTheEscalationsOfToday() {
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(8));
        Notice reminder = new Notice("440000-2027.101.REMINDER", REGION, YEAR, "101", Notice.Type.REMINDER,
                today.minusDays(30), List.of("r"), List.of());
        Notice interview = new Notice("440000-2027.102.INTERVIEW", REGION, YEAR, "102", Notice.Type.INTERVIEW,
                today.minusDays(10), List.of("r"), List.of());
        ResultHistory records = new ResultHistory() {
            @Override
            public List<Warning> warnings(String code) {
                return RECORDS.warnings(code);
            }

            @Override
            public List<Notice> yearNotices(int year) {
                return year == YEAR ? List.of(reminder, interview) : List.of();
            }
        };
        FakeHost upper = LowerRegionLinkageTest.upperHost("1.1");
        upper.feedback(new NoticeFeedback(reminder.noticeId(), today.minusDays(35), NoticeFeedback.Status.REJECTED,
                today.minusDays(15), false, null));
        RulePack candidate = pack("notice.resubmitDays", "20", "notice.referral.to", "DISCIPLINE");
        Report r = Simulation.run(REGION, YEAR, CASES, DEPARTMENTS, RulePack.DEFAULT, candidate, WarningHistory.of(records),
                records, LowerRegions.NONE, upper);
        assertEquals(List.of(
                new EscalationChange(reminder.noticeId(), Notice.Scope.DEPARTMENT, "101", "440000-2027.101.REMINDER.RECTIFICATION",
                        null, null, null),
                new EscalationChange(interview.noticeId(), Notice.Scope.DEPARTMENT, "102", "440000-2027.102.INTERVIEW.REFERRAL",
                        "440000-2027.102.INTERVIEW.REFERRAL", Notice.ReferralTo.ORGANIZATION, Notice.ReferralTo.DISCIPLINE)),
                r.escalations());
        assertTrue(r.escalations().stream().allMatch(EscalationChange::changed));
        Report v10 = Simulation.run(REGION, YEAR, CASES, DEPARTMENTS, RulePack.DEFAULT, candidate, WarningHistory.of(records),
                records, LowerRegions.NONE, LowerRegionLinkageTest.upperHost("1.0"));
        assertEquals(List.of(), v10.escalations(), "a 1.0 host has no feedback and takes no REFERRAL");
    }
}
