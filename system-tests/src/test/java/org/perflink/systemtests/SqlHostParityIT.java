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
        KarafProcess overHttp = karaf(dir, "http", REGIONS);
        start(overHttp, REGIONS);
        for (String stage : STAGES) {
            script(stage);
            await("HTTP demo year, " + stage, STAGE, overHttp, () -> done(overHttp));
        }
        Map<String, JsonNode> viaHttp = results();
        overHttp.close();

        // a fresh mock host (its event feeds start again at seq 1) as the exchange database's source
        host.stop();
        host = new MockHost(MockHost.Options.defaults().withBind("127.0.0.1").withPort(0), demo).start();
        lastSeq.clear();
        String mockUrl = "http://127.0.0.1:" + host.port();
        KarafProcess overSql = karaf(dir, "sql", REGIONS);
        Map<String, JsonNode> viaSql = new TreeMap<>();
        try (SqlDemoHost exchange = overSql.exchangeHost(REGIONS)) {
            start(overSql, REGIONS);
            exchange.copyInitial(mockUrl, REGIONS, host.dataset().summary());
            for (String stage : STAGES) {
                ArrayNode appended = MAPPER.createArrayNode();
                for (String region : REGIONS) {
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
        report(String.format("SqlHostParityIT: %d results over HTTP, %d over the exchange database", viaHttp.size(),
                viaSql.size()));
        assertEquals(viaHttp.keySet(), viaSql.keySet(), "result ids");
        int located = 0;
        for (JsonNode body : viaSql.values()) {
            located += withoutRowLocation(body);
        }
        assertEquals(2, located, "the demo's two bad project rows (440000-2027-000133, 440100-2027-000118) named");
        assertEquals(viaHttp, viaSql, "result bodies");
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
