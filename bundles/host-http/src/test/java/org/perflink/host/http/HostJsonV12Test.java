package org.perflink.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.Adjustment;
import org.perflink.api.model.DepartmentEvaluationInput;
import org.perflink.api.model.ExAnte;
import org.perflink.api.model.ProjectEvaluationInput;

/** The v1.1 fields (api 1.2) read from any host, and basis.components written inside basis. */
class HostJsonV12Test {

    private final ObjectMapper mapper = HostJson.newMapper();

    @Test
    void v11FieldsOfEvaluationInputsAreRead() throws Exception {
        ProjectEvaluationInput in = mapper.readValue("""
                {"projectCode": "P1", "year": 2027, "kind": "PROJECT", "recurrence": "CONTINUING",
                 "indicators": [{"code": "I1", "actual": "10"},
                   {"code": "B2", "actual": null, "notApplicable": true, "notApplicableReason": "本年度未发生汛情"}],
                 "nextYearRequest": "5200000.00", "requests": {"2028": "5200000.00", "2029": "5300000.00"}}
                """, ProjectEvaluationInput.class);
        assertTrue(in.indicators().get(1).notApplicableWithReason());
        assertFalse(in.indicators().get(0).notApplicableWithReason());
        assertEquals(new BigDecimal("5300000.00"), in.requestFor(2029));

        DepartmentEvaluationInput d = mapper.readValue("""
                {"departmentCode": "101", "year": 2027, "components": {"OVERALL_EVALUATION": "75"}, "deductions": [],
                 "nextYearBaseline": "120000000.00", "baselines": {"2029": "123000000.00"}}
                """, DepartmentEvaluationInput.class);
        assertEquals(new BigDecimal("123000000.00"), d.baselineFor(2029));
        assertEquals(new BigDecimal("120000000.00"), d.baselineFor(2028));

        ExAnte e = mapper.readValue("{\"status\": \"DONE\", \"conclusion\": \"SUPPORT\", \"score\": \"86\"}", ExAnte.class);
        assertEquals(new BigDecimal("86"), e.score());
        ProjectEvaluationInput v1 = mapper.readValue("{\"projectCode\": \"P1\", \"year\": 2027}", ProjectEvaluationInput.class);
        assertTrue(v1.requests().isEmpty());
    }

    @Test
    void componentsAreWrittenInsideBasisAndAnAdjustmentWithoutThemIsWrittenAsInV1() throws Exception {
        Adjustment v1 = new Adjustment("440000-2027.DEPARTMENT.101", "440000", 2027, 2028, Adjustment.Scope.DEPARTMENT, "101",
                Map.of("score", "72.50", "grade", "MEDIUM", "coefficient", "0.97"), Adjustment.Action.REDUCE,
                new BigDecimal("-0.03"), new BigDecimal("120000000.00"), new BigDecimal("-3600000.00"),
                "LINK_DEPARTMENT_COMPOSITE", "zh", "en");
        JsonNode plain = mapper.readTree(mapper.writeValueAsString(v1));
        assertEquals(3, plain.path("basis").size());
        assertEquals("72.50", plain.path("basis").path("score").asText());
        assertFalse(plain.has("components"));
        assertFalse(plain.has("basisWithComponents"));

        Map<String, Adjustment.Component> components = new LinkedHashMap<>();
        components.put("KEY_TARGETS", new Adjustment.Component(new BigDecimal("70.00"), new BigDecimal("0.2"), Adjustment.Source.PERFLINK, 4, null,
                Map.of("BLOCK", "1")));
        components.put("OVERALL_EVALUATION", new Adjustment.Component(new BigDecimal("75.00"), new BigDecimal("0.4"), Adjustment.Source.HOST, 2,
                new BigDecimal("73.10"), null));
        Adjustment v2 = new Adjustment(v1.adjustmentId(), v1.regionCode(), 2027, 2028, v1.scope(), "101", v1.basis(),
                v1.action(), v1.ratio(), v1.baseAmount(), v1.deltaAmount(), v1.ruleId(), "zh", "en", components);
        JsonNode json = mapper.readTree(mapper.writeValueAsString(v2));
        JsonNode kt = json.path("basis").path("components").path("KEY_TARGETS");
        assertEquals("70.00", kt.path("score").asText());
        assertEquals("PERFLINK", kt.path("source").asText());
        assertEquals(4, kt.path("n").asInt());
        assertEquals("0.2", kt.path("weight").asText());
        assertFalse(kt.has("perflink"));
        assertEquals("1", kt.path("records").path("BLOCK").asText());
        assertEquals("73.10", json.path("basis").path("components").path("OVERALL_EVALUATION").path("perflink").asText());
        assertFalse(json.has("components"), "only inside basis");
    }
}
