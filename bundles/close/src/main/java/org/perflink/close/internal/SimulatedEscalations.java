package org.perflink.close.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.perflink.api.model.Notice;
import org.perflink.api.model.NoticeFeedback;
import org.perflink.api.rules.RulePack;
import org.perflink.api.stage.LinkSimulation.EscalationChange;

/**
 * The escalations (rules.md §5) a CLOSE/FOLLOW_UP on {@code asOf} would issue under two packs, from the year's
 * notices PerfLink wrote and the host's feedback: {@link NoticeFollowUp#escalate}, as the FOLLOW_UP runs it.
 */
final class SimulatedEscalations {

    private SimulatedEscalations() {
    }

    /** The cases either pack would escalate, by case id; a pack whose follow-up parameters are unreadable is rejected. */
    static List<EscalationChange> compare(List<Notice> yearNotices, List<NoticeFeedback> feedback, RulePack current,
            RulePack candidate, LocalDate asOf, Map<String, String> rejected) {
        Map<String, Notice> before = steps(yearNotices, feedback, current, asOf, rejected);
        Map<String, Notice> after = steps(yearNotices, feedback, candidate, asOf, rejected);
        Map<String, Notice> any = new TreeMap<>(before);
        after.forEach(any::putIfAbsent);
        List<EscalationChange> out = new ArrayList<>();
        any.forEach((caseId, n) -> {
            Notice b = before.get(caseId);
            Notice a = after.get(caseId);
            out.add(new EscalationChange(caseId, n.scopeOrDefault(), n.subject(), b == null ? null : b.noticeId(),
                    a == null ? null : a.noticeId(), b == null ? null : b.referralTo(), a == null ? null : a.referralTo()));
        });
        return out;
    }

    private static Map<String, Notice> steps(List<Notice> yearNotices, List<NoticeFeedback> feedback, RulePack pack,
            LocalDate asOf, Map<String, String> rejected) {
        Map<String, Notice> out = new TreeMap<>();
        try {
            new NoticeFollowUp(pack).escalate(yearNotices, feedback, asOf).forEach(n -> out.put(n.caseId(), n));
        } catch (IllegalArgumentException e) {
            rejected.merge("followUp", pack.id() + ": " + e.getMessage(), (x, y) -> x + "; " + y);
        }
        return out;
    }
}
