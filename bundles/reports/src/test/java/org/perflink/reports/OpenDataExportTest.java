package org.perflink.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The open-data export of a test year (rules.md §9): exactly the public fields, validated against the documented
 * list ({@code docs/disclosure.md}) and against §9's own lists; the same records give the same bytes.
 */
class OpenDataExportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** rules.md §9, verbatim. */
    private static final List<String> RULES_TARGETS = List.of("regionCode", "year", "departmentCode", "departmentName",
            "projectCode", "projectName", "kind", "budgetAmount", "approvedOn", "publishedOn", "overallGoal",
            "indicatorCode", "level1", "level2", "indicatorName", "operator", "value", "valueMax", "unit");
    private static final List<String> RULES_SCORES = List.of("regionCode", "year", "departmentCode", "departmentName",
            "projectCode", "projectName", "kind", "score", "grade", "source", "reportUrl");

    /** Target records as the compile stage keeps them, plus a field no export may carry. */
    private static String target(String code, String name, String... indicators) {
        StringBuilder ind = new StringBuilder();
        for (String i : indicators) {
            ind.append(ind.length() == 0 ? "" : ",").append(i);
        }
        return "{\"regionCode\":\"440000\",\"year\":2027,\"departmentCode\":\"101\",\"departmentName\":\"省教育厅\","
                + "\"projectCode\":\"" + code + "\",\"projectName\":\"" + name + "\",\"kind\":\"PROJECT\","
                + "\"budgetAmount\":\"2500000.00\",\"approvedOn\":\"2027-01-25\",\"publishedOn\":\"2027-02-14\","
                + "\"overallGoal\":\"建设智慧教育平台，覆盖\\\"全省\\\"中小学\",\"unitName\":\"某某中心\","
                + "\"contactPhone\":\"13800000000\",\"indicators\":[" + ind + "]}";
    }

    private static String indicator(String code, String value) {
        return "{\"indicatorCode\":\"" + code + "\",\"level1\":\"OUTPUT\",\"level2\":\"QUANTITY\","
                + "\"indicatorName\":\"覆盖学校数\",\"operator\":\"GE\",\"value\":\"" + value + "\",\"valueMax\":null,"
                + "\"unit\":\"所\",\"valueSource\":\"统计报表\",\"weight\":\"10\"}";
    }

    private static final List<String> TARGETS = List.of(
            target("440000-2027-000125", "基本公共卫生服务补助资金", indicator("O1", "95"), indicator("O2", "-1")),
            target("440000-2027-000123", "教育信息化建设", indicator("O1", "1200")),
            target("440000-2027-000130", "=HYPERLINK(\\\"x\\\")"),
            target("440100-2027-000001", "另一年度").replace("\"year\":2027", "\"year\":2026"));
    private static final List<String> SCORES = List.of(
            "{\"scoreId\":\"440000-2027-000123.2027\",\"projectCode\":\"440000-2027-000123\",\"regionCode\":\"440000\","
                    + "\"year\":2027,\"score\":\"87.50\",\"grade\":\"GOOD\",\"source\":\"SELF_EVALUATION\","
                    + "\"selfScore\":\"90\",\"findings\":[{\"message\":\"内部意见\"}],\"rulePack\":\"default@1\"}",
            "{\"scoreId\":\"440000-2027-000999.2027\",\"projectCode\":\"440000-2027-000999\",\"regionCode\":\"440000\","
                    + "\"year\":2027,\"score\":55.0,\"grade\":\"POOR\",\"source\":\"KEY_EVALUATION\"}");

    private static OpenDataExport.Input input() {
        return new OpenDataExport.Input("440000", 2027, "default@1", TARGETS, SCORES, true);
    }

    /** The field names of a table in docs/disclosure.md between its markers. */
    private static List<String> documented(String table) throws IOException {
        String doc = Files.readString(Path.of("../../docs/disclosure.md"), StandardCharsets.UTF_8);
        int from = doc.indexOf("<!-- fields:" + table + " -->");
        int to = doc.indexOf("<!-- /fields:" + table + " -->");
        assertTrue(from >= 0 && to > from, "docs/disclosure.md lists the " + table + " fields");
        List<String> fields = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\| `([A-Za-z0-9]+)` \\|").matcher(doc.substring(from, to));
        while (m.find()) {
            fields.add(m.group(1));
        }
        return fields;
    }

    private static Set<String> keys(JsonNode n) {
        Set<String> out = new LinkedHashSet<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            out.add(it.next());
        }
        return out;
    }

    @Test
    void theDocumentedFieldListsAreRulesMdsLists() throws IOException {
        assertEquals(RULES_TARGETS, documented("targets"));
        assertEquals(RULES_SCORES, documented("scores"));
        assertEquals(RULES_TARGETS, OpenDataExport.TARGET_FIELDS);
        assertEquals(RULES_SCORES, OpenDataExport.SCORE_FIELDS);
    }

    @Test
    void everyFieldPresentIsADocumentedPublicFieldAndNothingElse(@TempDir Path dir) throws IOException {
        OpenDataExport.write(input(), dir);
        List<String> targetFields = documented("targets");
        List<String> scoreFields = documented("scores");

        Set<String> present = new LinkedHashSet<>();
        for (String line : Files.readAllLines(dir.resolve("targets.jsonl"))) {
            JsonNode t = MAPPER.readTree(line);
            present.addAll(keys(t));
            t.path("indicators").forEach(i -> present.addAll(keys(i)));
        }
        present.remove("indicators"); // the nesting, not a field
        assertEquals(new LinkedHashSet<>(targetFields), present, "targets.jsonl: exactly the documented fields");
        assertEquals(targetFields, csvHeader(dir.resolve("targets.csv")));

        Set<String> scorePresent = new LinkedHashSet<>();
        for (String line : Files.readAllLines(dir.resolve("scores.jsonl"))) {
            scorePresent.addAll(keys(MAPPER.readTree(line)));
        }
        assertEquals(new LinkedHashSet<>(scoreFields), scorePresent, "scores.jsonl: exactly the documented fields");
        assertEquals(scoreFields, csvHeader(dir.resolve("scores.csv")));

        String everything = String.join("\n", List.of(Files.readString(dir.resolve("targets.jsonl")),
                Files.readString(dir.resolve("targets.csv")), Files.readString(dir.resolve("scores.jsonl")),
                Files.readString(dir.resolve("scores.csv"))));
        for (String internal : List.of("13800000000", "某某中心", "统计报表", "内部意见", "selfScore", "weight")) {
            assertFalse(everything.contains(internal), "never exported: " + internal);
        }
    }

    private static List<String> csvHeader(Path csv) throws IOException {
        byte[] b = Files.readAllBytes(csv);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(b, 3), "BOM");
        String text = new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        return List.of(text.substring(0, text.indexOf("\r\n")).split(","));
    }

    @Test
    void projectsAreSortedOnePerLineWithIndicatorsNestedAndDecimalsAsStrings(@TempDir Path dir) throws IOException {
        OpenDataExport.write(input(), dir);
        String jsonl = Files.readString(dir.resolve("targets.jsonl"));
        assertTrue(jsonl.endsWith("\n") && !jsonl.contains("\r"), "LF only");
        List<String> lines = jsonl.lines().toList();
        assertEquals(3, lines.size(), "another year's record is not this export's");
        List<String> codes = lines.stream().map(l -> read(l).get("projectCode").asText()).toList();
        assertEquals(List.of("440000-2027-000123", "440000-2027-000125", "440000-2027-000130"), codes);
        JsonNode first = read(lines.get(0));
        assertTrue(first.get("budgetAmount").isTextual());
        assertEquals("2500000.00", first.get("budgetAmount").asText());
        assertEquals(2027, first.get("year").intValue());
        assertEquals("1200", first.get("indicators").get(0).get("value").asText());
        assertEquals(0, read(lines.get(2)).get("indicators").size());

        List<String> csv = csvRows(dir.resolve("targets.csv"));
        assertEquals(1 + 1 + 2 + 1, csv.size(), "header, one row per indicator, one for a target without any");
        assertTrue(csv.get(1).startsWith("440000,2027,101,省教育厅,440000-2027-000123,教育信息化建设,PROJECT,2500000.00,"
                + "2027-01-25,2027-02-14,\"建设智慧教育平台，覆盖\"\"全省\"\"中小学\",O1,OUTPUT,QUANTITY,覆盖学校数,GE,1200,,所"),
                csv.get(1));
        assertTrue(csv.get(3).contains(",GE,-1,,所"), "a decimal is a number, its sign not guarded: " + csv.get(3));
        assertTrue(csv.get(4).contains(",\"'=HYPERLINK(\"\"x\"\")\","), "a formula is guarded: " + csv.get(4));
        assertTrue(csv.get(4).endsWith(",,,,,,,,"), csv.get(4));
    }

    @Test
    void scoresAreOnlyThoseOfPublicTargetsWithTheirNames(@TempDir Path dir) throws IOException {
        OpenDataExport.write(input(), dir);
        List<String> lines = Files.readAllLines(dir.resolve("scores.jsonl"));
        assertEquals(1, lines.size(), "a score without a public target (confidential or unpublished) is left out");
        JsonNode s = read(lines.get(0));
        assertEquals("教育信息化建设", s.get("projectName").asText());
        assertEquals("87.50", s.get("score").asText());
        assertTrue(s.get("score").isTextual());
        assertEquals("GOOD", s.get("grade").asText());
        assertTrue(s.get("reportUrl").isNull());
        assertEquals(List.of("regionCode,year,departmentCode,departmentName,projectCode,projectName,kind,score,grade,"
                + "source,reportUrl", "440000,2027,101,省教育厅,440000-2027-000123,教育信息化建设,PROJECT,87.50,GOOD,"
                + "SELF_EVALUATION,"), csvRows(dir.resolve("scores.csv")));
    }

    @Test
    void theSameRecordsGiveTheSameBytesInAnyOrderAndTheManifestListsThem(@TempDir Path dir) throws IOException {
        List<OpenDataExport.FileEntry> entries = OpenDataExport.write(input(), dir.resolve("a"));
        List<String> reversed = new ArrayList<>(TARGETS);
        java.util.Collections.reverse(reversed);
        OpenDataExport.write(new OpenDataExport.Input("440000", 2027, "default@1", reversed, SCORES, true), dir.resolve("b"));
        for (String f : List.of("targets.jsonl", "targets.csv", "scores.jsonl", "scores.csv", "manifest.json")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)), f);
        }
        Map<String, byte[]> rendered = OpenDataExport.render(input());
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/manifest.json")), rendered.get("manifest.json"));

        JsonNode manifest = MAPPER.readTree(dir.resolve("a/manifest.json").toFile());
        assertEquals("440000", manifest.get("regionCode").asText());
        assertEquals("default@1", manifest.get("rulePack").asText());
        assertEquals(4, manifest.get("files").size());
        for (int i = 0; i < 4; i++) {
            JsonNode f = manifest.get("files").get(i);
            byte[] bytes = Files.readAllBytes(dir.resolve("a").resolve(f.get("name").asText()));
            assertEquals(OpenDataExport.sha256(bytes), f.get("sha256").asText());
            assertEquals(bytes.length, f.get("bytes").asLong());
            assertEquals(entries.get(i).rows(), f.get("rows").asInt());
        }
        assertEquals(List.of(3, 4, 1, 1), entries.stream().map(OpenDataExport.FileEntry::rows).toList());
    }

    @Test
    void scoresCanBeLeftOutAndABrokenRecordIsNamed(@TempDir Path dir) throws IOException {
        List<OpenDataExport.FileEntry> entries = OpenDataExport.write(
                new OpenDataExport.Input("440000", 2027, "p@1", TARGETS, SCORES, false), dir);
        assertEquals(List.of("targets.jsonl", "targets.csv"), entries.stream().map(OpenDataExport.FileEntry::name).toList());
        assertFalse(Files.exists(dir.resolve("scores.jsonl")));
        var e = assertThrows(IllegalArgumentException.class, () -> OpenDataExport.render(
                new OpenDataExport.Input("440000", 2027, "p@1", List.of("{\"regionCode\":\"440000\",\"year\":2027}"),
                        List.of(), true)));
        assertTrue(e.getMessage().contains("projectCode"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OpenDataExport.render(
                new OpenDataExport.Input("440000", 2027, "p@1", List.of("not json"), List.of(), true)));
    }

    // ---- report links and opted-in kinds (rules.md §9) -------------------------------------------------------

    private static final Map<String, String> REPORTS = Map.of(
            "440000-2027-000123", "{\"reportUrl\":\"https://example.org/jxpj/2027/440000-2027-000123.pdf\"}",
            "440000-2027-000125", "{\"reportUrl\":\"javascript:alert(1)\"}",
            "440000-2027-000999", "{\"reportUrl\":\"https://example.org/secret.pdf\"}");
    private static final String SCORE_125 = "{\"projectCode\":\"440000-2027-000125\",\"regionCode\":\"440000\","
            + "\"year\":2027,\"score\":\"70.00\",\"grade\":\"MEDIUM\",\"source\":\"KEY_EVALUATION\"}";

    private static String adjustment(String scope, String subject, String basis) {
        return "{\"adjustmentId\":\"440000-2027." + scope + "." + subject + "\",\"regionCode\":\"440000\","
                + "\"evaluatedYear\":2027,\"budgetYear\":2028,\"scope\":\"" + scope + "\",\"subjectCode\":\"" + subject
                + "\",\"basis\":" + basis + ",\"action\":\"REDUCE\",\"ratio\":\"-0.10\",\"baseAmount\":\"5200000.00\","
                + "\"deltaAmount\":\"-520000.00\",\"ruleId\":\"LINK_PROJECT_GRADE\",\"explanation\":\"内部说明\","
                + "\"explanationEn\":\"internal text\"}";
    }

    private static final List<String> ADJUSTMENTS = List.of(
            adjustment("PROJECT", "440000-2027-000123", "{\"score\":\"72.5\",\"grade\":\"MEDIUM\",\"source\":\"SELF_EVALUATION\"}"),
            adjustment("PROJECT", "440000-2027-000999", "{\"score\":\"55\",\"grade\":\"POOR\"}"),
            adjustment("POLICY", "440000-2027-000125", "{\"score\":\"81.20\",\"grade\":\"GOOD\",\"evaluationScore\":\"70.00\"}"),
            adjustment("DEPARTMENT", "101", "{\"score\":\"72.50\",\"grade\":\"MEDIUM\",\"coefficient\":\"0.9750\","
                    + "\"components\":{\"KEY_MONITORING\":{\"score\":\"92.50\",\"source\":\"PERFLINK\",\"n\":2}}}"),
            adjustment("DEPARTMENT", "777", "{\"score\":\"60\",\"grade\":\"POOR\",\"coefficient\":\"0.90\"}"),
            adjustment("REGION", "440100", "{\"score\":\"77.20\",\"grade\":\"MEDIUM\",\"coefficient\":\"0.97\"}"),
            adjustment("PROJECT", "440000-2027-000123", "{}").replace("\"evaluatedYear\":2027", "\"evaluatedYear\":2026")
                    .replace("440000-2027.PROJECT", "440000-2026.PROJECT"));

    private static String assessment(String scope, String subject) {
        return "{\"assessmentId\":\"440000-2027." + scope + "." + subject + "\",\"regionCode\":\"440000\",\"year\":2027,"
                + "\"scope\":\"" + scope + "\",\"subjectCode\":\"" + subject + "\",\"total\":\"91.60\",\"grade\":\"EXCELLENT\","
                + "\"rank\":2,\"rankOf\":42,\"composite\":\"88.40\",\"list\":\"PRAISE\",\"parts\":[{\"ruleId\":"
                + "\"ASSESS_WARNINGS_HANDLED\",\"points\":\"8.00\",\"max\":\"10\",\"figures\":{\"cleared\":\"4\"}}],"
                + "\"rulePack\":\"default@1\",\"assessedAt\":\"2028-03-31T10:00:00+08:00\"}";
    }

    private static final List<String> ASSESSMENTS = List.of(assessment("DEPARTMENT", "101"),
            assessment("REGION", "440100"), assessment("EVALUATOR", "INST-91440000MA5XXXXXXX"),
            assessment("DEPARTMENT", "777"));

    private static OpenDataExport.Input optedIn(java.util.Set<OpenDataExport.OptIn> kinds) {
        List<String> scores = new ArrayList<>(SCORES);
        scores.add(SCORE_125);
        return new OpenDataExport.Input("440000", 2027, "gd@2", TARGETS, scores, true, REPORTS, ADJUSTMENTS, ASSESSMENTS,
                kinds);
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(file)) {
            out.add(read(l));
        }
        return out;
    }

    @Test
    void theOptedInKindsFieldListsAreTheDocumentedOnes() throws IOException {
        assertEquals(documented("adjustments"), OpenDataExport.ADJUSTMENT_FIELDS);
        assertEquals(documented("composites"), OpenDataExport.COMPOSITE_FIELDS);
        assertEquals(documented("assessments"), OpenDataExport.ASSESSMENT_FIELDS);
        for (OpenDataExport.OptIn kind : OpenDataExport.OptIn.values()) {
            assertEquals(documented(kind.file()), OpenDataExport.fields(kind));
        }
    }

    @Test
    void aPublicReportsHttpAddressIsTheScoresReportUrlAndNothingElseIs(@TempDir Path dir) throws IOException {
        OpenDataExport.write(optedIn(java.util.Set.of()), dir);
        List<JsonNode> scores = lines(dir.resolve("scores.jsonl"));
        assertEquals(2, scores.size(), "000999 has a report record but no public target: left out");
        assertEquals("https://example.org/jxpj/2027/440000-2027-000123.pdf", scores.get(0).get("reportUrl").asText());
        assertTrue(scores.get(1).get("reportUrl").isNull(), "not an http(s) URL: never published");
        List<String> csv = csvRows(dir.resolve("scores.csv"));
        assertEquals("440000,2027,101,省教育厅,440000-2027-000123,教育信息化建设,PROJECT,87.50,GOOD,SELF_EVALUATION,"
                + "https://example.org/jxpj/2027/440000-2027-000123.pdf", csv.get(1));
        assertTrue(csv.get(2).endsWith(",70.00,MEDIUM,KEY_EVALUATION,"), csv.get(2));
        String all = Files.readString(dir.resolve("scores.jsonl")) + Files.readString(dir.resolve("scores.csv"));
        assertFalse(all.contains("javascript") || all.contains("secret.pdf"), all);
    }

    @Test
    void theKindsAPackDoesNotOptIntoAreNotWritten(@TempDir Path dir) throws IOException {
        List<OpenDataExport.FileEntry> entries = OpenDataExport.write(optedIn(java.util.Set.of()), dir);
        assertEquals(List.of("targets.jsonl", "targets.csv", "scores.jsonl", "scores.csv"),
                entries.stream().map(OpenDataExport.FileEntry::name).toList());
        for (String kind : List.of("adjustments", "composites", "assessments")) {
            assertFalse(Files.exists(dir.resolve(kind + ".jsonl")) || Files.exists(dir.resolve(kind + ".csv")), kind);
        }
        List<OpenDataExport.FileEntry> one = OpenDataExport.write(optedIn(java.util.Set.of(OpenDataExport.OptIn.COMPOSITES)),
                dir.resolve("one"));
        assertEquals(List.of("targets.jsonl", "targets.csv", "scores.jsonl", "scores.csv", "composites.jsonl",
                "composites.csv"), one.stream().map(OpenDataExport.FileEntry::name).toList(),
                "composites come from the Adjustments without publishing them");
    }

    @Test
    void theOptedInKindsHoldExactlyTheirPublicFieldsOfPublicSubjects(@TempDir Path dir) throws IOException {
        List<OpenDataExport.FileEntry> entries = OpenDataExport.write(optedIn(java.util.EnumSet.allOf(
                OpenDataExport.OptIn.class)), dir);
        assertEquals(List.of("targets.jsonl", "targets.csv", "scores.jsonl", "scores.csv", "adjustments.jsonl",
                "adjustments.csv", "composites.jsonl", "composites.csv", "assessments.jsonl", "assessments.csv"),
                entries.stream().map(OpenDataExport.FileEntry::name).toList());
        JsonNode manifest = MAPPER.readTree(dir.resolve("manifest.json").toFile());
        assertEquals(10, manifest.get("files").size());

        for (OpenDataExport.OptIn kind : OpenDataExport.OptIn.values()) {
            List<String> fields = documented(kind.file());
            for (JsonNode row : lines(dir.resolve(kind.file() + ".jsonl"))) {
                assertEquals(new LinkedHashSet<>(fields), keys(row), kind + ": exactly the documented fields");
            }
            assertEquals(fields, csvHeader(dir.resolve(kind.file() + ".csv")));
        }

        List<JsonNode> adjustments = lines(dir.resolve("adjustments.jsonl"));
        assertEquals(List.of("101", "440000-2027-000125", "440000-2027-000123", "440100"),
                adjustments.stream().map(a -> a.get("subjectCode").asText()).toList(),
                "in result-id order; the confidential project, the department without a public target and "
                        + "another year are left out");
        JsonNode project = adjustments.get(2);
        assertEquals("教育信息化建设", project.get("projectName").asText());
        assertEquals("101", project.get("departmentCode").asText());
        assertEquals(2028, project.get("budgetYear").intValue());
        assertEquals("-520000.00", project.get("deltaAmount").asText());
        assertTrue(project.get("deltaAmount").isTextual());
        assertEquals("72.5", project.get("score").asText());
        assertTrue(adjustments.get(0).get("projectName").isNull());
        assertEquals("省教育厅", adjustments.get(0).get("departmentName").asText());
        assertTrue(adjustments.get(3).get("departmentCode").isNull(), "a lower region is no department");
        List<String> adjustmentCsv = csvRows(dir.resolve("adjustments.csv"));
        assertEquals("440000,2027,2028,PROJECT,440000-2027-000123,101,省教育厅,教育信息化建设,72.5,MEDIUM,REDUCE,-0.10,"
                + "5200000.00,-520000.00,LINK_PROJECT_GRADE", adjustmentCsv.get(3), "decimals are numbers, their sign not guarded");

        List<JsonNode> composites = lines(dir.resolve("composites.jsonl"));
        assertEquals(List.of("DEPARTMENT:101:72.50:0.9750", "POLICY:440000-2027-000125:81.20:null",
                "REGION:440100:77.20:0.97"), composites.stream().map(c -> c.get("scope").asText() + ":"
                        + c.get("subjectCode").asText() + ":" + c.get("composite").asText() + ":"
                        + c.get("coefficient").asText()).toList(), "a PROJECT adjustment carries no composite");

        List<JsonNode> assessments = lines(dir.resolve("assessments.jsonl"));
        assertEquals(List.of("DEPARTMENT:101", "REGION:440100"), assessments.stream()
                .map(a -> a.get("scope").asText() + ":" + a.get("subjectCode").asText()).toList(),
                "an institution's quality grade is internal; a department without a public target is not named");
        assertEquals(2, assessments.get(0).get("rank").intValue());
        assertEquals(42, assessments.get(0).get("rankOf").intValue());
        assertEquals("PRAISE", assessments.get(0).get("list").asText());

        String everything = String.join("\n", Files.readString(dir.resolve("adjustments.jsonl")),
                Files.readString(dir.resolve("adjustments.csv")), Files.readString(dir.resolve("composites.csv")),
                Files.readString(dir.resolve("assessments.jsonl")), Files.readString(dir.resolve("assessments.csv")));
        for (String internal : List.of("内部说明", "internal text", "KEY_MONITORING", "ASSESS_WARNINGS_HANDLED", "assessedAt",
                "INST-91440000MA5XXXXXXX", "440000-2027-000999", "777")) {
            assertFalse(everything.contains(internal), "never exported: " + internal);
        }

        OpenDataExport.write(optedIn(java.util.EnumSet.allOf(OpenDataExport.OptIn.class)), dir.resolve("again"));
        for (OpenDataExport.FileEntry f : entries) {
            assertArrayEquals(Files.readAllBytes(dir.resolve(f.name())), Files.readAllBytes(dir.resolve("again").resolve(f.name())));
        }
    }

    private static JsonNode read(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> csvRows(Path csv) throws IOException {
        byte[] b = Files.readAllBytes(csv);
        String text = new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\r\n"));
        return List.of(text.split("\r\n"));
    }
}
