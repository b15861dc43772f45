package org.perflink.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The open-data export of a region's year (绩效信息公开, rules.md §9; fields in {@code docs/disclosure.md}), made by
 * PerfLink from its own store: {@code targets} (the published targets the compile stage kept) and {@code scores}
 * (the latest Score of each of those projects), each as {@code .jsonl} (UTF-8, one project per line, indicators
 * nested, LF) and {@code .csv} (RFC 4180, header, UTF-8 with BOM, CRLF, one row per indicator or project), and
 * {@code manifest.json} (files, rows, SHA-256, rule pack). Only the listed fields are written, whatever else a
 * stored body holds; decimals are strings; projects in projectCode order; no time stamps, so the same records give
 * the same bytes. A score whose project has no public target (confidential, or never published) is left out.
 */
public final class OpenDataExport {

    /** The project fields of a target, then {@code indicators} of {@link #INDICATOR_FIELDS} (JSON Lines). */
    public static final List<String> TARGET_PROJECT_FIELDS = List.of("regionCode", "year", "departmentCode",
            "departmentName", "projectCode", "projectName", "kind", "budgetAmount", "approvedOn", "publishedOn",
            "overallGoal");
    public static final List<String> INDICATOR_FIELDS = List.of("indicatorCode", "level1", "level2", "indicatorName",
            "operator", "value", "valueMax", "unit");
    /** rules.md §9's targets list: the CSV's columns, one row per indicator. */
    public static final List<String> TARGET_FIELDS = concat(TARGET_PROJECT_FIELDS, INDICATOR_FIELDS);
    /** rules.md §9's scores list: the JSON Lines' fields and the CSV's columns, one row per project. */
    public static final List<String> SCORE_FIELDS = List.of("regionCode", "year", "departmentCode", "departmentName",
            "projectCode", "projectName", "kind", "score", "grade", "source", "reportUrl");
    /** Fields holding decimals: strings in JSON, numbers (not guarded) in the CSV when they read as one. */
    private static final List<String> DECIMALS = List.of("budgetAmount", "value", "valueMax", "score");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** What the export is made of: kept target records and Score bodies (any order; sorted here). */
    public record Input(String regionCode, int year, String rulePack, Iterable<String> targets,
            Iterable<String> scores, boolean includeScores) {
    }

    /** One written file: its name, rows (lines of JSON, or CSV rows under the header), bytes and SHA-256. */
    public record FileEntry(String name, int rows, long bytes, String sha256) {
    }

    private OpenDataExport() {
    }

    /**
     * Writes the export into {@code dir} (created; files replaced one by one through a temporary file, the
     * manifest last) and returns the manifest's entries.
     *
     * @throws IllegalArgumentException naming the field when a stored record is unusable
     */
    public static List<FileEntry> write(Input in, Path dir) throws IOException {
        Records records = records(in);
        Files.createDirectories(dir);
        List<FileEntry> entries = new ArrayList<>();
        Map<String, byte[]> bytes = render(in, records, entries);
        for (Map.Entry<String, byte[]> f : bytes.entrySet()) {
            Path tmp = dir.resolve(f.getKey() + ".tmp");
            Files.write(tmp, f.getValue());
            Files.move(tmp, dir.resolve(f.getKey()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return entries;
    }

    /** The files of the export by name, manifest last, as their bytes (for a download without a folder). */
    public static Map<String, byte[]> render(Input in) {
        return render(in, records(in), new ArrayList<>());
    }

    /** The export's records by projectCode, each with its public fields only, in projectCode order. */
    private record Records(Map<String, Map<String, Object>> targets, Map<String, Map<String, Object>> scores) {
    }

    private static Map<String, byte[]> render(Input in, Records records, List<FileEntry> entries) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        List<Map<String, Object>> targets = new ArrayList<>(records.targets().values());
        put(out, entries, "targets.jsonl", jsonLines(targets), targets.size());
        List<List<Object>> targetRows = targetRows(targets);
        put(out, entries, "targets.csv", csv(TARGET_FIELDS, targetRows), targetRows.size());
        if (in.includeScores()) {
            List<Map<String, Object>> scores = new ArrayList<>(records.scores().values());
            put(out, entries, "scores.jsonl", jsonLines(scores), scores.size());
            List<List<Object>> scoreRows = scores.stream().map(s -> SCORE_FIELDS.stream().map(s::get).toList()).toList();
            put(out, entries, "scores.csv", csv(SCORE_FIELDS, scoreRows), scoreRows.size());
        }
        out.put("manifest.json", manifest(in, entries));
        return out;
    }

    private static void put(Map<String, byte[]> out, List<FileEntry> entries, String name, byte[] bytes, int rows) {
        out.put(name, bytes);
        entries.add(new FileEntry(name, rows, bytes.length, sha256(bytes)));
    }

    private static Records records(Input in) {
        Map<String, Map<String, Object>> targets = new TreeMap<>();
        for (String body : in.targets()) {
            JsonNode t = read(body, "target");
            Map<String, Object> project = pick(t, TARGET_PROJECT_FIELDS);
            if (!in.regionCode().equals(project.get("regionCode")) || t.path("year").asInt() != in.year()) {
                continue; // another region's or year's record: not this export's
            }
            project.put("year", in.year()); // the one integer field: a number, not a decimal string
            List<Map<String, Object>> indicators = new ArrayList<>();
            for (JsonNode i : t.path("indicators")) {
                indicators.add(pick(i, INDICATOR_FIELDS));
            }
            project.put("indicators", indicators);
            targets.put(require(project, "projectCode", "target"), project);
        }
        Map<String, Map<String, Object>> scores = new TreeMap<>();
        for (String body : in.scores()) {
            JsonNode s = read(body, "score");
            String code = text(s.get("projectCode"));
            Map<String, Object> target = targets.get(code);
            if (target == null || s.path("year").asInt() != in.year()) {
                continue; // confidential, never published, or another year: nothing public
            }
            Map<String, Object> score = new LinkedHashMap<>();
            for (String f : SCORE_FIELDS) {
                score.put(f, TARGET_PROJECT_FIELDS.contains(f) ? target.get(f) : text(s.get(f)));
            }
            scores.put(code, score);
        }
        return new Records(targets, scores);
    }

    private static JsonNode read(String body, String what) {
        try {
            JsonNode n = MAPPER.readTree(body);
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException("公开记录不是 JSON 对象 (a stored " + what + " is not a JSON object)");
            }
            return n;
        } catch (IOException e) {
            throw new IllegalArgumentException("公开记录无法读取 (a stored " + what + " is not JSON): " + e.getMessage(), e);
        }
    }

    /** The listed fields only, as text (numbers in their plain decimal form). */
    private static Map<String, Object> pick(JsonNode n, List<String> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String f : fields) {
            out.put(f, text(n.get(f)));
        }
        return out;
    }

    private static String text(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isNumber() ? v.decimalValue().toPlainString() : v.asText();
    }

    private static String require(Map<String, Object> record, String field, String what) {
        Object v = record.get(field);
        if (v == null || v.toString().isBlank()) {
            throw new IllegalArgumentException("公开记录缺少字段 (a stored " + what + " has no field) " + field);
        }
        return v.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<List<Object>> targetRows(List<Map<String, Object>> targets) {
        List<List<Object>> rows = new ArrayList<>();
        for (Map<String, Object> t : targets) {
            List<Map<String, Object>> indicators = (List<Map<String, Object>>) t.get("indicators");
            for (Map<String, Object> i : indicators.isEmpty() ? List.<Map<String, Object>>of(Map.of()) : indicators) {
                List<Object> row = new ArrayList<>(TARGET_FIELDS.size());
                TARGET_PROJECT_FIELDS.forEach(f -> row.add(t.get(f)));
                INDICATOR_FIELDS.forEach(f -> row.add(i.get(f)));
                rows.add(row);
            }
        }
        return rows;
    }

    private static byte[] jsonLines(List<Map<String, Object>> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (Map<String, Object> r : records) {
                out.write(MAPPER.writeValueAsBytes(r));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] csv(List<String> columns, List<List<Object>> rows) {
        StringBuilder b = new StringBuilder();
        line(b, columns, columns);
        rows.forEach(r -> line(b, columns, r));
        byte[] text = b.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, all, 0, BOM.length);
        System.arraycopy(text, 0, all, BOM.length, text.length);
        return all;
    }

    private static void line(StringBuilder b, List<String> columns, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(SimulationCsv.cell(csvValue(columns.get(i), cells.get(i))));
        }
        b.append("\r\n");
    }

    /** A decimal field that reads as a number is written as one (not guarded: its minus sign is a sign). */
    private static Object csvValue(String column, Object value) {
        if (value != null && DECIMALS.contains(column)) {
            try {
                return new BigDecimal(value.toString());
            } catch (NumberFormatException e) {
                return value; // e.g. a qualitative target value: text, guarded
            }
        }
        return value;
    }

    private static byte[] manifest(Input in, List<FileEntry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("regionCode", in.regionCode());
            g.writeNumberField("year", in.year());
            g.writeStringField("rulePack", in.rulePack());
            g.writeStringField("fields", "docs/disclosure.md");
            g.writeArrayFieldStart("files");
            for (FileEntry e : entries) {
                g.writeStartObject();
                g.writeStringField("name", e.name());
                g.writeNumberField("rows", e.rows());
                g.writeNumberField("bytes", e.bytes());
                g.writeStringField("sha256", e.sha256());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
