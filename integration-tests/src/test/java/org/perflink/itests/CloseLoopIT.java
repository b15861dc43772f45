package org.perflink.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
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
 * Issue 13's year in one Karaf against the mock host (EXPECTED.md, region 460100, v1.1): the COMPILE/PUBLISHED
 * verdicts, the two EXECUTE/MONITOR rounds' warnings and their clearance, the CLOSE/EVALUATE scores, 302's department
 * composite with all four components computed by PerfLink (§4.1), the whole-year LINK's project adjustments, notices and work assessment and
 * ranking (§6: read with those notices, 304's INTERVIEW puts it on the criticism list), then the host's feedback (on
 * time, late, missing, rejected) and the FOLLOW_UPs' escalations; the assessments stay as the LINK wrote them.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CloseLoopIT extends PerfLinkTestSupport {

    private static final String REGION = "460100";
    private static final String P = REGION + "-2027.";

    /** A viewer of the admin API, for the annual report's download (issue 15). */
    private static final String VIEWER = "it-report-viewer";
    private static final String VIEWER_PASSWORD = "Viewer-pw-4715";

    @Configuration
    @Override
    public Option[] config() {
        return configWithV11Host(
                editConfigurationFilePut("etc/users.properties", VIEWER, VIEWER_PASSWORD + ",perflink-viewer"));
    }

    @Test
    public void verdictsScoresLinkageNoticesFeedbackEscalationAndRanking() throws Exception {
        StoreStatus store = getOsgiService(StoreStatus.class);
        configureRegion(REGION, true, true, true);
        script(REGION, "COMPILE");
        awaitStage(store, REGION, Stage.COMPILE);

        // verdicts: every project's PUBLISHED target PASS
        Map<String, JsonNode> verdicts = byId(received(REGION, "verdict"));
        assertEquals(verdicts.keySet().toString(), 7, verdicts.size());
        verdicts.values().forEach(v -> assertEquals(v.toString(), "PASS", v.path("body").path("outcome").asText()));

        // two monitoring rounds (2027-07-31, 2027-09-30): YELLOW/RED warnings, and NONE where the next round cleared one
        script(REGION, "EXECUTE");
        awaitStage(store, REGION, Stage.EXECUTE);
        Map<String, String> levels = new TreeMap<>();
        byId(received(REGION, "warning")).forEach((id, w) -> levels.put(id, w.path("body").path("level").asText()));
        Map<String, String> expectedLevels = new TreeMap<>(Map.of(
                REGION + "-2027-000201.2027-07-31.EXECUTION_LAG", "RED",
                REGION + "-2027-000201.2027-09-30.EXECUTION_LAG", "RED",
                REGION + "-2027-000202.2027-07-31.EXECUTION_LAG", "YELLOW",
                REGION + "-2027-000202.2027-09-30.EXECUTION_LAG", "NONE",
                REGION + "-2027-000203.2027-07-31.EXECUTION_LAG", "YELLOW",
                REGION + "-2027-000203.2027-09-30.EXECUTION_LAG", "NONE",
                REGION + "-2027-000205.2027-07-31.NO_DATA", "YELLOW",
                REGION + "-2027-000205.2027-09-30.NO_DATA", "NONE",
                REGION + "-2027-000206.2027-07-31.EXECUTION_LAG", "RED",
                REGION + "-2027-000206.2027-09-30.EXECUTION_LAG", "NONE"));
        assertEquals(expectedLevels, levels);

        script(REGION, "CLOSE", "EVALUATE");
        script(REGION, "CLOSE", "LINK");
        awaitStage(store, REGION, Stage.CLOSE);
        Map<String, JsonNode> scores = byId(received(REGION, "score"));
        assertEquals("50.00", scores.get("460100-2027-000203.2027").path("body").path("score").asText());
        // a POOR CONTINUING project: REDUCE −30 % of its 2 000 000 request
        JsonNode adjustment = byId(received(REGION, "adjustment")).get(P + "PROJECT.460100-2027-000203").path("body");
        assertEquals(adjustment.toString(), "-600000.00", adjustment.path("deltaAmount").asText());

        // 302 sends no component: all four from PerfLink's records; (0.2·100 + 0.2·100 + 0.2·80 + 0.4·75) / 1 = 86.00 GOOD
        JsonNode department = byId(received(REGION, "adjustment")).get(P + "DEPARTMENT.302").path("body");
        assertEquals(department.toString(), "86.00", department.path("basis").path("score").asText());
        assertEquals("GOOD", department.path("basis").path("grade").asText());
        assertEquals("KEEP", department.path("action").asText());
        assertEquals("0.00", department.path("deltaAmount").asText());
        JsonNode components = department.path("basis").path("components");
        Map<String, String> values = new TreeMap<>();
        components.fields().forEachRemaining(c -> {
            assertEquals(c.getKey(), "PERFLINK", c.getValue().path("source").asText());
            assertEquals(c.getKey(), 1, c.getValue().path("n").asInt());
            values.put(c.getKey(), c.getValue().path("score").asText());
        });
        assertEquals(Map.of("KEY_ASSESSMENT", "100.00", "KEY_TARGETS", "100.00", "KEY_MONITORING", "80.00",
                "OVERALL_EVALUATION", "75.00"), values);

        Map<String, JsonNode> assessments = byId(received(REGION, "assessment"));
        assertEquals(assessments.keySet().toString(), List.of(P + "DEPARTMENT.302", P + "DEPARTMENT.303",
                P + "DEPARTMENT.304", P + "DEPARTMENT.305", P + "DEPARTMENT.306"), new ArrayList<>(assessments.keySet()));
        // MONITORING_COVERAGE: 304 has 000205's NO_DATA (2 of 3 covered); WARNINGS_HANDLED: 302's two REDs uncleared
        Map<String, List<String>> parts = Map.of(
                "302", List.of("15.00", "10.00", "10.00", "0.00", "0.00", "10.00", "15.00", "15.00"),
                "303", List.of("15.00", "10.00", "10.00", "10.00", "0.00", "10.00", "15.00", "15.00"),
                "304", List.of("15.00", "10.00", "6.67", "10.00", "0.00", "10.00", "15.00", "15.00"),
                "305", List.of("15.00", "10.00", "10.00", "10.00", "0.00", "10.00", "15.00", "15.00"),
                "306", List.of("15.00", "10.00", "10.00", "10.00", "0.00", "10.00", "15.00", "15.00"));
        Map<String, String> totals = Map.of("302", "75.00", "303", "85.00", "304", "81.67", "305", "85.00", "306", "85.00");
        Map<String, Integer> ranks = Map.of("302", 5, "303", 1, "304", 4, "305", 1, "306", 1);
        for (String dept : List.of("302", "303", "304", "305", "306")) {
            JsonNode a = assessments.get(P + "DEPARTMENT." + dept).path("body");
            assertEquals(dept + " total", totals.get(dept), a.path("total").asText());
            assertEquals(dept + " grade", "302".equals(dept) ? "MEDIUM" : "GOOD", a.path("grade").asText());
            assertEquals(dept + " rank", (int) ranks.get(dept), a.path("rank").asInt());
            assertEquals(dept + " rankOf", 5, a.path("rankOf").asInt());
            assertEquals(dept + " list", "304".equals(dept) ? "CRITICISM" : "", a.path("list").asText(""));
            List<String> points = new ArrayList<>();
            a.path("parts").forEach(p -> points.add(p.path("points").asText()));
            assertEquals(dept, parts.get(dept), points);
        }

        assertTheOpenDataExportFollowsTheYear(verdicts.size(), scores);

        script(REGION, "CLOSE", "FOLLOW_UP");
        awaitStage(store, REGION, Stage.CLOSE);
        Map<String, JsonNode> notices = byId(received(REGION, "notice"));
        // missing feedback up to REFERRAL; late feedback escalated once; rejected with a violation clue to 纪检监察
        assertEquals("ORGANIZATION", notices.get(P + "306.REMINDER.REFERRAL").path("body").path("referralTo").asText());
        assertTrue(notices.keySet().toString(), notices.containsKey(P + "305.REMINDER.RECTIFICATION"));
        assertTrue(notices.keySet().stream().noneMatch(id -> id.startsWith(P + "305.REMINDER.RECTIFICATION.")));
        assertEquals("DISCIPLINE", notices.get(P + "304.RECTIFICATION.REFERRAL").path("body").path("referralTo").asText());
        assertTrue(notices.keySet().stream().noneMatch(id -> id.startsWith(P + "302.REMINDER.")));
        // the follow-ups write no assessment: the year's stay as the LINK wrote them
        assertEquals(bodies(assessments), bodies(byId(received(REGION, "assessment"))));

        annualReport();
    }

    /**
     * Issue 15: the annual report of the year from the store, by {@code perflink:report} (PDF, PDFBox resolved in
     * Karaf) and by the admin API's download (HTML), both carrying the year's figures.
     */
    private void annualReport() throws Exception {
        Path pdf = Path.of(System.getProperty("karaf.data"), "reports", "it-" + REGION + ".pdf");
        String out = executeCommand("perflink:report --format pdf --out " + pdf + " " + REGION + " 2027",
                new UserPrincipal("it-admin"), new RolePrincipal("perflink-admin"));
        assertTrue(out, out.contains("report written"));
        byte[] bytes = Files.readAllBytes(pdf);
        assertEquals("%PDF-", new String(bytes, 0, 5, StandardCharsets.US_ASCII));
        // the PDF's text as PDFBox extracts it: seven projects, department 302's composite, the ranking
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(bytes)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertTrue(text, text.matches("(?s).*项目 projects\\s+7\\b.*"));
            assertTrue(text, text.contains("86.00") && text.contains("工作考核排名") && text.contains("通报批评"));
        }

        HttpRequest request = HttpRequest.newBuilder(URI.create(adminUrl() + "/api/admin/v1/regions/" + REGION
                + "/report?year=2027&format=html")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (VIEWER + ":" + VIEWER_PASSWORD).getBytes(StandardCharsets.UTF_8))).build();
        HttpResponse<String> html = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(html.body(), 200, html.statusCode());
        assertTrue(html.headers().firstValue("Content-Disposition").orElse(""),
                html.headers().firstValue("Content-Disposition").orElse("").contains(REGION + "-2027-report.html"));
        assertTrue(html.body().contains("<svg") && html.body().contains("86.00")
                && html.body().contains("data-drill=\"dept:302\""));
    }

    /**
     * host-api-v1.md "Disclosure export": after the PUBLISHED, EVALUATE and LINK events PerfLink has written the
     * region's year into {@code ${karaf.data}/perflink/disclosure/460100/2027/} by itself, the manifest listing the
     * published targets and the scores of those projects (no kind is opted into by the default pack).
     */
    private static void assertTheOpenDataExportFollowsTheYear(int published, Map<String, JsonNode> scores) throws Exception {
        Path folder = DisclosureFolder.of(REGION, 2027);
        Set<String> codes = new HashSet<>();
        JsonNode manifest = DisclosureFolder.awaitManifest(folder, m -> {
            codes.clear();
            try {
                for (String line : Files.readAllLines(folder.resolve("targets.jsonl"))) {
                    codes.add(json().readTree(line).path("projectCode").asText());
                }
            } catch (java.io.IOException e) {
                return false;
            }
            return m.path("files").size() == 4 && m.path("files").get(2).path("rows").asInt() == publicScores(scores, codes);
        });
        assertTrue("the export was written: " + folder, manifest != null);
        List<String> names = new ArrayList<>();
        manifest.path("files").forEach(f -> names.add(f.path("name").asText()));
        assertEquals(List.of("targets.jsonl", "targets.csv", "scores.jsonl", "scores.csv"), names);
        assertEquals(published, manifest.path("files").get(0).path("rows").asInt());
        int expected = publicScores(scores, codes);
        assertTrue(manifest.toString(), expected > 0);
        assertEquals(manifest.toString(), expected, manifest.path("files").get(2).path("rows").asInt());
        assertTrue(manifest.toString(), manifest.path("rulePack").asText().contains("@"));
    }

    /** How many of the scores are of projects whose target is public. */
    private static int publicScores(Map<String, JsonNode> scores, Set<String> publicCodes) {
        return (int) scores.values().stream().filter(s -> publicCodes.contains(s.path("body").path("projectCode").asText()))
                .count();
    }

    private static List<String> bodies(Map<String, JsonNode> byId) {
        List<String> out = new ArrayList<>();
        byId.forEach((id, row) -> out.add(id + " " + row.path("body")));
        return out;
    }
}
