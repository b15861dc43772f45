package org.perflink.execute.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.execute.internal.TestData.REGION;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.Warning;
import org.perflink.api.model.Warning.Action;
import org.perflink.api.model.Warning.Level;
import org.perflink.api.model.Warning.Type;
import org.perflink.api.rules.RulePack;

class WarningClearanceTest {

    private static final LocalDate JUL_31 = LocalDate.of(2027, 7, 31);
    private static final LocalDate AUG_31 = LocalDate.of(2027, 8, 31);

    private static Warning warning(String project, LocalDate asOf, Type type, Level level) {
        return new Warning(Warning.idOf(project, asOf, type), project, REGION, 2027, asOf, type, level, Map.of("x", "1"),
                Map.of(), level == Level.NONE ? Action.NONE : Action.CORRECT, type.name(), "预警", "warning");
    }

    @Test
    void typesThatNoLongerHoldAreCleared() {
        List<Warning> previous = List.of(
                warning("P1", JUL_31, Type.EXECUTION_LAG, Level.RED),
                warning("P1", JUL_31, Type.NO_DATA, Level.YELLOW),
                warning("P1", JUL_31, Type.TARGET_DEVIATION, Level.YELLOW));
        List<Warning> current = List.of(warning("P1", AUG_31, Type.EXECUTION_LAG, Level.BLUE));

        List<Warning> cleared = WarningClearance.cleared(previous, current, AUG_31);

        assertEquals(List.of(Type.NO_DATA, Type.TARGET_DEVIATION), cleared.stream().map(Warning::type).toList());
        Warning w = cleared.get(0);
        assertEquals("P1.2027-08-31.NO_DATA", w.warningId());
        assertEquals(Level.NONE, w.level());
        assertEquals(Action.NONE, w.suggestedAction());
        assertEquals("NO_DATA", w.ruleId());
        assertEquals("预警已解除", w.message());
        assertEquals("Warning cleared", w.messageEn());
        assertEquals(AUG_31, w.asOf());
        assertEquals(REGION, w.regionCode());
        assertEquals("P1.2027-07-31.NO_DATA", w.metrics().get("previousWarningId"));
        assertEquals("YELLOW", w.metrics().get("previousLevel"));
    }

    @Test
    void aLowerLevelOfTheSameTypeStillHolds() {
        assertTrue(WarningClearance.cleared(List.of(warning("P1", JUL_31, Type.EXECUTION_LAG, Level.RED)),
                List.of(warning("P1", AUG_31, Type.EXECUTION_LAG, Level.BLUE)), AUG_31).isEmpty());
    }

    @Test
    void aClearanceIsNotClearedAgainAndAClearanceDoesNotHold() {
        assertTrue(WarningClearance.cleared(List.of(warning("P1", JUL_31, Type.NO_DATA, Level.NONE)), List.of(), AUG_31)
                .isEmpty());
        // a type cleared in this round's input does not count as holding
        List<Warning> cleared = WarningClearance.cleared(List.of(warning("P1", JUL_31, Type.NO_DATA, Level.YELLOW)),
                List.of(warning("P1", AUG_31, Type.NO_DATA, Level.NONE)), AUG_31);
        assertEquals(1, cleared.size());
    }

    @Test
    void pairsAreMatchedPerProject() {
        List<Warning> previous = List.of(warning("P1", JUL_31, Type.NO_DATA, Level.YELLOW),
                warning("P2", JUL_31, Type.NO_DATA, Level.YELLOW));
        List<Warning> cleared = WarningClearance.cleared(previous, List.of(warning("P2", AUG_31, Type.NO_DATA, Level.YELLOW)),
                AUG_31);
        assertEquals(List.of("P1.2027-08-31.NO_DATA"), cleared.stream().map(Warning::warningId).toList());
    }

    @Test
    void worksOnTheMonitorsOwnOutput() {
        List<Warning> before = DualMonitor.monitor(REGION, null,
                TestData.snapshot("P1").asOf(JUL_31).paid("100000.00").build(), JUL_31, RulePack.DEFAULT);
        List<Warning> after = DualMonitor.monitor(REGION, null,
                TestData.snapshot("P1").asOf(AUG_31).paid("800000.00").build(), AUG_31, RulePack.DEFAULT);
        assertTrue(after.isEmpty());
        List<Warning> cleared = WarningClearance.cleared(before, after, AUG_31);
        assertEquals(1, cleared.size());
        assertEquals(Type.EXECUTION_LAG, cleared.get(0).type());
        assertEquals("RED", cleared.get(0).metrics().get("previousLevel"));
    }
}
