package org.perflink.api.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** 部门整体 evaluation input: component scores, deductions and next year's baseline. */
public record DepartmentEvaluationInput(
        String departmentCode,
        int year,
        Map<String, BigDecimal> components,
        List<Deduction> deductions,
        BigDecimal nextYearBaseline) {

    public DepartmentEvaluationInput {
        components = components == null ? Map.of() : Map.copyOf(components);
        deductions = deductions == null ? List.of() : List.copyOf(deductions);
    }

    /** A deduction (扣分) from e.g. an audit, with its reference document. */
    public record Deduction(String source, BigDecimal points, String ref) {
    }
}
