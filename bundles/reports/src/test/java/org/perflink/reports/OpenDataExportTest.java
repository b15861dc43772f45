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
