package org.perflink.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.perflink.api.model.ResultKind;
import org.perflink.launcher.KarafProcess;
import org.perflink.launcher.SqlDemoHost;
import org.perflink.mockhost.Dataset;
import org.perflink.mockhost.MockHost;

/**
 * Issue 12, "one truth across adapters": the demo year of 440000 and 440100 (every stage) run once over HTTP and
 * once over an exchange database filled with the same inputs (as {@code ./perflink demo --host sql} does) leaves
 * the same results: the same region/kind/id keys with the same bodies (top-level timestamps aside), but for the
 * location an INPUT_INVALID finding adds over SQL (the row's table, key and column).
 */
@Timeout(value = 12, unit = TimeUnit.MINUTES)
class SqlHostParityIT extends SystemTestSupport {

    @Test
    void theDemoYearWritesTheSameResultsOverHttpAndOverTheExchangeDatabase(@TempDir Path dir) throws Exception {
        Runs runs = runBoth(dir, REGIONS);
        Map<String, JsonNode> viaHttp = runs.viaHttp();
        Map<String, JsonNode> viaSql = runs.viaSql();
        assertEquals(viaHttp.keySet(), viaSql.keySet(), "result ids");
        int located = 0;
        for (JsonNode body : viaSql.values()) {
            located += withoutRowLocation(body);
        }
        assertEquals(2, located, "the demo's two bad project rows (440000-2027-000133, 440100-2027-000118) named");
        assertEquals(viaHttp, viaSql, "result bodies");
    }

    /**
     * The host contract v1.1 regions of the demo over both adapters: 440400 with its lower regions 440402/440403
     * (the v1.1 {@code subregions} pull: REGION adjustments and a notice to a lower region), 440500 (the work
     * assessment's {@code Assessment} results), 460100 (the v1.1 {@code notice-feedback} pull and the CLOSE/FOLLOW_UP
     * events with their escalation notices). Same ids and bodies, and each of those is there.
     */
    @Test
    void theV11RegionsWriteTheSameResultsOverHttpAndOverTheExchangeDatabase(@TempDir Path dir) throws Exception {
        host.stop();
        demo = Dataset.load("demo+lower-regions");
        host = new MockHost(MockHost.Options.defaults().withBind("127.0.0.1").withPort(0), demo).start();
        List<String> regions = List.of("440400", "440402", "440403", "440500", "460100");
        Runs runs = runBoth(dir, regions);
        runs.viaSql().values().forEach(SqlHostParityIT::withoutRowLocation);
        assertEquals(runs.viaHttp().keySet(), runs.viaSql().keySet(), "result ids");
        assertEquals(runs.viaHttp(), runs.viaSql(), "result bodies");

        Map<String, JsonNode> regionAdjustments = new TreeMap<>();
        int assessments = 0;
        int referrals = 0;
        for (Map.Entry<String, JsonNode> e : runs.viaSql().entrySet()) {
            JsonNode body = e.getValue();
            if (e.getKey().startsWith("440400/adjustment/") && "REGION".equals(body.path("scope").asText())) {
                regionAdjustments.put(body.path("subjectCode").asText(), body);
            }
            assessments += e.getKey().startsWith("440500/assessment/") ? 1 : 0;
            referrals += e.getKey().startsWith("460100/notice/") && "REFERRAL".equals(body.path("type").asText()) ? 1 : 0;
        }
        assertEquals(List.of("440402", "440403"), List.copyOf(regionAdjustments.keySet()),
                "the lower regions' transfer factors, from the exchange database's pl_subregions");
        assertEquals("600000000.00", regionAdjustments.get("440402").path("baseAmount").asText());
        assertEquals("REDUCE", regionAdjustments.get("440402").path("action").asText());
        assertEquals("PRIORITIZE", regionAdjustments.get("440403").path("action").asText());
        assertTrue(assessments >= 4, "440500's work assessment: " + assessments);
        assertEquals(4, referrals, "460100's FOLLOW_UP escalations to 移交 (pl_notice_feedback)");
    }

    record Runs(Map<String, JsonNode> viaHttp, Map<String, JsonNode> viaSql) {
    }

    /**
     * The demo year of {@code regions} (the events the mock serves from the start, then every stage) once over HTTP
     * and once over an exchange database the launcher fills from a fresh mock host, as {@code demo --host sql} does.
     */
    private Runs runBoth(Path dir, List<String> regions) throws Exception {
        initialSeqs(regions);
        KarafProcess overHttp = karaf(dir, "http", regions);
        start(overHttp, regions);
        for (String stage : STAGES) {
            regions.forEach(r -> script(r, stage));
            await("HTTP demo year, " + stage, STAGE, overHttp, () -> done(overHttp));
        }
        Map<String, JsonNode> viaHttp = results();
        overHttp.close();

        // a fresh mock host (its event feeds start again at seq 1) as the exchange database's source
        host.stop();
        host = new MockHost(MockHost.Options.defaults().withBind("127.0.0.1").withPort(0), demo).start();
        lastSeq.clear();
        initialSeqs(regions);
        String mockUrl = "http://127.0.0.1:" + host.port();
        KarafProcess overSql = karaf(dir, "sql", regions);
        Map<String, JsonNode> viaSql = new TreeMap<>();
        try (SqlDemoHost exchange = overSql.exchangeHost(regions)) {
            start(overSql, regions);
            exchange.copyInitial(mockUrl, regions, host.dataset().summary());
            for (String stage : STAGES) {
                ArrayNode appended = MAPPER.createArrayNode();
                for (String region : regions) {
                    List<ObjectNode> events = script(region, stage, null);
                    appended.addAll(events);
                }
                exchange.copyStage(mockUrl, appended);
                await("exchange-database demo year, " + stage, STAGE, overSql, () -> done(overSql));
            }
            for (ResultKind kind : ResultKind.values()) {
                for (JsonNode row : exchange.received(kind.batchName()).path("items")) {
                    viaSql.put(row.path("region").asText() + "/" + kind.batchName() + "/" + row.path("id").asText(),
                            withoutTimestamps(row.path("body")));
                }
            }
        }
        overSql.close();
        assertTrue(host.received().received(null, null, null, false).path("items").isEmpty(),
                "the HTTP host received nothing in the exchange-database run");
        report(String.format("SqlHostParityIT %s: %d results over HTTP, %d over the exchange database", regions,
                viaHttp.size(), viaSql.size()));
        return new Runs(viaHttp, viaSql);
    }

    /** The events a region's feed has from the start (the lower regions' evaluation): seq 1 … n of a fresh feed. */
    private void initialSeqs(List<String> regions) {
        for (String region : regions) {
            int initial = demo.region(region).initialEvents().size();
            if (initial > 0) {
                lastSeq.merge(region, (long) initial, Math::max);
            }
        }
    }

    /**
     * The one designed difference: an INPUT_INVALID finding's {@code figures.error} names the exchange table, the
     * row's key and the column before what the HTTP adapter says. Checks that prefix and takes it off; returns how
     * many it took off.
     */
    private static int withoutRowLocation(JsonNode body) {
        int n = 0;
        for (JsonNode f : body.path("findings")) {
            if ("INPUT_INVALID".equals(f.path("ruleId").asText())) {
                String prefix = "交换库 exchange table pl_projects, key " + body.path("projectCode").asText() + ", column body: ";
                String error = f.path("figures").path("error").asText();
                assertTrue(error.startsWith(prefix), error);
                ((ObjectNode) f.path("figures")).put("error", error.substring(prefix.length()));
                n++;
            }
        }
        return n;
    }
}
