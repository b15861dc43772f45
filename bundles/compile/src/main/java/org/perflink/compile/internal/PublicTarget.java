package org.perflink.compile.internal;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.perflink.api.model.Indicator;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.Target;

/**
 * A project's published target as rules.md §9 makes it public (绩效目标表), the record the compile stage keeps for
 * the open-data export at each PUBLISHED and ADJUST event: exactly the §9 target fields, decimals as strings; no
 * reviews, unit names, evaluators or reason texts. A confidential (涉密) project, or a target not (or no longer)
 * published, has none.
 */
final class PublicTarget {

    /** The fields of the record, in order; {@code indicators} holds {@link #INDICATOR_FIELDS}. */
    static final List<String> FIELDS = List.of("regionCode", "year", "departmentCode", "departmentName",
            "projectCode", "projectName", "kind", "budgetAmount", "approvedOn", "publishedOn", "overallGoal",
            "indicators");
    static final List<String> INDICATOR_FIELDS = List.of("indicatorCode", "level1", "level2", "indicatorName",
            "operator", "value", "valueMax", "unit");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PublicTarget() {
    }

    /** The record's JSON, or null when the project has nothing public (confidential, or target not published). */
    static String of(Project p) {
        Target t = p.target();
        if (p.isConfidential() || t == null || t.phase() == null || Phase.isBefore(t.phase(), Phase.PUBLISHED)) {
            return null;
        }
        ObjectNode o = MAPPER.createObjectNode();
        o.put("regionCode", p.regionCode());
        o.put("year", p.year());
        o.put("departmentCode", p.departmentCode());
        o.put("departmentName", p.departmentName());
        o.put("projectCode", p.projectCode());
        o.put("projectName", p.name());
        o.put("kind", p.kind() == null ? null : p.kind().name());
        o.put("budgetAmount", p.budgetAmount() == null ? null : p.budgetAmount().toPlainString());
        o.put("approvedOn", date(t.dateOf(Phase.APPROVED)));
        o.put("publishedOn", date(t.dateOf(Phase.PUBLISHED)));
        o.put("overallGoal", t.overallGoal());
        ArrayNode indicators = o.putArray("indicators");
        for (Indicator i : t.indicators()) {
            ObjectNode n = indicators.addObject();
            n.put("indicatorCode", i.code());
            n.put("level1", i.level1() == null ? null : i.level1().name());
            n.put("level2", i.level2() == null ? null : i.level2().name());
            n.put("indicatorName", i.name());
            n.put("operator", i.operator() == null ? null : i.operator().name());
            n.put("value", i.value());
            n.put("valueMax", i.valueMax());
            n.put("unit", i.unit());
        }
        return o.toString();
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
