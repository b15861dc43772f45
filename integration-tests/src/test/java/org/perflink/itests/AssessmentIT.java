package org.perflink.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
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
 * rules.md §6 end to end in Karaf (issue 13; EXPECTED.md, region 440500): targets published, projects evaluated, and
 * the whole-year LINK of a v1.1 host writes one Assessment per department: two tie at the top, one of them praised,
 * one department criticised for its POOR composite, one with a target not published with its budget ranked last.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AssessmentIT extends PerfLinkTestSupport {

    private static final String REGION = "440500";

    @Configuration
    @Override
    public Option[] config() {
        return configWithV11Host();
    }

    @Test
    public void theWholeYearLinkRanksTheDepartments() throws Exception {
        StoreStatus store = getOsgiService(StoreStatus.class);
        configureRegion(REGION, true, true, true);

        script(REGION, "COMPILE");
        awaitStage(store, REGION, Stage.COMPILE);
        script(REGION, "CLOSE");
        awaitStage(store, REGION, Stage.CLOSE);

        Map<String, JsonNode> byId = byId(received(REGION, "assessment"));
        assertEquals(byId.keySet().toString(), List.of("440500-2027.DEPARTMENT.401", "440500-2027.DEPARTMENT.402",
                "440500-2027.DEPARTMENT.403", "440500-2027.DEPARTMENT.404"), new ArrayList<>(new java.util.TreeSet<>(byId.keySet())));
        assertAssessment(byId, "401", "100.00", "EXCELLENT", 1, "92.00", "PRAISE");
        assertAssessment(byId, "402", "100.00", "EXCELLENT", 1, "75.00", null);
        assertAssessment(byId, "404", "90.00", "EXCELLENT", 3, "55.00", "CRITICISM");
        assertAssessment(byId, "403", "60.00", "MEDIUM", 4, "80.00", null);

        JsonNode d403 = byId.get("440500-2027.DEPARTMENT.403").path("body");
        assertEquals(List.of("0.00", "0.00", "10.00", "10.00", "0.00", "10.00", "15.00", "15.00"), points(d403));
        JsonNode onTime = d403.path("parts").get(0);
        assertEquals("ASSESS_TARGETS_ON_TIME", onTime.path("ruleId").asText());
        assertEquals("440500-2027-000104", onTime.path("figures").path("worst").asText());
        JsonNode honesty = byId.get("440500-2027.DEPARTMENT.404").path("body").path("parts").get(5);
        assertEquals("ASSESS_SELF_EVAL_HONESTY", honesty.path("ruleId").asText());
        assertEquals("0.00", honesty.path("points").asText());
        assertEquals("440500-2027-000105", honesty.path("figures").path("worst").asText());
        assertEquals("2028-04-15T10:00:00+08:00", byId.get("440500-2027.DEPARTMENT.401").path("body").path("assessedAt").asText());

        // 404's POOR composite brings it an INTERVIEW (§3.4): the case that also puts it on the criticism list
        assertTrue(byId(received(REGION, "notice")).containsKey("440500-2027.404.INTERVIEW"));
    }

    private static void assertAssessment(Map<String, JsonNode> byId, String dept, String total, String grade, int rank,
            String composite, String list) {
        JsonNode a = byId.get("440500-2027.DEPARTMENT." + dept).path("body");
        assertEquals(dept + " total", total, a.path("total").asText());
        assertEquals(dept + " grade", grade, a.path("grade").asText());
        assertEquals(dept + " rank", rank, a.path("rank").asInt());
        assertEquals(dept + " rankOf", 4, a.path("rankOf").asInt());
        assertEquals(dept + " composite", composite, a.path("composite").asText());
        assertEquals(dept + " list", list == null ? "" : list, a.path("list").asText(""));
        assertEquals(dept + " parts", 8, a.path("parts").size());
    }

    private static List<String> points(JsonNode assessment) {
        List<String> out = new ArrayList<>();
        assessment.path("parts").forEach(p -> out.add(p.path("points").asText()));
        return out;
    }
}
