package org.perflink.api.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.Stage;

class MoneyTest {

    @Test
    void amountsAreRoundedToTheCentHalfUp() {
        assertEquals(new BigDecimal("393750.01"), Money.cents(new BigDecimal("393750.005")));
        assertEquals("-525000.00", Money.plain(new BigDecimal("-525000")));
        assertEquals("5,200,000.00", Money.grouped(new BigDecimal("5200000")));
        assertEquals("-1,000.01", Money.grouped(new BigDecimal("-1000.005")));
        assertNull(Money.plain(null));
        assertNull(Money.grouped(null));
    }

    @Test
    void stagesHaveTheirNamesInBothLanguages() {
        assertEquals("编制 (compile)", Stage.COMPILE.label());
        assertEquals("决算", Stage.CLOSE.zh());
        assertEquals(Stage.EXECUTE, Stage.byName(" 执行 ").orElseThrow());
        assertEquals(Stage.CLOSE, Stage.byName("Close").orElseThrow());
        assertEquals(Optional.empty(), Stage.byName("closing"));
    }
}
