package org.perflink.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The opted-in kinds of the open-data export (rules.md §9: adjustments, composites, assessments), each row made of
 * the public fields of a latest Adjustment or Assessment body of the year and the names of the public targets. A
 * project's row needs its public target (so never a confidential or unpublished project); a department's needs at
 * least one public target of the department (a department known only through confidential projects is never
 * named); an institution's quality grade (scope EVALUATOR) is internal and never exported. Rows in result-id order.
 */
final class OpenDataResults {

    private static final Set<String> PROJECT_SCOPES = Set.of("PROJECT", "POLICY", "TRANSFER");
    /** The scopes whose Adjustment carries a composite (§3.3, §4.2, §4.3) in its {@code basis}. */
    private static final Set<String> COMPOSITE_SCOPES = Set.of("DEPARTMENT", "POLICY", "TRANSFER", "REGION");

    private final String regionCode;
    private final int year;
    private final Map<String, Map<String, Object>> targets;
    private final Map<String, String> departmentNames = new TreeMap<>();

    /** @param targets the export's public targets by projectCode, in projectCode order */
    OpenDataResults(String regionCode, int year, Map<String, Map<String, Object>> targets) {
        this.regionCode = regionCode;
        this.year = year;
        this.targets = targets;
        targets.values().forEach(t -> {
            Object code = t.get("departmentCode");
            if (code != null) {
                departmentNames.putIfAbsent(code.toString(), (String) t.get("departmentName"));
            }
        });
    }

    /** Rows of {@link OpenDataExport#ADJUSTMENT_FIELDS}. */
    Map<String, Map<String, Object>> adjustments(Iterable<JsonNode> bodies) {
        return rows(bodies, "adjustmentId", "evaluatedYear", a -> {
            Map<String, Object> row = subject(a, OpenDataExport.ADJUSTMENT_FIELDS);
            if (row == null) {
                return null;
            }
            JsonNode basis = a.path("basis");
            row.put("budgetYear", integer(a.get("budgetYear")));
            row.put("score", OpenDataExport.text(basis.get("score")));
            row.put("grade", OpenDataExport.text(basis.get("grade")));
            for (String f : List.of("action", "ratio", "baseAmount", "deltaAmount", "ruleId")) {
                row.put(f, OpenDataExport.text(a.get(f)));
            }
            return row;
        });
    }

    /** Rows of {@link OpenDataExport#COMPOSITE_FIELDS}: the composite of each Adjustment that carries one. */
    Map<String, Map<String, Object>> composites(Iterable<JsonNode> adjustments) {
        return rows(adjustments, "adjustmentId", "evaluatedYear", a -> {
            if (!COMPOSITE_SCOPES.contains(a.path("scope").asText())) {
                return null;
            }
            Map<String, Object> row = subject(a, OpenDataExport.COMPOSITE_FIELDS);
            if (row == null) {
                return null;
            }
            JsonNode basis = a.path("basis");
            row.put("composite", OpenDataExport.text(basis.get("score")));
            row.put("grade", OpenDataExport.text(basis.get("grade")));
            row.put("coefficient", OpenDataExport.text(basis.get("coefficient")));
            return row;
        });
    }

    /** Rows of {@link OpenDataExport#ASSESSMENT_FIELDS}: departments and lower regions, never institutions. */
    Map<String, Map<String, Object>> assessments(Iterable<JsonNode> bodies) {
        return rows(bodies, "assessmentId", "year", a -> {
            if ("EVALUATOR".equals(a.path("scope").asText())) {
                return null; // rules.md §9: evaluator grades are internal
            }
            Map<String, Object> row = subject(a, OpenDataExport.ASSESSMENT_FIELDS);
            if (row == null) {
                return null;
            }
            row.put("total", OpenDataExport.text(a.get("total")));
            row.put("grade", OpenDataExport.text(a.get("grade")));
            row.put("rank", integer(a.get("rank")));
            row.put("rankOf", integer(a.get("rankOf")));
            row.put("composite", OpenDataExport.text(a.get("composite")));
            row.put("list", OpenDataExport.text(a.get("list")));
            return row;
        });
    }

    private Map<String, Map<String, Object>> rows(Iterable<JsonNode> bodies, String idField, String yearField,
            Function<JsonNode, Map<String, Object>> row) {
        Map<String, Map<String, Object>> rows = new TreeMap<>();
        for (JsonNode b : bodies) {
            if (b.path(yearField).asInt() != year || !regionCode.equals(b.path("regionCode").asText())) {
                continue;
            }
            Map<String, Object> r = row.apply(b);
            if (r != null) {
                rows.put(b.path(idField).asText(), r);
            }
        }
        return rows;
    }

    /**
     * A row of {@code fields} with its subject's public names filled in, the rest null; null when the subject has
     * nothing public (see the class comment).
     */
    private Map<String, Object> subject(JsonNode result, List<String> fields) {
        String scope = result.path("scope").asText();
        String code = OpenDataExport.text(result.get("subjectCode"));
        if (code == null) {
            return null;
        }
        String departmentCode = null;
        String departmentName = null;
        String projectName = null;
        if (PROJECT_SCOPES.contains(scope)) {
            Map<String, Object> target = targets.get(code);
            if (target == null) {
                return null;
            }
            departmentCode = (String) target.get("departmentCode");
            departmentName = (String) target.get("departmentName");
            projectName = (String) target.get("projectName");
        } else if ("DEPARTMENT".equals(scope)) {
            if (!departmentNames.containsKey(code)) {
                return null;
            }
            departmentCode = code;
            departmentName = departmentNames.get(code);
        } else if (!"REGION".equals(scope)) {
            return null;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        fields.forEach(f -> row.put(f, null));
        row.put("regionCode", regionCode);
        row.put("year", year);
        row.put("scope", scope);
        row.put("subjectCode", code);
        putIfListed(row, "departmentCode", departmentCode);
        putIfListed(row, "departmentName", departmentName);
        putIfListed(row, "projectName", projectName);
        return row;
    }

    private static void putIfListed(Map<String, Object> row, String field, Object value) {
        if (row.containsKey(field)) {
            row.put(field, value);
        }
    }

    private static Integer integer(JsonNode v) {
        return v == null || !v.canConvertToInt() || v.isNull() ? null : v.asInt();
    }
}
