package org.perflink.close.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.close.internal.Fixtures.REGION;
import static org.perflink.close.internal.Fixtures.YEAR;
import static org.perflink.close.internal.Fixtures.pack;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.Notice;
import org.perflink.api.model.Notice.ReferralTo;
import org.perflink.api.model.Notice.Scope;
import org.perflink.api.model.Notice.Trigger;
import org.perflink.api.model.Notice.Type;
import org.perflink.api.model.NoticeFeedback;
import org.perflink.api.model.NoticeFeedback.Status;
import org.perflink.api.rules.RulePack;

/** rules.md §5 and the escalation example of host-api-v1.md "v1.1 results written back", day by day. */
class NoticeFollowUpTest {

    private static final String REMINDER = "440000-2027.101.REMINDER";
    private final NoticeFollowUp followUp = new NoticeFollowUp(RulePack.DEFAULT);

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    /** The REMINDER of a LINK dated 2028-03-31, due 2028-04-20 (20 days). */
    static Notice reminder() {
        return new Notice(REMINDER, REGION, YEAR, "101", Type.REMINDER, day("2028-04-20"),
                List.of("1个项目绩效评价等级为“中”"), List.of("440000-2027-000123"));
    }

    static NoticeFeedback feedback(String noticeId, String submitted, Status status, String decided, Boolean clue) {
        return new NoticeFeedback(noticeId, day(submitted), status, decided == null ? null : day(decided), clue, "说明");
    }

    private List<Notice> escalate(List<Notice> notices, List<NoticeFeedback> feedback, String asOf) {
        return followUp.escalate(notices, feedback, day(asOf));
    }

    @Test
    void theContractsExampleRejectedOn0418GivesARectificationDue0609() {
        List<NoticeFeedback> fb = List.of(feedback(REMINDER, "2028-04-15", Status.REJECTED, "2028-04-18", false));
        List<Notice> steps = escalate(List.of(reminder()), fb, "2028-05-10");
        assertEquals(1, steps.size());
        Notice n = steps.get(0);
        assertEquals("440000-2027.101.REMINDER.RECTIFICATION", n.noticeId());
        assertEquals(Type.RECTIFICATION, n.type());
        assertEquals(Scope.DEPARTMENT, n.scope());
        assertEquals("101", n.subjectCode());
        assertEquals("101", n.departmentCode());
        assertEquals(NoticeFollowUp.ESCALATED, n.ruleId());
        assertEquals(REMINDER, n.caseId());
        assertEquals(REMINDER, n.escalatedFrom());
        assertEquals(List.of(new Trigger(NoticeFollowUp.FEEDBACK_REJECTED, REMINDER, day("2028-04-20"), day("2028-04-18"),
                day("2028-05-10"))), n.triggers());
        assertEquals(day("2028-05-10"), n.issuedOn());
        assertEquals(day("2028-06-09"), n.dueDate()); // 05-10 + 30 days
        assertEquals(List.of("提醒敦促函440000-2027.101.REMINDER的整改反馈未获通过，且逾期未重新报送"), n.reasons());
        assertEquals(List.of("440000-2027-000123"), n.subjects());
        assertNull(n.referralTo());
    }

    @Test
    void aRejectionWaitsForTheDueDateAndTheResubmitDays() {
        // decided 04-08: 04-08 + 10 = 04-18, the due date 04-20 is the later bound
        List<NoticeFeedback> early = List.of(feedback(REMINDER, "2028-04-05", Status.REJECTED, "2028-04-08", null));
        assertEquals(List.of(), escalate(List.of(reminder()), early, "2028-04-20"));
        assertEquals(1, escalate(List.of(reminder()), early, "2028-04-21").size());
        // decided 04-18 (the contract's example): 04-18 + 10 = 04-28 is
        List<NoticeFeedback> late = List.of(feedback(REMINDER, "2028-04-15", Status.REJECTED, "2028-04-18", null));
        assertEquals(List.of(), escalate(List.of(reminder()), late, "2028-04-28"));
        assertEquals(1, escalate(List.of(reminder()), late, "2028-04-29").size());
    }

    private List<Notice> escalate(List<Notice> notices, List<NoticeFeedback> feedback, String asOf, int resubmitDays) {
        return new NoticeFollowUp(pack("notice.resubmitDays", String.valueOf(resubmitDays)))
                .escalate(notices, feedback, day(asOf));
    }

    @Test
    void resubmitDaysComeFromThePack() {
        List<NoticeFeedback> late = List.of(feedback(REMINDER, "2028-04-19", Status.REJECTED, "2028-04-25", null));
        assertEquals(List.of(), escalate(List.of(reminder()), late, "2028-05-10", 15));
        assertEquals(1, escalate(List.of(reminder()), late, "2028-05-11", 15).size());
    }

    @Test
    void missingFeedbackIsOverdueTheDayAfterTheDueDate() {
        assertEquals(List.of(), escalate(List.of(reminder()), List.of(), "2028-04-20"));
        Notice n = escalate(List.of(reminder()), List.of(), "2028-04-21").get(0);
        assertEquals(List.of(new Trigger(NoticeFollowUp.FEEDBACK_OVERDUE, REMINDER, day("2028-04-20"), null,
                day("2028-04-21"))), n.triggers());
        assertEquals(List.of("提醒敦促函440000-2027.101.REMINDER应于2028-04-20前报送整改反馈，截至2028-04-21逾期未报送"),
                n.reasons());
        assertEquals(day("2028-05-21"), n.dueDate());
    }

    @Test
    void onTimeFeedbackAwaitingDecisionIsNotOverdueButLateFeedbackIs() {
        List<NoticeFeedback> onTime = List.of(feedback(REMINDER, "2028-04-20", Status.SUBMITTED, null, null));
        assertEquals(List.of(), escalate(List.of(reminder()), onTime, "2028-06-30"));
        List<NoticeFeedback> late = List.of(feedback(REMINDER, "2028-04-22", Status.SUBMITTED, null, null));
        assertEquals(List.of(NoticeFollowUp.FEEDBACK_OVERDUE),
                escalate(List.of(reminder()), late, "2028-05-10").get(0).triggers().stream().map(Trigger::ruleId).toList());
    }

    @Test
    void acceptedFeedbackClosesTheCaseEvenWhenLate() {
        List<NoticeFeedback> late = List.of(feedback(REMINDER, "2028-04-25", Status.ACCEPTED, "2028-04-28", null));
        assertEquals(List.of(), escalate(List.of(reminder()), late, "2028-05-10"));
    }

    @Test
    void lateAndRejectedNamesBothTriggers() {
        List<NoticeFeedback> fb = List.of(feedback(REMINDER, "2028-04-25", Status.REJECTED, "2028-04-28", false));
        Notice n = escalate(List.of(reminder()), fb, "2028-05-10").get(0);
        assertEquals(List.of(NoticeFollowUp.FEEDBACK_OVERDUE, NoticeFollowUp.FEEDBACK_REJECTED),
                n.triggers().stream().map(Trigger::ruleId).toList());
        assertEquals(2, n.reasons().size());
    }

    @Test
    void aViolationClueGoesStraightToADisciplineReferral() {
        List<NoticeFeedback> fb = List.of(feedback(REMINDER, "2028-04-15", Status.REJECTED, "2028-04-18", true));
        Notice n = escalate(List.of(reminder()), fb, "2028-05-10").get(0);
        assertEquals("440000-2027.101.REMINDER.REFERRAL", n.noticeId());
        assertEquals(Type.REFERRAL, n.type());
        assertEquals(ReferralTo.DISCIPLINE, n.referralTo());
        assertNull(n.dueDate());
        assertEquals(List.of("提醒敦促函440000-2027.101.REMINDER的整改反馈未获通过，且发现违规违纪问题线索，移交纪检监察机关"), n.reasons());
    }

    @Test
    void theLadderRunsToAnOrganizationReferralAndStopsThere() {
        List<Notice> notices = new ArrayList<>(List.of(reminder()));
        Notice rect = escalate(notices, List.of(), "2028-04-21").get(0);
        assertEquals(day("2028-05-21"), rect.dueDate());
        notices.add(rect);
        assertEquals(List.of(), escalate(notices, List.of(), "2028-05-21"));
        Notice interview = escalate(notices, List.of(), "2028-05-22").get(0);
        assertEquals("440000-2027.101.REMINDER.INTERVIEW", interview.noticeId());
        assertEquals("440000-2027.101.REMINDER.RECTIFICATION", interview.escalatedFrom());
        assertEquals(REMINDER, interview.caseId());
        assertEquals(day("2028-06-21"), interview.dueDate()); // 05-22 + 30
        notices.add(interview);
        Notice referral = escalate(notices, List.of(), "2028-07-01").get(0);
        assertEquals("440000-2027.101.REMINDER.REFERRAL", referral.noticeId());
        assertEquals(ReferralTo.ORGANIZATION, referral.referralTo());
        assertEquals("440000-2027.101.REMINDER.INTERVIEW", referral.escalatedFrom());
        assertEquals(List.of(new Trigger(NoticeFollowUp.FEEDBACK_OVERDUE, interview.noticeId(), day("2028-06-21"), null,
                day("2028-07-01"))), referral.triggers());
        notices.add(referral);
        assertEquals(List.of(), escalate(notices, List.of(), "2029-01-01"));
    }

    @Test
    void onlyTheLatestNoticeOfACaseIsFollowed() {
        Notice rect = escalate(List.of(reminder()), List.of(), "2028-04-21").get(0);
        // the REMINDER stays unanswered, but its step was answered in time and accepted: the case is closed
        List<NoticeFeedback> fb = List.of(feedback(rect.noticeId(), "2028-05-15", Status.ACCEPTED, "2028-05-18", null));
        assertEquals(List.of(), escalate(List.of(reminder(), rect), fb, "2028-12-31"));
    }

    @Test
    void aStepIsIssuedOnceAndEachCaseOnItsOwn() {
        Notice rectification = new Notice("440000-2027.101.RECTIFICATION", REGION, YEAR, "101", Type.RECTIFICATION,
                day("2028-04-30"), List.of("x"), List.of());
        List<Notice> steps = escalate(List.of(reminder(), rectification), List.of(), "2028-05-10");
        assertEquals(List.of("440000-2027.101.RECTIFICATION.INTERVIEW", "440000-2027.101.REMINDER.RECTIFICATION"),
                steps.stream().map(Notice::noticeId).toList());
        assertEquals(List.of(), escalate(List.of(reminder(), rectification, steps.get(1)), List.of(), "2028-05-10")
                .stream().filter(n -> n.caseId().equals(REMINDER)).toList());
    }

    @Test
    void feedbackIsReadAsItStoodOnAsOf() {
        // submitted on time but decided (rejected) after the follow-up: still pending on 05-01, nothing fires
        List<NoticeFeedback> decidedLater = List.of(feedback(REMINDER, "2028-04-18", Status.REJECTED, "2028-05-05", null));
        assertEquals(List.of(), escalate(List.of(reminder()), decidedLater, "2028-05-01"));
        // submitted after the follow-up: as if missing on 04-25 (and the same step whenever the event is handled)
        List<NoticeFeedback> afterwards = List.of(feedback(REMINDER, "2028-04-28", Status.ACCEPTED, "2028-04-29", null));
        assertEquals(escalate(List.of(reminder()), List.of(), "2028-04-25"),
                escalate(List.of(reminder()), afterwards, "2028-04-25"));
    }

    @Test
    void theLatestSubmissionCountsWhateverTheHostsOrder() {
        NoticeFeedback rejected = feedback(REMINDER, "2028-04-15", Status.REJECTED, "2028-04-16", null);
        NoticeFeedback accepted = feedback(REMINDER, "2028-04-19", Status.ACCEPTED, "2028-04-20", null);
        assertEquals(List.of(), escalate(List.of(reminder()), List.of(accepted, rejected), "2028-06-01"));
        assertEquals(List.of(), escalate(List.of(reminder()), List.of(rejected, accepted), "2028-06-01"));
    }

    @Test
    void aLowerRegionsCaseIsFollowedTheSameWay() {
        Notice interview = new Notice("440000-2027.REGION.440100.INTERVIEW", REGION, YEAR, null, Type.INTERVIEW,
                day("2028-04-30"), List.of("x"), List.of(), Scope.REGION, "440100", day("2028-03-31"),
                "440000-2027.REGION.440100.INTERVIEW", null, null, null, null);
        Notice n = escalate(List.of(interview), List.of(), "2028-05-31").get(0);
        assertEquals("440000-2027.REGION.440100.INTERVIEW.REFERRAL", n.noticeId());
        assertEquals(Scope.REGION, n.scope());
        assertEquals("440100", n.subjectCode());
        assertNull(n.departmentCode());
        assertEquals(ReferralTo.ORGANIZATION, n.referralTo());
        assertEquals("440000-2027.REGION.440100.INTERVIEW", n.caseId());
        assertEquals(List.of(new Trigger(NoticeFollowUp.FEEDBACK_OVERDUE, interview.noticeId(), day("2028-04-30"), null,
                day("2028-05-31"))), n.triggers());
        assertTrue(n.reasons().get(0).startsWith("工作约谈通知书440000-2027.REGION.440100.INTERVIEW应于2028-04-30前"));
    }

    @Test
    void theReferralTargetComesFromThePackAndABadOneIsNamed() {
        Notice interview = new Notice("440000-2027.101.INTERVIEW", REGION, YEAR, "101", Type.INTERVIEW, day("2028-04-30"),
                List.of("x"), List.of());
        NoticeFollowUp discipline = new NoticeFollowUp(pack("notice.referral.to", "discipline"));
        assertEquals(ReferralTo.DISCIPLINE, discipline.escalate(List.of(interview), List.of(), day("2028-05-01")).get(0).referralTo());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NoticeFollowUp(pack("notice.referral.to", "PARTY")));
        assertTrue(e.getMessage().contains("notice.referral.to"), e.getMessage());
    }

    @Test
    void aPackMaySwitchEachRuleOff() {
        List<NoticeFeedback> rejected = List.of(feedback(REMINDER, "2028-04-25", Status.REJECTED, "2028-04-28", false));
        List<Notice> notices = List.of(reminder());
        LocalDate asOf = day("2028-05-10");
        assertEquals(List.of(NoticeFollowUp.FEEDBACK_REJECTED), new NoticeFollowUp(pack("rule.NOTICE_FEEDBACK_OVERDUE.enabled", "false"))
                .escalate(notices, rejected, asOf).get(0).triggers().stream().map(Trigger::ruleId).toList());
        assertEquals(List.of(NoticeFollowUp.FEEDBACK_OVERDUE), new NoticeFollowUp(pack("rule.NOTICE_FEEDBACK_REJECTED.enabled", "false"))
                .escalate(notices, rejected, asOf).get(0).triggers().stream().map(Trigger::ruleId).toList());
        assertEquals(List.of(), new NoticeFollowUp(pack("rule.NOTICE_ESCALATED.enabled", "false")).escalate(notices, rejected, asOf));
    }

    @Test
    void feedbackWithoutItsDateIsRefusedNamingTheField() {
        NoticeFeedback bad = new NoticeFeedback(REMINDER, null, Status.SUBMITTED, null, null, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> escalate(List.of(reminder()), List.of(bad), "2028-05-10"));
        assertTrue(e.getMessage().contains("submittedOn") && e.getMessage().contains(NoticeFollowUp.FEEDBACK_OVERDUE), e.getMessage());
    }

    @Test
    void casesGroupFirstNoticesAndTheirSteps() {
        Notice rect = escalate(List.of(reminder()), List.of(), "2028-04-21").get(0);
        var cases = NoticeFollowUp.cases(List.of(rect, reminder()), List.of());
        assertEquals(List.of(REMINDER), List.copyOf(cases.keySet()));
        assertEquals(List.of(REMINDER, rect.noticeId()), cases.get(REMINDER).steps().stream().map(Notice::noticeId).toList());
        assertEquals(rect, cases.get(REMINDER).latest());
    }
}
