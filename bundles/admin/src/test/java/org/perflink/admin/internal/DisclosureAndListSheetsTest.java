package org.perflink.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perflink.admin.api.AdminOperations;
import org.perflink.admin.api.NotFoundException;
import org.perflink.api.model.ResultKind;
import org.perflink.reports.FakeRulePacks;
import org.perflink.store.PublicRecords;
import org.perflink.store.StoredResult;

/** The open-data export through the admin operations, and the page's lists as xlsx. */
class DisclosureAndListSheetsTest {

    private static final Instant AT = Instant.parse("2027-03-01T02:00:00Z");

    /** Public records in memory, in projectCode order as the store reads them. */
    private static final class Records implements PublicRecords {
        final Map<String, String> targets = new TreeMap<>();

        @Override
        public void forEach(String regionCode, int year, String kind, Consumer<PublicRecord> each) {
            if (!"TARGET".equals(kind)) {
                return;
            }
            targets.forEach((code, body) -> each.accept(new PublicRecord(regionCode, year, kind, code, body)));
        }

        @Override
        public long count(String regionCode, int year, String kind) {
            return targets.size();
        }
    }

    private final FakeStore store = new FakeStore();
    private final Records records = new Records();
    private final FakeRulePacks packs = new FakeRulePacks();

    private AdminJson api() {
        return new AdminJson(List::of, store, store, store, store, packs, new RegionConfigEditor(new FakeConfigAdmin(), null),
                () -> LiveStatus.none(Path.of("x"), "none"), Clock.fixed(AT, ZoneOffset.UTC), new ObjectMapper(), records);
    }

    private void aPublishedProjectWithAScore() {
        records.targets.put("440000-2027-000123", "{\"regionCode\":\"440000\",\"year\":2027,\"departmentCode\":\"101\","
                + "\"departmentName\":\"省教育厅\",\"projectCode\":\"440000-2027-000123\",\"projectName\":\"教育信息化建设\","
                + "\"kind\":\"PROJECT\",\"budgetAmount\":\"2500000.00\",\"approvedOn\":\"2027-01-25\","
                + "\"publishedOn\":\"2027-02-14\",\"overallGoal\":\"建设智慧教育平台。\",\"indicators\":[]}");
        store.stored.add(new StoredResult(5, "440000", ResultKind.SCORE, "440000-2027-000123.2027", "440000-2027-000123",
                StoredResult.DELIVERED, "{\"scoreId\":\"440000-2027-000123.2027\",\"projectCode\":\"440000-2027-000123\","
                        + "\"regionCode\":\"440000\",\"year\":2027,\"score\":\"87.50\",\"grade\":\"GOOD\","
                        + "\"source\":\"SELF_EVALUATION\"}", AT, AT));
    }

    @Test
    void theApiSendsEachFileOfTheExportMadeFromTheStore() throws IOException {
        aPublishedProjectWithAScore();
        AdminOperations.Download scores = api().disclosure("440000", "2027", "scores.csv");
        assertEquals("440000-2027-scores.csv", scores.fileName());
        assertEquals("text/csv; charset=utf-8", scores.mediaType());
        String csv = new String(scores.bytes(), StandardCharsets.UTF_8);
        assertTrue(csv.contains("440000,2027,101,省教育厅,440000-2027-000123,教育信息化建设,PROJECT,87.50,GOOD,SELF_EVALUATION,"),
                csv);
        String manifest = new String(api().disclosure("440000", "2027", "manifest.json").bytes(), StandardCharsets.UTF_8);
        assertTrue(manifest.contains("\"rulePack\" : \"default@1\""), manifest);

        assertThrows(IllegalArgumentException.class, () -> api().disclosure("440000", "2027", "../etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> api().disclosure("440000", "27", "targets.csv"));
        packs.define("quiet", "1", Map.of("disclose.scores", "false")).assign("440000", "quiet");
        assertThrows(NotFoundException.class, () -> api().disclosure("440000", "2027", "scores.jsonl"));
    }

    @Test
    void theShellsFolderIsTheRulePacksExportDirPerRegionAndYear(@TempDir Path dir) throws IOException {
        aPublishedProjectWithAScore();
        packs.define("gd", "3", Map.of("disclose.exportDir", dir.toString())).assign("440000", "gd");
        Path folder = Disclosure.folder("440000", 2027, packs, null);
        assertEquals(dir.resolve("440000").resolve("2027"), folder);
        var files = Disclosure.publish(Disclosure.input("440000", 2027, records, store, packs), folder);
        assertEquals(List.of("targets.jsonl", "targets.csv", "scores.jsonl", "scores.csv"),
                files.stream().map(f -> f.name()).toList());
        assertTrue(Files.readString(folder.resolve("manifest.json")).contains("gd@3"));
        assertEquals(dir.resolve("x/440000/2027"), Disclosure.folder("440000", 2027, packs, dir.resolve("x").toString()));
    }

    @Test
    void theOptedInKindsAreServedOnlyWhenThePackOptsIn() throws IOException {
        aPublishedProjectWithAScore();
        store.stored.add(new StoredResult(6, "440000", ResultKind.ADJUSTMENT, "440000-2027.DEPARTMENT.101", "101",
                StoredResult.DELIVERED, "{\"adjustmentId\":\"440000-2027.DEPARTMENT.101\",\"regionCode\":\"440000\","
                        + "\"evaluatedYear\":2027,\"budgetYear\":2028,\"scope\":\"DEPARTMENT\",\"subjectCode\":\"101\","
                        + "\"basis\":{\"score\":\"72.50\",\"grade\":\"MEDIUM\",\"coefficient\":\"0.9750\"},"
                        + "\"action\":\"REDUCE\",\"ratio\":\"-0.0250\",\"baseAmount\":\"120000000.00\","
                        + "\"deltaAmount\":\"-3000000.00\",\"ruleId\":\"LINK_DEPARTMENT_COMPOSITE\"}", AT, AT));
        for (String f : List.of("adjustments.csv", "composites.jsonl", "assessments.csv")) {
            var e = assertThrows(NotFoundException.class, () -> api().disclosure("440000", "2027", f), f);
            assertTrue(e.getMessage().contains("disclose." + f.substring(0, f.indexOf('.'))), e.getMessage());
        }
        packs.define("open", "1", Map.of("disclose.adjustments", "true", "disclose.composites", "true"))
                .assign("440000", "open");
        String adjustments = new String(api().disclosure("440000", "2027", "adjustments.csv").bytes(), StandardCharsets.UTF_8);
        assertTrue(adjustments.contains("440000,2027,2028,DEPARTMENT,101,101,省教育厅,,72.50,MEDIUM,REDUCE,-0.0250,"
                + "120000000.00,-3000000.00,LINK_DEPARTMENT_COMPOSITE"), adjustments);
        String composites = new String(api().disclosure("440000", "2027", "composites.jsonl").bytes(), StandardCharsets.UTF_8);
        assertTrue(composites.contains("\"composite\":\"72.50\""), composites);
        assertThrows(NotFoundException.class, () -> api().disclosure("440000", "2027", "assessments.jsonl"));
        String manifest = new String(api().disclosure("440000", "2027", "manifest.json").bytes(), StandardCharsets.UTF_8);
        assertTrue(manifest.contains("composites.csv") && !manifest.contains("assessments"), manifest);
        assertThrows(IllegalArgumentException.class, () -> api().disclosure("440000", "2027", "notices.csv"));
    }

    @Test
    void theDefaultFolderIsTheContracts() {
        assertEquals("${karaf.data}/perflink/disclosure", Disclosure.EXPORT_DIR.defaultValue());
        assertEquals("false", Disclosure.ADJUSTMENTS.defaultValue());
        assertEquals("false", Disclosure.COMPOSITES.defaultValue());
        assertEquals("false", Disclosure.ASSESSMENTS.defaultValue());
        assertEquals("true", Disclosure.SCORES.defaultValue());
    }

    private static List<Row> read(AdminOperations.Download d) throws IOException {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(d.bytes()))) {
            return wb.getFirstSheet().read();
        }
    }

    @Test
    void theLatestResultsAsXlsxHaveChineseColumnsAndFiguresAsNumbers() throws IOException {
        aPublishedProjectWithAScore();
        store.stored.add(new StoredResult(6, "440000", ResultKind.ADJUSTMENT, "440000-2027.PROJECT.440000-2027-000123",
                "440000-2027-000123", StoredResult.PENDING, "{\"adjustmentId\":\"440000-2027.PROJECT.440000-2027-000123\","
                        + "\"action\":\"REDUCE\",\"deltaAmount\":\"-262500.00\"}", AT, null));
        AdminOperations.Download d = api().listXlsx("results", "440000", Map.of("limit", "10"));
        assertEquals("440000-results.xlsx", d.fileName());
        List<Row> rows = read(d);
        assertEquals(ListSheets.RESULT_COLUMNS, rows.get(0).stream().map(c -> c.getText()).toList());
        assertEquals(3, rows.size());
        Row score = rows.get(1);
        assertEquals("SCORE", score.getCellText(0));
        assertEquals("GOOD", score.getCellText(6));
        assertEquals(CellType.NUMBER, score.getCell(7).getType());
        assertEquals(0, new BigDecimal("87.50").compareTo(score.getCell(7).asNumber()));
        assertEquals(CellType.NUMBER, score.getCell(5).getType(), "the seq is a number");
        Row adjustment = rows.get(2);
        assertEquals("REDUCE", adjustment.getCellText(6));
        assertEquals(0, new BigDecimal("-262500.00").compareTo(adjustment.getCell(8).asNumber()));
    }

    @Test
    void deadLettersAndTheAuditLogAsXlsxGuardFormulas() throws IOException {
        store.letter(7, "440000", "VERDICT", "=cmd|' /C calc'!A0", 422, "@SUM(1)");
        store.record("admin", "replay", "440000", "-1", "+1");
        List<Row> letters = read(api().listXlsx("dead-letters", "440000", Map.of()));
        assertEquals(ListSheets.DEAD_LETTER_COLUMNS, letters.get(0).stream().map(c -> c.getText()).toList());
        assertEquals("'=cmd|' /C calc'!A0", letters.get(1).getCellText(2));
        assertEquals("'@SUM(1)", letters.get(1).getCellText(4));
        assertEquals(0, new BigDecimal("422").compareTo(letters.get(1).getCell(3).asNumber()));
        List<Row> audit = read(api().listXlsx("audit", null, Map.of()));
        assertEquals(ListSheets.AUDIT_COLUMNS, audit.get(0).stream().map(c -> c.getText()).toList());
        assertEquals("'-1", audit.get(1).getCellText(5));
        assertThrows(IllegalArgumentException.class, () -> api().listXlsx("secrets", "440000", Map.of()));
    }
}
