package org.perflink.close.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.perflink.api.model.Notice;
import org.perflink.api.model.Notice.ReferralTo;
import org.perflink.api.model.Notice.Trigger;
import org.perflink.api.model.Notice.Type;
import org.perflink.api.model.NoticeFeedback;
import org.perflink.api.model.NoticeFeedback.Status;
import org.perflink.api.rules.Param;
import org.perflink.api.rules.RulePack;

/**
 * 跟踪问效 (rules.md §5): at a FOLLOW_UP's {@code asOf}, each case whose latest notice is overdue or whose feedback
 * was rejected gets its next step, REMINDER → RECTIFICATION → INTERVIEW → REFERRAL (a violation clue goes straight
 * to a DISCIPLINE referral). Works on PerfLink's own notices and the host's feedback only, and reads the feedback
 * as it stood on {@code asOf} (submitted on or before it; a decision taken after it still pending), so the same
 * event gives the same steps however late it is handled. Immutable; one instance per rule pack.
 */
public final class NoticeFollowUp {

    public static final String FEEDBACK_OVERDUE = "NOTICE_FEEDBACK_OVERDUE";
    public static final String FEEDBACK_REJECTED = "NOTICE_FEEDBACK_REJECTED";
    public static final String ESCALATED = "NOTICE_ESCALATED";

    public static final Param RESUBMIT_DAYS = Param.of("notice.resubmitDays", "10", "days after a rejected feedback's decision to resubmit before the case escalates (P)");
    public static final Param REFERRAL_TO = Param.of("notice.referral.to", "ORGANIZATION", "where the last step of the ladder is referred: ORGANIZATION 报送组织部门 or DISCIPLINE 移交纪检监察 (P)");

    private final int rectificationDays;
    private final int interviewDays;
    private final int resubmitDays;
    private final ReferralTo referralTo;
    // a pack may switch each rule off (rule.<id>.enabled = false), as for every other rule
    private final boolean overdueOn;
    private final boolean rejectedOn;
    private final boolean escalationOn;

    public NoticeFollowUp(RulePack pack) {
        Objects.requireNonNull(pack, "pack");
        this.overdueOn = pack.enabled(FEEDBACK_OVERDUE);
        this.rejectedOn = pack.enabled(FEEDBACK_REJECTED);
        this.escalationOn = pack.enabled(ESCALATED);
        this.rectificationDays = pack.integer(NoticeIssuer.RECTIFICATION_DUE_DAYS);
        this.interviewDays = pack.integer(NoticeIssuer.INTERVIEW_DUE_DAYS);
        this.resubmitDays = pack.integer(RESUBMIT_DAYS);
        String to = pack.string(REFERRAL_TO).trim().toUpperCase(Locale.ROOT);
        try {
            this.referralTo = ReferralTo.valueOf(to);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(REFERRAL_TO.key() + " = '" + to + "' is neither ORGANIZATION nor DISCIPLINE ("
                    + ESCALATED + ")", e);
        }
    }

    public static List<Param> parameters() {
        return List.of(RESUBMIT_DAYS, REFERRAL_TO);
    }

    /** One case: its notices in ladder order (the first notice, then its steps) and the feedback on each. */
    public record Case(String caseId, List<Notice> steps, Map<String, List<NoticeFeedback>> feedback) {

        public Notice latest() {
            return steps.get(steps.size() - 1);
        }

        /** The latest feedback on a notice, as it stood on {@code asOf}; empty when none was submitted by then. */
        public Optional<NoticeFeedback> latestFeedback(String noticeId, LocalDate asOf) {
            return asOf(feedback.getOrDefault(noticeId, List.of()), asOf).stream().max(LATEST);
        }

        /** Open at {@code asOf}: not ended by a REFERRAL, and its latest notice's latest feedback is not ACCEPTED. */
        public boolean open(LocalDate asOf) {
            Notice latest = latest();
            return latest.type() != Type.REFERRAL
                    && latestFeedback(latest.noticeId(), asOf).map(f -> f.status() != Status.ACCEPTED).orElse(true);
        }

        /** Open at {@code asOf} and its latest notice's due date has passed. */
        public boolean overdue(LocalDate asOf) {
            LocalDate due = latest().dueDate();
            return open(asOf) && due != null && asOf.isAfter(due);
        }

        /** One of its notices is an INTERVIEW (工作约谈) or a REFERRAL (移交/报送). */
        public boolean reachedInterview() {
            return steps.stream().anyMatch(n -> n.type() == Type.INTERVIEW || n.type() == Type.REFERRAL);
        }
    }

    /** The latest {@code submittedOn} counts; a same-day tie goes to the later decision (host order never matters). */
    static final Comparator<NoticeFeedback> LATEST = Comparator.comparing(NoticeFeedback::submittedOn)
            .thenComparing(NoticeFeedback::decidedOn, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(NoticeFeedback::status);

    /**
     * The year's cases, by case id: every notice is grouped under {@link Notice#caseOrSelf()}; feedback on notices
     * PerfLink did not write is left out.
     *
     * @throws IllegalArgumentException naming the field when a feedback has no noticeId, submittedOn or status
     */
    public static SortedMap<String, Case> cases(Collection<Notice> notices, Collection<NoticeFeedback> feedback) {
        Map<String, List<NoticeFeedback>> byNotice = new HashMap<>();
        for (NoticeFeedback f : feedback) {
            check(f);
            byNotice.computeIfAbsent(f.noticeId(), k -> new ArrayList<>()).add(f);
        }
        Map<String, Notice> byId = new HashMap<>();
        notices.forEach(n -> byId.put(n.noticeId(), n));
        Map<String, List<Notice>> grouped = notices.stream().collect(Collectors.groupingBy(n -> caseOf(n, byId)));
        SortedMap<String, Case> cases = new TreeMap<>();
        grouped.forEach((caseId, steps) -> {
            List<Notice> ordered = steps.stream().sorted(Comparator.comparing(Notice::type)).toList();
            Map<String, List<NoticeFeedback>> own = new HashMap<>();
            ordered.forEach(n -> own.put(n.noticeId(), List.copyOf(byNotice.getOrDefault(n.noticeId(), List.of()))));
            cases.put(caseId, new Case(caseId, ordered, Map.copyOf(own)));
        });
        return cases;
    }

    /**
     * The notice's case: its {@code caseId}, else the notice its id {@code {caseId}.{TYPE}} names when that one is
     * among the notices (a step recorded without its v1.1 fields), else its own id.
     */
    private static String caseOf(Notice n, Map<String, Notice> byId) {
        if (n.caseId() != null) {
            return n.caseId();
        }
        String suffix = "." + n.type();
        String id = n.noticeId();
        if (id.endsWith(suffix)) {
            String first = id.substring(0, id.length() - suffix.length());
            Notice earlier = byId.get(first);
            if (earlier != null) {
                return caseOf(earlier, byId);
            }
        }
        return id;
    }

    /** A feedback the rules cannot read is bad input: say which field and which rule. */
    static void check(NoticeFeedback f) {
        String missing = f.noticeId() == null || f.noticeId().isBlank() ? "noticeId"
                : f.submittedOn() == null ? "submittedOn" : f.status() == null ? "status" : null;
        if (missing != null) {
            throw new IllegalArgumentException("notice-feedback " + (f.noticeId() == null ? "?" : f.noticeId()) + ": "
                    + missing + " is missing (" + FEEDBACK_OVERDUE + ", " + FEEDBACK_REJECTED + ")");
        }
    }

    /**
     * The steps a FOLLOW_UP at {@code asOf} issues, in case id order: at most one per open case, none that was
     * issued before (same id).
     */
    public List<Notice> escalate(Collection<Notice> yearNotices, Collection<NoticeFeedback> feedback, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        if (!escalationOn) {
            return List.of();
        }
        Set<String> issued = yearNotices.stream().map(Notice::noticeId).collect(Collectors.toSet());
        List<Notice> steps = new ArrayList<>();
        for (Case c : cases(yearNotices, feedback).values()) {
            step(c, asOf).filter(n -> !issued.contains(n.noticeId())).ifPresent(steps::add);
        }
        return steps;
    }

    /** The next step of a case at {@code asOf}, if one of the two triggers fires on its latest notice. */
    Optional<Notice> step(Case c, LocalDate asOf) {
        Notice latest = c.latest();
        if (!c.open(asOf) || latest.dueDate() == null) {
            return Optional.empty(); // closed by an ACCEPTED feedback, or the host acts on a referral
        }
        List<NoticeFeedback> given = asOf(c.feedback().getOrDefault(latest.noticeId(), List.of()), asOf);
        Optional<NoticeFeedback> last = given.stream().max(LATEST);
        LocalDate due = latest.dueDate();
        List<Trigger> triggers = new ArrayList<>(2);
        List<String> reasons = new ArrayList<>(2);
        boolean onTime = given.stream().anyMatch(f -> !f.submittedOn().isAfter(due));
        if (overdueOn && asOf.isAfter(due) && !onTime) {
            triggers.add(new Trigger(FEEDBACK_OVERDUE, latest.noticeId(), due, null, asOf));
            reasons.add(reason("followUp.reason.overdue", latest, due, asOf));
        }
        boolean clue = false;
        if (rejectedOn && last.isPresent() && last.get().status() == Status.REJECTED) {
            LocalDate decided = decidedOn(last.get());
            LocalDate wait = decided.plusDays(resubmitDays);
            if (asOf.isAfter(due.isAfter(wait) ? due : wait)) {
                clue = Boolean.TRUE.equals(last.get().violationClue());
                triggers.add(new Trigger(FEEDBACK_REJECTED, latest.noticeId(), due, decided, asOf));
                reasons.add(reason(clue ? "followUp.reason.violationClue" : "followUp.reason.rejected", latest, due, asOf));
            }
        }
        if (triggers.isEmpty()) {
            return Optional.empty();
        }
        Type next = clue ? Type.REFERRAL : next(latest.type());
        ReferralTo to = next != Type.REFERRAL ? null : clue ? ReferralTo.DISCIPLINE : referralTo;
        LocalDate nextDue = switch (next) {
            case RECTIFICATION -> asOf.plusDays(rectificationDays);
            case INTERVIEW -> asOf.plusDays(interviewDays);
            default -> null; // a referral has no due date
        };
        return Optional.of(new Notice(Notice.stepIdOf(c.caseId(), next), latest.regionCode(), latest.year(),
                latest.departmentCode(), next, nextDue, reasons, latest.subjects(), latest.scopeOrDefault(), latest.subject(),
                asOf, c.caseId(), ESCALATED, latest.noticeId(), triggers, to));
    }

    /** The ladder 提醒敦促 → 要求整改 → 工作约谈 → 移交/报送. */
    static Type next(Type type) {
        return switch (type) {
            case REMINDER -> Type.RECTIFICATION;
            case RECTIFICATION -> Type.INTERVIEW;
            case INTERVIEW, REFERRAL -> Type.REFERRAL;
        };
    }

    /**
     * The feedback as it stood on {@code asOf}: what was submitted by then, a decision taken later read as still
     * pending (SUBMITTED).
     */
    static List<NoticeFeedback> asOf(List<NoticeFeedback> feedback, LocalDate asOf) {
        List<NoticeFeedback> then = new ArrayList<>(feedback.size());
        for (NoticeFeedback f : feedback) {
            if (f.submittedOn().isAfter(asOf)) {
                continue;
            }
            boolean decidedLater = f.status() != Status.SUBMITTED && decidedOn(f).isAfter(asOf);
            then.add(decidedLater ? new NoticeFeedback(f.noticeId(), f.submittedOn(), Status.SUBMITTED, null, null, f.comment()) : f);
        }
        return then;
    }

    /** A decision without a date is taken as made on the day of the submission. */
    private static LocalDate decidedOn(NoticeFeedback f) {
        return f.decidedOn() != null ? f.decidedOn() : f.submittedOn();
    }

    /** Reasons are written in zh-CN, the language of the notices themselves. */
    private static String reason(String key, Notice n, LocalDate due, LocalDate asOf) {
        return Texts.text(key, Texts.text("notice.type." + n.type()), n.noticeId(), due.toString(), asOf.toString()).zh();
    }
}
