package org.perflink.api.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * 决算后评价数据 of one project; the targets come from the {@link Project} of the same code and year. Since 1.2
 * (host contract v1.1) {@code evaluation} says who produced {@code keyEvaluationScore}.
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
        Evaluation evaluation) {

    public ProjectEvaluationInput {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }

    /** An evaluation input as host contract v1 describes it. */
    public ProjectEvaluationInput(String projectCode, int year, ProjectKind kind, Recurrence recurrence,
            String departmentCode, BigDecimal budgetAmount, BigDecimal paidAmount, List<IndicatorActual> indicators,
            BigDecimal selfScore, BigDecimal keyEvaluationScore, BigDecimal nextYearRequest) {
        this(projectCode, year, kind, recurrence, departmentCode, budgetAmount, paidAmount, indicators, selfScore,
                keyEvaluationScore, nextYearRequest, null);
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
