package org.perflink.host.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** A host configuration's name: its name key, its file's, its factory PID's, or "default". */
class HostNameTest {

    @Test
    void theNameComesFromTheKeyTheFileOrThePid() {
        assertEquals("default", HostGatewayComponent.hostName(Map.of()));
        assertEquals("default", HostGatewayComponent.hostName(Map.of("felix.fileinstall.filename",
                "file:/opt/karaf/etc/org.perflink.host.cfg")));
        assertEquals("gd", HostGatewayComponent.hostName(Map.of("felix.fileinstall.filename",
                "file:/opt/karaf/etc/org.perflink.host-gd.cfg")));
        assertEquals("sz", HostGatewayComponent.hostName(Map.of("service.pid", "org.perflink.host~sz")));
        assertEquals("named", HostGatewayComponent.hostName(Map.of("name", "named",
                "felix.fileinstall.filename", "file:/etc/org.perflink.host-gd.cfg")));
        assertThrows(IllegalArgumentException.class, () -> HostGatewayComponent.hostName(Map.of("name", "$[secret:x]")));
    }
}
