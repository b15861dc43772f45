package org.perflink.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class RegionCodeTest {

    @Test
    void parentsFollowTheAdministrativeTree() {
        assertEquals(Optional.of("440100"), RegionCode.parent("440106"));
        assertEquals(Optional.of("440000"), RegionCode.parent("440100"));
        assertEquals(Optional.empty(), RegionCode.parent("440000"));
    }

    @Test
    void malformedCodeNamesTheKey() {
        assertTrue(RegionCode.valid("440000"));
        assertFalse(RegionCode.valid("044000"));
        assertFalse(RegionCode.valid("44000"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RegionCode.require("4400x0", "regionCode"));
        assertTrue(e.getMessage().contains("'regionCode'"), e.getMessage());
    }
}
