package org.perflink.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.perflink.api.host.HostGateway;
import org.perflink.api.model.Stage;

/** Which gateway a region takes: the host it names, else the default (or only) host; its URL override only. */
class HostRoutingTest {

    private static RegionSettings region(String code, String host, String hostUrl) {
        return new RegionSettings(code, "", true, Set.of(Stage.COMPILE), "", Duration.ofSeconds(5), hostUrl, host);
    }

    private static Map<String, ?> props(String host, String region) {
        return region == null ? Map.of(HostGateway.HOST_PROPERTY, host)
                : Map.of(HostGateway.HOST_PROPERTY, host, HostRouting.REGION_PROPERTY, region);
    }

    @Test
    void aRegionTakesTheHostItNamesElseTheDefaultElseTheOnlyOne() {
        Map<String, Map<String, ?>> gateways = new LinkedHashMap<>();
        gateways.put("default", props("default", null));
        gateways.put("gd", props("gd", null));
        assertEquals("gd", HostRouting.select(region("440000", "gd", null), gateways));
        assertEquals("default", HostRouting.select(region("440000", null, null), gateways));
        assertNull(HostRouting.select(region("440000", "sz", null), gateways), "a named host that is absent");

        Map<String, Map<String, ?>> one = Map.of("gd", props("gd", null));
        assertEquals("gd", HostRouting.select(region("440000", null, null), one), "the only host there is");
        assertNull(HostRouting.select(region("440000", null, null), Map.of()));
    }

    @Test
    void aRegionWithAUrlOverrideTakesOnlyTheGatewayMadeForIt() {
        Map<String, Map<String, ?>> gateways = new LinkedHashMap<>();
        gateways.put("default", props("default", null));
        assertNull(HostRouting.select(region("440000", null, "http://other"), gateways), "never the host's own URL");
        gateways.put("override-440100", props("default", "440100"));
        gateways.put("override-440000", props("default", "440000"));
        assertEquals("override-440000", HostRouting.select(region("440000", null, "http://other"), gateways));
        assertEquals("default", HostRouting.select(region("440100", null, null), gateways),
                "another region's override is not a host");
        assertTrue(HostRouting.servesOverride("default", region("440000", null, "http://other")));
        assertFalse(HostRouting.servesOverride("gd", region("440000", null, "http://other")));
        assertTrue(HostRouting.servesOverride("gd", region("440000", "gd", "http://other")));
        assertFalse(HostRouting.servesOverride("default", region("440000", null, null)));
    }

    @Test
    void hostNamesAreShort() {
        assertTrue(HostRouting.validName("gd-2"));
        assertFalse(HostRouting.validName("$[secret:x]"));
        assertFalse(HostRouting.validName(""));
    }
}
