package org.perflink.admin.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.perflink.reports.SheetTable;
import org.perflink.reports.Xlsx;

/**
 * The admin page's lists as xlsx (one sheet, Chinese column names), a sheet filled page by page from the API's JSON
 * answers ({@link LongExports}), so a download holds what the table's filters select. Figures (seq, score, amounts, HTTP status) are numbers; every
 * text goes through the reports' formula guard ({@link Xlsx}).
 */
final class ListSheets {

    static final List<String> RESULT_COLUMNS = List.of("类型", "阶段", "结果编号", "对象", "状态", "序号", "结论/等级",
            "得分", "调整金额(元)", "生成时间", "送达时间");
    static final List<String> DEAD_LETTER_COLUMNS = List.of("编号", "类型", "键", "HTTP 状态", "原因", "时间", "阶段", "对象",
            "状态", "重放时间");
    static final List<String> RANKING_COLUMNS = List.of("范围", "排名", "参评数", "对象", "得分", "等级", "综合得分", "通报",
            "年度");
    static final List<String> AUDIT_COLUMNS = List.of("编号", "时间", "操作人", "操作", "对象", "操作前", "操作后");

    private ListSheets() {
    }

    /** {@code items} of a results answer. */
    static SheetTable results(ObjectNode page) {
        SheetTable.Builder sheet = resultSheet();
        addResults(sheet, page);
        return sheet.build();
    }

    /** An empty results sheet, for {@link #addResults} page by page. */
    static SheetTable.Builder resultSheet() {
        return SheetTable.named("最新结果", RESULT_COLUMNS);
    }

    /** Adds the {@code items} of a results answer; returns how many. */
    static int addResults(SheetTable.Builder sheet, ObjectNode page) {
        return addEach(sheet, page, ListSheets::resultRow);
    }

    /** Adds a row for each of the {@code items} of an answer; returns how many. */
    private static int addEach(SheetTable.Builder sheet, ObjectNode page, BiConsumer<SheetTable.Builder, JsonNode> row) {
        int n = 0;
        for (JsonNode item : page.path("items")) {
            n++;
            row.accept(sheet, item);
        }
        return n;
    }

    private static void resultRow(SheetTable.Builder sheet, JsonNode n) {
        JsonNode r = n.path("result");
        sheet.row(text(n, "kind"), text(n, "stage"), text(n, "id"), text(n, "subject"), text(n, "state"),
                number(n.get("seq")), outcome(r), number(r.get("score")), number(r.get("deltaAmount")),
                text(n, "createdAt"), text(n, "deliveredAt"));
    }

    static SheetTable.Builder deadLetterSheet() {
        return SheetTable.named("死信", DEAD_LETTER_COLUMNS);
    }

    /** Adds the {@code items} of a dead-letter answer; returns how many. */
    static int addDeadLetters(SheetTable.Builder sheet, ObjectNode page) {
        return addEach(sheet, page, (s, d) -> s.row(number(d.get("id")), text(d, "kind"), text(d, "key"),
                number(d.get("httpStatus")), text(d, "reason"), text(d, "createdAt"), text(d, "stage"),
                text(d, "subject"), text(d, "state"), text(d, "replayedAt")));
    }

    static SheetTable.Builder auditSheet() {
        return SheetTable.named("审计日志", AUDIT_COLUMNS);
    }

    /** Adds the {@code items} of an audit answer; returns how many. */
    static int addAudit(SheetTable.Builder sheet, ObjectNode page) {
        return addEach(sheet, page, (s, a) -> s.row(number(a.get("id")), text(a, "at"), text(a, "actor"),
                text(a, "action"), text(a, "target"), text(a, "before"), text(a, "after")));
    }

    static SheetTable.Builder rankingSheet() {
        return SheetTable.named("考核排名", RANKING_COLUMNS);
    }

    /** Adds the {@code items} of a ranking answer (Assessment bodies); returns how many. */
    static int addRanking(SheetTable.Builder sheet, ObjectNode page) {
        return addEach(sheet, page, (s, a) -> s.row("REGION".equals(text(a, "scope")) ? "下级区划" : "部门",
                number(a.get("rank")), number(a.get("rankOf")), text(a, "subjectCode"), number(a.get("total")),
                text(a, "grade"), number(a.get("composite")), text(a, "list"), number(a.get("year"))));
    }

    static byte[] bytes(SheetTable sheet) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Xlsx.write(List.of(sheet), out);
        return out.toByteArray();
    }

    /** A verdict's outcome, a warning's level, a score's grade, an adjustment's action, a notice's type. */
    private static String outcome(JsonNode result) {
        for (String field : List.of("outcome", "level", "grade", "action", "type")) {
            JsonNode v = result.get(field);
            if (v != null && v.isTextual()) {
                return v.asText();
            }
        }
        return null;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** A JSON number, or a decimal string as the host contract writes amounts; else empty. */
    private static BigDecimal number(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        try {
            return new BigDecimal(v.asText());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
