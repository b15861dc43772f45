package org.perflink.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.perflink.store.StoreStatus;

/**
 * The compile loop end to end in Karaf: stage events in at the mock host → the compile hook → the outbox
 * → verdicts with the expected rule ids out (expectations from the demo dataset's EXPECTED.md).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CompileLoopIT extends PerfLinkTestSupport {

    private static final String REGION = "440000";
    /** Projects of 440000 named by its four compile events (EXPECTED.md), one verdict each. */
    private static final int PROJECTS = 33;

    @Test
    public void compileEventsComeBackAsVerdictsWithTheExpectedRules() throws Exception {
        configureRegion(REGION, true, false, false);
        script(REGION, "COMPILE");

        await().atMost(Duration.ofMinutes(2)).until(() -> received(REGION, "verdict").path("ids").asInt() >= PROJECTS);
        StoreStatus store = getOsgiService(StoreStatus.class);
        await().atMost(Duration.ofMinutes(1)).until(() -> store.status(REGION).backlog() == 0);

        JsonNode received = received(REGION, "verdict");
        assertEquals(PROJECTS, received.path("ids").asInt());
        assertEquals("every id written once", PROJECTS, received.path("writes").asInt());
        Map<String, JsonNode> byProject = byProject(received);

        assertVerdict(byProject, "440000-2027-000101", "PASS", List.of());
        assertVerdict(byProject, "440000-2027-000102", "BLOCK", List.of("EX_ANTE_REQUIRED"));
        assertVerdict(byProject, "440000-2027-000110", "BLOCK",
                List.of("SYNC_REVIEW_TARGET_NOT_REVIEWED", "SYNC_REVIEW_TARGET_RETURNED"));
        assertVerdict(byProject, "440000-2027-000117", "BLOCK", List.of("SYNC_APPROVE_TARGET_NOT_APPROVED"));
        assertVerdict(byProject, "440000-2027-000120", "BLOCK", List.of("COST_EXCEEDS_BUDGET"));
        assertVerdict(byProject, "440000-2027-000124", "BLOCK", List.of("SYNC_PUBLISH_TARGET_NOT_PUBLISHED"));
        // rules v2 §9: published 22 days after the budget's approval (2027-01-25 → 2027-02-16), so also DISCLOSE_LATE
        assertVerdict(byProject, "440000-2027-000125", "WARN", List.of("DISCLOSE_LATE", "SYNC_PUBLISH_DATE_MISMATCH"));

        JsonNode invalid = byProject.get("440000-2027-000133").path("body");
        assertEquals("BLOCK", invalid.path("outcome").asText());
        assertEquals("INPUT_INVALID", invalid.path("findings").path(0).path("ruleId").asText());
        assertEquals("the finding names the field", "budgetAmount", invalid.path("findings").path(0).path("path").asText());

        JsonNode cost = finding(byProject.get("440000-2027-000120").path("body"), "COST_EXCEEDS_BUDGET");
        assertTrue("explainable: zh message " + cost, !cost.path("message").asText().isBlank());
        assertTrue("explainable: English message " + cost, !cost.path("messageEn").asText().isBlank());
        assertTrue("explainable: figures compared " + cost, cost.path("figures").size() >= 2);
    }

    private static Map<String, JsonNode> byProject(JsonNode received) {
        Map<String, JsonNode> rows = new java.util.TreeMap<>();
        received.path("items").forEach(row -> rows.put(row.path("body").path("projectCode").asText(), row));
        return rows;
    }

    private static void assertVerdict(Map<String, JsonNode> byProject, String project, String outcome, List<String> ruleIds) {
        JsonNode row = byProject.get(project);
        assertTrue("a verdict for " + project, row != null);
        JsonNode body = row.path("body");
        assertTrue("verdict id " + row.path("id").asText(), row.path("id").asText().matches(
                java.util.regex.Pattern.quote(project) + "\\.(DECLARED|REVIEWED|APPROVED|PUBLISHED)\\.r\\d+"));
        assertEquals(project + " outcome", outcome, body.path("outcome").asText());
        List<String> blockingOrWarning = new ArrayList<>();
        body.path("findings").forEach(f -> {
            if (!"INFO".equals(f.path("severity").asText())) {
                blockingOrWarning.add(f.path("ruleId").asText());
            }
        });
        blockingOrWarning.sort(null);
        assertEquals(project + " rules", ruleIds, blockingOrWarning);
    }

    private static JsonNode finding(JsonNode verdict, String ruleId) {
        for (JsonNode f : verdict.path("findings")) {
            if (ruleId.equals(f.path("ruleId").asText())) {
                return f;
            }
        }
        throw new AssertionError("no " + ruleId + " in " + verdict);
    }
}
