package org.perflink.api.model;

import java.math.BigDecimal;
import java.util.List;

/** A project's post-year evaluation score with its breakdown. */
public record Score(
        String scoreId,
        String projectCode,
        String regionCode,
        int year,
        BigDecimal score,
        Grade grade,
        Source source,
        List<Part> breakdown,
        BigDecimal selfScore,
        List<Finding> findings,
        String rulePack) {

    public enum Source { SELF_EVALUATION, KEY_EVALUATION }

    public Score {
        breakdown = breakdown == null ? List.of() : List.copyOf(breakdown);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /**
     * One line of the breakdown: EXECUTION_RATE, or INDICATOR with its code; a part dropped as not applicable
     * has no points and, when the host said why, its {@code notApplicableReason} (since 1.2).
     */
    public record Part(String part, String code, BigDecimal points, BigDecimal max, String notApplicableReason) {

        public Part(String part, String code, BigDecimal points, BigDecimal max) {
            this(part, code, points, max, null);
        }
    }

    public static String idOf(String projectCode, int year) {
        return projectCode + "." + year;
    }
}
