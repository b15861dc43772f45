package org.perflink.close.internal;

import static org.perflink.close.internal.Figures.PRECISION;
import static org.perflink.close.internal.RecordPoints.HUNDRED;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import org.perflink.api.model.Verdict;

/**
 * PerfLink's values of a department's four components (rules.md §4.1) from the records of its evaluated projects:
 * KEY_TARGETS, KEY_MONITORING, KEY_ASSESSMENT and OVERALL_EVALUATION, each with its n and the records behind it
 * (counts and the ids of the worst projects). A component with n = 0 is left out. Pure.
 */
public final class DepartmentComponents {

    /** How many of the worst projects a component names. */
    static final int WORST = 3;


    private DepartmentComponents() {
    }

    /** A component as PerfLink computed it: unrounded value, n, records. */
    public record Computed(BigDecimal value, int n, Map<String, String> records) {
    }

    /**
     * @param regionMonitored the region had monitoring rounds in the year: a key-monitored project without any
     *        warning record was in them and earns m = 100; without rounds no project has an m
     */
    public static Map<String, Computed> of(List<ProjectRecord> projects, RecordPoints points, boolean regionMonitored) {
        Map<String, Computed> out = new LinkedHashMap<>();
        keyTargets(projects).ifPresent(c -> out.put("KEY_TARGETS", c));
        Computed monitoring = keyMonitoring(projects, points, regionMonitored);
        if (monitoring != null) {
            out.put("KEY_MONITORING", monitoring);
        }
        Computed assessment = mean(projects, ProjectRecord::exAnteRequired, ProjectRecord::exAntePoints, Map.of());
        if (assessment != null) {
            long done = projects.stream().filter(ProjectRecord::exAnteRequired)
                    .filter(p -> p.exAntePoints().signum() > 0).count();
            out.put("KEY_ASSESSMENT", withRecords(assessment, Map.of("required", String.valueOf(assessment.n()),
                    "withPoints", String.valueOf(done))));
        }
        Computed evaluation = overallEvaluation(projects);
        if (evaluation != null) {
            out.put("OVERALL_EVALUATION", evaluation);
        }
        return out;
    }

    private static Optional<Computed> keyTargets(List<ProjectRecord> projects) {
        Map<Verdict.Outcome, Integer> counts = new EnumMap<>(Verdict.Outcome.class);
        int none = 0;
        for (ProjectRecord p : projects) {
            if (p.key()) {
                if (p.verdict() == null) {
                    none++;
                } else {
                    counts.merge(p.verdict(), 1, Integer::sum);
                }
            }
        }
        Map<String, String> records = new LinkedHashMap<>();
        counts.forEach((o, n) -> records.put(o.name(), String.valueOf(n)));
        if (none > 0) {
            records.put("NONE", String.valueOf(none));
        }
        Computed c = mean(projects, ProjectRecord::key, p -> p.verdictPoints().multiply(HUNDRED), records);
        return Optional.ofNullable(c);
    }

    private static Computed keyMonitoring(List<ProjectRecord> projects, RecordPoints points, boolean regionMonitored) {
        if (!regionMonitored) {
            return null;
        }
        int red = 0;
        int yellow = 0;
        for (ProjectRecord p : projects) {
            if (p.keyMonitored()) {
                red += p.unclearedRed();
                yellow += p.unclearedYellow();
            }
        }
        return mean(projects, ProjectRecord::keyMonitored, p -> points.monitoringPoints(p.unclearedRed(), p.unclearedYellow()),
                Map.of("unclearedRed", String.valueOf(red), "unclearedYellow", String.valueOf(yellow)));
    }

    /** Σ score·budget / Σ budget over the scored projects; Σ budget = 0: the plain mean. */
    private static Computed overallEvaluation(List<ProjectRecord> projects) {
        if (projects.isEmpty()) {
            return null;
        }
        BigDecimal value = Figures.budgetWeightedMean(projects, ProjectRecord::score, ProjectRecord::budget);
        return new Computed(value, projects.size(), withWorst(Map.of(), projects, ProjectRecord::score));
    }

    /** The mean of {@code points} over the projects {@code in} selects; null when none is selected. */
    private static Computed mean(List<ProjectRecord> projects, Predicate<ProjectRecord> in,
            Function<ProjectRecord, BigDecimal> points, Map<String, String> records) {
        List<ProjectRecord> selected = projects.stream().filter(in).toList();
        if (selected.isEmpty()) {
            return null;
        }
        BigDecimal sum = selected.stream().map(points).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Computed(sum.divide(BigDecimal.valueOf(selected.size()), PRECISION), selected.size(),
                withWorst(records, selected, points));
    }

    private static Computed withRecords(Computed c, Map<String, String> more) {
        Map<String, String> records = new LinkedHashMap<>(more);
        records.putAll(c.records());
        return new Computed(c.value(), c.n(), records);
    }

    /** The records plus {@code worst}: the codes of the lowest-scoring projects (ties by code), comma-separated. */
    private static Map<String, String> withWorst(Map<String, String> records, List<ProjectRecord> selected,
            Function<ProjectRecord, BigDecimal> points) {
        Map<String, String> out = new LinkedHashMap<>(records);
        out.put("worst", String.join(",", worst(selected, points, ProjectRecord::projectCode)));
        return out;
    }

    /** The codes of the {@link #WORST} lowest-valued items, ties by code (departments' and lower regions' records). */
    static <T> List<String> worst(List<T> items, Function<T, BigDecimal> value, Function<T, String> code) {
        return items.stream().sorted(Comparator.comparing(value).thenComparing(code)).limit(WORST).map(code).toList();
    }
}
