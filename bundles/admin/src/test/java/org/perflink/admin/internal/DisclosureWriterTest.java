package org.perflink.admin.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perflink.api.hook.StageContext;
import org.perflink.api.model.ResultKind;
import org.perflink.api.model.Stage;
import org.perflink.reports.FakeRulePacks;
import org.perflink.store.AuditEntry;
import org.perflink.store.HandledEvent;
import org.perflink.store.RegionStatus;
import org.perflink.store.StoredResult;

/**
 * host-api-v1.md "Disclosure export": the export is written after each PUBLISHED and ADJUST event and each EVALUATE
 * and LINK (not after other events), for every year of the region, the manifest listing the files; a failed write is
 * audited once, retried at the next tick, and audited again when it succeeds.
 */
class DisclosureWriterTest {

    private static final Instant AT = Instant.parse("2027-03-01T02:00:00Z");
    private static final String REGION = "440000";

    private final FakeStore store = new FakeStore();
    private final FakeRulePacks packs = new FakeRulePacks();
    private final DisclosureWriter writer = new DisclosureWriter(store, store, store, store, packs, store);

    /** Ticks until the writer has seen the log stop growing: the first tick after an event waits for a quiet one. */
    private void settle() {
        writer.tick();
        writer.tick();
    }

    private void event(Stage stage, String phase) {
        long id = store.eventLog.size() + 1;
        store.eventLog.add(new HandledEvent(id, REGION, stage, id, "ev-" + id, phase, String.valueOf(id), 1, 0, 0, "n1", AT));
    }

    private void aRegionWithAPublishedProject(Path dir) {
        store.statuses.put(REGION, new RegionStatus(REGION, Map.of(), 0, null, 0, 0, null, null, null));
        packs.define("gd", "2", Map.of("disclose.exportDir", dir.toString(), "disclose.adjustments", "true"))
                .assign(REGION, "gd");
        store.keep(REGION, 2027, StageContext.PUBLIC_TARGET, "440000-2027-000123", "{\"regionCode\":\"440000\","
                + "\"year\":2027,\"departmentCode\":\"101\",\"departmentName\":\"省教育厅\",\"projectCode\":"
                + "\"440000-2027-000123\",\"projectName\":\"教育信息化建设\",\"kind\":\"PROJECT\",\"budgetAmount\":"
                + "\"2500000.00\",\"indicators\":[]}");
        store.keep(REGION, 2026, StageContext.PUBLIC_TARGET, "440000-2026-000001", "{\"regionCode\":\"440000\","
                + "\"year\":2026,\"projectCode\":\"440000-2026-000001\",\"projectName\":\"上年项目\",\"indicators\":[]}");
        store.keep(REGION, 2027, StageContext.PUBLIC_REPORT, "440000-2027-000123",
                "{\"reportUrl\":\"https://example.org/jxpj/2027/440000-2027-000123.pdf\"}");
        store.stored.add(new StoredResult(5, REGION, ResultKind.SCORE, "440000-2027-000123.2027", "440000-2027-000123",
                StoredResult.DELIVERED, "{\"projectCode\":\"440000-2027-000123\",\"regionCode\":\"440000\",\"year\":2027,"
                        + "\"score\":\"84.50\",\"grade\":\"GOOD\",\"source\":\"KEY_EVALUATION\"}", AT, AT));
    }

    private static List<String> manifestFiles(Path folder) throws IOException {
        JsonNode m = new ObjectMapper().readTree(folder.resolve("manifest.json").toFile());
        return java.util.stream.StreamSupport.stream(m.get("files").spliterator(), false)
                .map(f -> f.get("name").asText()).toList();
    }

    @Test
    void aPublishedEventWritesEveryYearOfTheRegionWithItsManifest(@TempDir Path dir) throws IOException {
        aRegionWithAPublishedProject(dir);
        Path folder = dir.resolve(REGION).resolve("2027");
        event(Stage.COMPILE, "DECLARED");
        event(Stage.EXECUTE, "MONITOR");
        settle();
        assertFalse(Files.exists(folder), "no export after events the contract does not name");

        event(Stage.COMPILE, "PUBLISHED");
        writer.tick();
        assertFalse(Files.exists(folder), "the log grew since the last tick: the write waits for a quiet one");
        writer.tick();
        assertEquals(List.of("targets.jsonl", "targets.csv", "scores.jsonl", "scores.csv", "adjustments.jsonl",
                "adjustments.csv"), manifestFiles(folder));
        assertTrue(Files.readString(folder.resolve("scores.csv"))
                .contains(",84.50,GOOD,KEY_EVALUATION,https://example.org/jxpj/2027/440000-2027-000123.pdf\r\n"));
        assertTrue(Files.exists(dir.resolve(REGION).resolve("2026").resolve("manifest.json")), "every year of the region");
        assertFalse(Files.list(folder).anyMatch(p -> p.toString().endsWith(".tmp")), "temporary files moved");
        byte[] manifest = Files.readAllBytes(folder.resolve("manifest.json"));

        Files.delete(folder.resolve("manifest.json"));
        writer.tick();
        assertFalse(Files.exists(folder.resolve("manifest.json")), "nothing new handled: nothing rewritten");

        for (String[] e : new String[][] {{"COMPILE", "ADJUST"}, {"CLOSE", "EVALUATE"}, {"CLOSE", "LINK"}}) {
            event(Stage.valueOf(e[0]), e[1]);
            settle();
            assertArrayEquals(manifest, Files.readAllBytes(folder.resolve("manifest.json")), e[1] + ": the same bytes");
            Files.delete(folder.resolve("manifest.json"));
        }
        event(Stage.CLOSE, "FOLLOW_UP");
        settle();
        assertFalse(Files.exists(folder.resolve("manifest.json")), "FOLLOW_UP changes nothing public");
        assertEquals(Map.of(), writer.failures());
        assertEquals(List.of(), store.audits, "a successful write is not audited");
    }

    @Test
    void theFirstTickWritesWhatTheRecentLogCallsFor(@TempDir Path dir) throws IOException {
        aRegionWithAPublishedProject(dir);
        event(Stage.CLOSE, "EVALUATE");
        event(Stage.EXECUTE, "MONITOR");
        settle(); // as after a restart: the cursor starts before the log
        assertTrue(Files.exists(dir.resolve(REGION).resolve("2027").resolve("manifest.json")));
    }

    @Test
    void aFailedWriteIsAuditedOnceRetriedAtEveryTickAndAuditedWhenItSucceeds(@TempDir Path dir) throws IOException {
        aRegionWithAPublishedProject(dir);
        Files.writeString(dir.resolve(REGION), "a file where the region's folder belongs");
        event(Stage.COMPILE, "PUBLISHED");
        settle();
        writer.tick();
        assertTrue(writer.failures().containsKey(REGION));
        List<AuditEntry> audits = List.copyOf(store.audits);
        assertEquals(1, audits.size(), "once per reason, not once per tick");
        assertEquals(DisclosureWriter.FAILED, audits.get(0).action());
        assertEquals(REGION, audits.get(0).target());
        assertEquals(DisclosureWriter.ACTOR, audits.get(0).actor());

        Files.delete(dir.resolve(REGION));
        writer.tick(); // no new event: the failed region is retried
        assertTrue(Files.exists(dir.resolve(REGION).resolve("2027").resolve("manifest.json")));
        assertEquals(Map.of(), writer.failures());
        assertEquals(DisclosureWriter.WRITTEN_AGAIN, store.audits.get(1).action());
        assertEquals("years [2026, 2027]", store.audits.get(1).after());
    }

    @Test
    void aRegionWhoseLogKeepsGrowingIsWrittenAfterAtMostTheLongestWait(@TempDir Path dir) {
        aRegionWithAPublishedProject(dir);
        event(Stage.COMPILE, "PUBLISHED");
        for (int i = 0; i < DisclosureWriter.MAX_WAIT_TICKS; i++) {
            writer.tick();
            event(Stage.COMPILE, "PUBLISHED"); // a large event's next page
        }
        assertFalse(Files.exists(dir.resolve(REGION)));
        writer.tick();
        assertTrue(Files.exists(dir.resolve(REGION).resolve("2027").resolve("manifest.json")));
    }

    @Test
    void aRegionWithoutAnExportFolderWritesNothing(@TempDir Path dir) {
        aRegionWithAPublishedProject(dir);
        packs.define("api-only", "1", Map.of("disclose.exportDir", "")).assign(REGION, "api-only");
        event(Stage.COMPILE, "PUBLISHED");
        settle();
        assertFalse(writer.write(REGION));
        assertEquals(Map.of(), writer.failures());
        assertFalse(Files.exists(dir.resolve(REGION)));
    }
}
