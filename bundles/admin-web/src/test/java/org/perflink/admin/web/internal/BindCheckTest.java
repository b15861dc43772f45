package org.perflink.admin.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class BindCheckTest {

    @Test
    void loopbackAddressesAreQuietEverythingElseIsNamed() {
        assertEquals(List.of(), BindCheck.nonLoopback("127.0.0.1"));
        assertEquals(List.of(), BindCheck.nonLoopback("127.0.0.1, ::1 localhost [::1]"));
        assertEquals(List.of("0.0.0.0"), BindCheck.nonLoopback(null), "unset: every address");
        assertEquals(List.of("0.0.0.0"), BindCheck.nonLoopback(" "));
        assertEquals(List.of("10.1.2.3"), BindCheck.nonLoopback("127.0.0.1,10.1.2.3"));
        assertEquals(List.of("0.0.0.0"), BindCheck.nonLoopback("0.0.0.0"));
    }
}
