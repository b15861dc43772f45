package org.perflink.api.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * 部门整体 evaluation input: component scores (each optional since rules v2), deductions and the project-expenditure
 * baseline of next year; {@code baselines} by budget year (since 1.2).
 */
public record DepartmentEvaluationInput(
        String departmentCode,
        int year,
        Map<String, BigDecimal> components,
        List<Deduction> deductions,
        BigDecimal nextYearBaseline,
        Map<Integer, BigDecimal> baselines) {

    public DepartmentEvaluationInput {
        components = components == null ? Map.of() : Map.copyOf(components);
        deductions = deductions == null ? List.of() : List.copyOf(deductions);
        baselines = baselines == null ? Map.of() : Map.copyOf(baselines);
    }

    /** An input as host contract v1 sends it. */
    public DepartmentEvaluationInput(String departmentCode, int year, Map<String, BigDecimal> components,
            List<Deduction> deductions, BigDecimal nextYearBaseline) {
        this(departmentCode, year, components, deductions, nextYearBaseline, null);
    }

    /**
     * The project-expenditure (项目支出) baseline for {@code budgetYear}: {@code baselines[budgetYear]}, else
     * {@code nextYearBaseline} (rules.md §3.2; since 1.2).
     */
    public BigDecimal baselineFor(int budgetYear) {
        BigDecimal byYear = baselines.get(budgetYear);
        return byYear != null ? byYear : nextYearBaseline;
    }

    /** A deduction (扣分) from e.g. an audit, with its reference document. */
    public record Deduction(String source, BigDecimal points, String ref) {
    }
}
