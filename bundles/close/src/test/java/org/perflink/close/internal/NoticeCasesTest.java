package org.perflink.close.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.Assessment;
import org.perflink.api.model.Notice;
import org.perflink.api.model.NoticeFeedback;
import org.perflink.api.rules.RulePack;

/** rules.md §5/§6: the notices of Y − 1 answered on time and ACCEPTED; INTERVIEW reached; an overdue open case. */
class NoticeCasesTest {

    private static final Assessment.Scope D = Assessment.Scope.DEPARTMENT;

    private static Notice notice(String id, int year, String dept, Notice.Type type, String due) {
        return new Notice(id, "440000", year, dept, type, due == null ? null : LocalDate.parse(due), List.of("r"), List.of());
    }

    private static NoticeFeedback fb(String id, String submitted, NoticeFeedback.Status status, String decided) {
        return new NoticeFeedback(id, LocalDate.parse(submitted), status, decided == null ? null : LocalDate.parse(decided),
                false, null);
    }

    private static NoticeCases cases() {
        NoticeCases c = new NoticeCases("440000", 2027, LocalDate.parse("2028-03-31"));
        c.notice(notice("440000-2026.101.REMINDER", 2026, "101", Notice.Type.REMINDER, "2027-04-20"));
        c.notice(notice("440000-2026.101.RECTIFICATION", 2026, "101", Notice.Type.RECTIFICATION, "2027-04-30"));
        c.notice(notice("440000-2026.101.INTERVIEW", 2026, "101", Notice.Type.INTERVIEW, "2027-04-30"));
        c.notice(notice("440000-2025.101.REMINDER", 2025, "101", Notice.Type.REMINDER, "2026-04-20")); // too old
        c.notice(notice("440000-2026.102.REMINDER", 2026, "102", Notice.Type.REMINDER, "2027-04-20"));
        c.notice(notice("440000-2027.103.INTERVIEW", 2027, "103", Notice.Type.INTERVIEW, "2028-04-30"));
        // accepted on the due date; an earlier rejected submission does not count
        c.feedback(fb("440000-2026.101.REMINDER", "2027-04-01", NoticeFeedback.Status.REJECTED, "2027-04-05"));
        c.feedback(fb("440000-2026.101.REMINDER", "2027-04-20", NoticeFeedback.Status.ACCEPTED, "2027-04-25"));
        // accepted, but submitted after the due date
        c.feedback(fb("440000-2026.101.RECTIFICATION", "2027-05-02", NoticeFeedback.Status.ACCEPTED, "2027-05-06"));
        // the latest submission (rejected) counts, whatever order the host sends them in
        c.feedback(fb("440000-2026.101.INTERVIEW", "2027-04-28", NoticeFeedback.Status.REJECTED, "2027-05-01"));
        c.feedback(fb("440000-2026.101.INTERVIEW", "2027-04-10", NoticeFeedback.Status.ACCEPTED, "2027-04-12"));
        return c;
    }

    @Test
    void onlyTheLatestSubmissionByTheDueDateAndAcceptedCounts() {
        assertEquals(List.of(new SubjectFacts.NoticeOutcome("440000-2026.101.INTERVIEW", false),
                new SubjectFacts.NoticeOutcome("440000-2026.101.RECTIFICATION", false),
                new SubjectFacts.NoticeOutcome("440000-2026.101.REMINDER", true)), cases().previousYear(D, "101"));
        assertEquals(List.of(new SubjectFacts.NoticeOutcome("440000-2026.102.REMINDER", false)), cases().previousYear(D, "102"));
        assertEquals(List.of(), cases().previousYear(D, "109"));
    }

    @Test
    void interviewReachedInTheAssessedYearOnly() {
        NoticeCases c = cases();
        assertTrue(c.reachedInterview(D, "103"));
        assertFalse(c.reachedInterview(D, "101"), "101's INTERVIEW is of 2026");
    }

    @Test
    void anOpenCaseIsOverdueWhenItsLatestStepIsPastDueWithoutAcceptance() {
        NoticeCases c = cases();
        assertTrue(c.overdueOpen(D, "101"), "the 2026 INTERVIEW's latest feedback was rejected");
        assertTrue(c.overdueOpen(D, "102"), "no feedback at all");
        assertFalse(c.overdueOpen(D, "103"), "not due yet");
        // an escalated step, once accepted, closes its case: the first notice is no longer followed
        NoticeCases escalated = new NoticeCases("440000", 2027, LocalDate.parse("2028-03-31"));
        escalated.notice(notice("440000-2026.104.REMINDER", 2026, "104", Notice.Type.REMINDER, "2027-04-20"));
        escalated.notice(notice("440000-2026.104.REMINDER.RECTIFICATION", 2026, "104", Notice.Type.RECTIFICATION, "2027-06-09"));
        escalated.feedback(fb("440000-2026.104.REMINDER.RECTIFICATION", "2027-06-01", NoticeFeedback.Status.ACCEPTED, "2027-06-03"));
        assertFalse(escalated.overdueOpen(D, "104"));
    }

    @Test
    void aLowerRegionsNoticeIsTheLowerRegionsByItsId() {
        Notice n = notice("440000-2027.REGION.440100.INTERVIEW", 2027, null, Notice.Type.INTERVIEW, "2028-04-30");
        NoticeCases c = new NoticeCases("440000", 2027, LocalDate.parse("2028-03-31")).notice(n);
        assertTrue(c.reachedInterview(Assessment.Scope.REGION, "440100"));
        assertFalse(c.reachedInterview(D, "440100"));
    }

    /** The cases are the §5 follow-up's: the step it escalates joins its case, and feedback counts as of the LINK date. */
    @Test
    void theAssessmentReadsTheCasesTheFollowUpEscalates() {
        Notice first = notice("440000-2027.105.REMINDER", 2027, "105", Notice.Type.REMINDER, "2028-01-20");
        NoticeFollowUp followUp = new NoticeFollowUp(RulePack.DEFAULT);
        List<Notice> steps = followUp.escalate(List.of(first), List.of(), LocalDate.parse("2028-02-01"));
        assertEquals(List.of("440000-2027.105.REMINDER.RECTIFICATION"), steps.stream().map(Notice::noticeId).toList());
        Notice step = steps.get(0); // due 2028-03-02
        NoticeCases c = new NoticeCases("440000", 2027, LocalDate.parse("2028-03-31")).notice(first).notice(step);
        assertTrue(c.overdueOpen(D, "105"), "the RECTIFICATION is the case's latest step and it is past due");
        // accepted after the LINK date: as the case stood on that date it is still open and overdue
        c.feedback(fb(step.noticeId(), "2028-04-02", NoticeFeedback.Status.ACCEPTED, "2028-04-03"));
        assertTrue(c.overdueOpen(D, "105"));
        c.feedback(fb(step.noticeId(), "2028-03-01", NoticeFeedback.Status.ACCEPTED, "2028-03-05"));
        assertFalse(c.overdueOpen(D, "105"), "accepted by the LINK date closes the case");
        assertFalse(c.reachedInterview(D, "105"));
    }

    /** A Y − 1 notice answered on time but accepted only after the LINK date does not count as rectified on time yet. */
    @Test
    void aDecisionAfterTheAssessmentDateIsStillPending() {
        NoticeCases c = new NoticeCases("440000", 2027, LocalDate.parse("2028-03-31"));
        c.notice(notice("440000-2026.106.REMINDER", 2026, "106", Notice.Type.REMINDER, "2027-04-20"));
        c.feedback(fb("440000-2026.106.REMINDER", "2027-04-15", NoticeFeedback.Status.ACCEPTED, "2028-04-10"));
        assertEquals(List.of(new SubjectFacts.NoticeOutcome("440000-2026.106.REMINDER", false)), c.previousYear(D, "106"));
    }

    @Test
    void aFeedbackWithoutSubmittedOnIsRefusedNamingTheField() {
        NoticeCases c = new NoticeCases("440000", 2027, LocalDate.parse("2028-03-31"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> c.feedback(new NoticeFeedback("440000-2026.106.REMINDER", null, NoticeFeedback.Status.ACCEPTED, null,
                        false, null)));
        assertTrue(e.getMessage().contains("submittedOn"), e.getMessage());
    }
}
