package org.perflink.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.perflink.core.HostSettings;
import org.perflink.core.RegionSettings;

/** host-api-v1.md "v1.1 additions": {@code contract} (1.0 default, 1.1) and a region's {@code hostContract}. */
class HostContractTest {

    private static HostSettings host(String contract) {
        return new HostSettings("http://h", HostSettings.Auth.NONE, "", "", Duration.ofSeconds(5), Duration.ofSeconds(30),
                200, true, contract);
    }

    @Test
    void theDefaultIsContract10AndARegionMayOverrideIt() {
        HostSettings v1 = new HostSettings("http://h", HostSettings.Auth.NONE, "", "", Duration.ofSeconds(5),
                Duration.ofSeconds(30), 200, true);
        assertEquals("1.0", v1.contract());
        assertEquals("1.0", host("").contract());
        assertEquals("1.1", host("1.1").withUrl("http://other").contract(), "a region's host URL keeps the contract");

        RegionSettings inherits = RegionComponent.toSettings(RegionParentsTest.config("440100", ""));
        assertNull(inherits.hostContract());
        assertEquals("1.1", inherits.contract(host("1.1")));
        RegionSettings old = RegionComponent.toSettings(RegionParentsTest.config("440100", "", " 1.0 "));
        assertEquals("1.0", old.contract(host("1.1")));
        assertTrue(host("1.1").toString().contains("contract=1.1"));
    }

    @ParameterizedTest
    @CsvSource({"2.0", "1", "v1.1"})
    void anotherValueFailsNamingTheKey(String value) {
        IllegalArgumentException h = assertThrows(IllegalArgumentException.class, () -> host(value));
        assertTrue(h.getMessage().contains("'contract'"), h.getMessage());
        IllegalArgumentException r = assertThrows(IllegalArgumentException.class,
                () -> RegionComponent.toSettings(RegionParentsTest.config("440100", "", value)));
        assertTrue(r.getMessage().contains("'hostContract'"), r.getMessage());
    }
}
