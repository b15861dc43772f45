package org.perflink.api.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class QuantityTest {

    @Test
    void readsPlainNumbersPercentagesAndRepeatedOperators() {
        assertEquals(0, new BigDecimal("37.24").compareTo(Quantity.parse("37.24").orElseThrow().number()));
        Quantity pct = Quantity.parse("98%").orElseThrow();
        assertTrue(pct.percent());
        assertEquals(0, new BigDecimal("98").compareTo(pct.number()));
        Quantity metres = Quantity.parse("≥266米").orElseThrow();
        assertEquals("米", metres.unit());
        assertEquals(0, new BigDecimal("266").compareTo(metres.number()));
        assertEquals(0, new BigDecimal("1200.5").compareTo(Quantity.parse("1,200.5万元").orElseThrow().number()));
    }

    @Test
    void rejectsTextWithoutLeadingNumber() {
        assertFalse(Quantity.parse("显著提升").isPresent());
        assertFalse(Quantity.parse("").isPresent());
        assertFalse(Quantity.parse(null).isPresent());
    }

    @Test
    void convertsMoneyUnitsToYuan() {
        assertEquals(0, new BigDecimal("900000").compareTo(Quantity.parse("90").orElseThrow().inYuan("万元").orElseThrow()));
        assertEquals(0, new BigDecimal("150000000").compareTo(Quantity.parse("1.5亿元").orElseThrow().inYuan(null).orElseThrow()));
        assertEquals(0, new BigDecimal("800").compareTo(Quantity.parse("800").orElseThrow().inYuan("元").orElseThrow()));
        assertFalse(Quantity.parse("12").orElseThrow().inYuan("所").isPresent());
    }
}
