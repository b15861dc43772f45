package org.perflink.admin.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.perflink.reports.SheetTable;
import org.perflink.reports.Xlsx;

/**
 * The admin page's lists as xlsx (one sheet, Chinese column names): the same page of items the API's JSON answer
 * holds, so a download shows what the table shows. Figures (seq, score, amounts, HTTP status) are numbers; every
 * text goes through the reports' formula guard ({@link Xlsx}).
 */
final class ListSheets {

    static final List<String> RESULT_COLUMNS = List.of("类型", "阶段", "结果编号", "对象", "状态", "序号", "结论/等级",
            "得分", "调整金额(元)", "生成时间", "送达时间");
    static final List<String> DEAD_LETTER_COLUMNS = List.of("编号", "类型", "键", "HTTP 状态", "原因", "时间");
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
        int n = 0;
        for (JsonNode item : page.path("items")) {
            n++;
            resultRow(sheet, item);
        }
        return n;
    }

    private static void resultRow(SheetTable.Builder sheet, JsonNode n) {
        JsonNode r = n.path("result");
        sheet.row(text(n, "kind"), text(n, "stage"), text(n, "id"), text(n, "subject"), text(n, "state"),
                number(n.get("seq")), outcome(r), number(r.get("score")), number(r.get("deltaAmount")),
                text(n, "createdAt"), text(n, "deliveredAt"));
    }

    static SheetTable deadLetters(ObjectNode page) {
        SheetTable.Builder sheet = SheetTable.named("死信", DEAD_LETTER_COLUMNS);
        for (JsonNode n : page.path("items")) {
            sheet.row(number(n.get("id")), text(n, "kind"), text(n, "key"), number(n.get("httpStatus")),
                    text(n, "reason"), text(n, "createdAt"));
        }
        return sheet.build();
    }

    static SheetTable audit(ObjectNode page) {
        SheetTable.Builder sheet = SheetTable.named("审计日志", AUDIT_COLUMNS);
        for (JsonNode n : page.path("items")) {
            sheet.row(number(n.get("id")), text(n, "at"), text(n, "actor"), text(n, "action"), text(n, "target"),
                    text(n, "before"), text(n, "after"));
        }
        return sheet.build();
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
