package org.perflink.close.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.close.internal.Fixtures.REGION;
import static org.perflink.close.internal.Fixtures.YEAR;
import static org.perflink.close.internal.NoticeFollowUpTest.day;
import static org.perflink.close.internal.NoticeFollowUpTest.feedback;
import static org.perflink.close.internal.NoticeFollowUpTest.reminder;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perflink.api.hook.ResultHistory;
import org.perflink.api.host.HostException;
import org.perflink.api.host.HostGateway;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Notice;
import org.perflink.api.model.Notice.Type;
import org.perflink.api.model.NoticeFeedback.Status;
import org.perflink.api.model.Phase;
import org.perflink.api.model.ResultKind;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.api.model.Warning;
import org.perflink.api.testing.FakeHost;
import org.perflink.api.testing.RecordingContext;
import org.perflink.api.rules.RulePack;

/** CLOSE/FOLLOW_UP through the hook: feedback from the host, notices from PerfLink's own records. */
class FollowUpEventTest {

    private static final StageEvent FOLLOW_UP = new StageEvent(131, "ev-131", REGION, YEAR, Stage.CLOSE, Phase.FOLLOW_UP,
            List.of(), OffsetDateTime.parse("2028-05-10T18:00:00+08:00"), day("2028-05-10"));

    /** The store's notices: what earlier events emitted, kept as the ledger keeps them. */
    private static final class Ledger implements ResultHistory {
        final List<Notice> notices = new ArrayList<>();

        @Override
        public List<Warning> warnings(String projectCode) {
            return List.of();
        }

        @Override
        public List<Notice> yearNotices(int year) {
            return notices.stream().filter(n -> n.year() == year)
                    .sorted(java.util.Comparator.comparing(Notice::noticeId)).toList();
        }

        void keep(List<HostResult> emitted) {
            emitted.stream().filter(r -> r.kind() == ResultKind.NOTICE).map(r -> (Notice) r.body())
                    .filter(n -> notices.stream().noneMatch(o -> o.noticeId().equals(n.noticeId()))).forEach(notices::add);
        }
    }

    private static FakeHost host() {
        FakeHost h = new FakeHost().maxPageSize(FakeHost.Feed.NOTICE_FEEDBACK, 1);
        h.contract = HostGateway.CONTRACT_1_1;
        Notice rectification = new Notice("440000-2027.102.RECTIFICATION", REGION, YEAR, "102", Type.RECTIFICATION,
                day("2028-04-30"), List.of("x"), List.of());
        h.feedback(feedback(reminder().noticeId(), "2028-04-15", Status.REJECTED, "2028-04-18", false));
        h.feedback(feedback(rectification.noticeId(), "2028-04-29", Status.ACCEPTED, "2028-05-02", null));
        return h;
    }

    private static Ledger ledger() {
        Ledger l = new Ledger();
        l.notices.add(reminder());
        l.notices.add(new Notice("440000-2027.102.RECTIFICATION", REGION, YEAR, "102", Type.RECTIFICATION,
                day("2028-04-30"), List.of("x"), List.of()));
        l.notices.add(new Notice("440000-2027.103.INTERVIEW", REGION, YEAR, "103", Type.INTERVIEW, day("2028-04-30"),
                List.of("x"), List.of()));
        return l;
    }

    private static RecordingContext run(FakeHost host, Ledger ledger, StageEvent event) throws HostException {
        RecordingContext ctx = new RecordingContext(event, RulePack.DEFAULT, host).history(ledger);
        new CloseHook().handle(ctx);
        return ctx;
    }

    @Test
    void followUpEscalatesTheRejectedAndTheOverdueAndLeavesTheAccepted() throws HostException {
        RecordingContext ctx = run(host(), ledger(), FOLLOW_UP);
        List<Notice> steps = ctx.bodies(Notice.class);
        assertEquals(List.of("440000-2027.101.REMINDER.RECTIFICATION", "440000-2027.103.INTERVIEW.REFERRAL"),
                steps.stream().map(Notice::noticeId).toList());
        assertEquals(List.of("101", "103"), ctx.emitted.stream().map(HostResult::subject).toList());
        assertEquals(day("2028-06-09"), steps.get(0).dueDate());
        assertEquals(Notice.ReferralTo.ORGANIZATION, steps.get(1).referralTo());
        assertTrue(ctx.rejected.isEmpty());
    }

    @Test
    void handlingTheEventTwiceOrAfterAnOutageGivesTheSameSteps() throws HostException {
        List<HostResult> first = run(host(), ledger(), FOLLOW_UP).emitted;

        // the host is down while the feedback is pulled: the event fails and is handled again
        FakeHost flaky = host().failWhen(FakeHost.Feed.NOTICE_FEEDBACK, c -> c.cursor() != null, new HostException("down"));
        Ledger ledger = ledger();
        assertThrows(HostException.class, () -> run(flaky, ledger, FOLLOW_UP));
        List<HostResult> retried = run(host(), ledger, FOLLOW_UP).emitted;
        assertEquals(first, retried);

        // handled once more after its steps were stored: issued once, nothing new
        ledger.keep(retried);
        assertEquals(List.of(), run(host(), ledger, FOLLOW_UP).emitted);
    }

    @Test
    void aOneDotZeroHostIsNotFollowedUp() throws HostException {
        FakeHost h = host();
        h.contract = HostGateway.CONTRACT_1_0;
        RecordingContext ctx = run(h, ledger(), FOLLOW_UP);
        assertTrue(ctx.emitted.isEmpty());
        assertTrue(h.calls(FakeHost.Feed.NOTICE_FEEDBACK).isEmpty());
    }

    @Test
    void anEventWithoutAsOfIsRejectedNamingTheField() throws HostException {
        StageEvent noDate = new StageEvent(132, "ev-132", REGION, YEAR, Stage.CLOSE, Phase.FOLLOW_UP, List.of(),
                FOLLOW_UP.occurredAt(), null);
        RecordingContext ctx = run(host(), ledger(), noDate);
        assertTrue(ctx.emitted.isEmpty());
        assertTrue(ctx.rejectedByKey().get("followUp@ev-132").contains("asOf"));
    }

    @Test
    void anUnreadableFeedbackIsRejectedAndTheOthersGoOn() throws HostException {
        FakeHost h = host();
        h.feedback.add(Parsed.invalid("440000-2027.101.REMINDER", 0, "status", "not one of SUBMITTED, ACCEPTED, REJECTED"));
        h.feedback(new org.perflink.api.model.NoticeFeedback("440000-2027.103.INTERVIEW", null, Status.SUBMITTED, null, null, null));
        RecordingContext ctx = run(h, ledger(), FOLLOW_UP);
        assertEquals(2, ctx.bodies(Notice.class).size());
        assertEquals(2, ctx.rejected.size());
        assertTrue(ctx.rejected.get(1).reason().contains("submittedOn"), ctx.rejected.get(1).reason());
    }
}
