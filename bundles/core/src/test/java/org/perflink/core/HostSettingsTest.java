package org.perflink.core;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Credentials never cross the network over plain HTTP unless allowed. */
class HostSettingsTest {

    private static HostSettings settings(String url, HostSettings.Auth auth, boolean allow) {
        return new HostSettings(url, auth, "u", "s3cret", Duration.ofSeconds(5), Duration.ofSeconds(30), 200, true, allow);
    }

    @Test
    void basicOrBearerOverPlainHttpToAnotherMachineIsRefusedNamingTheKeys() {
        for (HostSettings.Auth auth : new HostSettings.Auth[] {HostSettings.Auth.BASIC, HostSettings.Auth.BEARER}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> settings("http://budget.example.gov.cn:8080", auth, false));
            assertTrue(e.getMessage().contains("'url'") && e.getMessage().contains("allowInsecureCredentials")
                    && e.getMessage().contains("budget.example.gov.cn"), e.getMessage());
            assertTrue(!e.getMessage().contains("s3cret"), "the secret is never in the message");
            assertThrows(IllegalArgumentException.class, () -> settings("http://10.1.2.3", auth, false));
        }
    }

    @Test
    void httpsLoopbackNoCredentialsOrAnExplicitAllowancePass() {
        assertDoesNotThrow(() -> settings("https://budget.example.gov.cn", HostSettings.Auth.BASIC, false));
        assertDoesNotThrow(() -> settings("http://127.0.0.1:8181", HostSettings.Auth.BEARER, false));
        assertDoesNotThrow(() -> settings("http://localhost:8181", HostSettings.Auth.BASIC, false));
        assertDoesNotThrow(() -> settings("http://[::1]:8181", HostSettings.Auth.BASIC, false));
        assertDoesNotThrow(() -> settings("http://budget.example.gov.cn", HostSettings.Auth.NONE, false));
        assertDoesNotThrow(() -> settings("http://budget.example.gov.cn", HostSettings.Auth.BEARER, true));
    }

    @Test
    void aRegionsHostOverrideIsCheckedToo() {
        HostSettings local = settings("http://127.0.0.1:8181", HostSettings.Auth.BEARER, false);
        assertThrows(IllegalArgumentException.class, () -> local.withUrl("http://192.168.1.20"));
        assertDoesNotThrow(() -> local.withUrl("https://192.168.1.20"));
        assertDoesNotThrow(() -> settings("http://127.0.0.1", HostSettings.Auth.BEARER, true).withUrl("http://192.168.1.20"));
    }
}
