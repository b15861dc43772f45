package org.perflink.close.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.perflink.api.model.Adjustment;
import org.perflink.api.model.Assessment;
import org.perflink.api.model.Grade;
import org.perflink.api.model.Notice;
import org.perflink.api.model.Project;
import org.perflink.api.model.Verdict;
import org.perflink.api.model.Warning;
import org.perflink.api.rules.RulePack;

/**
 * The work assessment (预算绩效管理工作考核, rules.md §6) of one region's year, in the order R's whole-year LINK streams
 * the data: each evaluated project adds its facts to its department, each department its composite; then every
 * department, and every lower region given, is scored, ranked among its peers and put on the
 * praise or criticism list. Only small per-project facts are kept. Not thread-safe; one instance per run.
 */
public final class YearAssessment {

    private final String regionCode;
    private final int year;
    private final RulePack pack;
    private final RecordPoints points;
    private final AssessmentParts parts;
    private final AssessmentRanking ranking;
    private final SortedMap<String, SubjectFacts> departments = new TreeMap<>();

    public YearAssessment(String regionCode, int year, RulePack pack) {
        this.regionCode = Objects.requireNonNull(regionCode, "regionCode");
        this.year = year;
        this.pack = pack;
        this.points = new RecordPoints(pack);
        this.parts = new AssessmentParts(pack);
        this.ranking = new AssessmentRanking(pack);
    }

    /**
     * One evaluated project of the year, with the verdicts and warnings PerfLink wrote for it and the adjustments it
     * wrote for its predecessor (empty without one). A project without a department counts for nobody.
     */
    public void project(Project project, ProjectEvaluation e, List<Verdict> verdicts, List<Warning> warnings,
            List<Adjustment> predecessorAdjustments) {
        if (e.departmentCode() == null) {
            return;
        }
        SubjectFacts s = departments.computeIfAbsent(e.departmentCode(),
                code -> new SubjectFacts(Assessment.Scope.DEPARTMENT, code));
        s.project(ProjectFacts.of(project, e, verdicts, warnings, points));
        if (project != null) {
            ResultsApplied.of(project, regionCode, predecessorAdjustments).forEach(s::applied);
        }
    }

    /** A department's §4.1 composite; a department without projects in the year is not assessed. */
    public void composite(String departmentCode, BigDecimal score, Grade grade) {
        SubjectFacts s = departments.get(departmentCode);
        if (s != null && score != null) {
            s.composite(score, grade);
        }
    }

    /** The departments assessed so far (those with projects in the year), by code. */
    public Set<String> departmentCodes() {
        return Collections.unmodifiableSet(departments.keySet());
    }

    /**
     * The Assessments: departments ranked among departments, then lower regions among lower regions.
     *
     * @param cases the notices of Y and Y − 1 with the host's feedback (and the subjects' case states)
     * @param lowerRegions R's lower regions with a §4.3 composite ({@link LowerRegionLinkage.Outcome#assessed()}), scope REGION
     * @param feedbackAvailable the host sends notice feedback (v1.1); else RECTIFICATION_ON_TIME is left out
     */
    public List<Assessment> assess(NoticeCases cases, CaseStates caseStates, boolean feedbackAvailable,
            List<SubjectFacts> lowerRegions, OffsetDateTime assessedAt) {
        List<Assessment> out = new ArrayList<>(ranked(new ArrayList<>(departments.values()), cases, caseStates,
                feedbackAvailable, assessedAt));
        out.addAll(ranked(lowerRegions, cases, caseStates, feedbackAvailable, assessedAt));
        return out;
    }

    private List<Assessment> ranked(List<SubjectFacts> peers, NoticeCases cases, CaseStates caseStates,
            boolean feedbackAvailable, OffsetDateTime assessedAt) {
        List<AssessmentParts.Scored> scored = new ArrayList<>(peers.size());
        for (SubjectFacts s : peers) {
            if (feedbackAvailable) {
                cases.previousYear(s.scope(), s.code()).forEach(s::notice);
            }
            scored.add(parts.score(s, feedbackAvailable));
        }
        return ranking.rank(regionCode, year, scored, caseStates, assessedAt);
    }

    /**
     * §5 last bullet: an INTERVIEW (工作约谈) to each lower region on the criticism list,
     * {@code {R}-{Y}.REGION.{L}.INTERVIEW}, due {@code notice.interview.dueDays} after the notice date.
     */
    public List<Notice> regionInterviews(List<Assessment> assessments, LocalDate noticeDate) {
        RegionNotices notices = new RegionNotices(pack);
        List<Notice> out = new ArrayList<>();
        for (Assessment a : assessments) {
            if (a.scope() == Assessment.Scope.REGION && AssessmentRanking.LIST_CRITICISM.equals(a.list())) {
                String reason = Texts.text("notice.reason.assessmentCriticised", Figures.score(a.total()),
                        GradeBands.word(a.grade()), a.rank(), a.rankOf()).zh();
                out.add(notices.interview(regionCode, year, a.subjectCode(), noticeDate, List.of(reason), List.of()));
            }
        }
        return out;
    }
}
