package org.perflink.close.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.perflink.api.model.ExAnte;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.Verdict;
import org.perflink.api.model.Warning;
import org.perflink.api.rules.Param;
import org.perflink.api.rules.RulePack;


/**
 * Points of PerfLink's own records (rules.md §4): verdict points, monitoring points m and ex-ante points of one
 * project, from the verdicts and warnings the store holds (never from what the host acknowledged). Immutable;
 * one instance per rule pack.
 */
public final class RecordPoints {

    public static final Param WARN_POINTS = Param.of("composite.verdict.warnPoints", "0.8",
            "verdict points of a WARN verdict (PASS 1, BLOCK or none 0) (P)");
    public static final Param RED_COST = Param.of("composite.monitoring.redCost", "10",
            "monitoring points lost per uncleared RED warning: m = max(0, 100 − red × this − yellow × yellowCost) (P)");
    public static final Param YELLOW_COST = Param.of("composite.monitoring.yellowCost", "5",
            "monitoring points lost per uncleared YELLOW warning (P)");
    public static final Param WITH_CHANGES_POINTS = Param.of("composite.exAnte.withChangesPoints", "80",
            "ex-ante points of a DONE SUPPORT_WITH_CHANGES assessment without a score (SUPPORT 100, NOT_SUPPORT or not DONE 0) (P)");

    /** The other stages' parameters that say which projects are key (§1, §2); read, not reported, here. */
    static final Param KEY_THRESHOLD = Param.of("review.finance.keyThreshold", "5000000", "key project budget (P)");
    static final Param KEY_MONITORING_BUDGET = Param.of("monitor.key.minBudget", "2000000", "key monitoring budget");
    static final Param EX_ANTE_THRESHOLD = Param.of("exAnte.threshold", "5000000", "ex-ante threshold");

    static final BigDecimal HUNDRED = new BigDecimal("100");

    private final BigDecimal warnPoints;
    private final BigDecimal redCost;
    private final BigDecimal yellowCost;
    private final BigDecimal withChangesPoints;
    private final BigDecimal keyThreshold;
    private final BigDecimal keyMonitoringBudget;
    private final BigDecimal exAnteThreshold;

    public RecordPoints(RulePack pack) {
        Objects.requireNonNull(pack, "pack");
        this.warnPoints = pack.decimal(WARN_POINTS);
        this.redCost = pack.decimal(RED_COST);
        this.yellowCost = pack.decimal(YELLOW_COST);
        this.withChangesPoints = pack.decimal(WITH_CHANGES_POINTS);
        this.keyThreshold = pack.decimal(KEY_THRESHOLD);
        this.keyMonitoringBudget = pack.decimal(KEY_MONITORING_BUDGET);
        this.exAnteThreshold = pack.decimal(EX_ANTE_THRESHOLD);
    }

    public static List<Param> parameters() {
        return List.of(WARN_POINTS, RED_COST, YELLOW_COST, WITH_CHANGES_POINTS);
    }

    /** The record of one evaluated project, from its verdicts and warnings as PerfLink wrote them. */
    public ProjectRecord record(Project project, ProjectEvaluation e, List<Verdict> verdicts, List<Warning> warnings) {
        int year = e.year();
        BigDecimal budget = project.budgetAmount() == null ? BigDecimal.ZERO : project.budgetAmount();
        Optional<Verdict> published = latestPublished(verdicts, year);
        Verdict.Outcome outcome = published.map(Verdict::outcome).orElse(null);
        List<Warning> ofYear = warnings.stream().filter(w -> w.year() == year).toList();
        int[] uncleared = uncleared(ofYear);
        BigDecimal finalBudget = e.input().budgetAmount() != null ? e.input().budgetAmount() : budget;
        return new ProjectRecord(e.projectCode(), e.departmentCode(),
                project.isMajor() || budget.compareTo(keyThreshold) >= 0, outcome, verdictPoints(outcome),
                project.isMajor() || budget.compareTo(keyMonitoringBudget) >= 0, !ofYear.isEmpty(),
                uncleared[0], uncleared[1], exAnteRequired(project, budget), exAntePoints(project, budget),
                e.exactScore(), finalBudget);
    }

    /** The PUBLISHED verdict of the year with the highest revision (the latest written among equals). */
    static Optional<Verdict> latestPublished(List<Verdict> verdicts, int year) {
        Verdict latest = null;
        for (Verdict v : verdicts) {
            if (v.phase() == Phase.PUBLISHED && v.year() == year && (latest == null || v.revision() >= latest.revision())) {
                latest = v;
            }
        }
        return Optional.ofNullable(latest);
    }

    BigDecimal verdictPoints(Verdict.Outcome outcome) {
        if (outcome == null) {
            return BigDecimal.ZERO;
        }
        return switch (outcome) {
            case PASS -> BigDecimal.ONE;
            case WARN -> warnPoints;
            case BLOCK -> BigDecimal.ZERO;
        };
    }

    /** {@code m = max(0, 100 − redCost × uncleared RED − yellowCost × uncleared YELLOW)}. */
    public BigDecimal monitoringPoints(int unclearedRed, int unclearedYellow) {
        BigDecimal m = HUNDRED.subtract(redCost.multiply(BigDecimal.valueOf(unclearedRed)))
                .subtract(yellowCost.multiply(BigDecimal.valueOf(unclearedYellow)));
        return m.max(BigDecimal.ZERO);
    }

    /**
     * Uncleared {RED, YELLOW} warnings: a YELLOW/RED warning is cleared when the project's next record of that
     * type (the next round: the execute stage records a clearance as a NONE warning of the round that cleared
     * it) has a lower level; the last round clears nothing.
     */
    static int[] uncleared(List<Warning> ofYear) {
        List<Warning> sorted = new ArrayList<>(ofYear);
        sorted.sort(Comparator.comparing(Warning::asOf, Comparator.nullsFirst(Comparator.naturalOrder())));
        int red = 0;
        int yellow = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Warning w = sorted.get(i);
            if (w.level() != Warning.Level.RED && w.level() != Warning.Level.YELLOW) {
                continue;
            }
            Warning next = null;
            for (int j = i + 1; j < sorted.size() && next == null; j++) {
                Warning later = sorted.get(j);
                if (later.type() == w.type() && later.asOf() != null && !later.asOf().equals(w.asOf())) {
                    next = later;
                }
            }
            boolean cleared = next != null && next.level().compareTo(w.level()) < 0;
            if (!cleared) {
                red += w.level() == Warning.Level.RED ? 1 : 0;
                yellow += w.level() == Warning.Level.YELLOW ? 1 : 0;
            }
        }
        return new int[] {red, yellow};
    }

    /** {@code EX_ANTE_REQUIRED}'s scope: (new or major) and budget ≥ {@code exAnte.threshold}. */
    boolean exAnteRequired(Project project, BigDecimal budget) {
        return (project.isNew() || project.isMajor()) && budget.compareTo(exAnteThreshold) >= 0;
    }

    /**
     * Ex-ante points: {@code exAnte.score} when sent, else DONE SUPPORT 100, SUPPORT_WITH_CHANGES 80, NOT_SUPPORT or
     * not DONE 0; null for a project neither in {@code EX_ANTE_REQUIRED}'s scope nor assessed.
     */
    BigDecimal exAntePoints(Project project, BigDecimal budget) {
        ExAnte exAnte = project.exAnte();
        boolean done = exAnte != null && exAnte.done();
        if (!done) {
            return exAnteRequired(project, budget) ? BigDecimal.ZERO : null;
        }
        if (exAnte.score() != null) {
            return exAnte.score();
        }
        if (exAnte.conclusion() == null) {
            return BigDecimal.ZERO;
        }
        return switch (exAnte.conclusion()) {
            case SUPPORT -> HUNDRED;
            case SUPPORT_WITH_CHANGES -> withChangesPoints;
            case NOT_SUPPORT -> BigDecimal.ZERO;
        };
    }
}
