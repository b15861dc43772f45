package org.perflink.reports;

import static org.perflink.reports.YearTally.decimal;
import static org.perflink.reports.YearTally.sum;
import static org.perflink.reports.YearTally.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;

import org.perflink.reports.YearFigures.Case;
import org.perflink.reports.YearFigures.Component;
import org.perflink.reports.YearFigures.Composite;
import org.perflink.reports.YearFigures.Count;
import org.perflink.reports.YearFigures.Department;
import org.perflink.reports.YearFigures.Linkage;
import org.perflink.reports.YearFigures.Notices;
import org.perflink.reports.YearFigures.Rank;

/**
 * The close-stage sections of {@link YearFigures} from the year's linkage Adjustments, notices and Assessments:
 * linkage by department and lower region, composites, notices with their cases, the ranking.
 */
final class YearSections {

    private static final List<String> NOTICE_TYPES = List.of("REMINDER", "RECTIFICATION", "INTERVIEW", "REFERRAL");
    private static final List<String> CASE_STATES = List.of("ISSUED", "ESCALATED", "REFERRED");
    private static final List<String> RANKED = List.of("DEPARTMENT", "REGION");

    private final UnaryOperator<String> names;

    YearSections(UnaryOperator<String> names) {
        this.names = names;
    }

    /**
     * Per department with a ceiling Adjustment or allocations inside it, then per lower region with a transfer
     * envelope: the moved amount, and apart from it the allocations of the department's projects.
     */
    List<Linkage> linkage(Map<String, JsonNode> ceilings, Map<String, JsonNode> envelopes, List<Department> departments,
            Map<String, List<Map.Entry<String, YearTally.ProjectTally>>> byDepartment) {
        List<Linkage> out = new ArrayList<>();
        for (Department d : departments) {
            long allocations = 0;
            long reduced = 0;
            long prioritized = 0;
            BigDecimal allocationDelta = null;
            for (Map.Entry<String, YearTally.ProjectTally> e : byDepartment.getOrDefault(d.code(), List.of())) {
                YearTally.ProjectTally p = e.getValue();
                allocations += p.allocations;
                reduced += p.reduced;
                prioritized += p.prioritized;
                allocationDelta = p.adjustmentDelta == null ? allocationDelta : sum(allocationDelta, p.adjustmentDelta);
            }
            JsonNode ceiling = ceilings.get(d.code());
            if (ceiling != null || allocations > 0) {
                out.add(linkage("DEPARTMENT", d.code(), ceiling, allocations, allocationDelta, reduced, prioritized));
            }
        }
        envelopes.forEach((code, a) -> out.add(linkage("REGION", code, a, 0, null, 0, 0)));
        return out;
    }

    private Linkage linkage(String scope, String code, JsonNode a, long allocations, BigDecimal allocationDelta,
            long reduced, long prioritized) {
        if (a == null) {
            return new Linkage(scope, code, name(scope, code), null, null, null, null, null, allocations,
                    allocationDelta, reduced, prioritized);
        }
        JsonNode budgetYear = a.get("budgetYear");
        return new Linkage(scope, code, name(scope, code), budgetYear == null ? null : budgetYear.asInt(),
                decimal(a, "baseAmount"), decimal(a, "deltaAmount"), decimal(a, "ratio"), text(a, "action"), allocations,
                allocationDelta, reduced, prioritized);
    }

    /** The composites of departments, then of lower regions, as their linkage Adjustments' basis states them. */
    List<Composite> composites(Map<String, JsonNode> ceilings, Map<String, JsonNode> envelopes) {
        List<Composite> out = new ArrayList<>();
        ceilings.forEach((code, a) -> out.add(composite("DEPARTMENT", code, a)));
        envelopes.forEach((code, a) -> out.add(composite("REGION", code, a)));
        return out;
    }

    private Composite composite(String scope, String code, JsonNode a) {
        JsonNode basis = a.path("basis");
        List<Component> components = new ArrayList<>();
        JsonNode parts = basis.path("components");
        new TreeMap<String, JsonNode>(fields(parts)).forEach((name, c) -> components.add(
                new Component(name, decimal(c, "score"), decimal(c, "weight"), text(c, "source"))));
        return new Composite(scope, code, name(scope, code), decimal(basis, "score"), text(basis, "grade"),
                decimal(basis, "coefficient"), components);
    }

    /** The notices by type, their cases (by case id) and the cases by state. */
    Notices notices(List<JsonNode> notices) {
        Map<String, Long> byType = new LinkedHashMap<>();
        NOTICE_TYPES.forEach(t -> byType.put(t, 0L));
        Map<String, List<JsonNode>> cases = new TreeMap<>();
        for (JsonNode n : notices) {
            String type = text(n, "type");
            if (type != null) {
                byType.merge(type, 1L, Long::sum);
            }
            String caseId = text(n, "caseId") != null ? text(n, "caseId") : text(n, "noticeId");
            cases.computeIfAbsent(caseId == null ? "?" : caseId, c -> new ArrayList<>()).add(n);
        }
        List<Case> rows = new ArrayList<>();
        Map<String, Long> byState = new LinkedHashMap<>();
        CASE_STATES.forEach(s -> byState.put(s, 0L));
        cases.forEach((id, steps) -> {
            steps.sort(Comparator.comparingInt((JsonNode s) -> NOTICE_TYPES.indexOf(text(s, "type")))
                    .thenComparing(s -> String.valueOf(text(s, "noticeId"))));
            JsonNode first = steps.get(0);
            JsonNode latest = steps.get(steps.size() - 1);
            String latestType = text(latest, "type");
            String state = "REFERRAL".equals(latestType) ? "REFERRED" : steps.size() > 1 ? "ESCALATED" : "ISSUED";
            byState.merge(state, 1L, Long::sum);
            String scope = text(first, "scope") == null ? "DEPARTMENT" : text(first, "scope");
            String subject = text(first, "subjectCode") != null ? text(first, "subjectCode") : text(first, "departmentCode");
            rows.add(new Case(id, scope, subject, name(scope, subject), text(first, "type"), latestType, steps.size(),
                    text(latest, "dueDate"), text(latest, "referralTo"), state));
        });
        return new Notices(counts(byType), counts(byState), rows);
    }

    /** The assessed departments, then lower regions, each by rank and code. */
    List<Rank> ranking(List<JsonNode> assessments) {
        List<Rank> out = new ArrayList<>();
        for (JsonNode a : assessments) {
            String scope = text(a, "scope");
            if (RANKED.contains(scope)) {
                String code = text(a, "subjectCode");
                out.add(new Rank(scope, code, name(scope, code), a.path("rank").asInt(), a.path("rankOf").asInt(),
                        decimal(a, "total"), text(a, "grade"), decimal(a, "composite"), text(a, "list")));
            }
        }
        out.sort(Comparator.comparingInt((Rank r) -> RANKED.indexOf(r.scope())).thenComparingInt(Rank::rank)
                .thenComparing(r -> String.valueOf(r.code())));
        return out;
    }

    private String name(String scope, String code) {
        return "REGION".equals(scope) || code == null ? code : names.apply(code);
    }

    private static List<Count> counts(Map<String, Long> counts) {
        List<Count> out = new ArrayList<>();
        counts.forEach((k, n) -> out.add(new Count(k, Labels.zh(k), Labels.en(k), n)));
        return out;
    }

    private static Map<String, JsonNode> fields(JsonNode object) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
