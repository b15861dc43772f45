package org.perflink.host.files.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a CSV file (UTF-8, with or without BOM; GB18030 as Excel saves it on Chinese Windows): a heading line, then
 * one line per item, or per indicator of an item (the item's columns repeated). What the file holds follows from its
 * columns (docs/host-files.md): stage events (阶段, 环节), execution snapshots (截止日期), evaluation inputs (实际完成值),
 * department inputs (部门编码 without 项目编码), projects (项目编码 with 三级指标), evaluators, notice feedback,
 * lower regions' transfer baselines (转移支付基数).
 */
final class CsvReader {

    enum Content { EVENTS, PROJECTS, EVALUATIONS, EXECUTION, DEPARTMENTS, EVALUATORS, FEEDBACK, SUBREGIONS }

    private static final Map<String, String> EVENT_COLUMNS = Map.ofEntries(Map.entry("阶段", "stage"),
            Map.entry("stage", "stage"), Map.entry("环节", "phase"), Map.entry("phase", "phase"),
            Map.entry("年度", "year"), Map.entry("year", "year"), Map.entry("截止日期", "asOf"), Map.entry("asOf", "asOf"),
            Map.entry("项目编码", "projectCodes"), Map.entry("projectCodes", "projectCodes"),
            Map.entry("发生时间", "occurredAt"), Map.entry("occurredAt", "occurredAt"));
    private static final java.util.regex.Pattern RAW = java.util.regex.Pattern.compile("^[a-z][A-Za-z0-9]*(\\.[A-Za-z0-9_]+)*$");

    private CsvReader() {
    }

    /** The file's content, or a problem when its columns say nothing PerfLink reads. */
    static Submission read(String file, byte[] bytes) {
        Submission s = new Submission(file);
        List<List<String>> lines = parse(decode(bytes));
        if (lines.isEmpty()) {
            s.problems.add(new Submission.Problem("文件 " + file, "文件为空 (the file is empty)"));
            return s;
        }
        List<String> heading = lines.get(0);
        Content content = content(heading);
        if (content == null) {
            s.problems.add(new Submission.Problem("文件 " + file + " 第1行",
                    "无法识别的CSV表头 (unrecognised CSV heading): " + String.join(",", heading)));
            return s;
        }
        if (content == Content.EVENTS) {
            events(s, heading, lines);
        } else {
            items(s, content, heading, lines);
        }
        return s;
    }

    static Content content(List<String> heading) {
        Set<String> paths = new java.util.HashSet<>();
        for (String h : heading) {
            String n = Labels.normalize(h);
            if (n == null) {
                continue;
            }
            if (EVENT_COLUMNS.containsKey(n) && EVENT_COLUMNS.get(n).equals("stage")) {
                return Content.EVENTS;
            }
            String c = Labels.column(h);
            String p = path(h);
            paths.add(c != null ? "indicator." + c : p);
        }
        if (paths.contains("evaluatorId")) {
            return Content.EVALUATORS;
        }
        if (paths.contains("noticeId")) {
            return Content.FEEDBACK;
        }
        if (paths.contains("transferBaseline")) {
            return Content.SUBREGIONS;
        }
        if (paths.contains("asOf")) {
            return Content.EXECUTION;
        }
        if (paths.contains("departmentCode") && !paths.contains("projectCode")) {
            return Content.DEPARTMENTS;
        }
        if (paths.contains("projectCode")) {
            return paths.contains("indicator.actual") || paths.contains("paidAmount") || paths.contains("selfScore")
                    ? Content.EVALUATIONS : Content.PROJECTS;
        }
        return null;
    }

    private static String path(String heading) {
        String p = Labels.header(heading);
        String n = Labels.normalize(heading);
        return p != null ? p : n != null && RAW.matcher(n).matches() ? n : null;
    }

    private static void events(Submission s, List<String> heading, List<List<String>> lines) {
        for (int i = 1; i < lines.size(); i++) {
            List<String> line = lines.get(i);
            ObjectNode e = JsonNodeFactory.instance.objectNode();
            for (int c = 0; c < heading.size() && c < line.size(); c++) {
                String field = EVENT_COLUMNS.get(Labels.normalize(heading.get(c)));
                String v = line.get(c).trim();
                if (field == null || v.isEmpty()) {
                    continue;
                }
                switch (field) {
                    case "projectCodes" -> {
                        var codes = e.putArray("projectCodes");
                        for (String code : v.split("[;；、,，\\s]+")) {
                            if (!code.isBlank()) {
                                codes.add(code.trim());
                            }
                        }
                    }
                    case "year" -> e.put("year", v.matches("[0-9]+") ? JsonNodeFactory.instance.numberNode(Integer.parseInt(v))
                            : JsonNodeFactory.instance.textNode(v));
                    case "stage", "phase" -> e.put(field, Values.word(field, v));
                    default -> e.put(field, v);
                }
            }
            e.put("_line", i + 1);
            s.events.add(e);
        }
    }

    private static void items(Submission s, Content content, List<String> heading, List<List<String>> lines) {
        FormItem.Kind kind = switch (content) {
            case PROJECTS -> FormItem.Kind.PROJECT;
            case EVALUATIONS -> FormItem.Kind.EVALUATION;
            case EXECUTION -> FormItem.Kind.EXECUTION;
            case DEPARTMENTS -> FormItem.Kind.DEPARTMENT;
            case EVALUATORS -> FormItem.Kind.EVALUATOR;
            case SUBREGIONS -> FormItem.Kind.SUBREGION;
            default -> FormItem.Kind.FEEDBACK;
        };
        boolean indicators = kind == FormItem.Kind.PROJECT || kind == FormItem.Kind.EVALUATION || kind == FormItem.Kind.EXECUTION;
        Map<String, FormItem> byKey = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> line = lines.get(i);
            FormItem row = new FormItem(kind, "文件 " + s.file + " 第" + (i + 1) + "行");
            Map<String, String> fields = new HashMap<>();
            Map<String, String> cells = new HashMap<>();
            for (int c = 0; c < heading.size() && c < line.size(); c++) {
                String v = line.get(c);
                if (v == null || v.isBlank()) {
                    continue;
                }
                String where = Submission.csvCell(s.file, i + 1, heading.get(c).trim());
                String column = indicators ? Labels.column(heading.get(c)) : null;
                if (column != null) {
                    fields.put(column, v.trim());
                    cells.put(column, where);
                    continue;
                }
                String path = path(heading.get(c));
                if (path != null) {
                    row.header(path, v, heading.get(c), where);
                }
            }
            // lines of one item repeat its key; a snapshot is one per cut-off, feedback one per submission on a notice
            String key = row.key() == null ? row.origin
                    : kind == FormItem.Kind.EXECUTION ? row.key() + "|" + row.json.path("asOf").asText()
                    : kind == FormItem.Kind.FEEDBACK ? row.key() + "|" + row.json.path("submittedOn").asText()
                    : row.key();
            FormItem item = byKey.computeIfAbsent(key, k -> row);
            if (item != row) {
                row.json.fields().forEachRemaining(f -> {
                    if (item.json.get(f.getKey()) instanceof ObjectNode o && f.getValue() instanceof ObjectNode more) {
                        o.setAll(more); // target.overallGoal beside target.indicators
                    } else {
                        item.json.set(f.getKey(), f.getValue());
                    }
                });
                item.cells.putAll(row.cells);
            }
            if (row.unreadableCell != null) {
                item.unreadable(row.unreadableCell, row.unreadableReason);
            }
            if (indicators && (fields.containsKey("name") || fields.containsKey("code"))) {
                boolean literal = heading.stream().map(Labels::column).anyMatch(c -> "type".equals(c) || "operator".equals(c) || "unit".equals(c));
                item.indicator(fields, cells, literal);
            }
        }
        s.items.addAll(byKey.values());
    }

    private static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        ByteBuffer buf = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buf).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, start, bytes.length - start, Charset.forName("GB18030"));
        }
    }

    /** RFC 4180: fields separated by commas, quoted with ", a quote inside doubled; blank lines skipped. */
    static List<List<String>> parse(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                line.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line.add(field.toString());
                field.setLength(0);
                if (line.stream().anyMatch(f -> !f.isBlank())) {
                    lines.add(line);
                }
                line = new ArrayList<>();
            } else {
                field.append(ch);
            }
        }
        line.add(field.toString());
        if (line.stream().anyMatch(f -> !f.isBlank())) {
            lines.add(line);
        }
        return lines;
    }
}
