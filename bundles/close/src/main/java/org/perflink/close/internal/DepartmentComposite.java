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
import org.perflink.api.model.Adjustment.Scope;
import org.perflink.api.model.DepartmentEvaluationInput;
import org.perflink.api.model.Grade;
import org.perflink.api.rules.Messages.Text;
import org.perflink.api.rules.Param;
import org.perflink.api.rules.RulePack;

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

    /**
     * A department's composite and its linkage.
     *
     * @param weightedScore Σ wᵢ·cᵢ / Σ wᵢ over the present components, unrounded
     * @param deductions the deducted points after the cap
     * @param score the composite, unrounded (graded as is)
     * @param adjustment the DEPARTMENT adjustment; empty when LINK_DEPARTMENT_COMPOSITE is switched off
     */
    public record DepartmentResult(String departmentCode, BigDecimal weightedScore, BigDecimal deductions,
            BigDecimal score, Grade grade, BigDecimal coefficient, Optional<Adjustment> adjustment) {
    }

    private final RulePack pack;
    private final GradeBands grades;
    private final Map<String, BigDecimal> weights = new LinkedHashMap<>();
    private final BigDecimal deductionCap;
    private final Map<Grade, BigDecimal> coefficients = new EnumMap<>(Grade.class);

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
    }

    public static List<Param> parameters() {
        return List.of(WEIGHT_KEY_ASSESSMENT, WEIGHT_KEY_TARGETS, WEIGHT_KEY_MONITORING, WEIGHT_OVERALL_EVALUATION,
                DEDUCTION_CAP, COEFFICIENT_EXCELLENT, COEFFICIENT_GOOD, COEFFICIENT_MEDIUM, COEFFICIENT_POOR);
    }

    /**
     * The composite, grade and coefficient of one department, and its DEPARTMENT adjustment.
     *
     * @throws EvaluationInputException when the code is missing or no weighted component is present
     */
    public DepartmentResult evaluate(String regionCode, DepartmentEvaluationInput input) {
        String code = input.departmentCode();
        if (code == null || code.isBlank()) {
            throw new EvaluationInputException("?", "departmentCode", "missing department code");
        }
        BigDecimal weightSum = ZERO;
        BigDecimal weighted = ZERO;
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> w : weights.entrySet()) {
            BigDecimal component = input.components().get(w.getKey());
            if (component == null) {
                missing.add(w.getKey());
                continue;
            }
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
        BigDecimal coefficient = coefficients.get(grade);
        return new DepartmentResult(code, weightedScore, deductions, score, grade, coefficient,
                adjustment(regionCode, input, weightedScore, deductionTotal, deductions, score, grade, coefficient, missing));
    }

    private Optional<Adjustment> adjustment(String regionCode, DepartmentEvaluationInput input, BigDecimal weightedScore,
            BigDecimal deductionTotal, BigDecimal deductions, BigDecimal score, Grade grade, BigDecimal coefficient,
            List<String> missing) {
        if (!pack.enabled(LINK_DEPARTMENT_COMPOSITE)) {
            return Optional.empty();
        }
        String code = input.departmentCode();
        int year = input.year();
        BigDecimal base = cents(input.nextYearBaseline() == null ? ZERO : input.nextYearBaseline());
        BigDecimal ratio = Figures.ratio(coefficient.subtract(BigDecimal.ONE));
        BigDecimal delta = cents(base.multiply(ratio));
        Action action = ratio.signum() > 0 ? Action.PRIORITIZE : ratio.signum() == 0 ? Action.KEEP : Action.REDUCE;
        Text deducted = deductionTotal.compareTo(deductions) > 0
                ? Texts.text("department.deductionsCapped", Figures.score(deductions), Figures.score(deductionTotal))
                : Texts.text("department.deductions", Figures.score(deductions));
        Text gaps = missing.isEmpty() ? new Text("", "")
                : Texts.text("department.missing", String.join("、", missing), String.join(", ", missing));
        Text explanation = Texts.text("department.explanation", code, year, Figures.score(score),
                Figures.score(weightedScore), deducted, GradeBands.word(grade), coefficient.toPlainString(),
                LINK_DEPARTMENT_COMPOSITE, year + 1, Figures.money(base), Figures.money(delta), gaps);
        Map<String, String> basis = Map.of("score", Figures.score(score), "grade", grade.name(),
                "coefficient", coefficient.toPlainString());
        return Optional.of(new Adjustment(Adjustment.idOf(regionCode, year, Scope.DEPARTMENT, code), regionCode, year,
                year + 1, Scope.DEPARTMENT, code, basis, action, ratio, base, delta, LINK_DEPARTMENT_COMPOSITE,
                explanation.zh(), explanation.en()));
    }
}
