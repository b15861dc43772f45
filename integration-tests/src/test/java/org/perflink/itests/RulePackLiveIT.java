package org.perflink.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.perflink.core.RulePacks;
import org.perflink.store.StoreStatus;

/**
 * Rule packs per region, changed live (issue 3): 440100 is given its own pack {@code gz-test} (ex-ante
 * threshold 6 000 000 instead of 5 000 000) through ConfigAdmin while running. The same project shape — new,
 * budget 5 500 000.00, no ex-ante assessment — is checked in both regions before and after: before, both get
 * EX_ANTE_REQUIRED under {@code default@1}; after, 440100 passes under {@code gz-test@1} while 440000 still
 * blocks under {@code default@1}; and at exactly 6 000 000.00 the city's new threshold fires again.
 * Verdict ids repeat per revision, so each check is a new revision of the project at the mock host.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RulePackLiveIT extends PerfLinkTestSupport {

    private static final String PROVINCE = "440000";
    private static final String CITY = "440100";
    /** New projects of the demo dataset with no ex-ante assessment (EXPECTED.md: both PASS at DECLARED as they are). */
    private static final String PROVINCE_PROJECT = "440000-2027-000101";
    private static final String CITY_PROJECT = "440100-2027-000101";
    private static final String PACK = "gz-test";

    @Test
    public void aRegionsRulePackChangedLiveChangesItsVerdictsOnly() throws Exception {
        StoreStatus store = getOsgiService(StoreStatus.class);
        RulePacks rulePacks = getOsgiService(RulePacks.class);
        configureRegion(PROVINCE, true, false, false);
        configureRegion(CITY, true, false, false);

        // 1. both regions on the default pack: 5 500 000 ≥ 5 000 000 needs an ex-ante assessment
        check(PROVINCE, PROVINCE_PROJECT, 2, "5500000.00");
        check(CITY, CITY_PROJECT, 2, "5500000.00");
        JsonNode provinceBefore = verdict(PROVINCE, PROVINCE_PROJECT, 2);
        JsonNode cityBefore = verdict(CITY, CITY_PROJECT, 2);
        assertExAnteRequired(provinceBefore, "default@1", "5000000.00", "5500000.00");
        assertExAnteRequired(cityBefore, "default@1", "5000000.00", "5500000.00");

        // 2. live: a pack gz-test@1 with the threshold at 6 000 000, named by 440100 only
        configureRulePack(PACK, Map.of("exAnte.threshold", "6000000"));
        configureRegion(CITY, true, false, false, PACK);
        await().atMost(Duration.ofSeconds(30)).until(() -> (PACK + "@1").equals(rulePacks.effective(CITY).id()));
        assertEquals("the province keeps the default", "default@1", rulePacks.effective(PROVINCE).id());
        RulePacks.ParameterOverride threshold = rulePacks.overrides(CITY).stream()
                .filter(o -> o.key().equals("exAnte.threshold")).findFirst()
                .orElseThrow(() -> new AssertionError("no exAnte.threshold override for 440100: " + rulePacks.overrides(CITY)));
        assertEquals("6000000", threshold.value());
        assertEquals(PACK + "@1", threshold.source());
        assertEquals("no override in 440000: " + rulePacks.overrides(PROVINCE), List.of(), rulePacks.overrides(PROVINCE));

        // 3. the same project shape again, as a new revision in each region
        check(PROVINCE, PROVINCE_PROJECT, 3, "5500000.00");
        check(CITY, CITY_PROJECT, 3, "5500000.00");
        JsonNode cityAfter = verdict(CITY, CITY_PROJECT, 3);
        assertEquals("checked under the city's own pack", PACK + "@1", cityAfter.path("rulePack").asText());
        assertFalse("no EX_ANTE_REQUIRED below the city's 6 000 000: " + cityAfter, ruleIds(cityAfter).contains("EX_ANTE_REQUIRED"));
        assertEquals("and nothing else blocks it: " + cityAfter, "PASS", cityAfter.path("outcome").asText());
        assertExAnteRequired(verdict(PROVINCE, PROVINCE_PROJECT, 3), "default@1", "5000000.00", "5500000.00");

        // 4. the city's boundary: exactly 6 000 000.00 needs the assessment again, under gz-test's threshold
        check(CITY, CITY_PROJECT, 4, "6000000.00");
        assertExAnteRequired(verdict(CITY, CITY_PROJECT, 4), PACK + "@1", "6000000.00", "6000000.00");

        await().atMost(Duration.ofMinutes(1)).until(() -> store.status(CITY).backlog() == 0 && store.status(PROVINCE).backlog() == 0);
        assertEquals("one verdict per revision, each written once", 3, received(CITY, "verdict").path("writes").asInt());
        assertEquals(2, received(PROVINCE, "verdict").path("writes").asInt());
    }

    /**
     * Replaces the project at the mock host by a new revision (new, the given budget, no ex-ante assessment),
     * appends a COMPILE/DECLARED event naming it, and waits for its verdict.
     */
    private void check(String region, String project, int revision, String budget) throws Exception {
        ObjectNode p = (ObjectNode) get("/api/v1/regions/" + region + "/projects/" + project + "?year=2027");
        p.put("revision", revision);
        p.put("budgetAmount", budget);
        p.put("isNew", true);
        p.putNull("exAnte");
        post("/mock/regions/" + region + "/projects", p);
        ObjectNode event = json().createObjectNode();
        event.put("stage", "COMPILE");
        event.put("phase", "DECLARED");
        event.putArray("projectCodes").add(project);
        post("/mock/regions/" + region + "/stage-events", event);
        String id = project + ".DECLARED.r" + revision;
        await().atMost(Duration.ofMinutes(1)).until(() -> byId(received(region, "verdict")).containsKey(id));
    }

    private JsonNode verdict(String region, String project, int revision) throws Exception {
        String id = project + ".DECLARED.r" + revision;
        JsonNode row = byId(received(region, "verdict")).get(id);
        assertTrue("a verdict " + id, row != null);
        JsonNode body = row.path("body");
        assertEquals(id, body.path("verdictId").asText());
        assertEquals(region, body.path("regionCode").asText());
        assertEquals(revision, body.path("revision").asInt());
        return body;
    }

    private static void assertExAnteRequired(JsonNode verdict, String rulePack, String threshold, String budget) {
        String id = verdict.path("verdictId").asText();
        assertEquals(id + " rule pack", rulePack, verdict.path("rulePack").asText());
        assertEquals(id + " outcome " + verdict, "BLOCK", verdict.path("outcome").asText());
        assertEquals(id + " findings " + verdict, List.of("EX_ANTE_REQUIRED"), ruleIds(verdict));
        JsonNode figures = verdict.path("findings").path(0).path("figures");
        assertEquals(id + " threshold compared " + figures, threshold, figures.path("threshold").asText());
        assertEquals(id + " budget compared " + figures, budget, figures.path("budgetAmount").asText());
    }

    /** Rule ids of the findings above INFO. */
    private static List<String> ruleIds(JsonNode verdict) {
        List<String> ids = new ArrayList<>();
        verdict.path("findings").forEach(f -> {
            if (!"INFO".equals(f.path("severity").asText())) {
                ids.add(f.path("ruleId").asText());
            }
        });
        return ids;
    }
}
