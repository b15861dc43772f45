package org.perflink.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.time.Duration;
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
 * rules.md §4.3 and §5's last bullet end to end in Karaf (EXPECTED.md, "Lower regions of 440400"): the lower regions
 * 440402 and 440403 are evaluated, then 440400's whole-year LINK writes one REGION adjustment per lower region on the
 * transfer baselines its v1.1 host sends, a REMINDER to the one graded MEDIUM, and each lower region's work assessment
 * (rules.md §6), ranked among 440400's lower regions.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LowerRegionsIT extends PerfLinkTestSupport {

    private static final String REGION = "440400";

    @Configuration
    @Override
    public Option[] config() {
        return configWithV11Host(editConfigurationFilePut("etc/org.perflink.mockhost.cfg", "dataset", "demo+lower-regions"));
    }

    @Test
    public void theUpperRegionsLinkTurnsItsLowerRegionsRecordsIntoTransferFactors() throws Exception {
        StoreStatus store = getOsgiService(StoreStatus.class);
        for (String lower : List.of("440402", "440403")) {
            configureRegion(lower, false, false, true);
        }
        for (String lower : List.of("440402", "440403")) {
            String evaluated = lastSeq(lower);
            await().atMost(Duration.ofMinutes(2)).until(() -> evaluated.equals(store.status(lower).cursors().get(Stage.CLOSE)));
        }
        configureRegion(REGION, false, false, true);
        script(REGION, "CLOSE");
        awaitStage(store, REGION, Stage.CLOSE);

        Map<String, JsonNode> adjustments = byId(received(REGION, "adjustment"));
        JsonNode xiangzhou = adjustments.get("440400-2027.REGION.440402").path("body");
        assertEquals("REGION", xiangzhou.path("scope").asText());
        assertEquals("440402", xiangzhou.path("subjectCode").asText());
        assertEquals("LINK_REGION_COMPOSITE", xiangzhou.path("ruleId").asText());
        assertEquals("76.50", xiangzhou.path("basis").path("score").asText());
        assertEquals("MEDIUM", xiangzhou.path("basis").path("grade").asText());
        assertEquals("0.97", xiangzhou.path("basis").path("coefficient").asText());
        assertEquals("PERFLINK", xiangzhou.path("basis").path("components").path("EVALUATION").path("source").asText());
        assertEquals("78.50", xiangzhou.path("basis").path("components").path("EVALUATION").path("score").asText());
        assertEquals("REDUCE", xiangzhou.path("action").asText());
        assertEquals("600000000.00", xiangzhou.path("baseAmount").asText());
        assertEquals("-18000000.00", xiangzhou.path("deltaAmount").asText());
        assertEquals(2028, xiangzhou.path("budgetYear").asInt());
        JsonNode doumen = adjustments.get("440400-2027.REGION.440403").path("body");
        assertEquals("97.25", doumen.path("basis").path("score").asText());
        assertEquals("PRIORITIZE", doumen.path("action").asText());
        assertEquals("7500000.00", doumen.path("deltaAmount").asText());

        Map<String, JsonNode> notices = byId(received(REGION, "notice"));
        assertEquals(notices.keySet().toString(), 1, notices.size());
        JsonNode reminder = notices.get("440400-2027.REGION.440402.REMINDER").path("body");
        assertEquals("REGION", reminder.path("scope").asText());
        assertEquals("440402", reminder.path("subjectCode").asText());
        assertEquals("2028-07-20", reminder.path("dueDate").asText());
        assertFalse(reminder.has("departmentCode"));

        // §6: each lower region assessed from its own records with its §4.3 composite, ranked among 440400's lower regions
        Map<String, JsonNode> assessments = byId(received(REGION, "assessment"));
        for (String[] l : new String[][] {{"440402", "76.50"}, {"440403", "97.25"}}) {
            JsonNode a = assessments.get("440400-2027.REGION." + l[0]).path("body");
            assertEquals(l[0] + " in " + assessments.keySet(), "REGION", a.path("scope").asText());
            assertEquals(l[0], a.path("subjectCode").asText());
            assertEquals("70.00", a.path("total").asText());
            assertEquals("MEDIUM", a.path("grade").asText());
            assertEquals(1, a.path("rank").asInt());
            assertEquals(2, a.path("rankOf").asInt());
            assertEquals(l[1], a.path("composite").asText());
            assertEquals(a.toString(), "", a.path("list").asText(""));
            List<String> points = new java.util.ArrayList<>();
            a.path("parts").forEach(p -> points.add(p.path("points").asText()));
            assertEquals(List.of("0.00", "10.00", "10.00", "10.00", "0.00", "10.00", "15.00", "15.00"), points);
        }
    }
}
