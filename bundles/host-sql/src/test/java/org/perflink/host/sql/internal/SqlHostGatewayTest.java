package org.perflink.host.sql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perflink.api.host.Delivery;
import org.perflink.api.host.HostException;
import org.perflink.api.host.HostGateway;
import org.perflink.api.host.Page;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Project;
import org.perflink.api.model.ResultKind;
import org.perflink.api.model.StageEvent;
import org.perflink.api.model.Subregion;
import org.perflink.host.sql.ExchangeSchema;
import org.perflink.host.sql.ExchangeSchema.Input;

class SqlHostGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private ExchangeDb db;
    private List<JsonNode> projects;

    @BeforeEach
    void open() throws Exception {
        db = new ExchangeDb();
        try (InputStream in = getClass().getResourceAsStream("/datasets/demo-dataset.json")) {
            JsonNode region = JSON.readTree(in).path("regions").get(0);
            projects = new ArrayList<>();
            region.path("projects").forEach(projects::add);
        }
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private ObjectNode project(int i) {
        return (ObjectNode) projects.get(i).deepCopy();
    }

    @Test
    void projectsArePagedByKeyAndFilteredByCodes() throws Exception {
        for (int i = 0; i < 5; i++) {
            db.loader.put(Input.PROJECTS, "440000", 2027, null, project(i), i);
        }
        SqlHostGateway g = db.gateway("1.0");
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<Parsed<Project>> page = g.projects("440000", 2027, List.of(), cursor, 2);
            page.items().forEach(p -> seen.add(p.value().projectCode()));
            assertTrue(page.items().stream().allMatch(Parsed::valid));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        assertEquals(projects.subList(0, 5).stream().map(p -> p.path("projectCode").asText()).sorted().toList(), seen);

        String two = projects.get(2).path("projectCode").asText();
        Page<Parsed<Project>> only = g.projects("440000", 2027, List.of(two), null, 200);
        assertEquals(List.of(two), only.items().stream().map(Parsed::key).toList());
        assertNull(only.nextCursor());
        assertEquals(two, g.project("440000", two, 2027).value().projectCode());
        assertTrue(g.projects("440000", 2028, List.of(), null, 200).items().isEmpty(), "another year");
        assertTrue(g.projects("440100", 2027, List.of(), null, 200).items().isEmpty(), "another region");
    }

    @Test
    void aRowOutsideTheContractBoundsIsInvalidNamingTableKeyAndColumnAndTheRestIsRead() throws Exception {
        ObjectNode bad = project(1);
        bad.put("budgetAmount", "-5.00");
        String badCode = bad.path("projectCode").asText();
        db.loader.put(Input.PROJECTS, "440000", 2027, null, project(0), 0);
        db.loader.put(Input.PROJECTS, "440000", 2027, null, bad, 1);
        db.loader.put(Input.PROJECTS, "440000", 2027, null, project(2), 2);

        List<Parsed<Project>> items = db.gateway("1.0").projects("440000", 2027, List.of(), null, 200).items();
        assertEquals(3, items.size());
        Parsed<Project> invalid = items.stream().filter(p -> !p.valid()).findFirst().orElseThrow();
        assertEquals(badCode, invalid.key());
        assertEquals(bad.path("revision").asLong(), invalid.revision());
        assertEquals("budgetAmount", invalid.errorPath());
        assertTrue(invalid.error().contains("pl_projects") && invalid.error().contains("key " + badCode)
                && invalid.error().contains("column body"), invalid.error());
        assertEquals(2, items.stream().filter(Parsed::valid).count());
    }

    @Test
    void unreadableJsonAndAKeyColumnThatContradictsTheBodyAreInvalidWithTheRowsKey() throws Exception {
        db.execute("INSERT INTO pl_projects (region_code, fiscal_year, project_code, revision, body) "
                + "VALUES ('440000', 2027, '440000-2027-999991', 4, '{\"projectCode\": ')");
        db.execute("INSERT INTO pl_projects (region_code, fiscal_year, project_code, revision, body) VALUES "
                + "('440000', 2027, '440000-2027-999992', 1, '" + project(0).toString().replace("'", "''") + "')");
        List<Parsed<Project>> items = db.gateway("1.0").projects("440000", 2027, List.of(), null, 200).items();
        assertEquals(2, items.size());
        Parsed<Project> unreadable = items.get(0);
        assertFalse(unreadable.valid());
        assertEquals("440000-2027-999991", unreadable.key(), "the key column identifies what the body cannot");
        assertEquals(4, unreadable.revision());
        assertTrue(unreadable.error().contains("key 440000-2027-999991"), unreadable.error());
        Parsed<Project> contradicting = items.get(1);
        assertFalse(contradicting.valid());
        assertEquals("projectCode", contradicting.errorPath());
        assertTrue(contradicting.error().contains("column project_code says '440000-2027-999992'"), contradicting.error());
    }

    @Test
    void eventsComeInSeqOrderAfterTheCursorAndABadEventStopsTheFeedNamingIt() throws Exception {
        for (long seq : new long[] {3, 1, 2}) {
            db.loader.putEvent(JSON.readTree("{\"seq\": " + seq + ", \"eventId\": \"ev-" + seq + "\", \"regionCode\": "
                    + "\"440000\", \"year\": 2027, \"stage\": \"COMPILE\", \"phase\": \"DECLARED\", "
                    + "\"occurredAt\": \"2026-11-02T09:30:00+08:00\"}"));
        }
        SqlHostGateway g = db.gateway("1.0");
        Page<StageEvent> page = g.stageEvents("440000", null, 2);
        assertEquals(List.of(1L, 2L), page.items().stream().map(StageEvent::seq).toList());
        assertEquals("2", page.nextCursor());
        assertEquals(List.of(3L), g.stageEvents("440000", "2", 10).items().stream().map(StageEvent::seq).toList());
        assertTrue(g.stageEvents("440000", "3", 10).items().isEmpty());

        db.execute("INSERT INTO pl_stage_events (region_code, seq, body) VALUES ('440000', 4, "
                + "'{\"seq\": 4, \"regionCode\": \"440000\", \"year\": 2027, \"stage\": \"NOPE\"}')");
        HostException e = assertThrows(HostException.class, () -> g.stageEvents("440000", "3", 10));
        assertTrue(e.getMessage().contains("pl_stage_events") && e.getMessage().contains("440000/4"), e.getMessage());
    }

    @Test
    void writesAreUpsertsByIdIntoTheKindsTable() throws Exception {
        SqlHostGateway g = db.gateway("1.0");
        String body = "{\"verdictId\":\"440000-2027-000101.DECLARED.r1\",\"projectCode\":\"440000-2027-000101\","
                + "\"regionCode\":\"440000\",\"year\":2027,\"outcome\":\"PASS\",\"findings\":[]}";
        HostResult r = new HostResult(ResultKind.VERDICT, "440000", "440000-2027-000101.DECLARED.r1",
                "440000-2027-000101", body);
        Delivery first = g.deliver(r);
        assertEquals(Delivery.Status.STORED, first.status());
        assertEquals(201, first.httpStatus());
        Delivery again = g.deliver(r);
        assertEquals(Delivery.Status.STORED, again.status());
        assertEquals(200, again.httpStatus());
        try (Connection c = db.dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id, region_code, fiscal_year, subject_code, body FROM pl_verdicts")) {
            assertTrue(rs.next());
            assertEquals("440000-2027-000101.DECLARED.r1", rs.getString(1));
            assertEquals("440000", rs.getString(2));
            assertEquals(2027, rs.getInt(3));
            assertEquals("440000-2027-000101", rs.getString(4));
            assertEquals(body, rs.getString(5));
            assertFalse(rs.next(), "one row per id");
        }
        assertNull(g.deliverBatch("440000", List.of(r)), "no batch: single writes in the outbox's order");
    }

    @Test
    void aValueTheTableRefusesIsPermanentAMissingTableTransient() throws Exception {
        SqlHostGateway g = db.gateway("1.0");
        HostResult tooLong = new HostResult(ResultKind.SCORE, "4400001", "x.2027", "x", "{\"year\": 2027}");
        Delivery refused = g.deliver(tooLong);
        assertEquals(Delivery.Status.PERMANENT, refused.status());
        assertTrue(refused.reason().contains("pl_scores"), refused.reason());
        db.execute("DROP TABLE pl_notices");
        Delivery waiting = g.deliver(new HostResult(ResultKind.NOTICE, "440000", "n1", "101", "{\"year\": 2027}"));
        assertEquals(Delivery.Status.TRANSIENT, waiting.status());
    }

    @Test
    void aDatabaseThatIsDownIsAHostOutageAndNothingIsLostWhenItIsBack() throws Exception {
        org.h2.jdbcx.JdbcDataSource down = new org.h2.jdbcx.JdbcDataSource();
        down.setURL("jdbc:h2:mem:never-created;IFEXISTS=TRUE");
        SqlHostGateway g = new SqlHostGateway(down, ExchangeSchema.standard(), "1.0", 200, Clock.systemUTC());
        assertThrows(HostException.class, () -> g.projects("440000", 2027, List.of(), null, 200));
        assertThrows(HostException.class, () -> g.stageEvents("440000", null, 10));
        HostResult r = new HostResult(ResultKind.VERDICT, "440000", "v1", "p1", "{\"year\": 2027}");
        Delivery d = g.deliver(r);
        assertEquals(Delivery.Status.TRANSIENT, d.status(), "retried, never dropped");
        assertEquals(Delivery.Status.STORED, db.gateway("1.0").deliver(r).status(), "the same result once it is back");
    }

    @Test
    void v11PullsAreOnlyAskedOfA11Host() throws Exception {
        db.loader.put(Input.EVALUATORS, "440000", null, null, JSON.readTree(
                "{\"evaluatorId\": \"EXP-0042\", \"kind\": \"EXPERT\", \"status\": \"ACTIVE\"}"), 0);
        assertTrue(db.gateway("1.0").evaluators("440000", null, 200).items().isEmpty());
        HostGateway v11 = db.gateway("1.0").forContract("1.1");
        assertEquals(List.of("EXP-0042"), v11.evaluators("440000", null, 200).items().stream().map(Parsed::key).toList());
    }

    @Test
    void subregionsAreReadByBudgetYearForA11HostAndABadRowNamesItsTableAndKey() throws Exception {
        db.loader.put(Input.SUBREGIONS, "440400", 2028, null, JSON.readTree("{\"regionCode\": \"440403\", "
                + "\"budgetYear\": 2028, \"transferBaseline\": \"250000000.00\", \"deductions\": []}"), 0);
        db.loader.put(Input.SUBREGIONS, "440400", 2028, null, JSON.readTree("{\"regionCode\": \"440402\", "
                + "\"budgetYear\": 2028, \"transferBaseline\": \"600000000.00\", \"deductions\": "
                + "[{\"source\": \"AUDIT\", \"points\": \"2\", \"ref\": \"审计报告\"}]}"), 1);
        db.loader.put(Input.SUBREGIONS, "440400", 2029, null, JSON.readTree("{\"regionCode\": \"440402\", "
                + "\"budgetYear\": 2029, \"transferBaseline\": \"610000000.00\", \"deductions\": []}"), 2);
        assertTrue(db.gateway("1.0").subregions("440400", 2027, 2028, null, 200).items().isEmpty(), "a 1.0 host");

        HostGateway v11 = db.gateway("1.1");
        Page<Parsed<Subregion>> first = v11.subregions("440400", 2027, 2028, null, 1);
        assertEquals(List.of("440402"), first.items().stream().map(Parsed::key).toList(), "keyset order");
        assertEquals("440402", first.nextCursor());
        Subregion xiangzhou = first.items().get(0).value();
        assertEquals(new java.math.BigDecimal("600000000.00"), xiangzhou.transferBaseline());
        assertEquals(2028, xiangzhou.budgetYear());
        assertEquals(1, xiangzhou.deductions().size());
        Page<Parsed<Subregion>> second = v11.subregions("440400", 2027, 2028, first.nextCursor(), 1);
        assertEquals(List.of("440403"), second.items().stream().map(Parsed::key).toList());
        assertNull(second.nextCursor());
        assertEquals(List.of("610000000.00"), v11.subregions("440400", 2028, 2029, null, 200).items().stream()
                .map(p -> p.value().transferBaseline().toPlainString()).toList(), "by the budget year asked for");
        assertTrue(v11.subregions("440100", 2027, 2028, null, 200).items().isEmpty(), "another region");

        db.execute("INSERT INTO pl_subregions (region_code, budget_year, subregion_code, body) VALUES ('440400', 2028, "
                + "'440404', '{\"regionCode\": \"440404\", \"budgetYear\": 2028, \"transferBaseline\": \"六亿\"}')");
        List<Parsed<Subregion>> all = v11.subregions("440400", 2027, 2028, null, 200).items();
        assertEquals(3, all.size(), "the bad row does not stop the others");
        Parsed<Subregion> bad = all.get(2);
        assertFalse(bad.valid());
        assertEquals("440404", bad.key());
        assertEquals("transferBaseline", bad.errorPath());
        assertTrue(bad.error().contains("pl_subregions") && bad.error().contains("key 440404"), bad.error());
    }
}
