package org.perflink.api.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * 决算后评价数据 of one project; the targets come from the {@link Project} of the same code and year.
 * {@code requests}: requests by budget year (since 1.2).
 */
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
        BigDecimal nextYearRequest,
        Map<Integer, BigDecimal> requests) {

    public ProjectEvaluationInput {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        requests = requests == null ? Map.of() : Map.copyOf(requests);
    }

    /** An input as host contract v1 sends it. */
    public ProjectEvaluationInput(String projectCode, int year, ProjectKind kind, Recurrence recurrence,
            String departmentCode, BigDecimal budgetAmount, BigDecimal paidAmount, List<IndicatorActual> indicators,
            BigDecimal selfScore, BigDecimal keyEvaluationScore, BigDecimal nextYearRequest) {
        this(projectCode, year, kind, recurrence, departmentCode, budgetAmount, paidAmount, indicators, selfScore,
                keyEvaluationScore, nextYearRequest, null);
    }

    /** The request for {@code budgetYear}: {@code requests[budgetYear]}, else {@code nextYearRequest} (rules.md §3.2; since 1.2). */
    public BigDecimal requestFor(int budgetYear) {
        BigDecimal byYear = requests.get(budgetYear);
        return byYear != null ? byYear : nextYearRequest;
    }
}
