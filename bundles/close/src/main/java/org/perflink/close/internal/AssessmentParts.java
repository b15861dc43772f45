package org.perflink.close.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.perflink.api.model.Assessment;
import org.perflink.api.model.Grade;
import org.perflink.api.model.Verdict;
import org.perflink.api.rules.Param;
import org.perflink.api.rules.RulePack;

/**
 * The eight parts of the 100-point work assessment (预算绩效管理工作考核, rules.md §6) of one subject: each part earns
 * {@code assess.points.<PART>} × a share of the subject's records; a share whose denominator is 0 earns full points;
 * a part the host cannot feed (RECTIFICATION_ON_TIME needs the v1.1 notice feedback) is left out and the total is
 * rescaled to 100. Unrounded; parts are written with 2 decimals. Immutable; one instance per rule pack.
 */
public final class AssessmentParts {

    public static final String TARGETS_ON_TIME = "ASSESS_TARGETS_ON_TIME";
    public static final String TARGETS_QUALITY = "ASSESS_TARGETS_QUALITY";
    public static final String MONITORING_COVERAGE = "ASSESS_MONITORING_COVERAGE";
    public static final String WARNINGS_HANDLED = "ASSESS_WARNINGS_HANDLED";
    public static final String SELF_EVAL_COVERAGE = "ASSESS_SELF_EVAL_COVERAGE";
    public static final String SELF_EVAL_HONESTY = "ASSESS_SELF_EVAL_HONESTY";
    public static final String RECTIFICATION_ON_TIME = "ASSESS_RECTIFICATION_ON_TIME";
    public static final String RESULTS_APPLIED = "ASSESS_RESULTS_APPLIED";

    /** The parts in the order they are written, with their default points (P). */
    static final Map<String, String> DEFAULT_POINTS = defaults();

    /** At most this many ids of the worst records are named per part. */
    static final int WORST_IDS = 3;

    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final MathContext MC = MathContext.DECIMAL128;

    private final Map<String, BigDecimal> max = new LinkedHashMap<>();
    private final GradeBands grades;

    /** The parts as computed, the total (unrounded, rescaled over the parts present) and its grade. */
    public record Scored(SubjectFacts subject, List<Assessment.Part> parts, BigDecimal total, Grade grade) {
    }

    public AssessmentParts(RulePack pack) {
        parameters().forEach(p -> max.put(p.key().substring("assess.points.".length()), pack.decimal(p)));
        this.grades = new GradeBands(pack);
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(TARGETS_ON_TIME, "15");
        d.put(TARGETS_QUALITY, "10");
        d.put(MONITORING_COVERAGE, "10");
        d.put(WARNINGS_HANDLED, "10");
        d.put(SELF_EVAL_COVERAGE, "15");
        d.put(SELF_EVAL_HONESTY, "10");
        d.put(RECTIFICATION_ON_TIME, "15");
        d.put(RESULTS_APPLIED, "15");
        return Collections.unmodifiableMap(d);
    }

    public static List<Param> parameters() {
        return DEFAULT_POINTS.entrySet().stream()
                .map(e -> Param.of("assess.points." + e.getKey(), e.getValue(),
                        "points of " + e.getKey() + " in the 100-point work assessment (P)"))
                .toList();
    }

    /**
     * @param feedbackAvailable the host sends notice feedback (contract v1.1); without it RECTIFICATION_ON_TIME is
     *        left out and the total rescaled
     */
    public Scored score(SubjectFacts s, boolean feedbackAvailable) {
        Collection<ProjectFacts> projects = s.projects();
        List<Assessment.Part> parts = new ArrayList<>(8);
        parts.add(share(TARGETS_ON_TIME, projects, ProjectFacts::onTime, "onTime", "projects"));
        parts.add(quality(projects));
        parts.add(share(MONITORING_COVERAGE, projects, p -> !p.noData(), "covered", "projects"));
        parts.add(warnings(projects));
        parts.add(share(SELF_EVAL_COVERAGE, projects, ProjectFacts::selfScored, "selfEvaluated", "projects"));
        List<ProjectFacts> selfScored = projects.stream().filter(ProjectFacts::selfScored).toList();
        parts.add(honesty(selfScored));
        if (feedbackAvailable) {
            parts.add(share(RECTIFICATION_ON_TIME, s.notices(), SubjectFacts.NoticeOutcome::onTimeAccepted,
                    SubjectFacts.NoticeOutcome::noticeId, "onTime", "notices"));
        }
        parts.add(share(RESULTS_APPLIED, s.applied(), SubjectFacts.AppliedOutcome::honoured,
                SubjectFacts.AppliedOutcome::adjustmentId, "honoured", "adjustments"));
        BigDecimal earned = BigDecimal.ZERO;
        BigDecimal possible = BigDecimal.ZERO;
        for (Assessment.Part p : parts) {
            earned = earned.add(p.points());
            possible = possible.add(p.max());
        }
        // Parts keep their unrounded points until here: the written 2 decimals are for display only.
        BigDecimal total = possible.signum() == 0 ? HUNDRED : earned.multiply(HUNDRED).divide(possible, MC);
        return new Scored(s, parts.stream().map(AssessmentParts::rounded).toList(), total, grades.of(total));
    }

    private Assessment.Part share(String rule, Collection<ProjectFacts> projects, Predicate<ProjectFacts> good,
            String goodName, String allName) {
        return share(rule, projects, good, ProjectFacts::projectCode, goodName, allName);
    }

    private <T> Assessment.Part share(String rule, Collection<T> items, Predicate<T> good,
            Function<T, String> id, String goodName, String allName) {
        long n = items.stream().filter(good).count();
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put(goodName, Long.toString(n));
        figures.put(allName, Integer.toString(items.size()));
        worst(items.stream().filter(good.negate()).map(id).toList(), figures);
        return part(rule, ratio(n, items.size()), figures);
    }

    /** Mean verdict points of the PUBLISHED verdicts; projects without one are not in it. */
    private Assessment.Part quality(Collection<ProjectFacts> projects) {
        List<ProjectFacts> published = projects.stream().filter(ProjectFacts::published).toList();
        BigDecimal sum = published.stream().map(ProjectFacts::verdictPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, String> figures = new LinkedHashMap<>();
        for (Verdict.Outcome o : Verdict.Outcome.values()) {
            figures.put(o.name(), Long.toString(published.stream().filter(p -> p.verdict() == o).count()));
        }
        // BLOCK first, then WARN: the worst verdicts
        List<String> worst = new ArrayList<>();
        published.stream().filter(p -> p.verdict() == Verdict.Outcome.BLOCK).forEach(p -> worst.add(p.projectCode()));
        published.stream().filter(p -> p.verdict() == Verdict.Outcome.WARN).forEach(p -> worst.add(p.projectCode()));
        worst(worst, figures);
        BigDecimal share = published.isEmpty() ? BigDecimal.ONE
                : sum.divide(BigDecimal.valueOf(published.size()), MC);
        return part(TARGETS_QUALITY, share, figures);
    }

    private Assessment.Part warnings(Collection<ProjectFacts> projects) {
        int raised = projects.stream().mapToInt(ProjectFacts::warnings).sum();
        int cleared = projects.stream().mapToInt(ProjectFacts::cleared).sum();
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("cleared", Integer.toString(cleared));
        figures.put("warnings", Integer.toString(raised));
        // the projects with the most uncleared warnings first
        worst(projects.stream().filter(p -> p.warnings() > p.cleared())
                .sorted((a, b) -> Integer.compare(b.warnings() - b.cleared(), a.warnings() - a.cleared()))
                .map(ProjectFacts::projectCode).toList(), figures);
        return part(WARNINGS_HANDLED, ratio(cleared, raised), figures);
    }

    private Assessment.Part honesty(List<ProjectFacts> selfScored) {
        long inflated = selfScored.stream().filter(ProjectFacts::inflated).count();
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("inflated", Long.toString(inflated));
        figures.put("evaluated", Integer.toString(selfScored.size()));
        worst(selfScored.stream().filter(ProjectFacts::inflated).map(ProjectFacts::projectCode).toList(), figures);
        // nothing self-evaluated: nothing found inflated, full points (the share's denominator is 0)
        BigDecimal share = selfScored.isEmpty() ? BigDecimal.ONE
                : BigDecimal.ONE.subtract(ratio(inflated, selfScored.size()));
        return part(SELF_EVAL_HONESTY, share, figures);
    }

    private Assessment.Part part(String rule, BigDecimal share, Map<String, String> figures) {
        BigDecimal of = max.get(rule);
        return new Assessment.Part(rule, of.multiply(share, MC), of, figures);
    }

    /** {@code n / of}; 1 (full points) when there is nothing to count. */
    private static BigDecimal ratio(long n, long of) {
        return of == 0 ? BigDecimal.ONE : BigDecimal.valueOf(n).divide(BigDecimal.valueOf(of), MC);
    }

    private static void worst(List<String> ids, Map<String, String> figures) {
        if (!ids.isEmpty()) {
            figures.put("worst", ids.stream().limit(WORST_IDS).collect(Collectors.joining(",")));
        }
    }

    private static Assessment.Part rounded(Assessment.Part p) {
        return new Assessment.Part(p.ruleId(), p.points().setScale(2, RoundingMode.HALF_UP), p.max(), p.figures());
    }
}
