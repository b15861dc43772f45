package org.perflink.close.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.perflink.api.model.Assessment;
import org.perflink.api.model.Notice;
import org.perflink.api.model.NoticeFeedback;

/**
 * The notices of a region's assessed year Y and the year before, with the host's feedback on them, as the work
 * assessment reads them (rules.md §5, §6): whether a notice of Y − 1 was answered on time and ACCEPTED
 * (ASSESS_RECTIFICATION_ON_TIME), whether a case of Y reached INTERVIEW or REFERRAL, and whether a case is open and
 * overdue. A case is a first notice and the steps escalated from it ({@code {caseId}.{TYPE}}); its latest step is the
 * one followed. Stand-in {@link CaseStates} until the §5 follow-up's own cases are connected. Not thread-safe.
 */
public final class NoticeCases implements CaseStates {

    private static final String REFERRAL = "REFERRAL";

    private final String regionCode;
    private final int year;
    private final LocalDate asOf;
    private final Map<String, NoticeFeedback> latestFeedback = new HashMap<>();
    private final Map<String, Map<String, Notice>> bySubject = new HashMap<>();

    /**
     * @param asOf the assessment's date (the LINK event's): a case whose latest step was due before it is overdue
     */
    public NoticeCases(String regionCode, int year, LocalDate asOf) {
        this.regionCode = Objects.requireNonNull(regionCode, "regionCode");
        this.year = year;
        this.asOf = asOf;
    }

    /** One submission; the latest {@code submittedOn} of a notice counts (equal dates: the latest decided). */
    public NoticeCases feedback(NoticeFeedback f) {
        latestFeedback.merge(f.noticeId(), f, (a, b) -> LATEST.compare(a, b) >= 0 ? a : b);
        return this;
    }

    private static final Comparator<NoticeFeedback> LATEST = Comparator
            .comparing(NoticeFeedback::submittedOn, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(NoticeFeedback::decidedOn, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(NoticeFeedback::status);

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

    /** {scope, code}: {@code {R}-{Y}.REGION.{L}.…} is a lower region's notice, else the department's. */
    static String[] subjectOf(Notice n) {
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
        for (Notice n : notices(scope, code)) {
            if (n.year() == year - 1 && n.dueDate() != null) {
                NoticeFeedback f = latestFeedback.get(n.noticeId());
                boolean ok = f != null && f.status() == NoticeFeedback.Status.ACCEPTED && f.submittedOn() != null
                        && !f.submittedOn().isAfter(n.dueDate());
                out.add(new SubjectFacts.NoticeOutcome(n.noticeId(), ok));
            }
        }
        return out;
    }

    @Override
    public boolean reachedInterview(Assessment.Scope scope, String code) {
        return notices(scope, code).stream().anyMatch(n -> n.year() == year
                && (n.type() == Notice.Type.INTERVIEW || REFERRAL.equals(n.type().name())));
    }

    @Override
    public boolean overdueOpen(Assessment.Scope scope, String code) {
        if (asOf == null) {
            return false;
        }
        Collection<Notice> all = notices(scope, code);
        for (Notice n : all) {
            if (isLatestStep(n, all) && !REFERRAL.equals(n.type().name()) && n.dueDate() != null
                    && n.dueDate().isBefore(asOf)) {
                NoticeFeedback f = latestFeedback.get(n.noticeId());
                if (f == null || f.status() != NoticeFeedback.Status.ACCEPTED) {
                    return true;
                }
            }
        }
        return false;
    }

    /** No other notice of the subject was escalated from this one. */
    private static boolean isLatestStep(Notice n, Collection<Notice> all) {
        String prefix = n.noticeId() + ".";
        return all.stream().noneMatch(o -> o.noticeId().startsWith(prefix));
    }

    private Collection<Notice> notices(Assessment.Scope scope, String code) {
        return bySubject.getOrDefault(scope.name() + ":" + code, Map.of()).values().stream()
                .sorted(Comparator.comparing(Notice::noticeId)).toList();
    }
}
