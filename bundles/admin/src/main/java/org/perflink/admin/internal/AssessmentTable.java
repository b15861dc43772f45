package org.perflink.admin.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.perflink.api.model.ResultKind;
import org.perflink.store.ResultLedger;
import org.perflink.store.StoredResult;

/**
 * The ranked table of a region's work assessments (预算绩效管理工作考核, rules.md §6) of one year, shared by
 * {@code perflink:ranking} and the admin REST API ({@code GET regions/{code}/ranking?year=}): the Assessments PerfLink
 * wrote (scope DEPARTMENT, then REGION), each with its rank, total, grade, composite, praise/criticism list and each
 * part's points and the records behind them. Read from the result ledger, whatever the host acknowledged.
 */
public final class AssessmentTable {

    /** The scopes ranked, in the order they are shown: departments, then lower regions. */
    public static final List<String> SCOPES = List.of("DEPARTMENT", "REGION");

    /** Short zh-CN / English names of the parts, in the order they are written. */
    public static final Map<String, String[]> PARTS = parts();

    /** Bounds what one table makes the store read: far more than a region's departments and lower regions. */
    static final int MAX_ROWS = 20_000;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One subject's row: the Assessment's JSON body as written to the host. */
    public record Row(String scope, String subject, int rank, int rankOf, JsonNode body) {

        public String text(String field) {
            JsonNode n = body.get(field);
            return n == null || n.isNull() ? null : n.asText();
        }
    }

    private AssessmentTable() {
    }

    private static Map<String, String[]> parts() {
        Map<String, String[]> m = new LinkedHashMap<>();
        m.put("ASSESS_TARGETS_ON_TIME", new String[] {"目标四同步", "targets on time"});
        m.put("ASSESS_TARGETS_QUALITY", new String[] {"目标质量", "target quality"});
        m.put("ASSESS_MONITORING_COVERAGE", new String[] {"监控覆盖", "monitoring coverage"});
        m.put("ASSESS_WARNINGS_HANDLED", new String[] {"预警纠偏", "warnings handled"});
        m.put("ASSESS_SELF_EVAL_COVERAGE", new String[] {"自评覆盖", "self-evaluation coverage"});
        m.put("ASSESS_SELF_EVAL_HONESTY", new String[] {"自评真实", "self-evaluation honesty"});
        m.put("ASSESS_RECTIFICATION_ON_TIME", new String[] {"按时整改", "rectification on time"});
        m.put("ASSESS_RESULTS_APPLIED", new String[] {"结果应用", "results applied"});
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * The rows of a region's year (null: the latest year assessed), departments then lower regions, each by rank and
     * subject code. Institutions' quality grades (scope EVALUATOR) are not ranked here.
     */
    public static List<Row> find(ResultLedger ledger, String region, Integer year) {
        List<JsonNode> bodies = new ArrayList<>();
        for (StoredResult r : ledger.latestResults(region, ResultKind.ASSESSMENT, MAX_ROWS)) {
            JsonNode body = read(r.body());
            if (body != null && SCOPES.contains(body.path("scope").asText())) {
                bodies.add(body);
            }
        }
        int y = year != null ? year : bodies.stream().mapToInt(b -> b.path("year").asInt()).max().orElse(0);
        List<Row> rows = new ArrayList<>();
        for (JsonNode b : bodies) {
            if (b.path("year").asInt() == y) {
                rows.add(new Row(b.path("scope").asText(), b.path("subjectCode").asText(), b.path("rank").asInt(),
                        b.path("rankOf").asInt(), b));
            }
        }
        rows.sort(Comparator.comparingInt((Row r) -> SCOPES.indexOf(r.scope())).thenComparingInt(Row::rank)
                .thenComparing(Row::subject));
        return rows;
    }

    /** The year of the rows (all share one), null when there are none. */
    public static Integer yearOf(List<Row> rows) {
        return rows.isEmpty() ? null : rows.get(0).body().path("year").asInt();
    }

    /** The table as the REST API answers it. */
    public static ObjectNode json(ObjectMapper mapper, String region, List<Row> rows) {
        ObjectNode out = mapper.createObjectNode();
        out.put("region", region);
        Integer year = yearOf(rows);
        if (year == null) {
            out.putNull("year");
        } else {
            out.put("year", year);
        }
        ArrayNode parts = out.putArray("parts");
        PARTS.forEach((id, names) -> parts.addObject().put("ruleId", id).put("zh", names[0]).put("en", names[1]));
        for (String scope : SCOPES) {
            ArrayNode items = out.putArray(scope.equals("DEPARTMENT") ? "departments" : "regions");
            rows.stream().filter(r -> r.scope().equals(scope)).forEach(r -> items.add(r.body().deepCopy()));
        }
        return out;
    }

    /** The table as {@code perflink:ranking} prints it: zh-CN first, English beside. */
    public static String text(String region, List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        Integer year = yearOf(rows);
        if (year == null) {
            return "区划 " + region + " 暂无工作考核结果 (no work assessment yet for region " + region + ")\n";
        }
        sb.append("区划 ").append(region).append(' ').append(year).append(" 年度预算绩效管理工作考核 (work assessment and ranking)\n");
        for (String scope : SCOPES) {
            List<Row> of = rows.stream().filter(r -> r.scope().equals(scope)).toList();
            if (of.isEmpty()) {
                continue;
            }
            sb.append(scope.equals("DEPARTMENT") ? "部门 (departments)" : "下级区划 (lower regions)").append('\n');
            sb.append(String.format("  %-4s %-10s %-7s %-10s %-7s %-10s %s%n", "排名", "对象", "得分", "等级", "综合",
                    "通报", "各项得分 (part points: figures)"));
            for (Row r : of) {
                String list = r.text("list");
                sb.append(String.format("  %-4s %-10s %-7s %-10s %-7s %-10s%n", r.rank() + "/" + r.rankOf(), r.subject(),
                        r.text("total"), r.text("grade"), r.text("composite") == null ? "-" : r.text("composite"),
                        list == null ? "" : list.equals("PRAISE") ? "表扬 PRAISE" : "批评 CRITICISM"));
                for (JsonNode p : r.body().path("parts")) {
                    String[] names = PARTS.getOrDefault(p.path("ruleId").asText(), new String[] {p.path("ruleId").asText(), ""});
                    sb.append("      ").append(names[0]).append(" (").append(names[1]).append(") ")
                            .append(p.path("points").asText()).append('/').append(p.path("max").asText());
                    JsonNode figures = p.path("figures");
                    if (figures.size() > 0) {
                        List<String> f = new ArrayList<>();
                        figures.fields().forEachRemaining(e -> f.add(e.getKey() + "=" + e.getValue().asText()));
                        sb.append("  ").append(String.join(" ", f));
                    }
                    sb.append('\n');
                }
            }
        }
        return sb.toString();
    }

    private static JsonNode read(String json) {
        try {
            return json == null ? null : MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return null; // not an Assessment body PerfLink can show; the table leaves it out
        }
    }
}
