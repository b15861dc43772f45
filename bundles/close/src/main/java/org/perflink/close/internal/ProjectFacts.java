package org.perflink.close.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.perflink.api.model.Project;
import org.perflink.api.model.Score;
import org.perflink.api.model.Severity;
import org.perflink.api.model.Verdict;
import org.perflink.api.model.Warning;

/**
 * What the work assessment (rules.md §6) reads of one project of the year, from PerfLink's own records (the
 * verdicts and warnings it wrote, never what the host acknowledged) and the evaluation input. Small by design:
 * a subject keeps these figures, never the project.
 *
 * @param projectCode the project
 * @param published it has a PUBLISHED verdict of the year (latest revision)
 * @param onTime that verdict has no BLOCK {@code SYNC_*} finding (四同步); false without one
 * @param verdict that verdict's outcome, null without one
 * @param verdictPoints §4 verdict points of that verdict (0 without one)
 * @param noData it had a NO_DATA warning in the year
 * @param warnings its YELLOW/RED warnings of the year
 * @param cleared how many of them the next round cleared (§4)
 * @param selfScored its evaluation input has a {@code selfScore}
 * @param inflated its score has {@code SELF_SCORE_INFLATED}
 */
public record ProjectFacts(String projectCode, boolean published, boolean onTime, Verdict.Outcome verdict,
        BigDecimal verdictPoints, boolean noData, int warnings, int cleared, boolean selfScored, boolean inflated) {

    /** The facts of one evaluated project of the year. */
    public static ProjectFacts of(Project project, ProjectEvaluation e, List<Verdict> verdicts, List<Warning> warnings,
            RecordPoints points) {
        return of(project == null ? e.projectCode() : project.projectCode(), e.year(), verdicts, warnings,
                e.input().selfScore() != null, e.selfScoreInflated(), points);
    }

    /**
     * The facts of a project of year Y from what PerfLink wrote for it (a lower region's project: its Score of Y says
     * whether SELF_SCORE_INFLATED fired, null when it has none yet).
     */
    public static ProjectFacts ofRecords(String projectCode, int year, boolean selfScored, Score score,
            List<Verdict> verdicts, List<Warning> warnings, RecordPoints points) {
        boolean inflated = score != null && score.findings().stream()
                .anyMatch(f -> ProjectScorer.SELF_SCORE_INFLATED.equals(f.ruleId()));
        return of(projectCode, year, verdicts, warnings, selfScored, inflated, points);
    }

    private static ProjectFacts of(String projectCode, int year, List<Verdict> verdicts, List<Warning> warnings,
            boolean selfScored, boolean inflated, RecordPoints points) {
        Optional<Verdict> latest = RecordPoints.latestPublished(verdicts, year);
        boolean onTime = latest.map(v -> v.findings().stream()
                .noneMatch(f -> f.severity() == Severity.BLOCK && f.ruleId() != null && f.ruleId().startsWith("SYNC_")))
                .orElse(false);
        Verdict.Outcome outcome = latest.map(Verdict::outcome).orElse(null);
        List<Warning> ofYear = warnings.stream().filter(w -> w.year() == year).toList();
        boolean noData = ofYear.stream().anyMatch(w -> w.type() == Warning.Type.NO_DATA && w.level() != Warning.Level.NONE);
        int raised = (int) ofYear.stream()
                .filter(w -> w.level() == Warning.Level.RED || w.level() == Warning.Level.YELLOW).count();
        int[] uncleared = RecordPoints.uncleared(ofYear);
        return new ProjectFacts(projectCode, latest.isPresent(), onTime, outcome, points.verdictPoints(outcome), noData,
                raised, raised - uncleared[0] - uncleared[1], selfScored, inflated);
    }
}
