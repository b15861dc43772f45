package org.perflink.host.files.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The results beside a taken file in done/: {@code <file>.results.json} (every result delivered for the file's
 * items, by id, with the cell each finding refers to) and {@code <file>.results.xlsx} (结果 and 读取问题 sheets, in
 * Chinese). Both are rewritten whole on each delivery, to a temporary file moved over the old one, so a reader never
 * sees half a file; the JSON is what a later delivery starts from.
 */
final class ResultFiles {

    static final String JSON_SUFFIX = ".results.json";
    static final String XLSX_SUFFIX = ".results.xlsx";

    private final Path done;
    private final ObjectMapper mapper;

    ResultFiles(Path done, ObjectMapper mapper) {
        this.done = done;
        this.mapper = mapper;
    }

    /** Adds (or replaces, by id) results of one file and rewrites its two result files. */
    void write(String file, List<ObjectNode> results, List<Submission.Problem> problems) throws IOException {
        Path json = done.resolve(file + JSON_SUFFIX);
        Map<String, JsonNode> byId = new TreeMap<>();
        if (Files.exists(json)) {
            for (JsonNode r : mapper.readTree(Files.readAllBytes(json)).path("results")) {
                byId.put(r.path("kind").asText() + "|" + r.path("id").asText(), r);
            }
        }
        for (ObjectNode r : results) {
            byId.put(r.path("kind").asText() + "|" + r.path("id").asText(), r);
        }
        ObjectNode root = mapper.createObjectNode();
        root.put("file", file);
        ArrayNode list = root.putArray("results");
        byId.values().forEach(list::add);
        root.set("problems", mapper.valueToTree(problems));
        atomically(json, out -> out.write(mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(root)));
        atomically(done.resolve(file + XLSX_SUFFIX), out -> workbook(out, byId.values(), problems));
    }

    @FunctionalInterface
    private interface Writing {
        void to(OutputStream out) throws IOException;
    }

    private static void atomically(Path target, Writing writing) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            writing.to(out);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static final String[] HEADINGS = {"项目/主体", "结果类型", "结果编号", "结论", "规则编号", "严重程度", "说明", "字段", "单元格"};

    private static void workbook(OutputStream out, Iterable<JsonNode> results, List<Submission.Problem> problems)
            throws IOException {
        Workbook wb = new Workbook(out, "PerfLink", "1.0");
        Worksheet ws = wb.newWorksheet("结果");
        heading(ws, HEADINGS);
        int row = 1;
        for (JsonNode r : results) {
            JsonNode body = r.path("body");
            String[] base = {r.path("subject").asText(""), kindText(r.path("kind").asText()), r.path("id").asText(),
                conclusion(r.path("kind").asText(), body)};
            JsonNode findings = body.path("findings");
            if (findings.isEmpty()) {
                row(ws, row++, base, "", "", message(body), "", "");
                continue;
            }
            for (int i = 0; i < findings.size(); i++) {
                JsonNode f = findings.get(i);
                row(ws, row++, base, f.path("ruleId").asText(), severityText(f.path("severity").asText()),
                        f.path("message").asText(), f.path("path").asText(), r.path("findingCells").path(i).asText(""));
            }
        }
        Worksheet pw = wb.newWorksheet("读取问题");
        heading(pw, new String[] {"位置", "问题"});
        int p = 1;
        for (Submission.Problem problem : problems) {
            pw.value(p, 0, problem.where());
            pw.value(p++, 1, problem.message());
        }
        wb.finish();
    }

    private static void heading(Worksheet ws, String[] headings) {
        for (int c = 0; c < headings.length; c++) {
            ws.value(0, c, headings[c]);
            ws.style(0, c).bold().set();
        }
    }

    private static void row(Worksheet ws, int row, String[] base, String rule, String severity, String message,
            String path, String cell) {
        String[] rest = {rule, severity, message, path, cell};
        for (int c = 0; c < base.length; c++) {
            ws.value(row, c, base[c]);
        }
        for (int c = 0; c < rest.length; c++) {
            ws.value(row, base.length + c, rest[c]);
        }
    }

    private static String kindText(String kind) {
        return switch (kind) {
            case "VERDICT" -> "绩效目标审核结论";
            case "SCORE" -> "绩效评价得分";
            case "WARNING" -> "监控预警";
            case "ADJUSTMENT" -> "预算挂钩调整";
            case "NOTICE" -> "问责通知";
            case "ASSESSMENT" -> "工作考核";
            default -> kind;
        };
    }

    private static String severityText(String severity) {
        return switch (severity) {
            case "BLOCK" -> "阻断";
            case "WARN" -> "警告";
            case "INFO" -> "提示";
            default -> severity;
        };
    }

    private static String grade(String grade) {
        return switch (grade) {
            case "EXCELLENT" -> "优";
            case "GOOD" -> "良";
            case "MEDIUM" -> "中";
            case "POOR" -> "差";
            default -> grade;
        };
    }

    /** The result in a few words: 通过 / 不通过, 得分 and grade, warning level, the adjustment. */
    static String conclusion(String kind, JsonNode body) {
        return switch (kind) {
            case "VERDICT" -> switch (body.path("outcome").asText()) {
                case "PASS" -> "通过";
                case "WARN" -> "通过（有警告）";
                case "BLOCK" -> "不通过";
                default -> body.path("outcome").asText();
            };
            case "SCORE", "ASSESSMENT" -> "得分 " + body.path("score").asText() + "，等级 " + grade(body.path("grade").asText());
            case "WARNING" -> body.path("type").asText() + " " + body.path("level").asText();
            case "ADJUSTMENT" -> body.path("action").asText() + " " + body.path("deltaAmount").asText() + " 元";
            case "NOTICE" -> body.path("type").asText();
            default -> "";
        };
    }

    private static String message(JsonNode body) {
        for (String field : List.of("message", "explanation")) {
            if (body.hasNonNull(field)) {
                return body.get(field).asText();
            }
        }
        return "";
    }
}
