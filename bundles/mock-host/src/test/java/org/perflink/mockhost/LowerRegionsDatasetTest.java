package org.perflink.mockhost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** The demo's lower regions of 440400 (EXPECTED.md, "Lower regions of 440400"): an overlay of the demo dataset. */
class LowerRegionsDatasetTest {

    @Test
    void theOverlayAddsTwoEvaluatedLowerRegionsAndLeavesTheDemoAsItWas() throws Exception {
        Dataset plain = Dataset.demo();
        Dataset d = Dataset.load("demo+lower-regions");
        assertEquals("demo+lower-regions", d.name());
        assertEquals(plain.regions().size() + 2, d.regions().size());
        for (RegionData r : plain.regions()) {
            assertEquals(r.summary(), d.region(r.regionCode()).summary(), r.regionCode());
        }
        for (String code : List.of("440402", "440403")) {
            RegionData r = d.region(code);
            assertEquals(2, r.evaluations(2027).size());
            assertEquals(1, r.initialEvents().size(), "the year is evaluated before 440400's LINK");
            assertEquals("EVALUATE", r.initialEvents().get(0).get("phase").asText());
            assertTrue(r.scriptedEvents().isEmpty());
        }
        List<JsonNode> baselines = d.region("440400").subregions(2028);
        assertEquals(List.of("440402", "440403"), baselines.stream().map(b -> b.get("regionCode").asText()).toList());
        assertEquals("600000000.00", baselines.get(0).get("transferBaseline").asText());
        assertEquals(List.of(), d.region("440400").subregions(2029));
    }
}
