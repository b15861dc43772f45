package org.perflink.close.internal;

import static org.perflink.close.internal.Figures.PRECISION;
import static org.perflink.close.internal.RecordPoints.HUNDRED;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.perflink.api.model.Assessment;
import org.perflink.api.model.Score;
import org.perflink.api.model.Verdict;
import org.perflink.api.model.Warning;
import org.perflink.close.internal.DepartmentComponents.Computed;

/**
 * What PerfLink's own records say of one lower region L for year Y (rules.md §4.3), project by project as L's
 * evaluations stream by, reduced to the three components of the lower-region composite:
 * <ul>
 * <li>TARGETS = 100 × mean verdict points of L's latest PUBLISHED verdicts of Y (n = projects with one);</li>
 * <li>MONITORING = mean m over L's projects when L had monitoring rounds in Y (a project without warning records
 * was in them and earns 100, as for departments); absent when L had none;</li>
 * <li>EVALUATION = Σ score·budget / Σ budget over the Scores of Y PerfLink wrote for L (2 decimals, as written;
 * Σ budget = 0: the plain mean).</li>
 * </ul>
 * The Scores also say whether PerfLink has handled a CLOSE/EVALUATE of L for Y: without any, L is not evaluated yet.
 * Only small per-project records are kept. Not thread-safe; one instance per lower region and run.
 */
public final class LowerRegionRecords {

    private record Item(String projectCode, Verdict.Outcome verdict, BigDecimal verdictPoints, boolean monitoredInYear,
            int unclearedRed, int unclearedYellow, BigDecimal score, BigDecimal budget) {
    }

    private final String regionCode;
    private final int year;
    private final RecordPoints points;
    private final List<Item> items = new ArrayList<>();
    private final SubjectFacts facts;

    public LowerRegionRecords(String regionCode, int year, RecordPoints points) {
        this.regionCode = Objects.requireNonNull(regionCode, "regionCode");
        this.year = year;
        this.points = Objects.requireNonNull(points, "points");
        this.facts = new SubjectFacts(Assessment.Scope.REGION, regionCode);
    }

    /** L as the §6 work assessment sees it (scope REGION); its caller adds each project's facts. */
    public SubjectFacts facts() {
        return facts;
    }

    public String regionCode() {
        return regionCode;
    }

    /**
     * Keeps one project of L: its final budget (null counts 0), the Scores, verdicts and warnings PerfLink wrote
     * for it (any year; only Y's count).
     */
    public void project(String projectCode, BigDecimal budget, List<Score> scores, List<Verdict> verdicts,
            List<Warning> warnings) {
        BigDecimal score = scores.stream().filter(s -> s.year() == year && s.score() != null)
                .reduce((a, b) -> b).map(Score::score).orElse(null);
        Verdict.Outcome outcome = RecordPoints.latestPublished(verdicts, year).map(Verdict::outcome).orElse(null);
        List<Warning> ofYear = warnings.stream().filter(w -> w.year() == year).toList();
        int[] uncleared = RecordPoints.uncleared(ofYear);
        items.add(new Item(projectCode, outcome, points.verdictPoints(outcome), !ofYear.isEmpty(), uncleared[0],
                uncleared[1], score, budget == null ? BigDecimal.ZERO : budget));
    }

    /** Whether PerfLink wrote a Score of Y for any of L's projects: it has handled a CLOSE/EVALUATE of L for Y. */
    public boolean evaluated() {
        return items.stream().anyMatch(i -> i.score() != null);
    }

    /** The components with n &gt; 0, in the order TARGETS, MONITORING, EVALUATION. */
    public Map<String, Computed> components() {
        Map<String, Computed> out = new LinkedHashMap<>();
        targets().ifPresent(c -> out.put(RegionComposite.TARGETS, c));
        monitoring().ifPresent(c -> out.put(RegionComposite.MONITORING, c));
        evaluation().ifPresent(c -> out.put(RegionComposite.EVALUATION, c));
        return out;
    }

    /** The codes of L's lowest-scoring projects (ties by code), for a notice's subjects. */
    public List<String> worstScored() {
        List<Item> scored = items.stream().filter(i -> i.score() != null).toList();
        return worst(scored, Item::score);
    }

    private Optional<Computed> targets() {
        List<Item> published = items.stream().filter(i -> i.verdict() != null).toList();
        if (published.isEmpty()) {
            return Optional.empty();
        }
        Map<Verdict.Outcome, Integer> counts = new EnumMap<>(Verdict.Outcome.class);
        published.forEach(i -> counts.merge(i.verdict(), 1, Integer::sum));
        Map<String, String> records = new LinkedHashMap<>();
        counts.forEach((o, n) -> records.put(o.name(), String.valueOf(n)));
        Function<Item, BigDecimal> value = i -> i.verdictPoints().multiply(HUNDRED);
        return Optional.of(mean(published, value, records));
    }

    private Optional<Computed> monitoring() {
        if (items.stream().noneMatch(Item::monitoredInYear)) {
            return Optional.empty(); // no round in Y: no project has an m
        }
        int red = items.stream().mapToInt(Item::unclearedRed).sum();
        int yellow = items.stream().mapToInt(Item::unclearedYellow).sum();
        Function<Item, BigDecimal> m = i -> points.monitoringPoints(i.unclearedRed(), i.unclearedYellow());
        return Optional.of(mean(items, m, Map.of("unclearedRed", String.valueOf(red), "unclearedYellow", String.valueOf(yellow))));
    }

    private Optional<Computed> evaluation() {
        List<Item> scored = items.stream().filter(i -> i.score() != null).toList();
        if (scored.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal value = Figures.budgetWeightedMean(scored, Item::score, Item::budget);
        Map<String, String> records = new LinkedHashMap<>();
        records.put("worst", String.join(",", worst(scored, Item::score)));
        return Optional.of(new Computed(value, scored.size(), records));
    }

    private static Computed mean(List<Item> selected, Function<Item, BigDecimal> value, Map<String, String> records) {
        BigDecimal sum = selected.stream().map(value).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, String> all = new LinkedHashMap<>(records);
        all.put("worst", String.join(",", worst(selected, value)));
        return new Computed(sum.divide(BigDecimal.valueOf(selected.size()), PRECISION), selected.size(), all);
    }

    private static List<String> worst(List<Item> selected, Function<Item, BigDecimal> value) {
        return DepartmentComponents.worst(selected, value, Item::projectCode);
    }
}
