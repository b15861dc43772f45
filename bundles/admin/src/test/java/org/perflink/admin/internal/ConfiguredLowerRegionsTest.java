package org.perflink.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.perflink.api.hook.ResultHistory;
import org.perflink.api.host.HostGateway;
import org.perflink.api.model.Stage;
import org.perflink.api.rules.RulePack;
import org.perflink.core.HostRouting;
import org.perflink.core.HostSettings;
import org.perflink.core.RegionSettings;
import org.perflink.core.RulePacks;
import org.perflink.host.http.HttpHosts;

/** perflink:simulate's lower regions: the configured ones, the store's records of each, its gateway with its contract. */
class ConfiguredLowerRegionsTest {

    private static final RulePacks PACKS = new RulePacks() {
        @Override
        public RulePack effective(String regionCode) {
            return RulePack.DEFAULT;
        }

        @Override
        public List<ParameterOverride> overrides(String regionCode) {
            return List.of();
        }

        @Override
        public Map<String, RulePack> defined() {
            return Map.of();
        }

        @Override
        public List<String> lowerRegions(String regionCode) {
            return "440400".equals(regionCode) ? List.of("440403", "440402", "440405") : List.of();
        }
    };

    @Test
    void theLowerRegionsAreTheConfiguredOnesWithTheirRecordsAndContracts() {
        HostSettings host = new HostSettings("http://127.0.0.1:1", HostSettings.Auth.NONE, null, null, Duration.ofSeconds(2),
                Duration.ofSeconds(30), 200, true);
        HostGateway gateway = HttpHosts.gateway(host);
        Map<HostGateway, Map<String, ?>> gateways = new LinkedHashMap<>();
        gateways.put(gateway, Map.of(HostGateway.HOST_PROPERTY, HostRouting.DEFAULT_HOST, "url", host.url()));
        List<RegionSettings> regions = List.of(
                new RegionSettings("440402", "", true, Set.of(Stage.CLOSE), "", Duration.ofSeconds(5), null, null, null, "1.1"),
                new RegionSettings("440403", "", true, Set.of(Stage.CLOSE), "", Duration.ofSeconds(5), null));
        ResultHistory records = code -> List.of();
        ConfiguredLowerRegions lower = new ConfiguredLowerRegions("440400", PACKS, code -> records, regions, gateways);

        assertEquals(List.of("440402", "440403", "440405"), lower.codes());
        assertSame(records, lower.history("440402"));
        assertEquals("1.1", lower.host("440402").contract(), "its hostContract overrides its host's 1.0");
        assertEquals("1.0", lower.host("440403").contract());
        assertNull(lower.host("440405"), "not configured here: no host");
        assertEquals(List.of(), new ConfiguredLowerRegions("440100", PACKS, code -> records, regions, gateways).codes());
    }
}
