package org.perflink.close.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.perflink.api.hook.StageContext;
import org.perflink.api.host.HostException;
import org.perflink.api.host.HostGateway;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Notice;
import org.perflink.api.model.NoticeFeedback;
import org.perflink.api.model.StageEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CLOSE/FOLLOW_UP event (host contract v1.1): the year's notices from PerfLink's own records, the host's
 * feedback on them, and the steps {@link NoticeFollowUp} issues at the event's {@code asOf}. A 1.0 host has no
 * feedback to read and no REFERRAL to receive, so nothing is done for it; an unreadable feedback item is rejected
 * and the others go on; a host that cannot answer fails the event, which is then handled again from the start.
 */
final class FollowUpEvent {

    private static final Logger LOG = LoggerFactory.getLogger(FollowUpEvent.class);

    static final int FEEDBACK_PAGE = 500;

    private FollowUpEvent() {
    }

    static void handle(StageContext context) throws HostException {
        StageEvent event = context.event();
        HostGateway host = context.host();
        if (!host.v11()) {
            LOG.info("event {}: FOLLOW_UP needs host contract 1.1 (notice-feedback, REFERRAL); the host speaks {}: nothing to do",
                    event.eventId(), host.contract());
            return;
        }
        if (event.asOf() == null) {
            context.reject("followUp@" + event.eventId(), "CLOSE/FOLLOW_UP without asOf (REQUIRED): the notices cannot be followed up ("
                    + NoticeFollowUp.ESCALATED + ")", null);
            return;
        }
        NoticeFollowUp followUp;
        try {
            followUp = new NoticeFollowUp(context.rulePack());
        } catch (IllegalArgumentException e) {
            context.reject("followUp@" + event.eventId(), e.getMessage(), null);
            return;
        }
        List<NoticeFeedback> feedback = new ArrayList<>();
        readFeedback(context.host(), event.regionCode(), event.year(), FEEDBACK_PAGE,
                (key, reason) -> context.reject(key, reason, null), feedback::add);
        // PerfLink's own notices (first notices and earlier steps), never what the host acknowledged
        List<Notice> notices = context.history().yearNotices(event.year());
        List<Notice> steps = followUp.escalate(notices, feedback, event.asOf());
        LOG.info("event {}: follow-up of {} notice(s) with {} feedback item(s) at {}: {} escalation(s)", event.eventId(),
                notices.size(), feedback.size(), event.asOf(), steps.size());
        steps.forEach(n -> context.emit(HostResult.of(n)));
    }

    /**
     * The host's feedback on the notices of the event's region for a year, page by page: an item that does not match
     * the contract, or that the follow-up cannot read ({@link NoticeFollowUp#check}), is rejected and the others go on.
     */
    static void readFeedback(HostGateway host, String region, int year, int pageSize, BiConsumer<String, String> reject,
            Consumer<NoticeFeedback> usable) throws HostException {
        HostGateway.forEach(cursor -> host.noticeFeedback(region, year, cursor, pageSize), parsed -> {
            if (!parsed.valid()) {
                reject.accept("notice-feedback:" + parsed.key(), "notice-feedback does not match the contract at '"
                        + parsed.errorPath() + "': " + parsed.error());
                return;
            }
            try {
                NoticeFollowUp.check(parsed.value());
                usable.accept(parsed.value());
            } catch (IllegalArgumentException e) {
                reject.accept("notice-feedback:" + parsed.key(), e.getMessage());
            }
        });
    }
}
