package org.perflink.close.internal;

import static java.math.BigDecimal.ZERO;
import static org.perflink.close.internal.Figures.PRECISION;
import static org.perflink.close.internal.Figures.cents;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
import org.perflink.api.model.Adjustment.Source;
import org.perflink.api.model.Adjustment.Scope;
import org.perflink.api.model.DepartmentEvaluationInput;
import org.perflink.api.model.Grade;
import org.perflink.api.rules.Messages.Text;
import org.perflink.api.rules.Param;
import org.perflink.api.rules.RulePack;
import org.perflink.close.internal.DepartmentComponents.Computed;

/**
 * 部门预算绩效综合得分 and the department budget coefficient (rules.md §3.3, [seed]):
 * {@code composite = Σ wᵢ·cᵢ / Σ wᵢ (present components) − min(Σ deductions, cap)}; the coefficient of the
 * composite's grade adjusts next year's department baseline. Immutable; one instance per rule pack.
 */
public final class DepartmentComposite {

    public static final String LINK_DEPARTMENT_COMPOSITE = "LINK_DEPARTMENT_COMPOSITE";

    /** The components of host contract v1, in the order explanations list them. */
    public static final List<String> COMPONENTS = List.of("KEY_ASSESSMENT", "KEY_TARGETS", "KEY_MONITORING", "OVERALL_EVALUATION");

    public static final Param WEIGHT_KEY_ASSESSMENT = Param.of("department.weight.KEY_ASSESSMENT", "0.2", "weight of 财政重点绩效评估 in the composite (P)");
    public static final Param WEIGHT_KEY_TARGETS = Param.of("department.weight.KEY_TARGETS", "0.2", "weight of 重点绩效目标 in the composite (P)");
    public static final Param WEIGHT_KEY_MONITORING = Param.of("department.weight.KEY_MONITORING", "0.2", "weight of 财政重点监控 in the composite (P)");
    public static final Param WEIGHT_OVERALL_EVALUATION = Param.of("department.weight.OVERALL_EVALUATION", "0.4", "weight of 部门整体支出绩效评价 in the composite (P)");
    public static final Param DEDUCTION_CAP = Param.of("department.deductionCap", "20", "at most this many points are deducted (审计、巡视、检查扣分)");
    public static final Param COEFFICIENT_EXCELLENT = Param.of("department.coefficient.EXCELLENT", "1.03", "budget coefficient of a department graded EXCELLENT (P)");
    public static final Param COEFFICIENT_GOOD = Param.of("department.coefficient.GOOD", "1.00", "budget coefficient of a department graded GOOD (P)");
    public static final Param COEFFICIENT_MEDIUM = Param.of("department.coefficient.MEDIUM", "0.97", "budget coefficient of a department graded MEDIUM (P)");
    public static final Param COEFFICIENT_POOR = Param.of("department.coefficient.POOR", "0.90", "budget coefficient of a department graded POOR (P)");
    public static final Param MODE = Param.of("link.department.mode", "GRADE",
            "GRADE: the coefficient of the composite's grade; LINEAR: clamp(1 + slope × (composite − pivot), min, max), no cliff at grade boundaries");
    public static final Param LINEAR_SLOPE = Param.of("link.department.slope", "0.002", "LINEAR: coefficient change per composite point (P)");
    public static final Param LINEAR_PIVOT = Param.of("link.department.pivot", "85", "LINEAR: the composite whose coefficient is 1 (P)");
    public static final Param LINEAR_MIN = Param.of("link.department.min", "0.90", "LINEAR: the lowest coefficient (P)");
    public static final Param LINEAR_MAX = Param.of("link.department.max", "1.05", "LINEAR: the highest coefficient (P)");

    /** How the composite becomes the coefficient (rules.md §3.3). */
    public enum Mode { GRADE, LINEAR }

    /**
     * A department's composite and its linkage.
     *
     * @param weightedScore Σ wᵢ·cᵢ / Σ wᵢ over the present components, unrounded
     * @param deductions the deducted points after the cap
     * @param score the composite, unrounded (graded as is)
     * @param adjustment the DEPARTMENT adjustment; empty when LINK_DEPARTMENT_COMPOSITE is switched off
     * @param components the components used, with their source (since rules v2)
     */
    public record DepartmentResult(String departmentCode, BigDecimal weightedScore, BigDecimal deductions,
            BigDecimal score, Grade grade, BigDecimal coefficient, Optional<Adjustment> adjustment,
            Map<String, Component> components) {

        public DepartmentResult(String departmentCode, BigDecimal weightedScore, BigDecimal deductions, BigDecimal score,
                Grade grade, BigDecimal coefficient, Optional<Adjustment> adjustment) {
            this(departmentCode, weightedScore, deductions, score, grade, coefficient, adjustment, Map.of());
        }
    }

    private final RulePack pack;
    private final GradeBands grades;
    private final Map<String, BigDecimal> weights = new LinkedHashMap<>();
    private final BigDecimal deductionCap;
    private final Map<Grade, BigDecimal> coefficients = new EnumMap<>(Grade.class);
    private final Mode mode;
    private final BigDecimal slope;
    private final BigDecimal pivot;
    private final BigDecimal minCoefficient;
    private final BigDecimal maxCoefficient;
    private final int budgetYearOffset;

    public DepartmentComposite(RulePack pack) {
        this.pack = Objects.requireNonNull(pack, "pack");
        this.grades = new GradeBands(pack);
        List<Param> weightParams = List.of(WEIGHT_KEY_ASSESSMENT, WEIGHT_KEY_TARGETS, WEIGHT_KEY_MONITORING, WEIGHT_OVERALL_EVALUATION);
        for (int i = 0; i < COMPONENTS.size(); i++) {
            weights.put(COMPONENTS.get(i), pack.decimal(weightParams.get(i)));
        }
        this.deductionCap = pack.decimal(DEDUCTION_CAP);
        coefficients.put(Grade.EXCELLENT, pack.decimal(COEFFICIENT_EXCELLENT));
        coefficients.put(Grade.GOOD, pack.decimal(COEFFICIENT_GOOD));
        coefficients.put(Grade.MEDIUM, pack.decimal(COEFFICIENT_MEDIUM));
        coefficients.put(Grade.POOR, pack.decimal(COEFFICIENT_POOR));
        this.mode = mode(pack);
        this.slope = pack.decimal(LINEAR_SLOPE);
        this.pivot = pack.decimal(LINEAR_PIVOT);
        this.minCoefficient = pack.decimal(LINEAR_MIN);
        this.maxCoefficient = pack.decimal(LINEAR_MAX);
        if (minCoefficient.compareTo(maxCoefficient) > 0) {
            throw new IllegalArgumentException("rule pack " + pack.id() + ": " + LINEAR_MIN.key() + " "
                    + minCoefficient.toPlainString() + " exceeds " + LINEAR_MAX.key() + " " + maxCoefficient.toPlainString());
        }
        this.budgetYearOffset = LinkageCalculator.budgetYearOffset(pack);
    }

    private static Mode mode(RulePack pack) {
        String value = pack.string(MODE).trim();
        try {
            return Mode.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rule pack " + pack.id() + ": " + MODE.key()
                    + " must be GRADE or LINEAR, not '" + value + "'", e);
        }
    }

    /** LINEAR: {@code clamp(1 + slope × (composite − pivot), min, max)}, 4 decimals HALF_UP; unrounded composite. */
    BigDecimal linearCoefficient(BigDecimal composite) {
        BigDecimal raw = BigDecimal.ONE.add(slope.multiply(composite.subtract(pivot)));
        return raw.max(minCoefficient).min(maxCoefficient).setScale(4, RoundingMode.HALF_UP);
    }

    public static List<Param> parameters() {
        return List.of(WEIGHT_KEY_ASSESSMENT, WEIGHT_KEY_TARGETS, WEIGHT_KEY_MONITORING, WEIGHT_OVERALL_EVALUATION,
                DEDUCTION_CAP, COEFFICIENT_EXCELLENT, COEFFICIENT_GOOD, COEFFICIENT_MEDIUM, COEFFICIENT_POOR,
                MODE, LINEAR_SLOPE, LINEAR_PIVOT, LINEAR_MIN, LINEAR_MAX);
    }

    /**
     * The composite, grade and coefficient of one department, and its DEPARTMENT adjustment.
     *
     * @throws EvaluationInputException when the code is missing or no weighted component is present
     */
    public DepartmentResult evaluate(String regionCode, DepartmentEvaluationInput input) {
        return evaluate(regionCode, input, Map.of());
    }

    /**
     * As {@link #evaluate(String, DepartmentEvaluationInput)}, the components the host does not send taken from
     * PerfLink's records (rules.md §4.1); a host value wins and PerfLink's is reported beside it.
     *
     * @param perflink PerfLink's values by component name (n &gt; 0 only)
     */
    public DepartmentResult evaluate(String regionCode, DepartmentEvaluationInput input, Map<String, Computed> perflink) {
        String code = input.departmentCode();
        if (code == null || code.isBlank()) {
            throw new EvaluationInputException("?", "departmentCode", "missing department code");
        }
        BigDecimal weightSum = ZERO;
        BigDecimal weighted = ZERO;
        List<String> missing = new ArrayList<>();
        Map<String, Component> used = new LinkedHashMap<>();
        for (Map.Entry<String, BigDecimal> w : weights.entrySet()) {
            BigDecimal host = input.components().get(w.getKey());
            Computed own = perflink.get(w.getKey());
            BigDecimal component = host != null ? host : own == null ? null : own.value();
            if (component == null) {
                missing.add(w.getKey());
                continue;
            }
            used.put(w.getKey(), host != null
                    ? new Component(cents(host), w.getValue(), Source.HOST, own == null ? null : own.n(),
                            own == null ? null : cents(own.value()), own == null ? null : own.records())
                    : new Component(cents(own.value()), w.getValue(), Source.PERFLINK, own.n(), null, own.records()));
            weightSum = weightSum.add(w.getValue());
            weighted = weighted.add(w.getValue().multiply(component));
        }
        if (weightSum.signum() <= 0) {
            throw new EvaluationInputException(String.valueOf(code), "components",
                    "none of " + COMPONENTS + " is present with a positive weight");
        }
        // Missing components: the present ones keep their relative weights.
        BigDecimal weightedScore = weighted.divide(weightSum, PRECISION);
        BigDecimal deductionTotal = input.deductions().stream()
                .map(DepartmentEvaluationInput.Deduction::points).filter(Objects::nonNull).reduce(ZERO, BigDecimal::add);
        BigDecimal deductions = deductionTotal.min(deductionCap);
        BigDecimal score = weightedScore.subtract(deductions);
        Grade grade = grades.of(score);
        BigDecimal coefficient = mode == Mode.LINEAR ? linearCoefficient(score) : coefficients.get(grade);
        return new DepartmentResult(code, weightedScore, deductions, score, grade, coefficient,
                adjustment(regionCode, input, weightedScore, deductionTotal, deductions, score, grade, coefficient, missing, used),
                used);
    }

    private Optional<Adjustment> adjustment(String regionCode, DepartmentEvaluationInput input, BigDecimal weightedScore,
            BigDecimal deductionTotal, BigDecimal deductions, BigDecimal score, Grade grade, BigDecimal coefficient,
            List<String> missing, Map<String, Component> used) {
        if (!pack.enabled(LINK_DEPARTMENT_COMPOSITE)) {
            return Optional.empty();
        }
        String code = input.departmentCode();
        int year = input.year();
        int budgetYear = year + budgetYearOffset;
        // 项目支出 baseline (the ceiling, 控制数) of the budget year; project adjustments live inside it.
        BigDecimal baseline = input.baselineFor(budgetYear);
        BigDecimal base = cents(baseline == null ? ZERO : baseline);
        BigDecimal ratio = Figures.ratio(coefficient.subtract(BigDecimal.ONE));
        BigDecimal delta = cents(base.multiply(ratio));
        Action action = ratio.signum() > 0 ? Action.PRIORITIZE : ratio.signum() == 0 ? Action.KEEP : Action.REDUCE;
        Text deducted = deductionTotal.compareTo(deductions) > 0
                ? Texts.text("department.deductionsCapped", Figures.score(deductions), Figures.score(deductionTotal))
                : Texts.text("department.deductions", Figures.score(deductions));
        Text gaps = missing.isEmpty() ? new Text("", "")
                : Texts.text("department.missing", String.join("、", missing), String.join(", ", missing));
        if (used.values().stream().anyMatch(c -> c.source() == Source.PERFLINK)) {
            Text sources = sources(used);
            gaps = new Text(gaps.zh() + sources.zh(), gaps.en() + sources.en());
        }
        if (mode == Mode.LINEAR) {
            Text linear = Texts.text("department.linear", Figures.plain(slope), Figures.plain(pivot),
                    minCoefficient.toPlainString(), maxCoefficient.toPlainString());
            gaps = new Text(gaps.zh() + linear.zh(), gaps.en() + linear.en());
        }
        Text explanation = Texts.text("department.explanation", code, year, Figures.score(score),
                Figures.score(weightedScore), deducted, GradeBands.word(grade), coefficient.toPlainString(),
                LINK_DEPARTMENT_COMPOSITE, budgetYear, Figures.money(base), Figures.money(delta), gaps);
        Map<String, String> basis = new LinkedHashMap<>(Map.of("score", Figures.score(score), "grade", grade.name(),
                "coefficient", coefficient.toPlainString()));
        if (mode == Mode.LINEAR) {
            basis.put("mode", Mode.LINEAR.name()); // GRADE keeps v1's basis
        }
        return Optional.of(new Adjustment(Adjustment.idOf(regionCode, year, Scope.DEPARTMENT, code), regionCode, year,
                budgetYear, Scope.DEPARTMENT, code, basis, action, ratio, base, delta, LINK_DEPARTMENT_COMPOSITE,
                explanation.zh(), explanation.en(), used));
    }

    /** "KEY_TARGETS 70.00 (PerfLink, n = 4)…": where each component came from, for the explanation. */
    private static Text sources(Map<String, Component> used) {
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        used.forEach((name, c) -> {
            String value = c.score().toPlainString();
            if (c.source() == Source.HOST) {
                zh.add(name + " " + value + "（单位报送）");
                en.add(name + " " + value + " (host)");
            } else {
                zh.add(name + " " + value + "（PerfLink据" + c.n() + "项记录计算）");
                en.add(name + " " + value + " (PerfLink, " + c.n() + " records)");
            }
        });
        return Texts.text("department.sources", String.join("，", zh), String.join(", ", en));
    }
}
