package org.perflink.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.perflink.api.model.Stage;
import org.perflink.store.StoreStatus;

/**
 * Host contract v1.1 end to end in Karaf (issue 14; EXPECTED.md, region 440400): projects enter the library, one is
 * declared, reviewed with a grade, approved, adjusted mid-year, monitored against the adjusted target and evaluated
 * by a third party with a conflict; the mock host receives the LIBRARY/REVIEWED/ADJUST verdicts, the warning that
 * names the adjusted target, the Scores with the evaluator findings and the institutions' quality grades.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class V11LoopIT extends PerfLinkTestSupport {

    private static final String REGION = "440400";
    private static final String ADJUSTED = "440400-2027-000107";

    @Configuration
    @Override
    public Option[] config() {
        return configWithV11Host();
    }

    @Test
    public void libraryToEvaluationWithAV11Host() throws Exception {
        StoreStatus store = getOsgiService(StoreStatus.class);
        configureRegion(REGION, true, true, true);

        script(REGION, "COMPILE");
        awaitStage(store, REGION, Stage.COMPILE);
        script(REGION, "EXECUTE");
        awaitStage(store, REGION, Stage.EXECUTE);
        script(REGION, "CLOSE");
        awaitStage(store, REGION, Stage.CLOSE);

        assertVerdicts();
        assertWarning();
        assertScores();
        assertQualityGrades();
        assertQualityGradesInTheShell();
        assertThePublicReportInTheExport();
    }

    /**
     * rules.md §9: the whole-year EVALUATE kept 000107's public report address (its target is public since ADJUST), and
     * the export PerfLink writes by itself carries it as the score's {@code reportUrl}; the Score sent to the host does not.
     */
    private void assertThePublicReportInTheExport() throws Exception {
        String url = "https://example.org/jxpj/2027/" + ADJUSTED + ".pdf";
        java.nio.file.Path folder = DisclosureFolder.of(REGION, 2027);
        JsonNode manifest = DisclosureFolder.awaitManifest(folder, m -> {
            try {
                return java.nio.file.Files.readString(folder.resolve("scores.jsonl")).contains(url);
            } catch (java.io.IOException e) {
                return false;
            }
        });
        assertTrue("the export was written: " + folder, manifest != null);
        List<String> lines = java.nio.file.Files.readAllLines(folder.resolve("scores.jsonl"));
        assertEquals(lines.toString(), 1, lines.size());
        JsonNode score = json().readTree(lines.get(0));
        assertEquals(ADJUSTED, score.path("projectCode").asText());
        assertEquals(url, score.path("reportUrl").asText());
        assertEquals("SELF_EVALUATION", score.path("source").asText());
        assertTrue(java.nio.file.Files.readString(folder.resolve("scores.csv")).contains(",SELF_EVALUATION," + url + "\r\n"));
        JsonNode sent = byId(received(REGION, "score")).get(ADJUSTED + ".2027").path("body");
        assertTrue(sent.toString(), sent.path("reportUrl").isMissingNode());
    }

    private void assertVerdicts() throws Exception {
        Map<String, JsonNode> byId = byId(received(REGION, "verdict"));
        assertEquals(byId.keySet().toString(), 12, byId.size());
        assertVerdict(byId, "440400-2027-000101.LIBRARY.r1", "PASS", List.of());
        assertVerdict(byId, "440400-2027-000102.LIBRARY.r1", "BLOCK",
                List.of("LIBRARY_EX_ANTE_FINANCE_REQUIRED", "LIBRARY_PERIOD_TARGET_INCONSISTENT"));
        assertVerdict(byId, "440400-2027-000103.LIBRARY.r1", "BLOCK", List.of("LIBRARY_PERIOD_ENDED"));
        assertVerdict(byId, ADJUSTED + ".LIBRARY.r5", "PASS", List.of());
        assertVerdict(byId, ADJUSTED + ".DECLARED.r5", "PASS", List.of());
        assertVerdict(byId, "440400-2027-000104.REVIEWED.r1", "PASS", List.of());
        assertVerdict(byId, "440400-2027-000105.REVIEWED.r1", "BLOCK", List.of("REVIEW_GRADE_POOR"));
        assertVerdict(byId, "440400-2027-000106.REVIEWED.r1", "WARN", List.of("REVIEW_GRADE_MEDIUM"));
        assertVerdict(byId, ADJUSTED + ".REVIEWED.r5", "PASS", List.of());
        assertVerdict(byId, ADJUSTED + ".APPROVED.r5", "PASS", List.of());
        assertVerdict(byId, ADJUSTED + ".ADJUST.r5", "PASS", List.of());
        assertVerdict(byId, "440400-2027-000108.ADJUST.r4", "BLOCK",
                List.of("ADJUST_NOT_TOGETHER", "ADJUST_TARGET_LOWERED", "ADJUST_TOO_LATE"));
        JsonNode lowered = finding(byId.get("440400-2027-000108.ADJUST.r4").path("body"), "ADJUST_TARGET_LOWERED");
        assertEquals("targetRevision.approvedIndicators[0]", lowered.path("path").asText());
        assertTrue(lowered.toString(), !lowered.path("message").asText().isBlank()
                && !lowered.path("messageEn").asText().isBlank());
        assertEquals("LIBRARY", byId.get("440400-2027-000102.LIBRARY.r1").path("body").path("phase").asText());
    }

    private void assertWarning() throws Exception {
        Map<String, JsonNode> byId = byId(received(REGION, "warning"));
        assertEquals(byId.keySet().toString(), 1, byId.size());
        JsonNode w = byId.get(ADJUSTED + ".2027-09-30.TARGET_DEVIATION").path("body");
        assertEquals("YELLOW", w.path("level").asText());
        assertEquals("10", w.path("metrics").path("target").asText());
        assertEquals("12", w.path("metrics").path("approvedTarget").asText());
        assertEquals("true", w.path("metrics").path("targetAdjusted").asText());
        assertEquals("0.3479", w.path("metrics").path("shortfall").asText());
        assertTrue(w.path("message").asText(), w.path("message").asText().endsWith("（按调整后的绩效目标监控）"));
    }

    private void assertScores() throws Exception {
        Map<String, JsonNode> byId = byId(received(REGION, "score"));
        assertEquals(byId.keySet().toString(), 2, byId.size());
        JsonNode conflicted = byId.get(ADJUSTED + ".2027").path("body");
        assertEquals("SELF_EVALUATION", conflicted.path("source").asText());
        assertEquals("100.00", conflicted.path("score").asText());
        assertEquals(List.of("EVALUATOR_CONFLICT"), ruleIds(conflicted));
        JsonNode poorReport = byId.get("440400-2027-000104.2027").path("body");
        assertEquals("KEY_EVALUATION", poorReport.path("source").asText());
        assertEquals("92.00", poorReport.path("score").asText());
        assertEquals(List.of("EVALUATOR_QUALITY_DEVIATION", "EVALUATOR_QUALITY_LATE", "EVALUATOR_QUALITY_UNSCORED"),
                ruleIds(poorReport));
    }

    private void assertQualityGrades() throws Exception {
        Map<String, JsonNode> all = byId(received(REGION, "assessment"));
        // the institutions' quality grades; the department's work assessment (rules.md §6) is asserted below
        Map<String, JsonNode> byId = new java.util.TreeMap<>(all);
        byId.values().removeIf(row -> !"EVALUATOR".equals(row.path("body").path("scope").asText()));
        assertEquals(byId.keySet().toString(), 2, byId.size());
        JsonNode a = byId.get("440400-2027.EVALUATOR.INST-91440400MA5AAAAAAA").path("body");
        assertEquals("EVALUATOR", a.path("scope").asText());
        assertEquals("0.00", a.path("total").asText());
        assertEquals("POOR", a.path("grade").asText());
        JsonNode b = byId.get("440400-2027.EVALUATOR.INST-91440400MA5BBBBBBB").path("body");
        assertEquals("20.00", b.path("total").asText());
        assertEquals("POOR", b.path("grade").asText());
        assertWorkAssessment(all);
    }

    /**
     * rules.md §6 (EXPECTED.md, 440400): department 301's projects of 2027 have no PUBLISHED verdict (ON_TIME 0, QUALITY
     * nothing to count: 10), one YELLOW warning of the last round (not cleared: 0); 75.00 MEDIUM, rank 1 of 1.
     */
    private static void assertWorkAssessment(Map<String, JsonNode> all) {
        assertEquals(all.keySet().toString(), 3, all.size());
        JsonNode d = all.get("440400-2027.DEPARTMENT.301").path("body");
        assertEquals("DEPARTMENT", d.path("scope").asText());
        assertEquals("75.00", d.path("total").asText());
        assertEquals("MEDIUM", d.path("grade").asText());
        assertEquals(1, d.path("rank").asInt());
        assertEquals(1, d.path("rankOf").asInt());
        assertTrue(d.toString(), d.path("list").isMissingNode() || d.path("list").isNull());
        List<String> points = new ArrayList<>();
        d.path("parts").forEach(p -> points.add(p.path("ruleId").asText() + "=" + p.path("points").asText()));
        assertEquals(List.of("ASSESS_TARGETS_ON_TIME=0.00", "ASSESS_TARGETS_QUALITY=10.00", "ASSESS_MONITORING_COVERAGE=10.00",
                "ASSESS_WARNINGS_HANDLED=0.00", "ASSESS_SELF_EVAL_COVERAGE=15.00", "ASSESS_SELF_EVAL_HONESTY=10.00",
                "ASSESS_RECTIFICATION_ON_TIME=15.00", "ASSESS_RESULTS_APPLIED=15.00"), points);
    }

    /** {@code perflink:evaluators} as a viewer: both institutions' grades of 2027 with their counts, zh-CN first. */
    private void assertQualityGradesInTheShell() {
        String out = executeCommand("perflink:evaluators " + REGION + " 2027", AdminIT.as("it-v11-viewer", "perflink-viewer"));
        assertTrue(out, out.contains("第三方机构评价质量") && out.contains("机构 (institution)") && out.contains("差 POOR"));
        List<String> a = cells(out, "INST-91440400MA5AAAAAAA");
        List<String> b = cells(out, "INST-91440400MA5BBBBBBB");
        // institution, year, reports, conflict, deviation, late, unscored, points, grade, state
        assertEquals(out, List.of("2027", "1", "1", "0", "0", "0", "0.00", "差 POOR"), a.subList(1, 9));
        assertEquals(out, List.of("2027", "1", "0", "1", "1", "1", "20.00", "差 POOR"), b.subList(1, 9));
        assertTrue(out, out.indexOf("INST-91440400MA5BBBBBBB |") < out.indexOf("INST-91440400MA5AAAAAAA |"));
    }

    /** The cells of the table row that starts with {@code first}. */
    private static List<String> cells(String table, String first) {
        String row = table.lines().filter(l -> l.startsWith(first + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + first + " in\n" + table));
        return Arrays.stream(row.split("\\|")).map(String::strip).toList();
    }

    private static List<String> ruleIds(JsonNode body) {
        List<String> ids = new ArrayList<>();
        body.path("findings").forEach(f -> {
            if (!"INFO".equals(f.path("severity").asText())) {
                ids.add(f.path("ruleId").asText());
            }
        });
        ids.sort(null);
        return ids;
    }

    private static void assertVerdict(Map<String, JsonNode> byId, String id, String outcome, List<String> rules) {
        JsonNode row = byId.get(id);
        assertTrue("a verdict " + id + " in " + byId.keySet(), row != null);
        assertEquals(id + " outcome", outcome, row.path("body").path("outcome").asText());
        assertEquals(id + " rules", rules, ruleIds(row.path("body")));
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
