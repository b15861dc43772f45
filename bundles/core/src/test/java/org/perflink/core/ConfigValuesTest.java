package org.perflink.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfigValuesTest {

    @Test
    void karafInterpolationIsRefusedNamingTheField() {
        for (String value : new String[] {"$[secret:perflink.host]", "x${karaf.home}", "a $[env:TOKEN] b"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ConfigValues.requireLiteral("name", value));
            assertTrue(e.getMessage().startsWith("'name' 不得包含") && e.getMessage().contains("may not contain ${ or $["),
                    e.getMessage());
        }
    }

    @Test
    void plainValuesPass() {
        assertEquals("广州市 $5 [a] {b}", ConfigValues.requireLiteral("name", "广州市 $5 [a] {b}"));
        assertEquals(null, ConfigValues.requireLiteral("rulePack", null));
    }
}
