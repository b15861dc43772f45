package org.perflink.close.internal;

import static java.math.BigDecimal.ZERO;
import static org.perflink.close.internal.Figures.PRECISION;
import static org.perflink.close.internal.Figures.cents;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.perflink.api.model.Adjustment;
import org.perflink.api.model.Adjustment.Action;
import org.perflink.api.model.Adjustment.Component;
import org.perflink.api.model.Adjustment.Scope;
import org.perflink.api.model.Adjustment.Source;
import org.perflink.api.model.DepartmentEvaluationInput;
import org.perflink.api.model.Grade;
import org.perflink.api.model.Subregion;
import org.perflink.api.rules.Messages.Text;
import org.perflink.api.rules.Param;
import org.perflink.api.rules.RulePack;
import org.perflink.close.internal.DepartmentComponents.Computed;

/**
 * 下级财政综合绩效 → 转移支付 (rules.md §4.3, [34号] [seed]): per lower region L of R,
 * {@code composite = Σ wᵢ·cᵢ / Σ wᵢ (present components) − min(Σ deductions, cap)} over TARGETS, MONITORING and
 * EVALUATION from L's records; its grade's factor moves L's transfer baseline for the budget year, written to R as
 * an Adjustment of scope REGION ({@code LINK_REGION_COMPOSITE}). Immutable; one instance per rule pack.
 */
public final class RegionComposite {

    public static final String LINK_REGION_COMPOSITE = "LINK_REGION_COMPOSITE";

    public static final String TARGETS = "TARGETS";
    public static final String MONITORING = "MONITORING";
    public static final String EVALUATION = "EVALUATION";

    public static final Param WEIGHT_TARGETS = Param.of("composite.region.weight.TARGETS", "0.2",
            "weight of the lower region's verdict points (绩效目标) in its composite (P)");
    public static final Param WEIGHT_MONITORING = Param.of("composite.region.weight.MONITORING", "0.3",
            "weight of the lower region's monitoring points (绩效监控) in its composite (P)");
    public static final Param WEIGHT_EVALUATION = Param.of("composite.region.weight.EVALUATION", "0.5",
            "weight of the lower region's budget-weighted project scores (绩效评价) in its composite (P)");
    public static final Param FACTOR_EXCELLENT = Param.of("link.region.factor.EXCELLENT", "1.03", "transfer factor of a lower region graded EXCELLENT (P)");
    public static final Param FACTOR_GOOD = Param.of("link.region.factor.GOOD", "1.00", "transfer factor of a lower region graded GOOD (P)");
    public static final Param FACTOR_MEDIUM = Param.of("link.region.factor.MEDIUM", "0.97", "transfer factor of a lower region graded MEDIUM (P)");
    public static final Param FACTOR_POOR = Param.of("link.region.factor.POOR", "0.90", "transfer factor of a lower region graded POOR (P)");

    /**
     * A lower region's composite and its linkage.
     *
     * @param score the composite, unrounded (graded as is)
     * @param adjustment the REGION adjustment; empty without a transfer baseline or with the rule switched off
     */
    public record Result(String lowerRegion, BigDecimal weightedScore, BigDecimal deductions, BigDecimal score,
            Grade grade, BigDecimal factor, Map<String, Component> components, Optional<Adjustment> adjustment) {
    }

    private final RulePack pack;
    private final GradeBands grades;
    private final Map<String, BigDecimal> weights = new LinkedHashMap<>();
    private final BigDecimal deductionCap;
    private final Map<Grade, BigDecimal> factors = new EnumMap<>(Grade.class);
    private final int budgetYearOffset;

    public RegionComposite(RulePack pack) {
        this.pack = Objects.requireNonNull(pack, "pack");
        this.grades = new GradeBands(pack);
        weights.put(TARGETS, pack.decimal(WEIGHT_TARGETS));
        weights.put(MONITORING, pack.decimal(WEIGHT_MONITORING));
        weights.put(EVALUATION, pack.decimal(WEIGHT_EVALUATION));
        this.deductionCap = pack.decimal(DepartmentComposite.DEDUCTION_CAP); // the same cap as for departments
        factors.put(Grade.EXCELLENT, pack.decimal(FACTOR_EXCELLENT));
        factors.put(Grade.GOOD, pack.decimal(FACTOR_GOOD));
        factors.put(Grade.MEDIUM, pack.decimal(FACTOR_MEDIUM));
        factors.put(Grade.POOR, pack.decimal(FACTOR_POOR));
        this.budgetYearOffset = LinkageCalculator.budgetYearOffset(pack);
    }

    public static List<Param> parameters() {
        return List.of(WEIGHT_TARGETS, WEIGHT_MONITORING, WEIGHT_EVALUATION, FACTOR_EXCELLENT,
                FACTOR_GOOD, FACTOR_MEDIUM, FACTOR_POOR);
    }

    /** The budget year REGION adjustments of year {@code year} are for. */
    public int budgetYear(int year) {
        return year + budgetYearOffset;
    }

    /**
     * The composite of lower region {@code lower} of {@code regionCode} for {@code year}, and its REGION adjustment.
     *
     * @param perflink the components from L's records (n &gt; 0 only)
     * @param subregion the host's transfer baseline and deductions for L; null when the host sent none
     * @throws EvaluationInputException when no component is present with a positive weight
     */
    public Result evaluate(String regionCode, int year, String lower, Map<String, Computed> perflink, Subregion subregion) {
        BigDecimal weightSum = ZERO;
        BigDecimal weighted = ZERO;
        Map<String, Component> used = new LinkedHashMap<>();
        for (Map.Entry<String, BigDecimal> w : weights.entrySet()) {
            Computed c = perflink.get(w.getKey());
            if (c == null || w.getValue().signum() <= 0) {
                continue;
            }
            used.put(w.getKey(), new Component(cents(c.value()), w.getValue(), Source.PERFLINK, c.n(), null, c.records()));
            weightSum = weightSum.add(w.getValue());
            weighted = weighted.add(w.getValue().multiply(c.value()));
        }
        if (weightSum.signum() <= 0) {
            throw new EvaluationInputException(lower, "components",
                    "none of " + weights.keySet() + " has records with a positive weight");
        }
        BigDecimal weightedScore = weighted.divide(weightSum, PRECISION);
        List<DepartmentEvaluationInput.Deduction> deductionList = subregion == null ? List.of() : subregion.deductions();
        BigDecimal deductionTotal = deductionList.stream().map(DepartmentEvaluationInput.Deduction::points)
                .filter(Objects::nonNull).reduce(ZERO, BigDecimal::add);
        BigDecimal deductions = deductionTotal.min(deductionCap);
        BigDecimal score = weightedScore.subtract(deductions);
        Grade grade = grades.of(score);
        BigDecimal factor = factors.get(grade);
        Optional<Adjustment> adjustment = subregion == null || subregion.transferBaseline() == null
                || !pack.enabled(LINK_REGION_COMPOSITE) ? Optional.empty()
                : Optional.of(adjustment(regionCode, year, lower, subregion.transferBaseline(), weightedScore,
                        deductionTotal, deductions, score, grade, factor, used));
        return new Result(lower, weightedScore, deductions, score, grade, factor, used, adjustment);
    }

    private Adjustment adjustment(String regionCode, int year, String lower, BigDecimal baseline, BigDecimal weightedScore,
            BigDecimal deductionTotal, BigDecimal deductions, BigDecimal score, Grade grade, BigDecimal factor,
            Map<String, Component> used) {
        int budgetYear = budgetYear(year);
        BigDecimal base = cents(baseline);
        BigDecimal ratio = Figures.ratio(factor.subtract(BigDecimal.ONE));
        BigDecimal delta = cents(base.multiply(ratio));
        Action action = ratio.signum() > 0 ? Action.PRIORITIZE : ratio.signum() == 0 ? Action.KEEP : Action.REDUCE;
        Text deducted = deductionTotal.compareTo(deductions) > 0
                ? Texts.text("department.deductionsCapped", Figures.score(deductions), Figures.score(deductionTotal))
                : Texts.text("department.deductions", Figures.score(deductions));
        Text explanation = Texts.text("region.explanation", lower, year, Figures.score(score),
                Figures.score(weightedScore), deducted, GradeBands.word(grade), factor.toPlainString(),
                LINK_REGION_COMPOSITE, budgetYear, Figures.money(base), Figures.money(delta), sources(used));
        Map<String, String> basis = Map.of("score", Figures.score(score), "grade", grade.name(),
                "coefficient", factor.toPlainString());
        return new Adjustment(Adjustment.idOf(regionCode, year, Scope.REGION, lower), regionCode, year, budgetYear,
                Scope.REGION, lower, basis, action, ratio, base, delta, LINK_REGION_COMPOSITE, explanation.zh(),
                explanation.en(), used);
    }

    /** "TARGETS 88.00 (PerfLink, n = 310)…": each component with the records it stands on. */
    private static Text sources(Map<String, Component> used) {
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        used.forEach((name, c) -> {
            zh.add(name + " " + c.score().toPlainString() + "（PerfLink据" + c.n() + "项记录计算）");
            en.add(name + " " + c.score().toPlainString() + " (PerfLink, " + c.n() + " records)");
        });
        return Texts.text("department.sources", String.join("，", zh), String.join(", ", en));
    }
}
