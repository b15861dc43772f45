package org.perflink.api.model;

import java.math.BigDecimal;
import java.util.Map;

/** Linkage (挂钩) of an evaluation result to next year's budget. */
public record Adjustment(
        String adjustmentId,
        String regionCode,
        int evaluatedYear,
        int budgetYear,
        Scope scope,
        String subjectCode,
        Map<String, String> basis,
        Action action,
        BigDecimal ratio,
        BigDecimal baseAmount,
        BigDecimal deltaAmount,
        String ruleId,
        String explanation,
        String explanationEn) {

    public enum Scope { PROJECT, POLICY, TRANSFER, DEPARTMENT }

    public enum Action { PRIORITIZE, KEEP, REDUCE, SUSPEND, CANCEL, CONTINUE, ADJUST, TERMINATE }

    public Adjustment {
        basis = basis == null ? Map.of() : Map.copyOf(basis);
    }

    /** {@code {region}-{year}.{scope}.{subject}}. */
    public static String idOf(String regionCode, int evaluatedYear, Scope scope, String subjectCode) {
        return regionCode + "-" + evaluatedYear + "." + scope + "." + subjectCode;
    }
}
