package org.perflink.mockhost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The mock against a real server on an ephemeral port. */
class MockHostTest {

    static final String R = "440000";
    static final String API = "/api/v1/regions/" + R;

    static MockHost host;
    static Client c;

    /** A small dataset: 5 projects of 2027 (one malformed) and one of 2026, execution, evaluations, departments. */
    static String testDataset() {
        return """
            {"name": "test", "regions": [{"regionCode": "440000", "name": "测试省", "year": 2027,
              "projects": [
                {"projectCode": "P1", "revision": 1, "regionCode": "440000", "year": 2027, "budgetAmount": "100.00"},
                {"projectCode": "P2", "revision": 1, "regionCode": "440000", "year": 2027, "budgetAmount": 5000000.10},
                {"projectCode": "P3", "revision": 2, "regionCode": "440000", "year": 2027, "budgetAmount": "abc", "kind": "GRANT"},
                {"projectCode": "P4", "revision": 1, "regionCode": "440000", "year": "2027", "budgetAmount": "1.00"},
                {"projectCode": "P5", "revision": 1, "regionCode": "440000", "year": 2027, "budgetAmount": "2.00"},
                {"projectCode": "P1", "revision": 9, "regionCode": "440000", "year": 2026, "budgetAmount": "9.00"}],
              "execution": [
                {"projectCode": "P1", "year": 2027, "asOf": "2027-07-31", "budgetAmount": "100.00", "paidAmount": "10.00"},
                {"projectCode": "P1", "year": 2027, "asOf": "2027-09-30", "budgetAmount": "100.00", "paidAmount": "70.00"}],
              "evaluations": [{"projectCode": "P1", "year": 2027, "selfScore": "95"}],
              "departments": [{"departmentCode": "101", "year": 2027}, {"departmentCode": "101", "year": 2026}],
              "events": [{"stage": "COMPILE", "phase": "DECLARED", "projectCodes": ["P1"], "occurredAt": "2026-10-20T09:00:00+08:00"}],
              "scriptedEvents": [
                {"stage": "COMPILE", "phase": "REVIEWED", "projectCodes": ["P1"]},
                {"stage": "EXECUTE", "phase": "MONITOR", "asOf": "2027-07-31"},
                {"stage": "COMPILE", "phase": "APPROVED", "projectCodes": ["P1"]},
                {"stage": "CLOSE", "phase": "EVALUATE"}]},
             {"regionCode": "440100", "year": 2027,
              "scriptedEvents": [{"stage": "COMPILE", "phase": "DECLARED"}]}]}
            """;
    }

    static Dataset dataset() throws IOException {
        return Dataset.parse(Json.read(testDataset().getBytes(StandardCharsets.UTF_8)), "test");
    }

    /** One server for the class (stopping the JDK server takes up to a second); each test starts afresh. */
    @BeforeAll
    static void start() throws IOException {
        host = new MockHost(MockHost.Options.defaults().withPort(0), dataset()).start();
        c = new Client(host.baseUri());
    }

    @BeforeEach
    void fresh() throws IOException {
        host.reset(dataset());
    }

    @AfterAll
    static void stop() {
        host.stop();
    }

    static List<String> codes(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(i -> out.add(i.path("projectCode").asText()));
        return out;
    }

    // ------------------------------------------------------------------ stage events

    @Test
    void stageEventsPageBySeqAndNextCursorIsTheLastSeq() throws Exception {
        // the dataset's served event is seq 1
        for (int i = 0; i < 4; i++) {
            assertEquals(201, c.post("/mock/regions/440000/stage-events",
                    "{\"stage\": \"COMPILE\", \"phase\": \"REVIEWED\"}").status());
        }
        Client.Res p1 = c.get(API + "/stage-events?limit=2");
        assertEquals(200, p1.status());
        assertEquals(2, p1.json().get("items").size());
        assertEquals(1, p1.json().get("items").get(0).get("seq").asInt());
        assertEquals("2", p1.json().get("nextCursor").asText());
        Client.Res p2 = c.get(API + "/stage-events?limit=2&after=2");
        assertEquals(List.of(3, 4), seqs(p2.json()));
        assertEquals("4", p2.json().get("nextCursor").asText());
        Client.Res p3 = c.get(API + "/stage-events?after=4");
        assertEquals(List.of(5), seqs(p3.json()));
        assertEquals("5", p3.json().get("nextCursor").asText(), "a non-empty page names its last seq");
        Client.Res p4 = c.get(API + "/stage-events?after=5");
        assertEquals(0, p4.json().get("items").size());
        assertTrue(p4.json().get("nextCursor").isNull(), "an empty page has a null nextCursor");

        JsonNode e = p2.json().get("items").get(0);
        assertEquals("ev-440000-3", e.get("eventId").asText());
        assertEquals("440000", e.get("regionCode").asText());
        assertEquals(2027, e.get("year").asInt(), "year defaults to the region's year");
        assertTrue(e.get("occurredAt").asText().endsWith("+08:00"));
        assertEquals("2026-10-20T09:00:00+08:00", p1.json().get("items").get(0).get("occurredAt").asText());
    }

    @Test
    void theRequestListenerHearsEveryApiRequestWithItsRegionAndNotTheMockEndpoints() throws Exception {
        List<MockHost.Request> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.time.Instant before = java.time.Instant.now();
        host.onRequest(heard::add);
        try {
            c.get(API + "/stage-events?limit=2");
            c.get("/api/v1/regions/440100/projects?year=2027");
            c.get("/mock/stats");
        } finally {
            host.onRequest(null);
        }
        c.get(API + "/projects?year=2027");
        assertEquals(2, heard.size(), "two /api/ requests while listening: " + heard);
        assertEquals("GET", heard.get(0).method());
        assertEquals(API + "/stage-events", heard.get(0).path());
        assertEquals(R, heard.get(0).region());
        assertEquals("440100", heard.get(1).region());
        assertFalse(heard.get(0).at().isBefore(before));
        assertEquals(host.baseUri().getAuthority(), heard.get(0).host(), "the Host header the client sent");
    }

    static List<Integer> seqs(JsonNode page) {
        List<Integer> out = new ArrayList<>();
        page.get("items").forEach(i -> out.add(i.get("seq").asInt()));
        return out;
    }

    @Test
    void appendedEventsKeepExplicitFieldsAndRefuseSeqGoingBack() throws Exception {
        Client.Res r = c.post("/mock/regions/440000/stage-events", """
                [{"seq": 10, "eventId": "x-1", "stage": "EXECUTE", "phase": "MONITOR", "asOf": "2027-07-31",
                  "occurredAt": "2027-08-01T10:00:00+08:00", "extra": 1},
                 {"stage": "CLOSE", "phase": "LINK"}]""");
        assertEquals(201, r.status());
        JsonNode a = r.json().get("appended");
        assertEquals(10, a.get(0).get("seq").asInt());
        assertEquals("x-1", a.get(0).get("eventId").asText());
        assertEquals("2027-07-31", a.get(0).get("asOf").asText());
        assertEquals(1, a.get(0).get("extra").asInt());
        assertEquals(11, a.get(1).get("seq").asInt());
        assertEquals(409, c.post("/mock/regions/440000/stage-events", "{\"seq\": 11}").status());
        assertEquals(400, c.get(API + "/stage-events?after=abc").status());
        assertEquals(400, c.get(API + "/stage-events?limit=1001").status());
        // events of another region are separate; a region the dataset does not know still has a feed
        assertEquals(201, c.post("/mock/regions/440106/stage-events", "{\"stage\": \"COMPILE\"}").status());
        assertEquals(1, c.get("/api/v1/regions/440106/stage-events").json().get("items").get(0).get("seq").asInt());
        assertEquals(0, c.get("/api/v1/regions/450000/stage-events").json().get("items").size());
        assertEquals(400, c.get("/api/v1/regions/040000/stage-events").status());
    }

    // ------------------------------------------------------------------ collections

    @Test
    void projectsArePagedWithOpaqueCursors() throws Exception {
        Client.Res p1 = c.get(API + "/projects?year=2027&limit=2");
        assertEquals(200, p1.status());
        assertEquals(List.of("P1", "P2"), codes(p1.json()));
        String cur = p1.json().get("nextCursor").asText();
        assertFalse(cur.matches("\\d+"), "cursors are opaque");
        Client.Res p2 = c.get(API + "/projects?year=2027&limit=2&cursor=" + cur);
        assertEquals(List.of("P3", "P4"), codes(p2.json()));
        Client.Res p3 = c.get(API + "/projects?year=2027&limit=2&cursor=" + p2.json().get("nextCursor").asText());
        assertEquals(List.of("P5"), codes(p3.json()));
        assertTrue(p3.json().get("nextCursor").isNull());
        // default limit 200: everything on one page
        Client.Res all = c.get(API + "/projects?year=2027");
        assertEquals(5, all.json().get("items").size());
        assertTrue(all.json().get("nextCursor").isNull());
        // exactly a page: the last page is the one that fills it
        Client.Res exact = c.get(API + "/projects?year=2027&limit=5");
        assertTrue(exact.json().get("nextCursor").isNull());
        assertEquals(List.of("P1"), codes(c.get(API + "/projects?year=2026").json()));
        assertEquals(9, c.get(API + "/projects?year=2026").json().get("items").get(0).get("revision").asInt());
    }

    @Test
    void badPagingParametersAre400() throws Exception {
        assertEquals(400, c.get(API + "/projects?year=2027&limit=1001").status());
        assertEquals(200, c.get(API + "/projects?year=2027&limit=1000").status());
        assertEquals(400, c.get(API + "/projects?year=2027&limit=0").status());
        assertEquals(400, c.get(API + "/projects?year=2027&limit=x").status());
        assertEquals(400, c.get(API + "/projects?year=2027&cursor=garbage").status());
        assertEquals(400, c.get(API + "/projects").status(), "year is required");
        assertEquals(400, c.get(API + "/execution?year=2027").status(), "asOf is required");
        assertEquals(400, c.get(API + "/execution?year=2027&asOf=31.07.2027").status());
        Client.Res e = c.get(API + "/projects?year=2027&limit=1001");
        assertTrue(e.json().get("error").asText().contains("limit"));
    }

    @Test
    void codesFilterKeepsDatasetOrder() throws Exception {
        Client.Res r = c.get(API + "/projects?year=2027&codes=P4,P1,NOPE");
        assertEquals(List.of("P1", "P4"), codes(r.json()));
        Client.Res paged = c.get(API + "/projects?year=2027&codes=P4,P1,P5&limit=2");
        assertEquals(List.of("P1", "P4"), codes(paged.json()));
        assertNotNull(paged.json().get("nextCursor").textValue());
    }

    @Test
    void singleProjectAnd404() throws Exception {
        Client.Res r = c.get(API + "/projects/P2?year=2027");
        assertEquals(200, r.status());
        assertEquals("P2", r.json().get("projectCode").asText());
        assertEquals(404, c.get(API + "/projects/NOPE?year=2027").status());
        assertEquals(404, c.get(API + "/projects/P2?year=2026").status());
        assertEquals(404, c.get("/api/v1/regions/450000/projects/P2?year=2027").status());
        assertEquals(0, c.get("/api/v1/regions/450000/projects?year=2027").json().get("items").size());
        assertEquals(404, c.get(API + "/nothing").status());
        assertEquals(405, c.put(API + "/projects/P2?year=2027", "{}").status());
    }

    @Test
    void itemsAreServedExactlyAsStoredEvenWhenMalformed() throws Exception {
        String raw = c.get(API + "/projects?year=2027&codes=P2,P3").raw().body();
        assertTrue(raw.contains("\"budgetAmount\":5000000.10"), raw);
        assertTrue(raw.contains("\"budgetAmount\":\"abc\""), raw);
        assertTrue(raw.contains("\"kind\":\"GRANT\""), raw);
        // year given as a string still matches
        assertEquals(List.of("P4"), codes(c.get(API + "/projects?year=2027&codes=P4").json()));
    }

    @Test
    void executionEvaluationsAndDepartmentsFilterByYearAndAsOf() throws Exception {
        JsonNode ex = c.get(API + "/execution?year=2027&asOf=2027-09-30").json();
        assertEquals(1, ex.get("items").size());
        assertEquals("70.00", ex.get("items").get(0).get("paidAmount").asText());
        assertEquals(0, c.get(API + "/execution?year=2027&asOf=2027-08-31").json().get("items").size());
        assertEquals(1, c.get(API + "/evaluations?year=2027").json().get("items").size());
        assertEquals(0, c.get(API + "/evaluations?year=2028").json().get("items").size());
        assertEquals(1, c.get(API + "/departments?year=2026").json().get("items").size());
    }

    // ------------------------------------------------------------------ writes

    @Test
    void putAnswers201Then200AndRecordsEveryWrite() throws Exception {
        String v1 = "{\"verdictId\": \"P1.REVIEWED.r1\", \"regionCode\": \"440000\", \"outcome\": \"PASS\", \"checkedAt\": \"t1\"}";
        String v2 = "{\"verdictId\": \"P1.REVIEWED.r1\", \"regionCode\": \"440000\", \"outcome\": \"PASS\", \"checkedAt\": \"t2\"}";
        String v3 = "{\"verdictId\": \"P1.REVIEWED.r1\", \"regionCode\": \"440000\", \"outcome\": \"BLOCK\"}";
        assertEquals(201, c.put(API + "/verdicts/P1.REVIEWED.r1", v1).status());
        assertEquals(200, c.put(API + "/verdicts/P1.REVIEWED.r1", v1).status());
        JsonNode rec = c.get("/mock/received?kind=verdict").json();
        assertEquals(1, rec.get("ids").asInt());
        JsonNode row = rec.get("items").get(0);
        assertEquals(2, row.get("count").asInt());
        assertFalse(row.get("differentBodies").asBoolean());
        assertEquals("PASS", row.get("body").get("outcome").asText());

        assertEquals(200, c.put(API + "/verdicts/P1.REVIEWED.r1", v2).status());
        row = c.get("/mock/received?kind=verdicts&id=P1.REVIEWED.r1").json().get("items").get(0);
        assertTrue(row.get("differentBodies").asBoolean());
        assertFalse(row.get("differentBodiesIgnoringTimestamps").asBoolean(), "only checkedAt differs");
        assertEquals(200, c.put(API + "/verdicts/P1.REVIEWED.r1", v3).status());
        row = c.get("/mock/received?kind=verdict").json().get("items").get(0);
        assertTrue(row.get("differentBodiesIgnoringTimestamps").asBoolean());
        assertEquals("BLOCK", row.get("body").get("outcome").asText(), "latest body");
        assertEquals("BLOCK", c.get(API + "/verdicts/P1.REVIEWED.r1").json().get("outcome").asText());

        // each kind; the same id in another kind or region is a different result
        for (String kind : List.of("scores", "warnings", "adjustments", "notices")) {
            assertEquals(201, c.put(API + "/" + kind + "/P1.REVIEWED.r1", "{\"n\": 1}").status(), kind);
        }
        assertEquals(201, c.put("/api/v1/regions/440100/verdicts/P1.REVIEWED.r1", "{\"n\": 1}").status());

        JsonNode log = c.get("/mock/received/log").json();
        assertEquals(9, log.get("items").size());
        assertEquals(List.of(201, 200, 200, 200, 201, 201, 201, 201, 201), statuses(log));
        assertEquals("verdict", log.get("items").get(0).get("kind").asText());
        assertEquals("PUT", log.get("items").get(0).get("via").asText());
        assertEquals("t1", log.get("items").get(0).get("body").get("checkedAt").asText());
        assertEquals(3, c.get("/mock/received/log?after=6").json().get("items").size());
        assertEquals(4, c.get("/mock/received/log?kind=verdict&region=440000").json().get("items").size());

        JsonNode stats = c.get("/mock/stats").json();
        assertEquals(9, stats.get("writes").asInt());
        assertEquals(1, stats.get("idsWithDifferentBodies").asInt());
        assertEquals(4, stats.get("byRegion").get("440000").get("verdict").get("writes").asInt());
        assertEquals(1, stats.get("byRegion").get("440100").get("verdict").get("ids").asInt());

        assertEquals(200, c.post("/mock/reset", null).status());
        assertEquals(0, c.get("/mock/stats").json().get("writes").asInt());
        assertEquals(0, c.get("/mock/received/log").json().get("items").size());
    }

    static List<Integer> statuses(JsonNode log) {
        List<Integer> out = new ArrayList<>();
        log.get("items").forEach(i -> out.add(i.get("status").asInt()));
        return out;
    }

    @Test
    void writesThatContradictThePathOrAreNotObjectsAre400() throws Exception {
        assertEquals(400, c.put(API + "/verdicts/A", "{\"verdictId\": \"B\"}").status());
        assertEquals(400, c.put(API + "/scores/A", "{\"regionCode\": \"440100\"}").status());
        assertEquals(400, c.put(API + "/scores/A", "[1]").status());
        assertEquals(400, c.put(API + "/scores/A", "{not json").status());
        assertEquals(400, c.put(API + "/scores/A", "").status());
        assertEquals(404, c.put(API + "/things/A", "{}").status());
        JsonNode stats = c.get("/mock/stats").json();
        assertEquals(0, stats.get("writes").asInt());
        assertEquals(5, stats.get("rejectedWrites").asInt());
        // ids with reserved characters travel percent-encoded
        assertEquals(201, c.put(API + "/notices/440000-2027.101.RECTIFICATION%2Fx", "{}").status());
        assertEquals("440000-2027.101.RECTIFICATION/x",
                c.get("/mock/received?kind=notice").json().get("items").get(0).get("id").asText());
    }

    @Test
    void batchAnswersOneStatusPerItem() throws Exception {
        Client.Res r = c.post(API + "/results:batch", """
                {"items": [
                  {"kind": "verdict", "id": "V1", "body": {"verdictId": "V1"}},
                  {"kind": "warning", "id": "W1", "body": {"warningId": "W1"}},
                  {"kind": "verdict", "id": "V1", "body": {"verdictId": "V1"}},
                  {"kind": "grade", "id": "G1", "body": {}},
                  {"kind": "score", "id": "S1", "body": {"scoreId": "other"}},
                  {"kind": "score", "body": {}}]}""");
        assertEquals(200, r.status());
        JsonNode res = r.json().get("results");
        assertEquals(6, res.size());
        assertEquals(List.of(201, 201, 200, 400, 400, 400), batchStatuses(res));
        assertEquals("V1", res.get(0).get("id").asText());
        assertTrue(res.get(0).get("error").isNull());
        assertTrue(res.get(3).get("error").asText().contains("kind"));
        assertEquals(2, c.get("/mock/received").json().get("ids").asInt());
        assertEquals("BATCH", c.get("/mock/received/log").json().get("items").get(0).get("via").asText());
        // a single PUT after a batch write of the same id is a repeat
        assertEquals(200, c.put(API + "/verdicts/V1", "{\"verdictId\": \"V1\"}").status());
        assertEquals(200, c.post(API + "/results:batch", "{\"items\": []}").status());
    }

    static List<Integer> batchStatuses(JsonNode res) {
        List<Integer> out = new ArrayList<>();
        res.forEach(i -> out.add(i.get("status").asInt()));
        return out;
    }

    @Test
    void batchLimitsAndEnvelope() throws Exception {
        StringBuilder sb = new StringBuilder("{\"items\": [");
        for (int i = 0; i < 501; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"kind\": \"verdict\", \"id\": \"V").append(i)
                    .append("\", \"body\": {}}");
        }
        String big = sb.append("]}").toString();
        assertEquals(413, c.post(API + "/results:batch", big).status());
        String fiveHundred = big.replace(",{\"kind\": \"verdict\", \"id\": \"V500\", \"body\": {}}", "");
        Client.Res ok = c.post(API + "/results:batch", fiveHundred);
        assertEquals(200, ok.status());
        assertEquals(500, ok.json().get("results").size());
        assertEquals(400, c.post(API + "/results:batch", "{\"things\": []}").status());
        assertEquals(405, c.get(API + "/results:batch").status());
    }

    @Test
    void batchSwitchedOffIs404() throws Exception {
        try (MockHost off = new MockHost(MockHost.Options.defaults().withPort(0).withBatch(false), Dataset.EMPTY)
                .start()) {
            Client oc = new Client(off.baseUri());
            assertEquals(404, oc.post(API + "/results:batch", "{\"items\": []}").status());
            assertEquals(201, oc.put(API + "/verdicts/V1", "{}").status(), "single PUTs still work");
            assertFalse(oc.get("/mock/dataset").json().get("batch").asBoolean());
        }
        assertEquals(200, c.post("/mock/faults", "{\"batch\": false}").status());
        assertEquals(404, c.post(API + "/results:batch", "{\"items\": []}").status());
        assertEquals(200, c.delete("/mock/faults").status());
        assertEquals(200, c.post(API + "/results:batch", "{\"items\": []}").status());
    }

    // ------------------------------------------------------------------ faults

    @Test
    void downAnswers503ToApiOnly() throws Exception {
        assertEquals(200, c.post("/mock/faults", "{\"down\": true}").status());
        Client.Res r = c.get(API + "/projects?year=2027");
        assertEquals(503, r.status());
        assertTrue(r.json().get("error").asText().contains("down"));
        assertEquals(503, c.put(API + "/verdicts/V1", "{}").status());
        assertEquals(200, c.get("/mock/stats").status(), "faults never touch /mock");
        assertEquals(0, c.get("/mock/stats").json().get("writes").asInt(), "a faulted write is not stored");
        assertTrue(c.get("/mock/faults").json().get("down").asBoolean());
        assertEquals(200, c.delete("/mock/faults").status());
        assertEquals(200, c.get(API + "/projects?year=2027").status());
    }

    @Test
    void downWithCloseConnectionAnswersNothing() throws Exception {
        c.post("/mock/faults", "{\"down\": true, \"closeConnection\": true}");
        assertThrows(IOException.class, () -> c.get(API + "/projects?year=2027"));
        assertEquals(200, c.get("/mock/stats").status());
        assertTrue(c.get("/mock/stats").json().get("requests").get("faulted").asInt() >= 1);
    }

    @Test
    void statusEveryNthRequest() throws Exception {
        c.post("/mock/faults", "{\"status\": 503, \"everyNth\": 2}");
        List<Integer> got = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            got.add(c.get(API + "/projects?year=2027").status());
        }
        assertEquals(List.of(200, 503, 200, 503, 200, 503), got);
    }

    @Test
    void status429WithRetryAfter() throws Exception {
        c.post("/mock/faults", "{\"status\": 429, \"retryAfterSeconds\": 1}");
        Client.Res r = c.put(API + "/verdicts/V1", "{}");
        assertEquals(429, r.status());
        assertEquals("1", r.header("Retry-After"));
        assertEquals(429, c.get(API + "/stage-events").status(), "everyNth defaults to every request");
    }

    @Test
    void delayHoldsTheAnswer() throws Exception {
        c.post("/mock/faults", "{\"delayMillis\": 300}");
        long t0 = System.nanoTime();
        assertEquals(200, c.get(API + "/projects?year=2027").status());
        assertTrue(System.nanoTime() - t0 >= 300_000_000L, "answered after the delay");
        c.post("/mock/faults", "{\"delayMillis\": 5000}");
        assertThrows(HttpTimeoutException.class, () -> c.get(API + "/projects?year=2027", Duration.ofMillis(200)));
    }

    @Test
    void rejectIdsRefuseThoseWritesWithAReason() throws Exception {
        c.post("/mock/faults", "{\"rejectIds\": {\"V1\": 422, \"V2\": {\"status\": 409, \"error\": \"项目已锁定\"}}}");
        Client.Res r = c.put(API + "/verdicts/V1", "{\"verdictId\": \"V1\"}");
        assertEquals(422, r.status());
        assertTrue(r.json().get("error").asText().contains("V1"), r.json().toString());
        assertEquals(201, c.put(API + "/verdicts/V3", "{}").status());
        Client.Res b = c.post(API + "/results:batch", """
                {"items": [{"kind": "verdict", "id": "V2", "body": {}}, {"kind": "verdict", "id": "V4", "body": {}}]}""");
        assertEquals(List.of(409, 201), batchStatuses(b.json().get("results")));
        assertEquals("项目已锁定", b.json().get("results").get(0).get("error").asText());
        JsonNode log = c.get("/mock/received/log").json();
        assertEquals(List.of(422, 201, 409, 201), statuses(log));
        assertEquals(2, c.get("/mock/stats").json().get("rejectedWrites").asInt());
        assertEquals(2, c.get("/mock/received").json().get("ids").asInt());
    }

    @Test
    void faultsAreValidatedAndCanBeLimitedToMethods() throws Exception {
        assertEquals(400, c.post("/mock/faults", "{\"dwon\": true}").status());
        assertEquals(400, c.post("/mock/faults", "{\"status\": 99}").status());
        assertEquals(400, c.post("/mock/faults", "{\"rejectIds\": {\"x\": 200}}").status());
        assertEquals(200, c.post("/mock/faults", "{\"status\": 500, \"methods\": [\"PUT\"]}").status());
        assertEquals(200, c.get(API + "/projects?year=2027").status());
        assertEquals(500, c.put(API + "/verdicts/V1", "{}").status());
        // a POST replaces the whole set
        c.post("/mock/faults", "{\"delayMillis\": 0}");
        assertEquals(201, c.put(API + "/verdicts/V1", "{}").status());
    }

    @Test
    void faultsCanBeLimitedToRegions() throws Exception {
        String other = "/api/v1/regions/440100";
        assertEquals(400, c.post("/mock/faults", "{\"down\": true, \"regions\": \"440000\"}").status());
        assertEquals(400, c.post("/mock/faults", "{\"down\": true, \"regions\": [\"44000\"]}").status());
        assertEquals(400, c.post("/mock/faults", "{\"down\": true, \"regions\": [440000]}").status());

        assertEquals(200, c.post("/mock/faults", "{\"down\": true, \"regions\": [\"440000\"]}").status());
        assertEquals("[\"440000\"]", c.get("/mock/faults").json().get("regions").toString());
        assertEquals(503, c.get(API + "/projects?year=2027").status());
        assertEquals(503, c.put(API + "/verdicts/V1", "{}").status());
        assertEquals(200, c.get(other + "/projects?year=2027").status(), "another region is served normally");
        assertEquals(201, c.put(other + "/verdicts/V1", "{}").status());

        // with methods: both filters apply
        c.post("/mock/faults", "{\"status\": 500, \"methods\": [\"PUT\"], \"regions\": [\"440100\"]}");
        assertEquals(201, c.put(API + "/verdicts/V2", "{}").status());
        assertEquals(200, c.get(other + "/projects?year=2027").status());
        assertEquals(500, c.put(other + "/verdicts/V2", "{}").status());

        // a delay held for one region does not hold another
        c.post("/mock/faults", "{\"delayMillis\": 5000, \"regions\": [\"440000\"]}");
        long t0 = System.nanoTime();
        assertEquals(200, c.get(other + "/stage-events").status());
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "440100 answered without the delay of 440000");
        assertThrows(HttpTimeoutException.class, () -> c.get(API + "/stage-events", Duration.ofMillis(200)));

        // without regions, every region
        c.post("/mock/faults", "{\"down\": true}");
        assertEquals(503, c.get(other + "/projects?year=2027").status());
        assertFalse(c.get("/mock/faults").json().has("regions"));
    }

    // ------------------------------------------------------------------ datasets and scripts

    @Test
    void datasetUploadReplacesEverything() throws Exception {
        c.post("/mock/regions/440000/stage-events", "{\"stage\": \"COMPILE\"}");
        Client.Res r = c.post("/mock/dataset", """
                {"name": "other", "regions": [{"regionCode": "450000", "projects": [{"projectCode": "X", "year": 2027}]}]}""");
        assertEquals(200, r.status());
        assertEquals("other", r.json().get("name").asText());
        assertEquals(0, c.get(API + "/projects?year=2027").json().get("items").size());
        assertEquals(0, c.get(API + "/stage-events").json().get("items").size(), "feeds reset with the dataset");
        assertEquals(List.of("X"), codes(c.get("/api/v1/regions/450000/projects?year=2027").json()));
        assertEquals(400, c.post("/mock/dataset", "{\"regions\": [{\"regionCode\": \"12\"}]}").status());
        assertEquals(400, c.post("/mock/dataset", "{\"regions\": [{\"regionCode\": \"450000\", \"projcts\": []}]}")
                .status());
        assertEquals(400, c.post("/mock/dataset", "[]").status());
        Client.Res demo = c.post("/mock/dataset?name=demo", null);
        assertEquals(200, demo.status());
        assertEquals("demo", demo.json().get("name").asText());
    }

    @Test
    void upsertChangesOneItemByItsKey() throws Exception {
        Client.Res r = c.post("/mock/regions/440000/projects",
                "{\"projectCode\": \"P2\", \"revision\": 2, \"year\": 2027, \"budgetAmount\": \"7.00\"}");
        assertEquals(200, r.status());
        JsonNode p = c.get(API + "/projects/P2?year=2027").json();
        assertEquals(2, p.get("revision").asInt());
        assertEquals(5, c.get(API + "/projects?year=2027").json().get("items").size());
        c.post("/mock/regions/440000/execution",
                "{\"projectCode\": \"P9\", \"year\": 2027, \"asOf\": \"2027-07-31\", \"budgetAmount\": \"0.00\"}");
        assertEquals(2, c.get(API + "/execution?year=2027&asOf=2027-07-31").json().get("items").size());
        assertEquals(1, c.get(API + "/stage-events").json().get("items").size(), "events untouched");
    }

    @Test
    void scriptAppendsScriptedEventsOfAStageInOrder() throws Exception {
        assertEquals(1, c.get(API + "/stage-events").json().get("items").size(), "scripted events are not served");
        Client.Res r = c.post("/mock/regions/440000/stage-events:script?stage=COMPILE", null);
        assertEquals(200, r.status());
        JsonNode a = r.json().get("appended");
        assertEquals(2, a.size());
        assertEquals("REVIEWED", a.get(0).get("phase").asText());
        assertEquals("APPROVED", a.get(1).get("phase").asText());
        assertEquals(2, a.get(0).get("seq").asInt());
        assertEquals("ev-440000-3", a.get(1).get("eventId").asText());
        JsonNode feed = c.get(API + "/stage-events?after=1").json();
        assertEquals(List.of(2, 3), seqs(feed));

        Client.Res all = c.post("/mock/script?stage=COMPILE", null);
        assertEquals(3, all.json().get("appended").size(), "both regions: 2 + 1");
        assertEquals(1, c.get("/api/v1/regions/440100/stage-events").json().get("items").size());
        Client.Res monitor = c.post("/mock/script?stage=EXECUTE&phase=MONITOR", null);
        assertEquals("2027-07-31", monitor.json().get("appended").get(0).get("asOf").asText());
        assertEquals(404, c.post("/mock/regions/450000/stage-events:script?stage=COMPILE", null).status());
        // reset?all=true returns the feeds to the dataset's initial events
        c.post("/mock/reset?all=true", null);
        assertEquals(1, c.get(API + "/stage-events").json().get("items").size());
    }

    @Test
    void indexAndUnknownPaths() throws Exception {
        assertEquals(200, c.get("/").status());
        assertEquals(404, c.get("/nothing").status());
        assertEquals(404, c.get("/mock/nothing").status());
        assertEquals(404, c.get("/api/v2/regions/440000/projects?year=2027").status());
    }

    @Test
    void generateEndpointAddsARegion() throws Exception {
        Client.Res r = c.post("/mock/generate", "{\"region\": \"450000\", \"projects\": 1000, \"year\": 2027, \"seed\": 7}");
        assertEquals(200, r.status());
        assertEquals(1000, r.json().get("projects").asInt());
        JsonNode page = c.get("/api/v1/regions/450000/projects?year=2027&limit=1000").json();
        assertEquals(1000, page.get("items").size());
        assertTrue(page.get("nextCursor").isNull());
        assertEquals(5, c.get(API + "/projects?year=2027").json().get("items").size(), "other regions stay");
        Client.Res s = c.post("/mock/script?stage=EXECUTE", null);
        ArrayNode appended = (ArrayNode) s.json().get("appended");
        assertTrue(appended.size() >= 2);
        assertEquals(409, c.post("/mock/regions/450000/projects", "{}").status());
        ObjectNode summary = (ObjectNode) c.get("/mock/dataset").json();
        assertEquals(2 + 1, summary.get("regions").size());
    }

    @Test
    void mainParsesItsOptions() throws Exception {
        MockHost m = Main.create(new String[] {"--port", "0", "--no-batch", "--generate", "10", "--region", "440100",
            "--seed", "3"});
        assertFalse(m.options().batch());
        assertEquals("127.0.0.1", m.options().bind());
        assertEquals(1, m.dataset().regions().size(), "--generate alone: no demo");
        assertNotNull(m.dataset().region("440100"));
        MockHost d = Main.create(new String[] {"--port", "0"});
        assertNotNull(d.dataset().region("440000"), "the demo by default");
        assertNull(Main.create(new String[] {"--help"}));
        assertThrows(IllegalArgumentException.class, () -> Main.create(new String[] {"--bogus"}));
    }
}
