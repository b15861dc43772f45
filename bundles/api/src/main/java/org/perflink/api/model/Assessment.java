package org.perflink.api.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * An Assessment (host contract v1.1, since 1.2): 预算绩效管理工作考核 of a department or a lower region, or an
 * institution's annual quality grade (scope EVALUATOR). Id {@code {regionCode}-{year}.{scope}.{subjectCode}}.
 */
public record Assessment(
        String assessmentId,
        String regionCode,
        int year,
        Scope scope,
        String subjectCode,
        BigDecimal total,
        Grade grade,
        Integer rank,
        Integer rankOf,
        BigDecimal composite,
        String list,
        List<Part> parts,
        String rulePack,
        OffsetDateTime assessedAt) {

    public enum Scope { DEPARTMENT, REGION, EVALUATOR }

    public Assessment {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    /** One part: its rule, the points earned of {@code max} (null for a cost), and the figures behind it. */
    public record Part(String ruleId, BigDecimal points, BigDecimal max, Map<String, String> figures) {
        public Part {
            figures = figures == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(figures));
        }
    }

    public static String idOf(String regionCode, int year, Scope scope, String subjectCode) {
        return regionCode + "-" + year + "." + scope + "." + subjectCode;
    }
}
