package org.perflink.host.sql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.perflink.api.host.Delivery;
import org.perflink.api.host.HostGateway;
import org.perflink.api.host.Page;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.Adjustment;
import org.perflink.api.model.Assessment;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Notice;
import org.perflink.api.model.ResultKind;
import org.perflink.api.model.Score;
import org.perflink.api.model.StageEvent;
import org.perflink.api.model.Verdict;
import org.perflink.api.model.Warning;
import org.perflink.core.HostSettings;
import org.perflink.host.http.HostJson;
import org.perflink.host.http.HttpHosts;
import org.perflink.host.sql.HttpHostCopy;
import org.perflink.mockhost.Dataset;
import org.perflink.mockhost.MockHost;
import org.perflink.mockhost.RegionData;

/**
 * One truth across adapters: the demo dataset served over HTTP by the mock host and copied into an exchange
 * database reads the same through both gateways (every pull of every demo region: the same items, keys,
 * revisions and findings on bad items), and the same results are written with the same ids and bodies.
 */
class HttpSqlParityTest {

    private static MockHost host;
    private static ExchangeDb db;
    private static Dataset demo;
    private static HostGateway http;
    private static HostGateway sql;

    @BeforeAll
    static void start() throws Exception {
        demo = Dataset.demo();
        host = new MockHost(MockHost.Options.defaults().withPort(0), demo).start();
        db = new ExchangeDb();
        HttpHostCopy copy = new HttpHostCopy(host.baseUri().toString(), db.loader);
        for (RegionData r : demo.regions()) {
            host.script(r.regionCode(), null, null);
            copy.events(r.regionCode(), 0);
            for (int year = r.year() - 1; year <= r.year() + 1; year++) {
                copy.year(r.regionCode(), year);
            }
            for (LocalDate asOf : cutOffs(r)) {
                copy.execution(r.regionCode(), r.year(), asOf);
            }
            copy.evaluators(r.regionCode());
        }
        http = HttpHosts.gateway(new HostSettings(host.baseUri().toString(), HostSettings.Auth.NONE, null, null,
                Duration.ofSeconds(2), Duration.ofSeconds(10), 200, false)).forContract("1.1");
        sql = db.gateway("1.1");
    }

    @AfterAll
    static void stop() throws Exception {
        host.stop();
        db.close();
    }

    private static List<LocalDate> cutOffs(RegionData r) {
        return r.scriptedEvents().stream().filter(e -> e.hasNonNull("asOf"))
                .map(e -> LocalDate.parse(e.get("asOf").asText())).distinct().toList();
    }

    interface Pull<T> {
        Page<Parsed<T>> page(HostGateway g, String cursor) throws Exception;
    }

    private static <T> List<Parsed<T>> all(HostGateway g, Pull<T> pull) throws Exception {
        List<Parsed<T>> out = new ArrayList<>();
        String cursor = null;
        do {
            Page<Parsed<T>> page = pull.page(g, cursor);
            out.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }

    /**
     * Same items (the contract defines no order: the mock serves dataset order, the exchange database key order);
     * a bad item says the same, the SQL one naming table, key and column besides.
     */
    private static <T> int assertSame(String what, Pull<T> pull) throws Exception {
        List<Parsed<T>> viaHttp = byKey(all(http, pull));
        List<Parsed<T>> viaSql = byKey(all(sql, pull));
        assertEquals(viaHttp.size(), viaSql.size(), what + ": number of items");
        for (int i = 0; i < viaHttp.size(); i++) {
            Parsed<T> h = viaHttp.get(i);
            Parsed<T> s = viaSql.get(i);
            assertEquals(h.value(), s.value(), what + " item " + i);
            assertEquals(h.errorPath(), s.errorPath(), what + " item " + i + " error path");
            if (h.valid()) {
                assertEquals(h.key(), s.key(), what + " item " + i + " key");
                assertEquals(h.revision(), s.revision(), what + " item " + i + " revision");
            } else {
                assertTrue(s.error().endsWith(h.error()) && s.error().contains("exchange table"), s.error());
                if (h.identified()) {
                    assertEquals(h.key(), s.key(), what + " item " + i + " key");
                }
            }
        }
        return viaHttp.size();
    }

    /** By key; an item without a readable key (the loader's {@code ?row-n} in SQL) first. */
    private static <T> List<Parsed<T>> byKey(List<Parsed<T>> items) {
        List<Parsed<T>> sorted = new ArrayList<>(items);
        sorted.sort(java.util.Comparator.comparing((Parsed<T> p) -> p.key() == null || p.key().startsWith("?row-") ? ""
                : p.key()).thenComparing(p -> String.valueOf(p.value())));
        return sorted;
    }

    @Test
    void everyPullOfEveryDemoRegionReadsTheSameThroughBothAdapters() throws Exception {
        int items = 0;
        int subregions = 0;
        for (RegionData r : demo.regions()) {
            String code = r.regionCode();
            List<StageEvent> httpEvents = http.stageEvents(code, null, 1000).items();
            assertFalse(httpEvents.isEmpty());
            assertEquals(httpEvents, sql.stageEvents(code, null, 1000).items(), code + " events");
            for (int y = r.year() - 1; y <= r.year() + 1; y++) {
                int year = y;
                items += assertSame(code + " projects " + year, (g, c) -> g.projects(code, year, List.of(), c, 7));
                items += assertSame(code + " evaluations " + year, (g, c) -> g.evaluations(code, year, c, 7));
                items += assertSame(code + " departments " + year, (g, c) -> g.departments(code, year, c, 7));
                items += assertSame(code + " notice feedback " + year, (g, c) -> g.noticeFeedback(code, year, c, 7));
                int lower = assertSame(code + " subregions " + year, (g, c) -> g.subregions(code, year, year + 1, c, 1));
                subregions += lower;
                items += lower;
            }
            for (LocalDate asOf : cutOffs(r)) {
                items += assertSame(code + " execution " + asOf, (g, c) -> g.execution(code, r.year(), asOf, c, 7));
            }
            items += assertSame(code + " evaluators", (g, c) -> g.evaluators(code, c, 7));
            for (JsonNode p : r.projects(r.year())) {
                if (p.path("projectCode").isTextual() && p.hasNonNull("predecessor")) {
                    JsonNode pred = p.get("predecessor");
                    Parsed<?> h = http.project(code, pred.path("projectCode").asText(), pred.path("year").asInt());
                    Parsed<?> s = sql.project(code, pred.path("projectCode").asText(), pred.path("year").asInt());
                    assertEquals(h == null ? null : h.value(), s == null ? null : s.value(), "predecessor of " + p);
                }
            }
        }
        assertTrue(items > 60, "the demo's items were compared: " + items);
        assertTrue(subregions >= 2, "440400's lower regions (v1.1 subregions) were compared: " + subregions);
    }

    /** Result bodies as the engine hands them over (records); the v1.1 examples of host-api-v1.md. */
    @Test
    void theSameResultsAreWrittenWithTheSameIdsAndBodies() throws Exception {
        ObjectMapper mapper = HostJson.newMapper();
        List<HostResult> results = List.of(
                HostResult.of(mapper.readValue("{\"verdictId\": \"440000-2027-000123.REVIEWED.r3\", \"projectCode\": "
                        + "\"440000-2027-000123\", \"regionCode\": \"440000\", \"year\": 2027, \"phase\": \"REVIEWED\", "
                        + "\"revision\": 3, \"outcome\": \"BLOCK\", \"findings\": [{\"ruleId\": "
                        + "\"SYNC_REVIEW_TARGET_NOT_REVIEWED\", \"severity\": \"BLOCK\", \"path\": \"target.reviews\", "
                        + "\"message\": \"绩效目标未经财政审核，不得与预算同步上会\"}], \"rulePack\": \"default@1\"}", Verdict.class)),
                HostResult.of(mapper.readValue("{\"scoreId\": \"440000-2027-000123.2027\", \"projectCode\": "
                        + "\"440000-2027-000123\", \"regionCode\": \"440000\", \"year\": 2027, \"score\": \"90.94\", "
                        + "\"grade\": \"EXCELLENT\", \"source\": \"SELF_EVALUATION\", \"breakdown\": [{\"part\": "
                        + "\"EXECUTION_RATE\", \"points\": \"9.50\", \"max\": \"10\"}], \"selfScore\": \"95\", "
                        + "\"findings\": [], \"rulePack\": \"default@1\"}", Score.class)),
                HostResult.of(mapper.readValue("{\"warningId\": \"440000-2027-000123.2027-07-31.EXECUTION_LAG\", "
                        + "\"projectCode\": \"440000-2027-000123\", \"regionCode\": \"440000\", \"year\": 2027, "
                        + "\"asOf\": \"2027-07-31\", \"type\": \"EXECUTION_LAG\", \"level\": \"RED\", \"metrics\": "
                        + "{\"executionRate\": \"0.3600\", \"gap\": \"0.2208\"}, \"suggestedAction\": "
                        + "\"SUSPEND_DISBURSEMENT\", \"message\": \"执行进度滞后\"}", Warning.class)),
                HostResult.of(mapper.readValue("{\"adjustmentId\": \"440000-2027.DEPARTMENT.101\", \"regionCode\": "
                        + "\"440000\", \"evaluatedYear\": 2027, \"budgetYear\": 2028, \"scope\": \"DEPARTMENT\", "
                        + "\"subjectCode\": \"101\", \"basis\": {\"score\": \"72.50\", \"grade\": \"MEDIUM\", "
                        + "\"components\": {\"KEY_TARGETS\": {\"score\": \"70.00\", \"source\": \"PERFLINK\", \"n\": 4}}}, "
                        + "\"action\": \"REDUCE\", \"ratio\": \"-0.0250\", \"baseAmount\": \"120000000.00\", "
                        + "\"deltaAmount\": \"-3000000.00\", \"ruleId\": \"LINK_DEPARTMENT_COMPOSITE\"}", Adjustment.class)),
                HostResult.of(mapper.readValue("{\"noticeId\": \"440000-2027.101.RECTIFICATION\", \"regionCode\": "
                        + "\"440000\", \"year\": 2027, \"departmentCode\": \"101\", \"type\": \"RECTIFICATION\", "
                        + "\"dueDate\": \"2028-04-30\", \"reasons\": [\"整改\"], \"subjects\": [\"440000-2027-000123\"]}",
                        Notice.class)),
                HostResult.of(mapper.readValue("{\"assessmentId\": \"440000-2027.DEPARTMENT.101\", \"regionCode\": "
                        + "\"440000\", \"year\": 2027, \"scope\": \"DEPARTMENT\", \"subjectCode\": \"101\", \"total\": "
                        + "\"91.60\", \"grade\": \"EXCELLENT\", \"rank\": 2, \"rankOf\": 42, \"parts\": [], "
                        + "\"rulePack\": \"default@1\", \"assessedAt\": \"2028-03-31T10:00:00+08:00\"}", Assessment.class)));
        assertEquals(ResultKind.values().length, results.size());
        for (HostResult r : results) {
            assertEquals(Delivery.Status.STORED, http.deliver(r).status(), r.id());
            assertEquals(Delivery.Status.STORED, sql.deliver(r).status(), r.id());
        }
        ObjectMapper plain = new ObjectMapper();
        for (ResultKind kind : ResultKind.values()) {
            JsonNode stored = db.loader.results(kind).path("items");
            TreeSet<String> sqlIds = new TreeSet<>();
            for (JsonNode row : stored) {
                sqlIds.add(row.path("id").asText());
                JsonNode atHttpHost = host.received().latest(row.path("region").asText(), kind.batchName(),
                        row.path("id").asText());
                assertEquals(plain.readTree(atHttpHost.toString()), row.path("body"), kind + " " + row.path("id"));
            }
            assertEquals(new TreeSet<>(results.stream().filter(r -> r.kind() == kind).map(HostResult::id).toList()),
                    sqlIds, kind + " ids");
        }
    }
}
