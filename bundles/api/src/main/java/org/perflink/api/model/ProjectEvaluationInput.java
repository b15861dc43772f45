package org.perflink.api.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * 决算后评价数据 of one project; the targets come from the {@link Project} of the same code and year. Since 1.2
 * (host contract v1.1) {@code evaluation} says who produced {@code keyEvaluationScore}; {@code requests}: requests
 * by budget year (since 1.2).
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
        Evaluation evaluation,
        Map<Integer, BigDecimal> requests) {

    public ProjectEvaluationInput {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        requests = requests == null ? Map.of() : Map.copyOf(requests);
    }

    /** An input with the requests by budget year and no evaluation (since 1.2). */
    public ProjectEvaluationInput(String projectCode, int year, ProjectKind kind, Recurrence recurrence,
            String departmentCode, BigDecimal budgetAmount, BigDecimal paidAmount, List<IndicatorActual> indicators,
            BigDecimal selfScore, BigDecimal keyEvaluationScore, BigDecimal nextYearRequest,
            Map<Integer, BigDecimal> requests) {
        this(projectCode, year, kind, recurrence, departmentCode, budgetAmount, paidAmount, indicators, selfScore,
                keyEvaluationScore, nextYearRequest, null, requests);
    }

    /** An input with who evaluated and no requests by budget year (since 1.2). */
    public ProjectEvaluationInput(String projectCode, int year, ProjectKind kind, Recurrence recurrence,
            String departmentCode, BigDecimal budgetAmount, BigDecimal paidAmount, List<IndicatorActual> indicators,
            BigDecimal selfScore, BigDecimal keyEvaluationScore, BigDecimal nextYearRequest, Evaluation evaluation) {
        this(projectCode, year, kind, recurrence, departmentCode, budgetAmount, paidAmount, indicators, selfScore,
                keyEvaluationScore, nextYearRequest, evaluation, null);
    }

    /** The request for {@code budgetYear}: {@code requests[budgetYear]}, else {@code nextYearRequest} (rules.md §3.2; since 1.2). */
    public BigDecimal requestFor(int budgetYear) {
        BigDecimal byYear = requests.get(budgetYear);
        return byYear != null ? byYear : nextYearRequest;
    }

    /** An evaluation input as host contract v1 describes it. */
    public ProjectEvaluationInput(String projectCode, int year, ProjectKind kind, Recurrence recurrence,
            String departmentCode, BigDecimal budgetAmount, BigDecimal paidAmount, List<IndicatorActual> indicators,
            BigDecimal selfScore, BigDecimal keyEvaluationScore, BigDecimal nextYearRequest) {
        this(projectCode, year, kind, recurrence, departmentCode, budgetAmount, paidAmount, indicators, selfScore,
                keyEvaluationScore, nextYearRequest, null, null);
    }

    /**
     * Who evaluated (财政重点评价 or a third party): the institution, the experts, the contract's {@code dueDate},
     * the {@code reportDate} and the report's own actuals.
     */
    public record Evaluation(Kind kind, String institutionId, List<String> evaluatorIds, LocalDate dueDate,
            LocalDate reportDate, String reportUrl, Boolean reportPublic, List<IndicatorActual> indicators) {
        public enum Kind { FINANCE, THIRD_PARTY }

        public Evaluation {
            evaluatorIds = evaluatorIds == null ? List.of() : List.copyOf(evaluatorIds);
            indicators = indicators == null ? List.of() : List.copyOf(indicators);
        }
    }
}
