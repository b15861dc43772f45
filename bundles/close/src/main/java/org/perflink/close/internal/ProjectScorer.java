package org.perflink.close.internal;

import static java.math.BigDecimal.ZERO;
import static org.perflink.close.internal.Figures.HUNDRED;
import static org.perflink.close.internal.Figures.PRECISION;
import static org.perflink.close.internal.Figures.cents;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.perflink.api.model.Finding;
import org.perflink.api.model.Grade;
import org.perflink.api.model.Indicator;
import org.perflink.api.model.IndicatorActual;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectEvaluationInput;
import org.perflink.api.model.ProjectKind;
import org.perflink.api.model.Score;
import org.perflink.api.model.Severity;
import org.perflink.api.rules.Messages.Text;
import org.perflink.api.rules.Param;
import org.perflink.api.rules.Quantity;
import org.perflink.api.rules.RulePack;

/**
 * Scores a project's year (绩效自评, rules.md §3.1, [10号]): the budget execution rate earns up to 10 points,
 * the indicators share 90 (by weight, else by level-1 group); since rules v2 an indicator without a (readable)
 * actual scores 0 unless the host marks it not applicable with a reason, and only those are dropped with the
 * total rescaled to 100 ({@code score.missingActual = DROP}: v1, every indicator without an actual is dropped);
 * a key evaluation (财政重点评价) replaces the computed score.
 *
 * <p>Scores are computed and graded unrounded and written with 2 decimals. The breakdown lists the
 * execution rate and every indicator with its points and maximum; {@code points} is null for a part that
 * was not applicable. Immutable; one instance per rule pack.
 */
public final class ProjectScorer {

    public static final String WEIGHTS_INVALID = "WEIGHTS_INVALID";
    public static final String ACTUAL_UNREADABLE = "ACTUAL_UNREADABLE";
    /** The compile-stage rule id, reused: the target value itself cannot be read. */
    public static final String INDICATOR_QUANT_INCOMPLETE = "INDICATOR_QUANT_INCOMPLETE";
    public static final String EXECUTION_RATE_UNAVAILABLE = "EXECUTION_RATE_UNAVAILABLE";
    public static final String SCORE_RESCALED = "SCORE_RESCALED";
    public static final String SELF_SCORE_INFLATED = "SELF_SCORE_INFLATED";
    /** Since rules v2: an indicator without an actual scores 0 (leaving a weak one blank must not raise a score). */
    public static final String SCORE_ACTUAL_MISSING = "SCORE_ACTUAL_MISSING";

    public static final String PART_EXECUTION_RATE = "EXECUTION_RATE";
    public static final String PART_INDICATOR = "INDICATOR";

    public static final Param EXECUTION_POINTS = Param.of("score.points.execution", "10",
            "points of the budget execution rate (预算执行率), min(paid / budget, 1) of them");
    public static final Param INDICATOR_POINTS = Param.of("score.points.indicators", "90",
            "points the indicators share; weights that sum to another total are scaled to it");
    public static final Param OUTPUT_POINTS = Param.of("score.points.OUTPUT", "50",
            "points of the OUTPUT group (产出, cost indicators included) when not every indicator has a weight");
    public static final Param BENEFIT_POINTS = Param.of("score.points.BENEFIT", "30",
            "points of the BENEFIT group (效益) when not every indicator has a weight");
    public static final Param SATISFACTION_POINTS = Param.of("score.points.SATISFACTION", "10",
            "points of the SATISFACTION group (满意度) when not every indicator has a weight");
    public static final Param QUALITATIVE_A = Param.of("score.qualitative.A", "1.0", "share of the points for a qualitative indicator graded A");
    public static final Param QUALITATIVE_B = Param.of("score.qualitative.B", "0.8", "share of the points for a qualitative indicator graded B");
    public static final Param QUALITATIVE_C = Param.of("score.qualitative.C", "0.6", "share of the points for a qualitative indicator graded C");
    public static final Param QUALITATIVE_D = Param.of("score.qualitative.D", "0", "share of the points for a qualitative indicator graded D");
    public static final Param MISSING_ACTUAL = Param.of("score.missingActual", "ZERO",
            "ZERO: an indicator without a readable actual scores 0 unless notApplicable with a reason (rules v2); DROP: it is dropped and the total rescaled (v1)");
    public static final Param NOT_APPLICABLE_WARN_SHARE = Param.of("score.notApplicable.warnShare", "0.5",
            "SCORE_RESCALED is a WARN when the indicators dropped as not applicable hold more than this share of the indicator points (P)");
    public static final Param SELF_INFLATION_MARGIN = Param.of("score.selfScore.inflationMargin", "10",
            "SELF_SCORE_INFLATED when selfScore - computed score exceeds this (P)");

    /** Level-1 groups that share the indicator points when weights are not all given. */
    private enum Group { OUTPUT, BENEFIT, SATISFACTION }

    private final RulePack pack;
    private final GradeBands grades;
    private final BigDecimal executionPoints;
    private final BigDecimal indicatorPoints;
    private final Map<Group, BigDecimal> groupPoints = new EnumMap<>(Group.class);
    private final Map<String, BigDecimal> qualitativeShares = new HashMap<>();
    private final BigDecimal inflationMargin;
    private final boolean dropMissing;
    private final BigDecimal notApplicableWarnShare;

    public ProjectScorer(RulePack pack) {
        this.pack = Objects.requireNonNull(pack, "pack");
        this.grades = new GradeBands(pack);
        this.executionPoints = pack.decimal(EXECUTION_POINTS);
        this.indicatorPoints = pack.decimal(INDICATOR_POINTS);
        groupPoints.put(Group.OUTPUT, pack.decimal(OUTPUT_POINTS));
        groupPoints.put(Group.BENEFIT, pack.decimal(BENEFIT_POINTS));
        groupPoints.put(Group.SATISFACTION, pack.decimal(SATISFACTION_POINTS));
        String[][] grading = {{"A", "优"}, {"B", "良"}, {"C", "中"}, {"D", "差"}};
        Param[] shares = {QUALITATIVE_A, QUALITATIVE_B, QUALITATIVE_C, QUALITATIVE_D};
        for (int i = 0; i < shares.length; i++) {
            BigDecimal share = pack.decimal(shares[i]);
            // Forms grade qualitative rows A–D, some write 优/良/中/差 for the same grades.
            qualitativeShares.put(grading[i][0], share);
            qualitativeShares.put(grading[i][1], share);
        }
        this.inflationMargin = pack.decimal(SELF_INFLATION_MARGIN);
        this.dropMissing = missingActualMode(pack);
        this.notApplicableWarnShare = pack.decimal(NOT_APPLICABLE_WARN_SHARE);
    }

    /** {@code score.missingActual}: true for DROP (v1), false for ZERO; another value is a configuration error. */
    private static boolean missingActualMode(RulePack pack) {
        String mode = pack.string(MISSING_ACTUAL).trim().toUpperCase(Locale.ROOT);
        return switch (mode) {
            case "ZERO" -> false;
            case "DROP" -> true;
            default -> throw new IllegalArgumentException("rule pack " + pack.id() + ": " + MISSING_ACTUAL.key()
                    + " must be ZERO or DROP, not '" + mode + "'");
        };
    }

    public static List<Param> parameters() {
        return List.of(EXECUTION_POINTS, INDICATOR_POINTS, OUTPUT_POINTS, BENEFIT_POINTS, SATISFACTION_POINTS,
                QUALITATIVE_A, QUALITATIVE_B, QUALITATIVE_C, QUALITATIVE_D, SELF_INFLATION_MARGIN, MISSING_ACTUAL,
                NOT_APPLICABLE_WARN_SHARE);
    }

    /** The Score of one project; see {@link #evaluate}. */
    public Score score(String regionCode, Project project, ProjectEvaluationInput input) {
        return evaluate(regionCode, project, input).score();
    }

    /**
     * Scores one project from its target indicators (in {@code project}) and its evaluation input.
     *
     * @throws EvaluationInputException when the two do not belong together, or when no indicator is
     *         applicable and there is no key evaluation score to fall back on
     */
    public ProjectEvaluation evaluate(String regionCode, Project project, ProjectEvaluationInput input) {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(input, "input");
        String code = input.projectCode();
        if (code == null || !code.equals(project.projectCode())) {
            throw new EvaluationInputException(String.valueOf(code), "projectCode",
                    "the evaluation input does not belong to project " + project.projectCode());
        }
        Sheet sheet = new Sheet();
        executionRate(project, input, sheet);
        List<Indicator> indicators = project.target() == null ? List.of() : project.target().indicators();
        List<Fraction> maxima = maxima(code, indicators, sheet);
        int[] actualIndex = IndicatorActual.pair(indicators, input.indicators());
        int applicable = 0;
        int reported = 0;
        for (int i = 0; i < indicators.size(); i++) {
            Indicator indicator = indicators.get(i);
            IndicatorActual row = actualIndex[i] < 0 ? null : input.indicators().get(actualIndex[i]);
            if (row != null && row.notApplicableWithReason()) {
                sheet.notApplicable(indicator.code(), maxima.get(i), row.notApplicableReason().trim());
                continue;
            }
            Optional<Fraction> share = achievement(i, indicator, input.indicators(), actualIndex, sheet);
            sheet.part(PART_INDICATOR, indicator.code(), share, maxima.get(i));
            applicable += share.isPresent() ? 1 : 0;
            reported += row != null && row.actual() != null && !row.actual().isBlank() ? 1 : 0;
        }

        // Without a single applicable indicator the execution rate alone would say nothing of performance; a form
        // without any actual is an evaluation not yet made (not one scoring 0), so it is refused, as in v1.
        BigDecimal computed = applicable == 0 || reported == 0 ? null : sheet.rescaled();
        if (computed != null && !sheet.complete()) {
            rescaled(sheet);
        }

        BigDecimal key = input.keyEvaluationScore();
        if (key == null && computed == null) {
            throw new EvaluationInputException(code, "indicators",
                    "no indicator has a readable actual value and there is no key evaluation score");
        }
        BigDecimal basis = key != null ? key : computed;
        Score.Source source = key != null ? Score.Source.KEY_EVALUATION : Score.Source.SELF_EVALUATION;
        boolean inflated = selfScoreInflated(input.selfScore(), computed != null ? computed : key, sheet);

        Grade grade = grades.of(basis);
        Score score = new Score(Score.idOf(code, input.year()), code, regionCode, input.year(), cents(basis), grade,
                source, sheet.breakdown, input.selfScore(), sheet.findings, pack.id());
        String department = input.departmentCode() != null ? input.departmentCode() : project.departmentCode();
        ProjectKind kind = input.kind() != null ? input.kind() : project.kind();
        return new ProjectEvaluation(input, project.name(), department, kind, score, basis, inflated);
    }

    /** 预算执行率: min(paid / budget, 1) × 10; the input's (final) budget, else the project's. */
    private void executionRate(Project project, ProjectEvaluationInput input, Sheet sheet) {
        BigDecimal budget = input.budgetAmount() != null ? input.budgetAmount() : project.budgetAmount();
        BigDecimal paid = input.paidAmount();
        Optional<Fraction> share = Optional.empty();
        if (budget == null || budget.signum() <= 0 || paid == null) {
            String path = budget == null || budget.signum() <= 0 ? "budgetAmount" : "paidAmount";
            finding(sheet, EXECUTION_RATE_UNAVAILABLE, Severity.WARN, path,
                    Texts.text("finding.EXECUTION_RATE_UNAVAILABLE"),
                    Map.of("budgetAmount", String.valueOf(budget), "paidAmount", String.valueOf(paid)));
        } else {
            share = Optional.of(Fraction.atLeast(paid, budget));
        }
        sheet.part(PART_EXECUTION_RATE, null, share, Fraction.of(executionPoints));
    }

    /** Each indicator's maximum: its weight (scaled to 90 when the weights sum otherwise), else its group's even share. */
    private List<Fraction> maxima(String code, List<Indicator> indicators, Sheet sheet) {
        boolean anyWeight = indicators.stream().anyMatch(i -> i.weight() != null);
        boolean allWeighted = !indicators.isEmpty()
                && indicators.stream().allMatch(i -> i.weight() != null && i.weight().signum() >= 0);
        BigDecimal sum = allWeighted
                ? indicators.stream().map(Indicator::weight).reduce(ZERO, BigDecimal::add) : ZERO;
        List<Fraction> maxima = new ArrayList<>(indicators.size());
        if (sum.signum() > 0) {
            if (sum.compareTo(indicatorPoints) == 0) {
                indicators.forEach(i -> maxima.add(Fraction.of(i.weight())));
                return maxima;
            }
            // Real forms carry 100 or 110 points of weights: keep their proportions within the 90.
            finding(sheet, WEIGHTS_INVALID, Severity.WARN, "target.indicators",
                    Texts.text("finding.WEIGHTS_INVALID.sum", Figures.plain(sum), Figures.plain(indicatorPoints)),
                    Map.of("weightSum", Figures.plain(sum), "expected", Figures.plain(indicatorPoints)));
            indicators.forEach(i -> maxima.add(Fraction.of(i.weight().multiply(indicatorPoints), sum)));
            return maxima;
        }
        if (anyWeight) {
            finding(sheet, WEIGHTS_INVALID, Severity.WARN, "target.indicators",
                    Texts.text("finding.WEIGHTS_INVALID.partial", Figures.plain(groupPoints.get(Group.OUTPUT)),
                            Figures.plain(groupPoints.get(Group.BENEFIT)), Figures.plain(groupPoints.get(Group.SATISFACTION))),
                    Map.of());
        }
        Map<Group, Integer> counts = new EnumMap<>(Group.class);
        List<Group> groups = new ArrayList<>(indicators.size());
        for (int i = 0; i < indicators.size(); i++) {
            Group g = groupOf(code, i, indicators.get(i));
            groups.add(g);
            counts.merge(g, 1, Integer::sum);
        }
        groups.forEach(g -> maxima.add(Fraction.of(groupPoints.get(g), BigDecimal.valueOf(counts.get(g)))));
        return maxima;
    }

    private static Group groupOf(String code, int i, Indicator indicator) {
        if (indicator.level1() == null) {
            throw new EvaluationInputException(code, "target.indicators[" + i + "].level1", "missing level-1 category");
        }
        return switch (indicator.level1()) {
            case COST, OUTPUT -> Group.OUTPUT; // 成本指标 count with 产出
            case BENEFIT -> Group.BENEFIT;
            case SATISFACTION -> Group.SATISFACTION;
        };
    }

    /** SCORE_RESCALED: which parts were dropped and why; a WARN when they held much of the indicator points. */
    private void rescaled(Sheet sheet) {
        Text dropped = sheet.notApplicable.isEmpty() ? Texts.text("word.none")
                : new Text(String.join("、", sheet.notApplicable), String.join(", ", sheet.notApplicable));
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("applicableMax", Figures.score(sheet.possible.value()));
        figures.put("notApplicable", String.join(",", sheet.notApplicable));
        Text text = Texts.text("finding.SCORE_RESCALED", Figures.score(sheet.possible.value()), dropped);
        Severity severity = Severity.INFO;
        if (!sheet.reasons.isEmpty()) {
            List<String> reasons = new ArrayList<>();
            sheet.reasons.forEach((code, reason) -> reasons.add(code + "：" + reason));
            figures.put("reasons", String.join("；", reasons));
            figures.put("reasonedMax", Figures.score(sheet.reasonedMax.value()));
            text = Texts.text("finding.SCORE_RESCALED.reasons", Figures.score(sheet.possible.value()), dropped,
                    String.join("；", reasons));
            // Dropping most of the target by declaration would let a unit choose what it is measured on.
            if (sheet.reasonedMax.value().compareTo(indicatorPoints.multiply(notApplicableWarnShare)) > 0) {
                severity = Severity.WARN;
            }
        }
        finding(sheet, SCORE_RESCALED, severity, "target.indicators", text, figures);
    }

    /**
     * The share of its points an indicator earned; empty when it is dropped: no actual or an unreadable one under
     * DROP (v1), or a target that cannot be read (the target's fault, reported when an actual is there to score).
     */
    private Optional<Fraction> achievement(int i, Indicator indicator, List<IndicatorActual> actuals,
            int[] actualIndex, Sheet sheet) {
        int j = actualIndex[i];
        String raw = j < 0 ? null : actuals.get(j).actual();
        boolean hasActual = raw != null && !raw.isBlank();
        if (!hasActual && dropMissing) {
            return Optional.empty();
        }
        String actualPath = "indicators[" + j + "].actual";
        if (!indicator.quantitative()) {
            if (!hasActual) {
                return missing(i, j, indicator, actuals, sheet);
            }
            BigDecimal share = qualitativeShares.get(raw.trim().toUpperCase(Locale.ROOT));
            if (share == null) {
                return unreadable(sheet, indicator, actualPath, raw);
            }
            return Optional.of(Fraction.of(share));
        }
        String targetPath = "target.indicators[" + i + "]";
        Optional<BigDecimal> value = magnitude(indicator.value(), indicator.unit());
        if (indicator.operator() == null || value.isEmpty()) {
            if (hasActual) {
                incomplete(sheet, indicator, targetPath + (indicator.operator() == null ? ".operator" : ".value"), indicator.value());
            }
            return Optional.empty();
        }
        Optional<BigDecimal> valueMax = Optional.empty();
        if (indicator.operator() == Indicator.Operator.RANGE) {
            valueMax = magnitude(indicator.valueMax(), indicator.unit());
            if (valueMax.isEmpty() || value.get().compareTo(valueMax.get()) > 0) {
                if (hasActual) {
                    incomplete(sheet, indicator, targetPath + ".valueMax", indicator.valueMax());
                }
                return Optional.empty();
            }
        }
        if (!hasActual) {
            return missing(i, j, indicator, actuals, sheet);
        }
        Optional<BigDecimal> actual = magnitude(raw, indicator.unit());
        if (actual.isEmpty()) {
            return unreadable(sheet, indicator, actualPath, raw);
        }
        BigDecimal a = actual.get();
        BigDecimal v = value.get();
        return Optional.of(switch (indicator.operator()) {
            case GE, GT -> Fraction.atLeast(a, v);
            case LE, LT -> Fraction.atMost(a, v);
            case EQ -> Fraction.equalTo(a, v);
            case RANGE -> Fraction.within(a, v, valueMax.orElseThrow());
        });
    }

    /** The number a form wrote ({@code 98%}, {@code ≥266米}), in 元 when the unit is money (万元 × 10 000). */
    private static Optional<BigDecimal> magnitude(String raw, String declaredUnit) {
        return Quantity.parse(raw).map(q -> q.inYuan(declaredUnit).orElse(q.number()));
    }

    private boolean selfScoreInflated(BigDecimal selfScore, BigDecimal reference, Sheet sheet) {
        if (selfScore == null || !pack.enabled(SELF_SCORE_INFLATED)
                || selfScore.subtract(reference).compareTo(inflationMargin) <= 0) {
            return false;
        }
        finding(sheet, SELF_SCORE_INFLATED, Severity.WARN, "selfScore",
                Texts.text("finding.SELF_SCORE_INFLATED", Figures.plain(selfScore), Figures.score(reference),
                        Figures.score(selfScore.subtract(reference)), Figures.plain(inflationMargin)),
                Map.of("selfScore", selfScore.toPlainString(), "score", Figures.score(reference),
                        "margin", inflationMargin.toPlainString()));
        return true;
    }

    /** Unreadable: v1 dropped it; since rules v2 it scores 0 like a missing one. */
    private Optional<Fraction> unreadable(Sheet sheet, Indicator indicator, String path, String raw) {
        finding(sheet, ACTUAL_UNREADABLE, Severity.WARN, path,
                Texts.text(dropMissing ? "finding.ACTUAL_UNREADABLE" : "finding.ACTUAL_UNREADABLE.zero",
                        indicator.code(), String.valueOf(indicator.name()), raw),
                Map.of("indicator", String.valueOf(indicator.code()), "actual", raw));
        return dropMissing ? Optional.empty() : Optional.of(Fraction.ZERO);
    }

    /** SCORE_ACTUAL_MISSING (rules v2): no actual, or notApplicable without a reason; scores 0. */
    private Optional<Fraction> missing(int i, int j, Indicator indicator, List<IndicatorActual> actuals, Sheet sheet) {
        boolean unreasoned = j >= 0 && Boolean.TRUE.equals(actuals.get(j).notApplicable());
        String path = j < 0 ? "target.indicators[" + i + "]" : "indicators[" + j + "]." + (unreasoned ? "notApplicableReason" : "actual");
        finding(sheet, SCORE_ACTUAL_MISSING, Severity.WARN, path,
                Texts.text(unreasoned ? "finding.SCORE_ACTUAL_MISSING.unreasoned" : "finding.SCORE_ACTUAL_MISSING",
                        indicator.code(), String.valueOf(indicator.name())),
                Map.of("indicator", String.valueOf(indicator.code())));
        return Optional.of(Fraction.ZERO);
    }

    private void incomplete(Sheet sheet, Indicator indicator, String path, String raw) {
        finding(sheet, INDICATOR_QUANT_INCOMPLETE, Severity.WARN, path,
                Texts.text("finding.INDICATOR_QUANT_INCOMPLETE", indicator.code(), String.valueOf(indicator.name()), String.valueOf(raw)),
                Map.of("indicator", String.valueOf(indicator.code()), "value", String.valueOf(raw),
                        "operator", String.valueOf(indicator.operator())));
    }

    private void finding(Sheet sheet, String ruleId, Severity builtIn, String path, Text text, Map<String, String> figures) {
        if (pack.enabled(ruleId)) {
            sheet.findings.add(new Finding(ruleId, pack.severity(ruleId, builtIn), path, text.zh(), text.en(), figures));
        }
    }

    /** The score sheet being filled in: exact points earned and possible over the applicable parts. */
    private static final class Sheet {
        final List<Score.Part> breakdown = new ArrayList<>();
        final List<Finding> findings = new ArrayList<>();
        final List<String> notApplicable = new ArrayList<>();
        /** Indicators the host declared not applicable, with the reason, in target order. */
        final Map<String, String> reasons = new LinkedHashMap<>();
        Fraction reasonedMax = Fraction.ZERO;
        Fraction earned = Fraction.ZERO;
        Fraction possible = Fraction.ZERO;

        void notApplicable(String code, Fraction max, String reason) {
            notApplicable.add(code);
            reasons.put(String.valueOf(code), reason);
            reasonedMax = reasonedMax.plus(max);
            breakdown.add(new Score.Part(PART_INDICATOR, code, null, cents(max.value()), reason));
        }

        void part(String part, String code, Optional<Fraction> share, Fraction max) {
            if (share.isEmpty()) {
                notApplicable.add(code == null ? part : code);
                breakdown.add(new Score.Part(part, code, null, cents(max.value())));
                return;
            }
            Fraction points = max.times(share.get());
            earned = earned.plus(points);
            possible = possible.plus(max);
            breakdown.add(new Score.Part(part, code, cents(points.value()), cents(max.value())));
        }

        boolean complete() {
            return possible.equalTo(HUNDRED);
        }

        /** Rescaled to 100 when parts were dropped (不适用指标); one division, at the end. */
        BigDecimal rescaled() {
            return complete() ? earned.value() : earned.times(Fraction.of(HUNDRED)).over(possible).value();
        }
    }

    /**
     * An exact quotient. Shares (85/90), scaled weights (30 × 90/110) and their sums stay exact until the
     * score itself is divided out, so a score that is 80 in exact arithmetic is graded GOOD, never
     * 79.999…, and scaled weights still add up to exactly 90.
     */
    private record Fraction(BigDecimal num, BigDecimal den) {
        static final Fraction ZERO = of(BigDecimal.ZERO);
        static final Fraction ONE = of(BigDecimal.ONE);

        static Fraction of(BigDecimal value) {
            return new Fraction(value, BigDecimal.ONE);
        }

        /** {@code num / den}; the denominator must be positive. */
        static Fraction of(BigDecimal num, BigDecimal den) {
            return new Fraction(num, den);
        }

        Fraction plus(Fraction o) {
            return den.compareTo(o.den) == 0 ? new Fraction(num.add(o.num), den)
                    : new Fraction(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
        }

        Fraction times(Fraction o) {
            return new Fraction(num.multiply(o.num), den.multiply(o.den));
        }

        Fraction over(Fraction o) {
            return new Fraction(num.multiply(o.den), den.multiply(o.num));
        }

        boolean equalTo(BigDecimal value) {
            return num.compareTo(value.multiply(den)) == 0;
        }

        BigDecimal value() {
            return num.divide(den, PRECISION);
        }

        /** 正向指标 (GE, GT): min(a / v, 1). */
        static Fraction atLeast(BigDecimal a, BigDecimal v) {
            if (a.compareTo(v) >= 0) {
                return ONE;
            }
            return v.signum() <= 0 || a.signum() <= 0 ? ZERO : of(a, v);
        }

        /** 反向指标 (LE, LT): full when a ≤ v, else v / a. */
        static Fraction atMost(BigDecimal a, BigDecimal v) {
            if (a.compareTo(v) <= 0) {
                return ONE;
            }
            return v.signum() <= 0 ? ZERO : of(v, a);
        }

        /** EQ: full when equal, else min(a, v) / max(a, v). */
        static Fraction equalTo(BigDecimal a, BigDecimal v) {
            return a.compareTo(v) == 0 ? ONE : atLeast(a.min(v), a.max(v));
        }

        /** RANGE: full inside, else proportional to the nearest bound. */
        static Fraction within(BigDecimal a, BigDecimal min, BigDecimal max) {
            if (a.compareTo(min) < 0) {
                return atLeast(a, min);
            }
            return a.compareTo(max) > 0 ? atMost(a, max) : ONE;
        }
    }
}
