package org.perflink.host.http.internal;

import org.perflink.host.http.HostJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.perflink.api.host.HostException;
import org.perflink.api.host.Page;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.DepartmentEvaluationInput;
import org.perflink.api.model.ExecutionSnapshot;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectEvaluationInput;
import org.perflink.mockhost.Dataset;
import org.perflink.mockhost.RegionData;

/**
 * The JSON intake of the gateway, case by case: each kind of bad item becomes {@link Parsed#invalid}
 * naming the field, the good items of the same page still parse, and only a page that is not a JSON page
 * at all is a {@link HostException}.
 */
class GatewayIntakeTest {

    static PageServer server;
    static HttpHostGateway gateway;
    static RegionData demo;

    @BeforeAll
    static void start() throws IOException {
        server = new PageServer();
        gateway = new HttpHostGateway(server.settings(), HostJson.newMapper());
        demo = Dataset.demo().region("440000");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static ObjectNode project(String code) {
        return (ObjectNode) demo.project(code, 2027).orElseThrow().deepCopy();
    }

    /** A page of [good, bad, good] and what the gateway made of it. */
    static List<Parsed<Project>> projectsAround(String badItemJson) throws HostException {
        server.serve("{\"items\": [" + project("440000-2027-000101") + ", " + badItemJson + ", "
                + project("440000-2027-000123") + "], \"nextCursor\": null}");
        Page<Parsed<Project>> page = gateway.projects("440000", 2027, List.of(), null, 200);
        assertEquals(3, page.items().size());
        assertTrue(page.items().get(0).valid(), "good item before: " + page.items().get(0));
        assertEquals("440000-2027-000101", page.items().get(0).value().projectCode());
        assertTrue(page.items().get(2).valid(), "good item after: " + page.items().get(2));
        assertEquals("440000-2027-000123", page.items().get(2).value().projectCode());
        return page.items();
    }

    static Parsed<Project> badProject(String json) throws HostException {
        return projectsAround(json).get(1);
    }

    static void assertInvalid(Parsed<?> p, String path, String key) {
        assertFalse(p.valid(), "should be invalid: " + p);
        assertEquals(path, p.errorPath(), p.error());
        assertNotNull(p.error());
        assertFalse(p.error().isBlank());
        assertEquals(key, p.key());
    }

    @Test
    void goodProjectsParseWithTheirKeyAndRevision() throws HostException {
        List<Parsed<Project>> items = projectsAround(project("440000-2027-000102").toString());
        assertTrue(items.get(1).valid());
        assertEquals("440000-2027-000102", items.get(1).key());
        assertEquals(items.get(1).value().revision(), items.get(1).revision());
        assertEquals(new BigDecimal("5000000.00"), items.get(1).value().budgetAmount());
    }

    @Test
    void negativeBudgetIsInvalidNamingTheField() throws HostException {
        ObjectNode p = project("440000-2027-000102");
        p.put("budgetAmount", "-5000000.00");
        Parsed<Project> bad = badProject(p.toString());
        assertInvalid(bad, "budgetAmount", "440000-2027-000102");
        assertTrue(bad.error().contains("negative"), bad.error());
    }

    @Test
    void absurdAmountsAreInvalidNamingTheField() throws HostException {
        for (String amount : List.of("\"1e30\"", "1e30", "\"1000000000000000.01\"", "1" + "0".repeat(100),
                "\"1" + "0".repeat(100) + "\"", "\"1e999999999\"", "\"0E-999999999\"", "\"4999999.999\"",
                "-0.01")) {
            String json = project("440000-2027-000102").toString()
                    .replace("\"budgetAmount\":\"5000000.00\"", "\"budgetAmount\":" + amount);
            assertTrue(json.contains(amount));
            assertInvalid(badProject(json), "budgetAmount", "440000-2027-000102");
        }
    }

    @Test
    void anAmountOfAMillionDigitsIsRefusedQuickly() throws HostException {
        for (String digits : List.of("9".repeat(999_000), "0." + "0".repeat(999_000) + "1", "1" + "0".repeat(999_000))) {
            ObjectNode p = project("440000-2027-000102");
            p.put("budgetAmount", digits);
            long start = System.nanoTime();
            assertInvalid(badProject(p.toString()), "budgetAmount", "440000-2027-000102");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 5_000, "took " + millis + " ms");
        }
    }

    @Test
    void theLargestPlausibleAmountAndZeroAreAccepted() throws HostException {
        for (String amount : List.of("1000000000000000.00", "0.00", "0", "12.5", "5000000.000")) {
            ObjectNode p = project("440000-2027-000102");
            p.put("budgetAmount", amount);
            assertTrue(badProject(p.toString()).valid(), amount);
        }
    }

    @Test
    void aDuplicateKeyIsInvalidNamingTheKey() throws HostException {
        String json = project("440000-2027-000102").toString()
                .replace("\"budgetAmount\":\"5000000.00\"", "\"budgetAmount\":\"5000000.00\",\"budgetAmount\":\"1.00\"");
        assertInvalid(badProject(json), "budgetAmount", "440000-2027-000102");
    }

    @Test
    void nestingBeyondTheLimitIsInvalidWhereItHappens() throws HostException {
        // in a field the contract does not know (ignored, but still read): the parser's limit names the place
        ObjectNode p = project("440000-2027-000102");
        ((ObjectNode) p.path("target").path("indicators").get(1)).put("extension", "@@DEEP@@");
        String deep = "[".repeat(5000) + "1" + "]".repeat(5000);
        Parsed<Project> bad = badProject(p.toString().replace("\"@@DEEP@@\"", deep));
        assertFalse(bad.valid());
        assertTrue(bad.errorPath().startsWith("target.indicators[1].extension[0][0]"), bad.errorPath());
        assertTrue(bad.error().contains("nesting depth"), bad.error());
        assertEquals("440000-2027-000102", bad.key());

        // in a field of the contract: the binding stops there first
        p = project("440000-2027-000102");
        ((ObjectNode) p.path("target").path("indicators").get(1)).put("name", "@@DEEP@@");
        assertInvalid(badProject(p.toString().replace("\"@@DEEP@@\"", deep)), "target.indicators[1].name",
                "440000-2027-000102");
    }

    @Test
    void anOversizedStringIsInvalidNamingTheField() throws HostException {
        ObjectNode p = project("440000-2027-000102");
        p.put("name", "长".repeat(HostJson.MAX_STRING_LENGTH + 1));
        assertInvalid(badProject(p.toString()), "name", "440000-2027-000102");
    }

    @Test
    void wrongEnumsAndTypesNameTheNestedField() throws HostException {
        ObjectNode p = project("440000-2027-000102");
        ((ObjectNode) p.path("target").path("indicators").get(2)).put("operator", "ABOUT");
        assertInvalid(badProject(p.toString()), "target.indicators[2].operator", "440000-2027-000102");

        p = project("440000-2027-000102");
        p.put("kind", "GRANT");
        assertInvalid(badProject(p.toString()), "kind", "440000-2027-000102");

        p = project("440000-2027-000102");
        ((ObjectNode) p.path("budgetPhaseDates")).put("LATER", "2026-10-10");
        Parsed<Project> badKey = badProject(p.toString());
        assertInvalid(badKey, "budgetPhaseDates", "440000-2027-000102");
        assertTrue(badKey.error().contains("LATER"), badKey.error());

        p = project("440000-2027-000102");
        p.putArray("isNew").add(1);
        assertInvalid(badProject(p.toString()), "isNew", "440000-2027-000102");

        p = project("440000-2027-000102");
        ((ObjectNode) p.path("target").path("indicators").get(0)).put("weight", "150");
        assertInvalid(badProject(p.toString()), "target.indicators[0].weight", "440000-2027-000102");
    }

    @Test
    void itemsThatCannotBeIdentifiedAreInvalidWithoutAKey() throws HostException {
        Parsed<Project> notObject = badProject("[1, 2]");
        assertFalse(notObject.valid());
        assertFalse(notObject.identified());
        assertEquals("", notObject.errorPath());
        assertNotNull(notObject.error());

        ObjectNode p = project("440000-2027-000102");
        p.remove("projectCode");
        Parsed<Project> noCode = badProject(p.toString());
        assertFalse(noCode.valid());
        assertFalse(noCode.identified());
        assertEquals("projectCode", noCode.errorPath());

        assertFalse(badProject("null").identified());
        assertFalse(badProject("\"just text\"").identified());
    }

    @Test
    void otherCollectionsHaveTheirBoundsToo() throws HostException {
        ObjectNode snapshot = (ObjectNode) demo.execution(2027, "2027-07-31").get(0).deepCopy();
        snapshot.put("paidAmount", "-1.00");
        server.serve("{\"items\": [" + snapshot + "], \"nextCursor\": null}");
        Parsed<ExecutionSnapshot> s = gateway.execution("440000", 2027, LocalDate.parse("2027-07-31"), null, 200)
                .items().get(0);
        assertInvalid(s, "paidAmount", snapshot.path("projectCode").asText());

        ObjectNode eval = (ObjectNode) demo.evaluations(2027).get(0).deepCopy();
        eval.put("selfScore", "101");
        server.serve("{\"items\": [" + eval + "], \"nextCursor\": null}");
        Parsed<ProjectEvaluationInput> e = gateway.evaluations("440000", 2027, null, 200).items().get(0);
        assertInvalid(e, "selfScore", eval.path("projectCode").asText());

        ObjectNode dept = (ObjectNode) demo.departments(2027).get(0).deepCopy();
        ((ObjectNode) dept.path("components")).put("KEY_TARGETS", "-3");
        ObjectNode dept2 = (ObjectNode) demo.departments(2027).get(1).deepCopy();
        if (!dept2.path("deductions").isArray()) {
            dept2.putArray("deductions");
        }
        ((com.fasterxml.jackson.databind.node.ArrayNode) dept2.get("deductions")).addObject()
                .put("source", "AUDIT").put("points", "1e30");
        server.serve("{\"items\": [" + dept + ", " + dept2 + "], \"nextCursor\": \"next\"}");
        Page<Parsed<DepartmentEvaluationInput>> d = gateway.departments("440000", 2027, null, 200);
        assertEquals("next", d.nextCursor());
        assertInvalid(d.items().get(0), "components.KEY_TARGETS", dept.path("departmentCode").asText());
        int last = dept2.path("deductions").size() - 1;
        assertInvalid(d.items().get(1), "deductions[" + last + "].points", dept2.path("departmentCode").asText());
    }

    @Test
    void onlyAPageThatIsNotAJsonPageIsAHostException() {
        for (String page : List.of("", "not json", "{\"items\": [", "[1, 2]", "{\"items\": {}}", "{\"nextCursor\": null}",
                "{\"items\": [], \"items\": []}", "{\"items\": []} trailing", "<html>502 Bad Gateway</html>")) {
            server.serve(page);
            assertThrows(HostException.class, () -> gateway.projects("440000", 2027, List.of(), null, 200), page);
        }
    }

    @Test
    void aPageLargerThanTheDocumentLimitIsRefusedWithoutReadingItAll() {
        byte[] huge = new byte[(int) HostJson.MAX_DOCUMENT_LENGTH + 10];
        java.util.Arrays.fill(huge, (byte) ' ');
        server.serve(huge);
        HostException e = assertThrows(HostException.class,
                () -> gateway.projects("440000", 2027, List.of(), null, 200));
        assertTrue(e.getMessage().contains("more than"), e.getMessage());
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2026-11-02T01:30:00Z");
        assertEquals(Duration.ofSeconds(120), HttpHostGateway.retryAfter("120", now));
        assertEquals(Duration.ofSeconds(90), HttpHostGateway.retryAfter("Mon, 02 Nov 2026 01:31:30 GMT", now));
        assertEquals(Duration.ZERO, HttpHostGateway.retryAfter("Mon, 02 Nov 2026 01:00:00 GMT", now));
        assertNull(HttpHostGateway.retryAfter("-5", now));
        assertNull(HttpHostGateway.retryAfter("soon", now));
    }

    @Test
    void jsonNumbersForMoneyKeepTheirExactDecimalValue() throws HostException {
        String json = project("440000-2027-000102").toString()
                .replace("\"budgetAmount\":\"5000000.00\"", "\"budgetAmount\":4999999.99");
        Parsed<Project> p = badProject(json);
        assertTrue(p.valid());
        assertEquals(new BigDecimal("4999999.99"), p.value().budgetAmount());
    }
}
