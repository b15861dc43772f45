package org.perflink.mockhost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The synthetic generator: reproducible, realistic enough, and cheap at 100 000 projects. */
class GeneratedRegionTest {

    @Test
    void sameSeedSameItemsOtherSeedOtherItems() {
        GeneratedRegion a = new GeneratedRegion("440000", null, 2027, 500, 42);
        GeneratedRegion b = new GeneratedRegion("440000", null, 2027, 500, 42);
        GeneratedRegion c = new GeneratedRegion("440000", null, 2027, 500, 43);
        for (int i = 0; i < 500; i += 7) {
            assertEquals(a.projects(2027).get(i), b.projects(2027).get(i));
            assertEquals(a.evaluations(2027).get(i), b.evaluations(2027).get(i));
        }
        assertEquals(a.execution(2027, "2027-07-31"), b.execution(2027, "2027-07-31"));
        assertEquals(a.departments(2027), b.departments(2027));
        assertNotEquals(a.projects(2027).get(3), c.projects(2027).get(3));
        assertEquals(Json.text(a.projects(2027).get(5)), Json.text(a.projects(2027).get(5)), "stable bytes");
    }

    @Test
    void projectsLookRealAndSomeAreDefective() {
        GeneratedRegion g = new GeneratedRegion("440100", null, 2027, 2000, 7);
        int noTarget = 0;
        int withWeights = 0;
        Set<String> kinds = new HashSet<>();
        for (JsonNode p : g.projects(2027)) {
            assertTrue(p.get("projectCode").asText().startsWith("440100-2027-"));
            assertTrue(p.get("budgetAmount").asText().matches("\\d+\\.\\d{2}"));
            kinds.add(p.get("kind").asText());
            if (p.get("target").isNull()) {
                noTarget++;
                continue;
            }
            JsonNode inds = p.get("target").get("indicators");
            assertTrue(inds.size() >= 9 && inds.size() <= 10);
            if (inds.get(0).has("weight")) {
                withWeights++;
            }
        }
        assertEquals(Set.of("PROJECT", "POLICY", "TRANSFER"), kinds);
        assertTrue(noTarget > 5 && noTarget < 60, "about 1.4 % without a target: " + noTarget);
        assertTrue(withWeights > 600, "about half weighted: " + withWeights);
        assertEquals("市教育局", g.projects(2027).get(0).get("departmentName").asText());
        assertEquals(12, g.departments(2027).size());
        assertEquals(0, g.projects(2026).size());
    }

    @Test
    void hundredThousandProjectsAreServedWithoutStoringThem() throws Exception {
        GeneratedRegion g = new GeneratedRegion("440000", null, 2027, 100_000, 1);
        List<JsonNode> snaps = g.execution(2027, "2027-09-30");
        assertTrue(snaps.size() > 96_000 && snaps.size() < 99_000, "≈2.5 % without a snapshot: " + snaps.size());
        assertEquals("440000-2027-100000", g.projects(2027).get(99_999).get("projectCode").asText());
        assertEquals(1, g.projectsByCodes(2027, Set.of("440000-2027-050000", "nope")).size());
        assertTrue(g.project("440000-2027-100001", 2027).isEmpty());

        try (MockHost host = new MockHost(MockHost.Options.defaults().withPort(0), Dataset.EMPTY.with(g)).start()) {
            Client c = new Client(host.baseUri());
            JsonNode first = c.get("/api/v1/regions/440000/projects?year=2027&limit=1000").json();
            assertEquals(1000, first.get("items").size());
            // jump to the last page through a cursor the host issued for a neighbouring page
            String cursor = MockHost.encodeCursor(99_000);
            JsonNode last = c.get("/api/v1/regions/440000/projects?year=2027&limit=1000&cursor=" + cursor).json();
            assertEquals(1000, last.get("items").size());
            assertTrue(last.get("nextCursor").isNull());
            assertEquals("440000-2027-100000", last.get("items").get(999).get("projectCode").asText());
            JsonNode one = c.get("/api/v1/regions/440000/projects/440000-2027-012345?year=2027").json();
            assertEquals(g.projects(2027).get(12_344), one);
            JsonNode ev = c.get("/api/v1/regions/440000/evaluations?year=2027&limit=3").json();
            assertEquals(3, ev.get("items").size());
            JsonNode scripted = c.post("/mock/regions/440000/stage-events:script?stage=COMPILE", null).json();
            assertEquals(4, scripted.get("appended").size());
        }
    }
}
