package org.perflink.camel.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perflink.api.model.Stage;
import org.perflink.mockhost.RegionData;
import org.perflink.store.DeadLetter;

/**
 * Tier 2, end to end with real parts: the region's Camel routes over the real gateway, store, compile
 * hook and target checker, against the real mock host with the demo dataset. The compile events are
 * pushed with the mock's {@code :script}; every verdict must reach the host once, with the id and the
 * findings the dataset was designed for (EXPECTED.md).
 */
class CompileLoopEndToEndTest extends DemoHostTestSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Pattern VERDICT_ID = Pattern.compile("^(440000-2027-\\d{6})\\.(DECLARED|REVIEWED|APPROVED|PUBLISHED)\\.r(\\d+)$");

    @BeforeEach
    void harness() {
        h = new Harness(dir, host, true);
    }

    @Test
    void compileEventsEndWithEveryVerdictAtTheHostOnceWithTheDesignedFindings() throws Exception {
        h.startCamel();
        assertEquals(Set.of(RegionRoutes.eventRouteId(Stage.COMPILE, "440000"), RegionRoutes.deliveryRouteId("440000")),
                Set.copyOf(h.camel.getRoutes().stream().map(r -> r.getRouteId()).toList()));

        List<ObjectNode> events = host.script(Harness.REGION, "COMPILE", null);
        assertEquals(4, events.size());
        Set<String> expectedIds = DemoExpectations.scriptedVerdictIds(demo, Harness.REGION,
                Set.copyOf(DemoExpectations.COMPILE_PHASES));
        assertEquals(33, expectedIds.size());

        await().atMost(PATIENCE).until(() -> h.verdictIdsAtHost() == expectedIds.size()
                && h.regionStatus().backlog() == 0);

        Map<String, JsonNode> bodies = h.verdictBodies();
        assertEquals(expectedIds, bodies.keySet(), "verdict ids at the host");
        for (Map.Entry<String, JsonNode> e : bodies.entrySet()) {
            var m = VERDICT_ID.matcher(e.getKey());
            assertTrue(m.matches(), "verdict id " + e.getKey() + " is {projectCode}.{phase}.r{revision}");
            JsonNode v = e.getValue();
            assertEquals(m.group(1), v.path("projectCode").asText());
            assertEquals(m.group(2), v.path("phase").asText());
            assertEquals(Long.parseLong(m.group(3)), v.path("revision").asLong());
            assertEquals(e.getKey(), v.path("verdictId").asText());
            assertEquals("440000", v.path("regionCode").asText());
            assertEquals("default@1", v.path("rulePack").asText());
        }

        // Exactly once: one write per id, never a second body, and nothing but first writes in the log.
        for (JsonNode row : h.receivedVerdicts()) {
            assertEquals(1, row.path("count").asInt(), "writes of " + row.path("id").asText());
            assertFalse(row.path("differentBodies").asBoolean(), row.path("id").asText());
        }
        List<JsonNode> log = h.writeLog();
        assertEquals(33, log.size(), "write attempts logged by the host");
        assertTrue(log.stream().allMatch(w -> w.path("status").asInt() == 201), "every write was a first write");

        // The designed findings of every well-formed project (EXPECTED.md, computed apart from PerfLink).
        Map<String, DemoExpectations.CompileRow> table = DemoExpectations.compileTable(Harness.REGION);
        assertEquals(33, table.size());
        Map<String, String> mismatches = new TreeMap<>();
        for (DemoExpectations.CompileRow row : table.values()) {
            JsonNode v = bodyOf(bodies, row.projectCode());
            assertEquals(row.phase(), v.path("phase").asText(), row.projectCode());
            if (row.malformed()) {
                continue;
            }
            Map<String, String> actual = new LinkedHashMap<>();
            v.path("findings").forEach(f -> actual.put(f.path("ruleId").asText(), f.path("severity").asText()));
            if (!actual.equals(row.findings()) || !row.outcome().equals(v.path("outcome").asText())) {
                mismatches.put(row.projectCode(), "expected " + row.findings() + " " + row.outcome() + ", got "
                        + actual + " " + v.path("outcome").asText());
            }
        }
        assertEquals(Map.of(), mismatches, "verdicts that differ from EXPECTED.md");

        // A few by name, so a reader sees what is being proven.
        assertFindings(bodies, "440000-2027-000101", "PASS");
        assertFindings(bodies, "440000-2027-000102", "BLOCK", "EX_ANTE_REQUIRED");
        assertFindings(bodies, "440000-2027-000110", "BLOCK", "SYNC_REVIEW_TARGET_NOT_REVIEWED",
                "SYNC_REVIEW_TARGET_RETURNED");
        assertFindings(bodies, "440000-2027-000111", "WARN", "INDICATOR_SATISFACTION_MISSING");
        assertFindings(bodies, "440000-2027-000120", "BLOCK", "COST_EXCEEDS_BUDGET");
        assertFindings(bodies, "440000-2027-000124", "BLOCK", "SYNC_PUBLISH_TARGET_NOT_PUBLISHED");
        assertFindings(bodies, "440000-2027-000129", "PASS", "INDICATOR_VALUE_SOURCE_MISSING");

        // The contract violation ("budgetAmount": "abc") is a BLOCK verdict naming the field, not a crash.
        JsonNode malformed = bodyOf(bodies, "440000-2027-000133");
        assertEquals("BLOCK", malformed.path("outcome").asText());
        assertEquals(1, malformed.path("findings").size());
        JsonNode finding = malformed.path("findings").get(0);
        assertEquals("INPUT_INVALID", finding.path("ruleId").asText());
        assertEquals("BLOCK", finding.path("severity").asText());
        assertEquals("budgetAmount", finding.path("path").asText());

        // The store agrees: cursor at the last event, nothing pending, nothing parked.
        assertEquals(events.get(3).path("seq").asText(), h.regionStatus().cursors().get(Stage.COMPILE));
        assertEquals(33, h.regionStatus().delivered());
        assertEquals(0, h.regionStatus().deadLetters());
        assertEquals(true, h.status.snapshot(h.mapper, h.store.status()).path("idle").asBoolean());

        // rules.md §9: the PUBLISHED event kept the published targets for the open-data export (not the
        // malformed 000133, not 000124 whose target is only APPROVED), with the event, never sent to the host
        List<String> kept = new java.util.ArrayList<>();
        h.store.publicRecords().forEach(Harness.REGION, 2027, "TARGET", r -> kept.add(r.projectCode()));
        assertEquals(List.of("440000-2027-000123", "440000-2027-000125", "440000-2027-000126", "440000-2027-000127",
                "440000-2027-000128", "440000-2027-000129", "440000-2027-000130", "440000-2027-000131",
                "440000-2027-000132"), kept);
    }

    /**
     * Bad data inside an otherwise good page: absurd amounts, a number of 100 digits, nesting deeper than
     * the limit, and a project that cannot be identified. Each bad project gets an INPUT_INVALID verdict
     * naming the field (or a dead letter when it has no readable code); the good project of the same
     * page still gets its normal verdict and the event completes.
     */
    @Test
    void absurdProjectsAreRejectedNamingTheFieldAndTheRestOfThePageGoesOn() throws Exception {
        JsonNodeFactory f = JsonNodeFactory.instance;
        RegionData region = demo.region(Harness.REGION);
        ObjectNode good = (ObjectNode) region.project("440000-2027-000101", 2027).orElseThrow();
        ObjectNode negative = copy(good, "440000-2027-000901");
        negative.put("budgetAmount", "-5000000.00");
        ObjectNode huge = copy(good, "440000-2027-000902");
        huge.put("budgetAmount", "1e30");
        ObjectNode hundredDigits = copy(good, "440000-2027-000903");
        hundredDigits.set("budgetAmount", f.numberNode(new java.math.BigInteger("1" + "0".repeat(100))));
        ObjectNode deep = copy(good, "440000-2027-000904");
        JsonNode nested = f.textNode("x");
        for (int i = 0; i < 60; i++) {
            nested = f.arrayNode().add(nested);
        }
        ((ObjectNode) deep.path("target")).set("overallGoal", nested);
        ObjectNode threeDecimals = copy(good, "440000-2027-000905");
        threeDecimals.put("budgetAmount", "4999999.999");
        ObjectNode unidentified = copy(good, "440000-2027-000906");
        unidentified.put("projectCode", 906); // a number: the mock still serves it for code "906"
        host.load(demo.with(region.upsert("projects",
                List.of(negative, huge, hundredDigits, deep, threeDecimals, unidentified))));

        h.startCamel();
        ObjectNode event = h.mapper.createObjectNode();
        event.put("stage", "COMPILE");
        event.put("phase", "DECLARED");
        event.putArray("projectCodes").add("440000-2027-000901").add("440000-2027-000101")
                .add("440000-2027-000902").add("440000-2027-000903").add("440000-2027-000904")
                .add("440000-2027-000905").add("906");
        String seq = host.appendEvents(Harness.REGION, event).get(0).path("seq").asText();

        await().atMost(PATIENCE).until(() -> seq.equals(h.regionStatus().cursors().get(Stage.COMPILE))
                && h.verdictIdsAtHost() == 6 && h.regionStatus().backlog() == 0);

        Map<String, JsonNode> bodies = h.verdictBodies();
        assertFindings(bodies, "440000-2027-000101", "PASS");
        assertInvalid(bodies, "440000-2027-000901", "budgetAmount");
        assertInvalid(bodies, "440000-2027-000902", "budgetAmount");
        assertInvalid(bodies, "440000-2027-000903", "budgetAmount");
        assertInvalid(bodies, "440000-2027-000904", "target.overallGoal");
        assertInvalid(bodies, "440000-2027-000905", "budgetAmount");
        List<DeadLetter> letters = h.store.deadLetters().all(Harness.REGION);
        assertEquals(1, letters.size(), "the project without a readable code is parked: " + letters);
        assertEquals(DeadLetter.INPUT, letters.get(0).kind());
        assertTrue(letters.get(0).reason().contains("projectCode"), letters.get(0).reason());
    }

    private static ObjectNode copy(ObjectNode project, String code) {
        ObjectNode c = project.deepCopy();
        c.put("projectCode", code);
        return c;
    }

    private static JsonNode bodyOf(Map<String, JsonNode> bodies, String projectCode) {
        return bodies.entrySet().stream().filter(e -> e.getKey().startsWith(projectCode + ".")).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new AssertionError("no verdict for " + projectCode));
    }

    private static void assertFindings(Map<String, JsonNode> bodies, String projectCode, String outcome,
            String... ruleIds) {
        JsonNode v = bodyOf(bodies, projectCode);
        assertEquals(outcome, v.path("outcome").asText(), projectCode);
        Set<String> actual = new java.util.TreeSet<>();
        v.path("findings").forEach(x -> actual.add(x.path("ruleId").asText()));
        assertEquals(new java.util.TreeSet<>(List.of(ruleIds)), actual, projectCode);
    }

    private static void assertInvalid(Map<String, JsonNode> bodies, String projectCode, String path) {
        JsonNode v = bodyOf(bodies, projectCode);
        assertEquals("BLOCK", v.path("outcome").asText(), projectCode);
        JsonNode finding = v.path("findings").get(0);
        assertEquals("INPUT_INVALID", finding.path("ruleId").asText(), projectCode);
        assertTrue(finding.path("path").asText().startsWith(path),
                projectCode + ": path " + finding.path("path").asText() + " names " + path);
        assertFalse(finding.path("figures").path("error").asText().isBlank(), projectCode + " says why");
    }
}
