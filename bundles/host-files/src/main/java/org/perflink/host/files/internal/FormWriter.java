package org.perflink.host.files.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes contract items as the forms and CSV files the folder reads (the demo's workbooks, the sample in docs/,
 * tests): the inverse of {@link WorkbookReader} and {@link CsvReader}, in the forms' own words (产出指标, ≥, 是).
 * Fields the forms have no row for go in rows labelled with the contract's field name, as JSON.
 */
public final class FormWriter {

    private static final Map<String, String> LEVEL1 = Map.of("COST", "成本指标", "OUTPUT", "产出指标", "BENEFIT", "效益指标",
            "SATISFACTION", "满意度指标");
    private static final Map<String, String> LEVEL2 = Map.ofEntries(Map.entry("QUANTITY", "数量指标"),
            Map.entry("QUALITY", "质量指标"), Map.entry("TIMELINESS", "时效指标"), Map.entry("COST", "成本指标"),
            Map.entry("ECONOMIC_COST", "经济成本指标"), Map.entry("SOCIAL_COST", "社会成本指标"),
            Map.entry("ECOLOGICAL_COST", "生态环境成本指标"), Map.entry("ECONOMIC", "经济效益指标"),
            Map.entry("SOCIAL", "社会效益指标"), Map.entry("ECOLOGICAL", "生态效益指标"),
            Map.entry("SUSTAINABLE", "可持续影响指标"), Map.entry("SATISFACTION", "服务对象满意度指标"));
    private static final Map<String, String> TYPE = Map.of("QUANTITATIVE", "定量", "QUALITATIVE", "定性");
    private static final Map<String, String> OPERATOR = Map.of("GE", "≥", "GT", ">", "LE", "≤", "LT", "<", "EQ", "=",
            "RANGE", "区间");
    private static final Map<String, String> SOURCE = Map.of("PLAN", "计划标准", "INDUSTRY", "行业标准", "HISTORY", "历史标准",
            "OTHER", "其他标准");
    private static final Map<String, String> KIND = Map.of("PROJECT", "项目支出", "POLICY", "政策", "TRANSFER", "转移支付");
    private static final Map<String, String> RECURRENCE = Map.of("ONE_OFF", "一次性", "CONTINUING", "延续性", "RECURRING", "常年性");

    /** Project fields with a row of their own on the 申报表. */
    private static final Set<String> DECLARATION_FIELDS = Set.of("projectCode", "name", "year", "departmentCode",
            "departmentName", "unitCode", "unitName", "kind", "functionCode", "isNew", "isMajor", "budgetAmount",
            "budgetPhase", "revision", "target", "regionCode");
    private static final Set<String> EVALUATION_FIELDS = Set.of("projectCode", "year", "departmentCode", "kind",
            "recurrence", "budgetAmount", "paidAmount", "selfScore", "keyEvaluationScore", "nextYearRequest", "indicators");

    private FormWriter() {
    }

    /** A 项目支出绩效目标申报表 workbook, one project per sheet; {@code phase} is the 报送阶段 (null: 无, no event). */
    public static void declaration(OutputStream out, List<JsonNode> projects, String phase) throws IOException {
        Workbook wb = new Workbook(out, "PerfLink", "1.0");
        for (JsonNode p : projects) {
            Worksheet ws = wb.newWorksheet(sheetName(p));
            Rows r = new Rows(ws);
            r.title("项目支出绩效目标申报表（" + p.path("year").asText() + "年度）");
            r.pair("项目名称", text(p, "name"), "项目编码", text(p, "projectCode"));
            r.pair("年度", text(p, "year"), "报送阶段", phase == null ? "无" : phase);
            r.pair("主管部门编码", text(p, "departmentCode"), "主管部门名称", text(p, "departmentName"));
            r.pair("实施单位编码", text(p, "unitCode"), "实施单位名称", text(p, "unitName"));
            r.pair("项目类型", word(KIND, text(p, "kind")), "功能分类", text(p, "functionCode"));
            r.pair("新增项目", yesNo(p.get("isNew")), "重大项目", yesNo(p.get("isMajor")));
            r.row("资金情况", "年度资金总额（元）", text(p, "budgetAmount"));
            r.pair("预算阶段", text(p, "budgetPhase"), "版本", text(p, "revision"));
            JsonNode target = p.path("target");
            if (target.isObject()) {
                r.pair("目标阶段", text(target, "phase"), null, null);
                r.pair("年度总体目标", text(target, "overallGoal"), null, null);
            }
            extensions(r, p, DECLARATION_FIELDS, "");
            if (target.isObject()) {
                extensions(r, target, Set.of("phase", "overallGoal", "indicators"), "target.");
            }
            r.row("一级指标", "二级指标", "三级指标", "指标编码", "指标类型", "比较符", "指标值", "上限值", "计量单位", "指标值来源", "分值");
            for (JsonNode i : target.path("indicators")) {
                r.row(word(LEVEL1, text(i, "level1")), word(LEVEL2, text(i, "level2")), text(i, "name"), text(i, "code"),
                        word(TYPE, text(i, "type")), word(OPERATOR, text(i, "operator")), text(i, "value"),
                        text(i, "valueMax"), text(i, "unit"), word(SOURCE, text(i, "valueSource")), text(i, "weight"));
            }
        }
        wb.finish();
    }

    /**
     * A 项目支出绩效自评表 workbook, one evaluation input per sheet; names and levels of the indicators from the
     * projects (by projectCode) when given. {@code phase}: 报送阶段 (null: 无).
     */
    public static void selfEvaluation(OutputStream out, List<JsonNode> evaluations, Map<String, JsonNode> projects,
            String phase) throws IOException {
        Workbook wb = new Workbook(out, "PerfLink", "1.0");
        for (JsonNode e : evaluations) {
            JsonNode project = projects.getOrDefault(e.path("projectCode").asText(), com.fasterxml.jackson.databind.node.MissingNode.getInstance());
            Worksheet ws = wb.newWorksheet(sheetName(e));
            Rows r = new Rows(ws);
            r.title("项目支出绩效自评表（" + e.path("year").asText() + "年度）");
            r.pair("项目名称", text(project, "name"), "项目编码", text(e, "projectCode"));
            r.pair("年度", text(e, "year"), "报送阶段", phase == null ? "无" : phase);
            r.pair("主管部门编码", text(e, "departmentCode"), "项目类型", word(KIND, text(e, "kind")));
            r.pair("项目属性", word(RECURRENCE, text(e, "recurrence")), null, null);
            r.row("资金情况", "全年预算数（元）", text(e, "budgetAmount"), "全年执行数（元）", text(e, "paidAmount"));
            r.pair("自评得分", text(e, "selfScore"), "重点评价得分", text(e, "keyEvaluationScore"));
            r.pair("下年度申请数", text(e, "nextYearRequest"), null, null);
            extensions(r, e, EVALUATION_FIELDS, "");
            r.row("一级指标", "二级指标", "三级指标", "指标编码", "指标值", "实际完成值", "是否不适用", "不适用原因");
            for (JsonNode a : e.path("indicators")) {
                JsonNode t = indicator(project, text(a, "code"));
                String name = text(t, "name") != null ? text(t, "name") : text(a, "code");
                r.row(word(LEVEL1, text(t, "level1")), word(LEVEL2, text(t, "level2")), name, text(a, "code"),
                        text(t, "value"), text(a, "actual"), yesNo(a.get("notApplicable")), text(a, "notApplicableReason"));
            }
        }
        wb.finish();
    }

    private static JsonNode indicator(JsonNode project, String code) {
        for (JsonNode i : project.path("target").path("indicators")) {
            if (code != null && code.equals(i.path("code").asText(null))) {
                return i;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** Execution snapshots as CSV: one line per indicator (the snapshot's columns repeated). */
    public static String executionCsv(List<JsonNode> snapshots) {
        StringBuilder csv = new StringBuilder("projectCode,year,asOf,budgetAmount,paidAmount,指标编码,完成值\n");
        for (JsonNode s : snapshots) {
            List<String> head = List.of(str(s, "projectCode"), str(s, "year"), str(s, "asOf"), str(s, "budgetAmount"),
                    str(s, "paidAmount"));
            if (s.path("indicators").isEmpty()) {
                line(csv, head, "", "");
            }
            for (JsonNode i : s.path("indicators")) {
                line(csv, head, str(i, "code"), str(i, "actual"));
            }
        }
        return csv.toString();
    }

    /** Items as CSV with the contract's field names as columns, objects and arrays as JSON (departments, evaluators, feedback). */
    public static String itemsCsv(List<JsonNode> items) {
        Set<String> columns = new LinkedHashSet<>();
        items.forEach(i -> i.fieldNames().forEachRemaining(columns::add));
        StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
        for (JsonNode i : items) {
            List<String> cells = new ArrayList<>();
            for (String c : columns) {
                JsonNode v = i.get(c);
                cells.add(v == null || v.isNull() ? "" : v.isContainerNode() ? v.toString() : v.asText());
            }
            line(csv, cells);
        }
        return csv.toString();
    }

    /** Stage events as CSV: 阶段, 环节, 年度, 截止日期, 项目编码 (separated by ;), 发生时间. */
    public static String eventsCsv(List<JsonNode> events) {
        StringBuilder csv = new StringBuilder("阶段,环节,年度,截止日期,项目编码,发生时间\n");
        for (JsonNode e : events) {
            List<String> codes = new ArrayList<>();
            e.path("projectCodes").forEach(c -> codes.add(c.asText()));
            line(csv, List.of(str(e, "stage"), str(e, "phase"), str(e, "year"), str(e, "asOf"), String.join(";", codes),
                    str(e, "occurredAt")));
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<String> head, String... more) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(more));
        for (int i = 0; i < all.size(); i++) {
            String v = all.get(i);
            csv.append(i == 0 ? "" : ",").append(v.matches(".*[\",\\n\\r].*") ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
        }
        csv.append('\n');
    }

    private static void extensions(Rows r, JsonNode item, Set<String> covered, String prefix) {
        item.fields().forEachRemaining(f -> {
            if (!covered.contains(f.getKey()) && !f.getValue().isNull()) {
                r.pair(prefix + f.getKey(), f.getValue().isContainerNode() ? f.getValue().toString() : f.getValue().asText(), null, null);
            }
        });
    }

    private static String sheetName(JsonNode item) {
        String code = item.path("projectCode").asText("项目");
        String safe = code.replaceAll("[\\[\\]*?/\\\\:]", "_");
        return safe.length() > 31 ? safe.substring(safe.length() - 31) : safe;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    private static String str(JsonNode n, String field) {
        String t = text(n, field);
        return t == null ? "" : t;
    }

    private static String word(Map<String, String> words, String value) {
        return value == null ? null : words.getOrDefault(value, value);
    }

    private static String yesNo(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isBoolean() ? (v.asBoolean() ? "是" : "否") : v.asText();
    }

    /** Rows of a sheet, top down. */
    private static final class Rows {
        private final Worksheet ws;
        private int row;

        Rows(Worksheet ws) {
            this.ws = ws;
        }

        void title(String title) {
            ws.value(row, 0, title);
            ws.style(row, 0).bold().set();
            row++;
        }

        void pair(String label, String value, String label2, String value2) {
            if (value == null && value2 == null) {
                return;
            }
            List<String> cells = new ArrayList<>();
            if (value != null) {
                cells.add(label);
                cells.add(value);
            }
            if (value2 != null) {
                cells.add(label2);
                cells.add(value2);
            }
            row(cells.toArray(String[]::new));
        }

        void row(String... cells) {
            for (int c = 0; c < cells.length; c++) {
                if (cells[c] != null) {
                    ws.value(row, c, cells[c]);
                }
            }
            row++;
        }
    }
}
