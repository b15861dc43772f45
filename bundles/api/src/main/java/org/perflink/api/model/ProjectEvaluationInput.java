package org.perflink.api.model;

import java.math.BigDecimal;
import java.util.List;

/** 决算后评价数据 of one project; the targets come from the {@link Project} of the same code and year. */
public record ProjectEvaluationInput(
        String projectCode,
        int year,
        ProjectKind kind,
        Recurrence recurrence,
        String departmentCode,
        BigDecimal budgetAmount,
        BigDecimal paidAmount,
        List<IndicatorActual> indicators,
        BigDecimal selfScore,
        BigDecimal keyEvaluationScore,
        BigDecimal nextYearRequest) {

    public ProjectEvaluationInput {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }
}
