package org.perflink.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.perflink.admin.api.AdminOperations;
import org.perflink.admin.api.ExportProgress;
import org.perflink.reports.FakeRulePacks;
import org.perflink.store.AuditLog.AuditQuery;
import org.perflink.store.DeadLetter;
import org.perflink.store.DeadLetters.LetterQuery;
import org.perflink.store.DeadLetters.LetterSort;

/**
 * The admin API's dead-letter and audit tables (issue 15): their parameters checked and named, turned into the store's
 * queries, answered with totals, and exported as xlsx with every row the filters select, not one page.
 */
class ListPagesTest {

    private static final Instant AT = Instant.parse("2027-07-31T02:00:00Z");
    private final FakeStore store = new FakeStore();

    private AdminJson api() {
        return new AdminJson(List::of, store, store, store, store, new FakeRulePacks(),
                new RegionConfigEditor(new FakeConfigAdmin(), null), () -> LiveStatus.none(Path.of("x"), "none"),
                Clock.fixed(AT, ZoneOffset.UTC), new ObjectMapper(), store);
    }

    private static String error(Runnable call) {
        return assertThrows(IllegalArgumentException.class, call::run).getMessage();
    }

    private static List<Row> read(AdminOperations.Download d) throws IOException {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(d.bytes()))) {
            return wb.getFirstSheet().read();
        }
    }

    @Test
    void deadLetterParametersBecomeTheStoresQuery() {
        store.letter(1, "440000", "VERDICT", "P1.DECLARED.r1", 422, "locked");
        api().deadLetters("440000", Map.of());
        assertEquals(new LetterQuery(DeadLetter.OPEN, null, null, null, LetterSort.OLDEST), store.lastLetterQuery,
                "open letters oldest first, as the list was before");
        api().deadLetters("440000", Map.of("state", "Replayed", "stage", "执行", "kind", "input", "q", " locked ",
                "sort", "NEWEST"));
        assertEquals(new LetterQuery(DeadLetter.REPLAYED, "EXECUTE", DeadLetter.INPUT, "locked", LetterSort.NEWEST),
                store.lastLetterQuery);
        api().deadLetters("440000", Map.of("state", "all", "kind", "verdicts", "sort", "stage"));
        assertEquals(new LetterQuery(null, null, "VERDICT", null, LetterSort.STAGE), store.lastLetterQuery);
        api().deadLetters("440000", "0", "10");
        assertEquals(new LetterQuery(DeadLetter.OPEN, null, null, null, LetterSort.OLDEST), store.lastLetterQuery,
                "the offset/limit form is the open list");
    }

    @Test
    void badDeadLetterParametersAreNamedWithTheirRule() {
        assertEquals("state 须为 open、replayed、skipped 或 all (state must be open, replayed, skipped or all): 'gone'",
                error(() -> api().deadLetters("440000", Map.of("state", "gone"))));
        assertTrue(error(() -> api().deadLetters("440000", Map.of("stage", "audit"))).startsWith("stage: 未知阶段 (unknown stage)"));
        assertTrue(error(() -> api().deadLetters("440000", Map.of("kind", "letter"))).startsWith("kind: 未知结果类型"));
        assertEquals("sort 须为 oldest、newest、subject 或 stage (sort must be oldest, newest, subject or stage): 'id'",
                error(() -> api().deadLetters("440000", Map.of("sort", "id"))));
        assertTrue(error(() -> api().deadLetters("440000", Map.of("q", "x".repeat(129)))).startsWith("q 须为至多 128 个字符"));
        assertTrue(error(() -> api().deadLetters("440000", Map.of("q", "a\tb"))).contains("no control characters"));
        assertEquals("limit 须为 1 至 500 (limit must be 1 to 500)",
                error(() -> api().deadLetters("440000", Map.of("limit", "0"))));
        assertEquals("offset 须为 0 至 100000 (offset must be 0 to 100000)",
                error(() -> api().deadLetters("440000", Map.of("offset", "-1"))));
        assertTrue(error(() -> api().deadLetters("44", Map.of())).contains("6"), "the region code's rule");
    }

    @Test
    void aDeadLetterPageCarriesItsTotalStateAndStage() {
        for (int i = 1; i <= 3; i++) {
            store.letter(i, "440000", "VERDICT", "P" + i + ".DECLARED.r1", 422, "locked");
        }
        ObjectNode page = api().deadLetters("440000", Map.of("limit", "2", "sort", "newest"));
        assertEquals(3, page.get("total").asInt());
        assertTrue(page.get("hasMore").asBoolean());
        assertEquals("OPEN", page.get("state").asText());
        assertEquals("newest", page.get("sort").asText());
        assertEquals(3, page.get("items").get(0).get("id").asInt());
        assertEquals("OPEN", page.get("items").get(0).get("state").asText());
        assertFalse(api().deadLetters("440000", Map.of("offset", "2")).get("hasMore").asBoolean());
    }

    @Test
    void theDeadLetterExportHoldsEveryLetterTheFiltersSelectNotOnePage() throws IOException {
        for (int i = 1; i <= 620; i++) {
            store.letter(i, "440000", i % 10 == 0 ? DeadLetter.INPUT : "VERDICT", "K" + i, i % 10 == 0 ? 0 : 422, "=1+" + i);
        }
        List<Row> rows = read(api().listXlsx("dead-letters", "440000", Map.of("kind", "verdict", "offset", "100",
                "limit", "50")));
        assertEquals(ListSheets.DEAD_LETTER_COLUMNS, rows.get(0).stream().map(c -> c.getText()).toList());
        assertEquals(558, rows.size() - 1, "the 558 verdict letters, over two pages of the store, none of the inputs");
        assertTrue(rows.stream().skip(1).allMatch(r -> "VERDICT".equals(r.getCellText(1))));
        assertEquals(CellType.NUMBER, rows.get(1).getCell(0).getType(), "the id is a number");
        assertEquals("'=1+1", rows.get(1).getCellText(4), "a formula in the reason is guarded");
        assertEquals("limit 须为 1 至 500 (limit must be 1 to 500)", error(() -> {
            try {
                api().listXlsx("dead-letters", "440000", Map.of("limit", "0"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }), "a page's limit does not apply to the export, but a wrong one is named");

        List<String> steps = new ArrayList<>();
        AdminOperations.Download job = api().export("dead-letters.xlsx", "440000", Map.of("kind", "input"),
                (done, total, what) -> steps.add(done + "/" + total));
        assertEquals("440000-dead-letters.xlsx", job.fileName());
        assertEquals(62, read(job).size() - 1);
        assertEquals(List.of("62/62"), steps);
    }

    @Test
    void auditParametersBecomeTheStoresQuery() {
        api().audit(Map.of());
        assertEquals(new AuditQuery(null, null, null, null, null, null, false), store.lastAuditQuery);
        Map<String, String> p = new HashMap<>(Map.of("q", "compile", "actor", "alice", "action", "perflink:disable",
                "region", "440000", "from", "2027-07-01", "to", "2027-07-31", "sort", "oldest"));
        api().audit(p);
        assertEquals(new AuditQuery("compile", "alice", "perflink:disable", "440000",
                Instant.parse("2027-06-30T16:00:00Z"), Instant.parse("2027-07-31T16:00:00Z"), true), store.lastAuditQuery,
                "days of China Standard Time, to inclusive");
        p.put("from", "2027-07-31T01:00:00Z");
        p.put("to", "2027-07-31T02:00:00Z");
        api().audit(p);
        assertEquals(Instant.parse("2027-07-31T02:00:00Z"), store.lastAuditQuery.to(), "an instant is taken as given");
    }

    @Test
    void badAuditParametersAreNamedWithTheirRule() {
        assertTrue(error(() -> api().audit(Map.of("region", "44"))).startsWith("region: "));
        assertTrue(error(() -> api().audit(Map.of("from", "yesterday"))).startsWith("from 须为日期 (2027-07-31，北京时间)"));
        assertTrue(error(() -> api().audit(Map.of("to", "2027-13-01"))).startsWith("to 须为日期"));
        assertEquals("from 须早于 to (from must be before to): 2027-08-01 / 2027-07-01",
                error(() -> api().audit(Map.of("from", "2027-08-01", "to", "2027-07-01"))));
        assertEquals("sort 须为 newest 或 oldest (sort must be newest or oldest): 'actor'",
                error(() -> api().audit(Map.of("sort", "actor"))));
        assertTrue(error(() -> api().audit(Map.of("actor", "a\nb"))).startsWith("actor 须为至多 128 个字符"));
        assertEquals("limit 须为 1 至 1000 (limit must be 1 to 1000)", error(() -> api().audit(Map.of("limit", "1001"))));
    }

    @Test
    void theAuditExportHoldsEveryEntryTheFiltersSelect() throws IOException {
        for (int i = 0; i < 1200; i++) {
            store.record(i % 3 == 0 ? "alice" : "bob", "perflink:replay", "440000", "open=" + i, "@x");
        }
        ObjectNode page = api().audit(Map.of("actor", "alice", "limit", "10"));
        assertEquals(400, page.get("total").asInt());
        assertTrue(page.get("hasMore").asBoolean());
        List<Row> rows = read(api().listXlsx("audit", null, Map.of("actor", "alice", "limit", "10")));
        assertEquals(401, rows.size(), "every entry of alice's (over the store's 1000 a page), not the page of 10");
        assertTrue(rows.stream().skip(1).allMatch(r -> "alice".equals(r.getCellText(2))));
        assertEquals("'@x", rows.get(1).getCellText(6));
        assertEquals("audit.xlsx", api().export("audit.xlsx", null, Map.of("actor", "bob"), ExportProgress.NONE).fileName(),
                "the audit log's export needs no region");
    }
}
