package org.perflink.execute.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.execute.internal.TestData.REGION;
import static org.perflink.execute.internal.TestData.project;
import static org.perflink.execute.internal.TestData.snapshot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perflink.api.host.HostException;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.ExecutionSnapshot;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.api.model.Warning;
import org.perflink.api.model.Warning.Level;
import org.perflink.api.rules.RulePack;
import org.perflink.execute.internal.DualMonitor;
import org.perflink.api.testing.FakeHost;
import org.perflink.api.testing.RecordingContext;

/** A project hovering around a band over six rounds (rules.md §2 dead band, since rules v2). */
class StableWarningsTest {

    private static final List<LocalDate> ROUNDS = List.of(LocalDate.of(2027, 3, 31), LocalDate.of(2027, 4, 30),
            LocalDate.of(2027, 5, 31), LocalDate.of(2027, 6, 30), LocalDate.of(2027, 7, 31), LocalDate.of(2027, 8, 31));
    /** Just above and just below the YELLOW threshold 0.20, alternately. */
    private static final List<String> GAPS = List.of("0.21", "0.19", "0.21", "0.18", "0.205", "0.19");

    /** Runs the six rounds through the hook, each round seeing the warnings of the earlier ones as history. */
    private static List<Warning> sixRounds(RulePack pack) throws HostException {
        Map<String, List<Warning>> history = new HashMap<>();
        List<Warning> all = new ArrayList<>();
        for (int i = 0; i < ROUNDS.size(); i++) {
            LocalDate asOf = ROUNDS.get(i);
            BigDecimal paid = DualMonitor.timeProgress(asOf).subtract(new BigDecimal(GAPS.get(i)))
                    .multiply(new BigDecimal("1000000")).setScale(2, RoundingMode.HALF_UP);
            ExecutionSnapshot s = snapshot("P1").asOf(asOf).paid(paid.toPlainString()).build();
            FakeHost host = new FakeHost().executionPage(Parsed.ok(s, "P1", 1));
            host.project(project("P1").noTarget().build());
            StageEvent event = new StageEvent(i + 1, "ev-" + i, REGION, TestData.YEAR, Stage.EXECUTE, Phase.MONITOR,
                    List.of("P1"), OffsetDateTime.parse(asOf + "T18:00:00+08:00"), asOf);
            RecordingContext context = new RecordingContext(event, pack, host);
            context.history.putAll(history);
            new MonitorHook().handle(context);
            all.addAll(context.bodies(Warning.class));
            history.computeIfAbsent("P1", k -> new ArrayList<>()).addAll(context.bodies(Warning.class));
        }
        return all;
    }

    @Test
    void aProjectHoveringAtABandKeepsOneStandingWarning() throws HostException {
        List<Warning> warnings = sixRounds(TestData.pack("monitor.clearBand", "0.03"));
        assertEquals(6, warnings.size(), warnings.toString());
        assertTrue(warnings.stream().allMatch(w -> w.level() == Level.YELLOW), warnings.toString());
        assertEquals(List.of(1, 2, 3, 4, 5, 6), warnings.stream().map(Warning::rounds).toList());
        assertEquals(List.of("false", "true", "false", "true", "false", "true"), warnings.stream()
                .map(w -> String.valueOf("true".equals(w.metrics().get("heldByClearBand")))).toList());
    }

    @Test
    void withoutTheBandItFlapsEveryRound() throws HostException {
        List<Warning> warnings = sixRounds(RulePack.DEFAULT);
        assertEquals(List.of(Level.YELLOW, Level.BLUE, Level.YELLOW, Level.BLUE, Level.YELLOW, Level.BLUE),
                warnings.stream().map(Warning::level).toList());
    }
}
