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
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.perflink.api.hook.PublicReport;

/**
 * The open-data export of a region's year (绩效信息公开, rules.md §9; fields in {@code docs/disclosure.md}), made by
 * PerfLink from its own store: {@code targets} (the published targets the compile stage kept) and {@code scores}
 * (the latest Score of each of those projects), each as {@code .jsonl} (UTF-8, one project per line, indicators
 * nested, LF) and {@code .csv} (RFC 4180, header, UTF-8 with BOM, CRLF, one row per indicator or project), and
 * {@code manifest.json} (files, rows, SHA-256, rule pack). Only the listed fields are written, whatever else a
 * stored body holds; decimals are strings; projects in projectCode order; no time stamps, so the same records give
 * the same bytes. A score whose project has no public target (confidential, or never published) is left out; its
 * {@code reportUrl} comes from the close stage's report record, and only when it is an http(s) URL. The kinds a rule
 * pack opts into ({@link OptIn}: adjustments, composites, assessments) follow, as {@link OpenDataResults} makes them.
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
    /** The adjustments file (opted in): the public fields of the year's latest Adjustments. */
    public static final List<String> ADJUSTMENT_FIELDS = List.of("regionCode", "year", "budgetYear", "scope",
            "subjectCode", "departmentCode", "departmentName", "projectName", "score", "grade", "action", "ratio",
            "baseAmount", "deltaAmount", "ruleId");
    /** The composites file (opted in): the composite each DEPARTMENT, POLICY, TRANSFER and REGION Adjustment carries. */
    public static final List<String> COMPOSITE_FIELDS = List.of("regionCode", "year", "scope", "subjectCode",
            "departmentCode", "departmentName", "projectName", "composite", "grade", "coefficient");
    /** The assessments file (opted in): the public fields of the year's latest Assessments (not of institutions). */
    public static final List<String> ASSESSMENT_FIELDS = List.of("regionCode", "year", "scope", "subjectCode",
            "departmentName", "total", "grade", "rank", "rankOf", "composite", "list");
    /** Fields holding decimals: strings in JSON, numbers (not guarded) in the CSV when they read as one. */
    private static final List<String> DECIMALS = List.of("budgetAmount", "value", "valueMax", "score", "ratio",
            "baseAmount", "deltaAmount", "composite", "coefficient", "total");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** The kinds a rule pack may add to the export ({@code disclose.adjustments}, {@code .composites}, {@code .assessments}). */
    public enum OptIn {
        ADJUSTMENTS("adjustments"), COMPOSITES("composites"), ASSESSMENTS("assessments");

        private final String file;

        OptIn(String file) {
            this.file = file;
        }

        /** The files' base name: {@code adjustments.jsonl} and {@code adjustments.csv}. */
        public String file() {
            return file;
        }
    }

    /**
     * What the export is made of: kept target records, Score bodies, report records by projectCode
     * ({@code {"reportUrl": ...}}), Adjustment and Assessment bodies (any order; sorted here) and the opted-in kinds.
     */
    public record Input(String regionCode, int year, String rulePack, Iterable<String> targets,
            Iterable<String> scores, boolean includeScores, Map<String, String> reports, Iterable<String> adjustments,
            Iterable<String> assessments, Set<OptIn> optedIn) {

        public Input {
            reports = reports == null ? Map.of() : reports;
            adjustments = adjustments == null ? List.of() : adjustments;
            assessments = assessments == null ? List.of() : assessments;
            optedIn = optedIn == null ? Set.of() : Set.copyOf(optedIn);
        }

        /** Targets and scores only, no report links and no opted-in kind. */
        public Input(String regionCode, int year, String rulePack, Iterable<String> targets, Iterable<String> scores,
                boolean includeScores) {
            this(regionCode, year, rulePack, targets, scores, includeScores, Map.of(), List.of(), List.of(), Set.of());
        }
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

    /** The export's records by projectCode (opted-in kinds: by result id), each with its public fields only, sorted. */
    private record Records(Map<String, Map<String, Object>> targets, Map<String, Map<String, Object>> scores,
            Map<OptIn, Map<String, Map<String, Object>>> optedIn) {
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
        for (OptIn kind : OptIn.values()) {
            Map<String, Map<String, Object>> rows = records.optedIn().get(kind);
            if (rows != null) {
                List<Map<String, Object>> list = new ArrayList<>(rows.values());
                List<String> fields = fields(kind);
                put(out, entries, kind.file() + ".jsonl", jsonLines(list), list.size());
                put(out, entries, kind.file() + ".csv", csv(fields, list.stream().map(r -> fields.stream().map(r::get)
                        .toList()).toList()), list.size());
            }
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
            score.put("reportUrl", reportUrl(in.reports().get(code)));
            scores.put(code, score);
        }
        return new Records(targets, scores, optedIn(in, targets));
    }

    /** The fields of an opted-in kind's file. */
    public static List<String> fields(OptIn kind) {
        return switch (kind) {
            case ADJUSTMENTS -> ADJUSTMENT_FIELDS;
            case COMPOSITES -> COMPOSITE_FIELDS;
            case ASSESSMENTS -> ASSESSMENT_FIELDS;
        };
    }

    private static Map<OptIn, Map<String, Map<String, Object>>> optedIn(Input in, Map<String, Map<String, Object>> targets) {
        Map<OptIn, Map<String, Map<String, Object>>> out = new LinkedHashMap<>();
        if (in.optedIn().isEmpty()) {
            return out;
        }
        OpenDataResults results = new OpenDataResults(in.regionCode(), in.year(), targets);
        List<JsonNode> adjustments = new ArrayList<>();
        if (in.optedIn().contains(OptIn.ADJUSTMENTS) || in.optedIn().contains(OptIn.COMPOSITES)) {
            in.adjustments().forEach(b -> adjustments.add(read(b, "adjustment")));
        }
        if (in.optedIn().contains(OptIn.ADJUSTMENTS)) {
            out.put(OptIn.ADJUSTMENTS, results.adjustments(adjustments));
        }
        if (in.optedIn().contains(OptIn.COMPOSITES)) {
            out.put(OptIn.COMPOSITES, results.composites(adjustments));
        }
        if (in.optedIn().contains(OptIn.ASSESSMENTS)) {
            List<JsonNode> assessments = new ArrayList<>();
            in.assessments().forEach(b -> assessments.add(read(b, "assessment")));
            out.put(OptIn.ASSESSMENTS, results.assessments(assessments));
        }
        return out;
    }

    /** The report record's address when it may be published (rules.md §9: http or https only), else null. */
    private static String reportUrl(String record) {
        if (record == null) {
            return null;
        }
        return PublicReport.url(text(read(record, "report").get("reportUrl")));
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

    static String text(JsonNode v) {
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
