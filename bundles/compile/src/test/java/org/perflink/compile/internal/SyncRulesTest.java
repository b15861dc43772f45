package org.perflink.compile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.api.model.Phase.APPROVED;
import static org.perflink.api.model.Phase.DECLARED;
import static org.perflink.api.model.Phase.PUBLISHED;
import static org.perflink.api.model.Phase.REVIEWED;
import static org.perflink.compile.internal.TestProjects.APPROVED_ON;
import static org.perflink.compile.internal.TestProjects.PUBLISHED_ON;
import static org.perflink.compile.internal.TestProjects.aProject;
import static org.perflink.compile.internal.TestProjects.review;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.perflink.api.model.Finding;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Review.Level;
import org.perflink.api.model.Review.Outcome;
import org.perflink.api.model.Severity;
import org.perflink.api.model.Verdict;

/** 同步编制、同步上会、同步批复、同步公开: the target moves through the phases with its budget. */
class SyncRulesTest extends CheckerTestSupport {

    @ParameterizedTest
    @EnumSource(value = Phase.class, names = {"DECLARED", "REVIEWED", "APPROVED", "PUBLISHED"})
    void aCompleteTargetPassesEveryPhase(Phase phase) {
        Verdict v = check(aProject().build(), phase);
        assertEquals(List.of(), v.findings());
        assertEquals(Verdict.Outcome.PASS, v.outcome());
    }

    // SYNC_COMPILE_TARGET_MISSING

    @Test
    void aProjectWithoutTargetIsBlockedAndNothingElseIsAskedOfTheTarget() {
        Verdict v = check(aProject().noTarget().build(), DECLARED);
        Finding f = findings(v, "SYNC_COMPILE_TARGET_MISSING").get(0);
        assertEquals("target", f.path());
        assertEquals(Severity.BLOCK, f.severity());
        assertEquals("项目未编制绩效目标，绩效目标须与预算同步编制申报", f.message());
        assertEquals(List.of("SYNC_COMPILE_TARGET_MISSING"), ruleIds(v));
    }

    @Test
    void aTargetWithoutIndicatorsIsMissingToo() {
        Finding f = the("SYNC_COMPILE_TARGET_MISSING", aProject().indicators().build(), DECLARED);
        assertEquals("target.indicators", f.path());
        assertEquals("绩效目标未设置绩效指标，绩效目标须与预算同步编制申报", f.message());
    }

    // GOAL_MISSING

    @Test
    void aBlankOverallGoalIsAWarning() {
        Finding f = the("GOAL_MISSING", aProject().goal("  ").build(), DECLARED);
        assertEquals("target.overallGoal", f.path());
        assertEquals(Severity.WARN, f.severity());
        the("GOAL_MISSING", aProject().goal(null).build(), DECLARED);
        assertNone("GOAL_MISSING", aProject().goal("改善办学条件").build(), DECLARED);
    }

    // SYNC_REVIEW_TARGET_NOT_REVIEWED

    @Test
    void aTargetThatHasNotReachedReviewCannotGoToTheMeeting() {
        Finding f = the("SYNC_REVIEW_TARGET_NOT_REVIEWED", aProject().targetPhase(DECLARED).build(), REVIEWED);
        assertEquals("target.phase", f.path());
        assertEquals(Map.of("targetPhase", "DECLARED", "requiredPhase", "REVIEWED"), f.figures());
        assertEquals("绩效目标未经财政审核，不得与预算同步上会", f.message());
        assertEquals("The performance target has not passed the finance review; it cannot go to the budget meeting"
                + " with the budget", f.messageEn());
    }

    @Test
    void withoutAFinancePassTheTargetIsNotReviewed() {
        Finding f = the("SYNC_REVIEW_TARGET_NOT_REVIEWED", aProject().targetPhase(REVIEWED).reviews(
                review(Level.UNIT, Outcome.PASS, LocalDate.of(2026, 10, 10)),
                review(Level.DEPARTMENT, Outcome.PASS, LocalDate.of(2026, 10, 20))).build(), REVIEWED);
        assertEquals("target.reviews", f.path());
        assertEquals("绩效目标未经财政审核，不得与预算同步上会", f.message());
        assertEquals(Map.of("UNIT", "PASS 2026-10-10", "DEPARTMENT", "PASS 2026-10-20", "FINANCE", "NONE"), f.figures());
    }

    @Test
    void aFinancePassWithoutTheDepartmentReviewIsNotEnough() {
        Finding f = the("SYNC_REVIEW_TARGET_NOT_REVIEWED", aProject().reviews(
                review(Level.UNIT, Outcome.PASS, LocalDate.of(2026, 10, 10)),
                review(Level.FINANCE, Outcome.PASS, LocalDate.of(2026, 10, 28))).build(), REVIEWED);
        assertEquals("绩效目标未依次通过单位申报、主管部门审核和财政审核，不得与预算同步上会", f.message());
        assertEquals("NONE", f.figures().get("DEPARTMENT"));
    }

    @Test
    void theThreeLevelsMustPassInOrder() {
        the("SYNC_REVIEW_TARGET_NOT_REVIEWED", aProject().reviews(
                review(Level.UNIT, Outcome.PASS, LocalDate.of(2026, 10, 10)),
                review(Level.DEPARTMENT, Outcome.PASS, LocalDate.of(2026, 10, 30)),
                review(Level.FINANCE, Outcome.PASS, LocalDate.of(2026, 10, 28))).build(), REVIEWED);
    }

    @Test
    void aPassAfterAReturnCounts() {
        assertEquals(List.of(), check(aProject().reviews(
                review(Level.UNIT, Outcome.PASS, LocalDate.of(2026, 10, 10)),
                review(Level.DEPARTMENT, Outcome.PASS, LocalDate.of(2026, 10, 20)),
                review(Level.FINANCE, Outcome.RETURN, LocalDate.of(2026, 10, 25)),
                review(Level.FINANCE, Outcome.PASS, LocalDate.of(2026, 10, 28))).build(), REVIEWED).findings());
    }

    // SYNC_REVIEW_TARGET_RETURNED

    @Test
    void aReturnAfterAPassIsReturnedAndNoLongerReviewed() {
        Verdict v = check(aProject().targetPhase(REVIEWED).reviews(
                review(Level.UNIT, Outcome.PASS, LocalDate.of(2026, 10, 10)),
                review(Level.DEPARTMENT, Outcome.PASS, LocalDate.of(2026, 10, 20)),
                review(Level.FINANCE, Outcome.PASS, LocalDate.of(2026, 10, 28)),
                review(Level.DEPARTMENT, Outcome.RETURN, LocalDate.of(2026, 10, 30))).build(), REVIEWED);
        assertEquals(List.of("SYNC_REVIEW_TARGET_NOT_REVIEWED", "SYNC_REVIEW_TARGET_RETURNED"), ruleIds(v));
        Finding returned = findings(v, "SYNC_REVIEW_TARGET_RETURNED").get(0);
        assertEquals("target.reviews[3]", returned.path());
        assertEquals(Map.of("level", "DEPARTMENT", "outcome", "RETURN", "date", "2026-10-30"), returned.figures());
        assertEquals("绩效目标被主管部门审核退回，修改后须重新审核", returned.message());
        assertEquals(Verdict.Outcome.BLOCK, v.outcome());
    }

    @Test
    void aReturnedTargetIsReportedEvenBeforeItReachesReview() {
        Finding f = the("SYNC_REVIEW_TARGET_RETURNED", aProject().targetPhase(DECLARED).reviews(
                review(Level.UNIT, Outcome.RETURN, LocalDate.of(2026, 10, 10))).build(), REVIEWED);
        assertEquals("target.reviews[0]", f.path());
        assertNone("SYNC_REVIEW_TARGET_RETURNED", aProject().build(), REVIEWED);
    }

    // SYNC_APPROVE_TARGET_NOT_APPROVED

    @Test
    void aTargetStillUnderReviewWhenTheBudgetIsApprovedIsBlocked() {
        Finding f = the("SYNC_APPROVE_TARGET_NOT_APPROVED", aProject().targetPhase(REVIEWED).build(), APPROVED);
        assertEquals("target.phase", f.path());
        assertEquals(Map.of("targetPhase", "REVIEWED", "requiredPhase", "APPROVED"), f.figures());
        assertNone("SYNC_APPROVE_TARGET_NOT_APPROVED", aProject().targetPhase(APPROVED).build(), APPROVED);
    }

    // SYNC_APPROVE_DATE_MISMATCH

    @Test
    void approvalOnTheSameDayIsInSync() {
        assertNone("SYNC_APPROVE_DATE_MISMATCH", aProject().targetDate(APPROVED, APPROVED_ON).build(), APPROVED);
    }

    @Test
    void approvalOneDayApartIsAMismatch() {
        Finding f = the("SYNC_APPROVE_DATE_MISMATCH",
                aProject().targetDate(APPROVED, APPROVED_ON.plusDays(1)).build(), APPROVED);
        assertEquals("target.phaseDates.APPROVED", f.path());
        assertEquals(Severity.BLOCK, f.severity());
        assertEquals(Map.of("targetDate", "2027-01-21", "budgetDate", "2027-01-20", "differenceDays", "1",
                "toleranceDays", "0"), f.figures());
        assertEquals("绩效目标批复日期 2027-01-21 与预算批复日期 2027-01-20 相差 1 天，超过允许的 0 天", f.message());
    }

    @Test
    void theRulePackCanTolerateADay() {
        var oneDay = pack("sync.approve.toleranceDays", "1");
        assertTrue(findings(check(aProject().targetDate(APPROVED, APPROVED_ON.minusDays(1)).build(), APPROVED, oneDay),
                "SYNC_APPROVE_DATE_MISMATCH").isEmpty());
        assertEquals(1, findings(check(aProject().targetDate(APPROVED, APPROVED_ON.minusDays(2)).build(), APPROVED, oneDay),
                "SYNC_APPROVE_DATE_MISMATCH").size());
    }

    @Test
    void aMissingApprovalDateCannotBeShownInSync() {
        Finding f = the("SYNC_APPROVE_DATE_MISMATCH", aProject().budgetDate(APPROVED, null).build(), APPROVED);
        assertEquals(Map.of("targetDate", "2027-01-20", "toleranceDays", "0"), f.figures());
        assertEquals("绩效目标或预算缺少批复日期，无法确认绩效目标与预算同步批复", f.message());
    }

    // SYNC_PUBLISH_TARGET_NOT_PUBLISHED, SYNC_PUBLISH_DATE_MISMATCH

    @Test
    void anUnpublishedTargetIsBlockedAtPublication() {
        Finding f = the("SYNC_PUBLISH_TARGET_NOT_PUBLISHED", aProject().targetPhase(APPROVED).build(), PUBLISHED);
        assertEquals(Severity.BLOCK, f.severity());
        assertNone("SYNC_PUBLISH_TARGET_NOT_PUBLISHED", aProject().build(), PUBLISHED);
    }

    @Test
    void publicationDatesApartAreAWarningWithinTheirOwnTolerance() {
        var project = aProject().targetDate(PUBLISHED, PUBLISHED_ON.plusDays(3)).build();
        Finding f = the("SYNC_PUBLISH_DATE_MISMATCH", project, PUBLISHED);
        assertEquals(Severity.WARN, f.severity());
        assertEquals("3", f.figures().get("differenceDays"));
        assertEquals(Verdict.Outcome.WARN, check(project, PUBLISHED).outcome());
        assertTrue(findings(check(project, PUBLISHED, pack("sync.publish.toleranceDays", "3")),
                "SYNC_PUBLISH_DATE_MISMATCH").isEmpty());
        // the approval tolerance is another parameter
        assertEquals(1, findings(check(project, PUBLISHED, pack("sync.approve.toleranceDays", "3")),
                "SYNC_PUBLISH_DATE_MISMATCH").size());
    }
}
