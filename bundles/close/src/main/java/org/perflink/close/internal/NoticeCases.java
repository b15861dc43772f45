package org.perflink.close.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

import org.perflink.api.model.Assessment;
import org.perflink.api.model.Notice;
import org.perflink.api.model.NoticeFeedback;

/**
 * The notices of a region's assessed year Y and the year before, with the host's feedback on them, as the work
 * assessment reads them (rules.md §5, §6): whether a notice of Y − 1 was answered on time and ACCEPTED
 * (ASSESS_RECTIFICATION_ON_TIME), whether a case of Y reached INTERVIEW or REFERRAL, and whether a case is open and
 * overdue. The cases, their latest steps and the feedback as it stood on the assessment's date are the §5 follow-up's
 * ({@link NoticeFollowUp#cases}), so the assessment and the escalation ladder never read a case differently.
 * Not thread-safe.
 */
public final class NoticeCases implements CaseStates {

    private final String regionCode;
    private final int year;
    private final LocalDate asOf;
    private final List<NoticeFeedback> feedback = new ArrayList<>();
    private final Map<String, Map<String, Notice>> bySubject = new HashMap<>();

    /**
     * @param asOf the assessment's date (the LINK event's): feedback is read as it stood then, and a case whose latest
     *        step was due before it is overdue; null: no case is overdue and all feedback counts
     */
    public NoticeCases(String regionCode, int year, LocalDate asOf) {
        this.regionCode = Objects.requireNonNull(regionCode, "regionCode");
        this.year = year;
        this.asOf = asOf;
    }

    /**
     * One submission; the latest {@code submittedOn} of a notice counts (equal dates: the latest decided).
     *
     * @throws IllegalArgumentException naming the field when it has no noticeId, submittedOn or status
     */
    public NoticeCases feedback(NoticeFeedback f) {
        NoticeFollowUp.check(f);
        feedback.add(f);
        return this;
    }

    /** A notice PerfLink wrote to the region (any subject, year Y or Y − 1); others are ignored. */
    public NoticeCases notice(Notice n) {
        if (regionCode.equals(n.regionCode()) && (n.year() == year || n.year() == year - 1)) {
            String[] subject = subjectOf(n);
            if (subject != null) {
                bySubject.computeIfAbsent(subject[0] + ":" + subject[1], k -> new HashMap<>()).put(n.noticeId(), n);
            }
        }
        return this;
    }

    /** {scope, code}: scope REGION, or an id {@code {R}-{Y}.REGION.{L}.…}, is a lower region's notice, else the department's. */
    static String[] subjectOf(Notice n) {
        if (n.scope() == Notice.Scope.REGION && n.subject() != null) {
            return new String[] {Assessment.Scope.REGION.name(), n.subject()};
        }
        String regionPrefix = n.regionCode() + "-" + n.year() + ".REGION.";
        if (n.noticeId() != null && n.noticeId().startsWith(regionPrefix)) {
            String rest = n.noticeId().substring(regionPrefix.length());
            int dot = rest.indexOf('.');
            return new String[] {Assessment.Scope.REGION.name(), dot < 0 ? rest : rest.substring(0, dot)};
        }
        return n.departmentCode() == null ? null : new String[] {Assessment.Scope.DEPARTMENT.name(), n.departmentCode()};
    }

    /** The outcome of each notice of Y − 1 addressed to the subject that has a due date (a REFERRAL has none). */
    public List<SubjectFacts.NoticeOutcome> previousYear(Assessment.Scope scope, String code) {
        List<SubjectFacts.NoticeOutcome> out = new ArrayList<>();
        for (NoticeFollowUp.Case c : cases(scope, code).values()) {
            for (Notice n : c.steps()) {
                if (n.year() == year - 1 && n.dueDate() != null) {
                    boolean ok = c.latestFeedback(n.noticeId(), readOn())
                            .filter(f -> f.status() == NoticeFeedback.Status.ACCEPTED && !f.submittedOn().isAfter(n.dueDate()))
                            .isPresent();
                    out.add(new SubjectFacts.NoticeOutcome(n.noticeId(), ok));
                }
            }
        }
        out.sort((a, b) -> a.noticeId().compareTo(b.noticeId()));
        return out;
    }

    @Override
    public boolean reachedInterview(Assessment.Scope scope, String code) {
        return cases(scope, code).values().stream()
                .anyMatch(c -> c.latest().year() == year && c.reachedInterview());
    }

    @Override
    public boolean overdueOpen(Assessment.Scope scope, String code) {
        return asOf != null && cases(scope, code).values().stream().anyMatch(c -> c.overdue(asOf));
    }

    /** The feedback counts as it stood on the assessment's date (all of it without one). */
    private LocalDate readOn() {
        return asOf != null ? asOf : LocalDate.MAX;
    }

    private SortedMap<String, NoticeFollowUp.Case> cases(Assessment.Scope scope, String code) {
        Collection<Notice> notices = bySubject.getOrDefault(scope.name() + ":" + code, Map.of()).values();
        return NoticeFollowUp.cases(notices, feedback);
    }
}
