package org.perflink.mockhost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The built-in demo dataset is loadable and its scripted events agree with its items. */
class DemoDatasetTest {

    static final List<String> PHASES = List.of("DECLARED", "REVIEWED", "APPROVED", "PUBLISHED");
    /** The host contract v1.1 region (library, grades, adjustment, evaluators). */
    static final String V11_REGION = "440400";

    @Test
    void demoHasBothRegionsAndEnoughProjects() throws Exception {
        Dataset d = Dataset.demo();
        assertEquals("demo", d.name());
        assertNotNull(d.region("440000"));
        assertNotNull(d.region("440100"));
        int projects = d.region("440000").projects(2027).size() + d.region("440100").projects(2027).size();
        assertTrue(projects >= 36, "at least 36 projects, has " + projects);
        for (RegionData r : d.regions()) {
            assertTrue(r.initialEvents().isEmpty(), "the demo's events are scripted, not served at start");
        }
    }

    @Test
    void compileEventsNameProjectsInTheirPhase() throws Exception {
        Dataset d = Dataset.demo();
        for (RegionData r : d.regions()) {
            if (r.regionCode().equals(V11_REGION)) {
                continue; // one project through every phase: see theV11RegionFollowsAProjectThroughEveryPhase
            }
            Set<String> named = new HashSet<>();
            for (ObjectNode e : r.scriptedEvents()) {
                if (!e.path("stage").asText().equals("COMPILE")) {
                    continue;
                }
                String phase = e.get("phase").asText();
                assertTrue(PHASES.contains(phase));
                for (JsonNode c : e.get("projectCodes")) {
                    JsonNode p = r.project(c.asText(), 2027).orElseThrow(() -> new AssertionError("no " + c));
                    assertEquals(phase, p.get("budgetPhase").asText(), c.asText());
                    assertTrue(named.add(c.asText()), c + " named by two compile events");
                }
            }
            assertEquals(r.projects(2027).size(), named.size(), "every project is checked once in " + r.regionCode());
        }
    }

    @Test
    void monitorAndCloseEventsHaveTheirData() throws Exception {
        Dataset d = Dataset.demo();
        int missingSnapshots = 0;
        int zeroBudgets = 0;
        Set<String> stages = new HashSet<>();
        for (RegionData r : d.regions()) {
            Set<String> departments = new HashSet<>();
            r.departments(2027).forEach(x -> departments.add(x.get("departmentCode").asText()));
            for (ObjectNode e : r.scriptedEvents()) {
                String stage = e.get("stage").asText() + "/" + e.get("phase").asText();
                stages.add(stage);
                if (stage.equals("EXECUTE/MONITOR")) {
                    String asOf = e.get("asOf").asText();
                    List<JsonNode> snaps = r.execution(2027, asOf);
                    for (JsonNode c : e.get("projectCodes")) {
                        JsonNode s = snaps.stream().filter(x -> x.get("projectCode").asText().equals(c.asText()))
                                .findFirst().orElse(null);
                        if (s == null) {
                            missingSnapshots++;
                        } else if (s.get("budgetAmount").asText().equals("0.00")) {
                            zeroBudgets++;
                        }
                    }
                }
                if (e.get("stage").asText().equals("CLOSE")) {
                    for (JsonNode c : e.get("projectCodes")) {
                        JsonNode in = r.evaluations(2027).stream()
                                .filter(x -> x.get("projectCode").asText().equals(c.asText())).findFirst()
                                .orElseThrow(() -> new AssertionError("no evaluation input for " + c));
                        assertTrue(departments.contains(in.get("departmentCode").asText()));
                        assertTrue(r.project(c.asText(), 2027).isPresent());
                    }
                }
            }
        }
        assertEquals(Set.of("COMPILE/LIBRARY", "COMPILE/DECLARED", "COMPILE/REVIEWED", "COMPILE/APPROVED",
                "COMPILE/PUBLISHED", "COMPILE/ADJUST", "EXECUTE/MONITOR", "CLOSE/EVALUATE", "CLOSE/LINK", "CLOSE/FOLLOW_UP"), stages);
        // 440000's C5 (build_demo_dataset.py) and 460100-2027-000205, each in its first round
        assertEquals(2, missingSnapshots, "two NO_DATA by a missing snapshot");
        assertEquals(1, zeroBudgets, "one NO_DATA by a zero budget");
    }

    @Test
    void demoCarriesDeliberatelyMalformedItems() throws Exception {
        Dataset d = Dataset.demo();
        boolean badMoney = false;
        boolean badKind = false;
        for (RegionData r : d.regions()) {
            for (JsonNode p : r.projects(2027)) {
                badMoney |= p.get("budgetAmount").asText().equals("abc");
                badKind |= p.get("kind").asText().equals("GRANT");
            }
        }
        assertTrue(badMoney);
        assertTrue(badKind);
    }

    @Test
    void scriptingTheDemoServesStagesInOrder() throws Exception {
        try (MockHost host = new MockHost(MockHost.Options.defaults().withPort(0), Dataset.demo()).start()) {
            Client c = new Client(host.baseUri());
            assertEquals(0, c.get("/api/v1/regions/440000/stage-events").json().get("items").size());
            // 4 + 4 compile events of 440000 and 440100; 440300 (the rules v2 showcase) adds one PUBLISHED event and
            // three monitoring rounds, no close stage; the v1.1 region 440400 adds 5 compile, 1 execute and 2 close events;
            // the follow-up region 460100 (rules.md §5) adds 1 compile event, 2 monitoring rounds, and EVALUATE, LINK and
            // 3 FOLLOW_UP close events;
            // the work-assessment region 440500 (rules.md §6) 1 compile and 2 close events
            assertEquals(16, c.post("/mock/script?stage=COMPILE", null).json().get("appended").size());
            assertEquals(10, c.post("/mock/script?stage=EXECUTE", null).json().get("appended").size());
            assertEquals(13, c.post("/mock/script?stage=CLOSE", null).json().get("appended").size());
            JsonNode feed = c.get("/api/v1/regions/440100/stage-events").json();
            assertEquals(8, feed.get("items").size());
            assertEquals("DECLARED", feed.get("items").get(0).get("phase").asText());
            assertEquals("LINK", feed.get("items").get(7).get("phase").asText());
            assertEquals("8", feed.get("nextCursor").asText());
            JsonNode p = c.get("/api/v1/regions/440000/projects?year=2027&limit=1000").json();
            assertTrue(p.get("nextCursor").isNull());
            assertFalse(p.get("items").isEmpty());
        }
    }

    @Test
    void theV11RegionFollowsAProjectThroughEveryPhase() throws Exception {
        RegionData r = Dataset.demo().region(V11_REGION);
        List<String> phases = new java.util.ArrayList<>();
        for (ObjectNode e : r.scriptedEvents()) {
            phases.add(e.get("stage").asText() + "/" + e.get("phase").asText());
            for (JsonNode c : e.get("projectCodes")) {
                JsonNode p = r.project(c.asText(), 2027).orElseThrow(() -> new AssertionError("no " + c));
                if (e.get("phase").asText().equals("ADJUST")) {
                    assertTrue(p.has("targetRevision"), c + " is adjusted");
                }
            }
        }
        assertEquals(List.of("COMPILE/LIBRARY", "COMPILE/DECLARED", "COMPILE/REVIEWED", "COMPILE/APPROVED",
                "COMPILE/ADJUST", "EXECUTE/MONITOR", "CLOSE/EVALUATE", "CLOSE/LINK"), phases);
        assertEquals(4, r.evaluators().size());
        assertTrue(r.project("440400-2026-000103", 2026).isPresent(), "the predecessor of a continuing entry");
        try (MockHost host = new MockHost(MockHost.Options.defaults().withPort(0), Dataset.demo()).start()) {
            Client c = new Client(host.baseUri());
            assertEquals(4, c.get("/api/v1/regions/440400/evaluators").json().get("items").size());
            assertEquals(0, c.get("/api/v1/regions/440400/notice-feedback?year=2027").json().get("items").size());
            assertEquals(2026, c.get("/api/v1/regions/440400/projects/440400-2026-000103?year=2026").json()
                    .get("period").get("endYear").asInt());
        }
    }

    /** rules.md §5 in the demo (460100): feedback on time, late, rejected, with a clue, and FOLLOW_UPs after the LINK. */
    @Test
    void theFollowUpRegionHasFeedbackOfEveryKindAndFollowUpsAfterTheLink() throws Exception {
        RegionData r = Dataset.demo().region("460100");
        List<String> phases = new java.util.ArrayList<>();
        for (ObjectNode e : r.scriptedEvents()) {
            phases.add(e.get("phase").asText() + (e.has("asOf") ? " " + e.get("asOf").asText() : ""));
        }
        assertEquals(List.of("PUBLISHED", "MONITOR 2027-07-31", "MONITOR 2027-09-30", "EVALUATE", "LINK", "FOLLOW_UP 2028-08-10", "FOLLOW_UP 2028-09-15", "FOLLOW_UP 2028-10-20"), phases);
        assertEquals(7, r.evaluations(2027).size());
        // two rounds (000205 has no snapshot in the first: NO_DATA) and 302's department input without components (§4.1)
        assertEquals(6, r.execution(2027, "2027-07-31").size());
        assertEquals(7, r.execution(2027, "2027-09-30").size());
        assertEquals(1, r.departments(2027).size());
        assertEquals(0, r.departments(2027).get(0).get("components").size());
        try (MockHost host = new MockHost(MockHost.Options.defaults().withPort(0), Dataset.demo()).start()) {
            JsonNode items = new Client(host.baseUri()).get("/api/v1/regions/460100/notice-feedback?year=2027").json().get("items");
            List<String> seen = new java.util.ArrayList<>();
            items.forEach(f -> seen.add(f.get("noticeId").asText() + " " + f.get("status").asText()
                    + (f.path("violationClue").asBoolean(false) ? " clue" : "")));
            assertEquals(List.of("460100-2027.302.REMINDER ACCEPTED", "460100-2027.305.REMINDER SUBMITTED",
                    "460100-2027.305.REMINDER.RECTIFICATION ACCEPTED", "460100-2027.303.RECTIFICATION REJECTED",
                    "460100-2027.304.RECTIFICATION REJECTED clue"), seen);
        }
    }
}
