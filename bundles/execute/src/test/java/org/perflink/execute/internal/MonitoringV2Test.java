package org.perflink.execute.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.execute.internal.TestData.REGION;
import static org.perflink.execute.internal.TestData.pack;
import static org.perflink.execute.internal.TestData.project;
import static org.perflink.execute.internal.TestData.snapshot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.ExecutionSnapshot;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectKind;
import org.perflink.api.model.Warning;
import org.perflink.api.model.Warning.Action;
import org.perflink.api.model.Warning.Category;
import org.perflink.api.model.Warning.Level;
import org.perflink.api.model.Warning.Regime;
import org.perflink.api.model.Warning.Responsible;
import org.perflink.api.model.Warning.Type;
import org.perflink.api.rules.RulePack;

/** Dual monitoring since rules v2 (rules.md §2): spending curves, regimes, dead band, reclaim, classification. */
class MonitoringV2Test {

    private static final String BACK_LOADED = "0.02,0.05,0.10,0.18,0.27,0.37,0.47,0.57,0.67,0.77,0.88,1.00";
    private static final LocalDate JUN_30 = LocalDate.of(2027, 6, 30); // curve 0.37, time progress 0.4959
    private static final LocalDate AUG_7 = LocalDate.of(2027, 8, 7);   // time progress exactly 0.6
    private static final LocalDate OCT_31 = LocalDate.of(2027, 10, 31); // time progress 304/365, curve 0.77

    private static List<Warning> assess(Project p, ExecutionSnapshot s, RulePack pack, Warning... earlier) {
        return new DualMonitor(REGION, 2027, s.asOf(), pack).assess(p, s, List.of(earlier));
    }

    private static Optional<Warning> lag(List<Warning> warnings) {
        return warnings.stream().filter(w -> w.type() == Type.EXECUTION_LAG).findFirst();
    }

    private static ExecutionSnapshot paid(LocalDate asOf, String budget, String paid) {
        return snapshot("P1").asOf(asOf).budget(budget).paid(paid).build();
    }

    private static Warning earlier(LocalDate asOf, Type type, Level level, String ruleId) {
        return new Warning(Warning.idOf("P1", asOf, type), "P1", REGION, asOf.getYear(), asOf, type, level, Map.of(),
                Map.of(), Action.CORRECT, ruleId, "", "");
    }

    // ---- spending curves -------------------------------------------------------------------------------

    @Test
    void backLoadedCapitalWorksAreJudgedByTheirCurve() {
        RulePack pack = pack("monitor.spendCurve.prefix.212", BACK_LOADED);
        Project capital = project("P1").functionCode("2120201").noTarget().build();
        // the curve expects 37 % by 30 June: 27 % spent is exactly 10 points behind → BLUE
        Warning w = lag(assess(capital, paid(JUN_30, "1000000.00", "270000.00"), pack)).orElseThrow();
        assertEquals(Level.BLUE, w.level());
        assertEquals("prefix.212", w.metrics().get("spendCurve"));
        assertEquals("0.3700", w.metrics().get("expectedRate"));
        assertEquals("0.1000", w.metrics().get("gap"));
        assertEquals("0.4959", w.metrics().get("timeProgress"));
        assertEquals(BACK_LOADED, w.thresholds().get("monitor.spendCurve.prefix.212"));
        assertTrue(w.message().contains("支出进度曲线prefix.212") && w.messageEn().contains("spending curve"), w.message());
        // 0.01 元 more is just inside the curve; by linear time progress it would be YELLOW
        assertTrue(lag(assess(capital, paid(JUN_30, "1000000.00", "270100.00"), pack)).isEmpty());
        assertEquals(Level.YELLOW,
                lag(assess(capital, paid(JUN_30, "1000000.00", "270100.00"), RulePack.DEFAULT)).orElseThrow().level());
    }

    @Test
    void longestPrefixWinsThenKindElseLinear() {
        RulePack pack = pack("monitor.spendCurve.prefix.2", "0.10,0.20,0.30,0.40,0.50,0.60,0.70,0.80,0.90,0.95,0.98,1.00",
                "monitor.spendCurve.prefix.212", BACK_LOADED,
                "monitor.spendCurve.TRANSFER", "0.05,0.10,0.15,0.20,0.25,0.30,0.35,0.40,0.45,0.50,0.80,1.00");
        ExecutionSnapshot late = paid(JUN_30, "1000000.00", "0.00");
        assertEquals("prefix.212", lag(assess(project("P1").functionCode("2120201").noTarget().build(), late, pack))
                .orElseThrow().metrics().get("spendCurve"));
        assertEquals("prefix.2", lag(assess(project("P1").functionCode("2050202").noTarget().build(), late, pack))
                .orElseThrow().metrics().get("spendCurve"));
        Project transfer = project("P1").functionCode("1100101").kind(ProjectKind.TRANSFER).noTarget().build();
        assertEquals("TRANSFER", lag(assess(transfer, late, pack)).orElseThrow().metrics().get("spendCurve"));
        Warning linear = lag(assess(project("P1").functionCode("1100101").noTarget().build(), late, pack)).orElseThrow();
        assertNull(linear.metrics().get("spendCurve"), "linear (v1) bodies stay as they were");
    }

    @Test
    void badCurvesAndScopesNameTheirKey() {
        for (String[] bad : List.of(new String[] {"monitor.spendCurve.prefix.21x", BACK_LOADED},
                new String[] {"monitor.spendCurve.GRANT", BACK_LOADED},
                new String[] {"monitor.spendCurve.prefix.212", "0.1,0.2"},
                new String[] {"monitor.general.scope", "SOME"},
                new String[] {"monitor.key.bands", "0.30,0.20,0.10"},
                new String[] {"monitor.reclaim.fromDate", "31.10"})) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new DualMonitor(REGION, 2027, AUG_7, pack(bad[0], bad[1])));
            assertTrue(e.getMessage().contains(bad[0]), e.getMessage());
        }
    }

    // ---- 全面监控 / 重点监控 -------------------------------------------------------------------------------

    @Test
    void keyProjectsAreMajorOrLarge() {
        ExecutionSnapshot small = paid(AUG_7, "1999999.99", "0.00");
        assertEquals(Regime.GENERAL, lag(assess(project("P1").noTarget().build(), small, RulePack.DEFAULT))
                .orElseThrow().regime());
        assertEquals(Regime.KEY, lag(assess(project("P1").noTarget().build(), paid(AUG_7, "2000000.00", "0.00"),
                RulePack.DEFAULT)).orElseThrow().regime());
        assertEquals(Regime.KEY, lag(assess(project("P1").major().noTarget().build(), small, RulePack.DEFAULT))
                .orElseThrow().regime());
    }

    @Test
    void keyBandsTightenOnlyKeyProjects() {
        RulePack tight = pack("monitor.key.bands", "0.05,0.15,0.25");
        Project major = project("P1").major().noTarget().build();
        Warning w = lag(assess(major, paid(AUG_7, "1000000.00", "550000.00"), tight)).orElseThrow();
        assertEquals(Level.BLUE, w.level());
        assertEquals(Regime.KEY, w.regime());
        assertEquals("0.05,0.15,0.25", w.thresholds().get("monitor.key.bands"));
        assertTrue(lag(assess(major, paid(AUG_7, "1000000.00", "550100.00"), tight)).isEmpty());
        assertTrue(lag(assess(project("P1").noTarget().build(), paid(AUG_7, "1000000.00", "550000.00"), tight))
                .isEmpty(), "general projects keep monitor.lag.*");
        assertTrue(lag(assess(major, paid(AUG_7, "1000000.00", "550000.00"), RulePack.DEFAULT)).isEmpty(),
                "v1: one set of bands");
    }

    @Test
    void basicScopeGivesGeneralProjectsOnlyTheBasicRules() {
        RulePack basic = pack("monitor.general.scope", "BASIC");
        ExecutionSnapshot s = snapshot("P1").asOf(AUG_7).paid("0.00").actual("S1", "D").build();
        List<Warning> general = assess(project("P1").qualitative("S1").build(), s, basic);
        assertEquals(List.of(Type.EXECUTION_LAG), general.stream().map(Warning::type).toList());
        List<Warning> key = assess(project("P1").major().qualitative("S1").build(), s, basic);
        assertEquals(List.of(Type.EXECUTION_LAG, Type.TARGET_AT_RISK), key.stream().map(Warning::type).toList());
        assertTrue(key.stream().allMatch(w -> w.regime() == Regime.KEY));
        assertEquals(2, assess(project("P1").qualitative("S1").build(), s, RulePack.DEFAULT).size(), "ALL (v1)");
    }

    // ---- dead band and rounds ----------------------------------------------------------------------------

    @Test
    void aLevelStandsWithinTheClearBand() {
        RulePack band = pack("monitor.clearBand", "0.03");
        Project p = project("P1").noTarget().build();
        Warning yellow = earlier(LocalDate.of(2027, 7, 31), Type.EXECUTION_LAG, Level.YELLOW, "EXECUTION_LAG");
        // gap 0.17 = 0.20 − 0.03: still YELLOW
        Warning held = lag(assess(p, paid(AUG_7, "1000000.00", "430000.00"), band, yellow)).orElseThrow();
        assertEquals(Level.YELLOW, held.level());
        assertEquals(2, held.rounds());
        assertEquals("true", held.metrics().get("heldByClearBand"));
        assertEquals("0.03", held.thresholds().get("monitor.clearBand"));
        assertTrue(held.message().contains("消除区间") && held.messageEn().contains("clear band"), held.message());
        // gap 0.1699: past the band, down to BLUE (which still counts the YELLOW round)
        Warning down = lag(assess(p, paid(AUG_7, "1000000.00", "430100.00"), band, yellow)).orElseThrow();
        assertEquals(Level.BLUE, down.level());
        assertEquals(2, down.rounds());
        assertNull(down.metrics().get("heldByClearBand"));
        // v1: no band
        assertEquals(Level.BLUE, lag(assess(p, paid(AUG_7, "1000000.00", "401000.00"), RulePack.DEFAULT, yellow))
                .orElseThrow().level());
    }

    @Test
    void theKeyRuleStandsWithinTheClearBand() {
        RulePack band = pack("monitor.clearBand", "0.03");
        LocalDate sep30 = LocalDate.of(2027, 9, 30);
        Warning key = earlier(LocalDate.of(2027, 8, 31), Type.EXECUTION_LAG, Level.RED, "EXECUTION_LAG_KEY");
        Project p = project("P1").noTarget().build();
        Warning held = lag(assess(p, paid(sep30, "2000000.00", "1259999.99"), band, key)).orElseThrow();
        assertEquals("EXECUTION_LAG_KEY", held.ruleId());
        assertEquals(Level.RED, held.level());
        Warning past = lag(assess(p, paid(sep30, "2000000.00", "1260000.00"), band, key)).orElseThrow();
        assertEquals("EXECUTION_LAG", past.ruleId());
        assertEquals(Level.BLUE, past.level());
    }

    @Test
    void aTargetDeviationStandsWithinTheClearBand() {
        RulePack band = pack("monitor.clearBand", "0.03");
        Project p = project("P1").ge("I1", "100", "所").build();
        Warning deviating = earlier(LocalDate.of(2027, 7, 31), Type.TARGET_DEVIATION, Level.YELLOW, "TARGET_DEVIATION");
        // expected 0.6; 43 of 100 is a shortfall of 0.17 = 0.20 − 0.03
        List<Warning> held = assess(p, snapshot("P1").asOf(AUG_7).paid("600000.00").actual("I1", "43").build(), band,
                deviating);
        assertEquals(List.of(Type.TARGET_DEVIATION), held.stream().map(Warning::type).toList());
        assertEquals("true", held.get(0).metrics().get("heldByClearBand"));
        assertEquals(2, held.get(0).rounds());
        assertTrue(assess(p, snapshot("P1").asOf(AUG_7).paid("600000.00").actual("I1", "44").build(), band, deviating)
                .isEmpty());
    }

    @Test
    void roundsCountConsecutiveRoundsAtThisLevelOrAbove() {
        Project p = project("P1").noTarget().build();
        ExecutionSnapshot yellow = paid(AUG_7, "1000000.00", "350000.00"); // gap 0.25
        Warning[] history = {
                earlier(LocalDate.of(2027, 7, 31), Type.EXECUTION_LAG, Level.YELLOW, "EXECUTION_LAG"),
                earlier(LocalDate.of(2027, 6, 30), Type.EXECUTION_LAG, Level.RED, "EXECUTION_LAG"),
                earlier(LocalDate.of(2027, 5, 31), Type.EXECUTION_LAG, Level.BLUE, "EXECUTION_LAG"),
                earlier(LocalDate.of(2026, 12, 31), Type.EXECUTION_LAG, Level.RED, "EXECUTION_LAG"),
                earlier(LocalDate.of(2027, 7, 31), Type.NO_DATA, Level.YELLOW, "NO_DATA")};
        assertEquals(3, lag(assess(p, yellow, RulePack.DEFAULT, history)).orElseThrow().rounds());
        assertEquals(1, lag(assess(p, yellow, RulePack.DEFAULT)).orElseThrow().rounds());
        // a clearance in between breaks the run
        Warning cleared = earlier(LocalDate.of(2027, 7, 31), Type.EXECUTION_LAG, Level.NONE, "EXECUTION_LAG");
        assertEquals(1, lag(assess(p, yellow, RulePack.DEFAULT, cleared, history[1])).orElseThrow().rounds());
    }

    // ---- 收回/调减 ---------------------------------------------------------------------------------------

    @Test
    void lateAndLittleSpentIsReclaimedWithTheAmountAtStake() {
        Project p = project("P1").noTarget().build();
        Warning w = lag(assess(p, paid(OCT_31, "1000000.00", "499999.99"), RulePack.DEFAULT)).orElseThrow();
        assertEquals(Level.RED, w.level());
        assertEquals(Action.RECLAIM, w.suggestedAction());
        assertEquals("EXECUTION_LAG_RECLAIM", w.ruleId());
        // budget × (304/365 − 0.49999999) = 832 876.71… − 499 999.99
        assertEquals(new BigDecimal("332876.72"), w.reclaimAmount());
        assertEquals("332876.72", w.metrics().get("reclaimAmount"));
        assertEquals("10-31", w.thresholds().get("monitor.reclaim.fromDate"));
        assertEquals("0.50", w.thresholds().get("monitor.reclaim.maxRate"));
        assertEquals(Category.IDLE_FUNDS, w.category());
        assertEquals(Responsible.FINANCE, w.responsible());
        assertTrue(w.message().contains("收回或调减资金332876.72元"), w.message());
        // exactly half spent is not below half: RED by the gap, no reclaim
        Warning half = lag(assess(p, paid(OCT_31, "1000000.00", "500000.00"), RulePack.DEFAULT)).orElseThrow();
        assertEquals(Action.SUSPEND_DISBURSEMENT, half.suggestedAction());
        assertNull(half.reclaimAmount());
        // a day earlier, nothing is reclaimed
        assertEquals(Action.SUSPEND_DISBURSEMENT, lag(assess(p, paid(LocalDate.of(2027, 10, 30), "1000000.00", "0.00"),
                RulePack.DEFAULT)).orElseThrow().suggestedAction());
        assertEquals(Action.SUSPEND_DISBURSEMENT, lag(assess(p, paid(OCT_31, "1000000.00", "0.00"),
                pack("rule.EXECUTION_LAG_RECLAIM.enabled", "false"))).orElseThrow().suggestedAction());
    }

    @Test
    void theReclaimedAmountIsWhatTheCurveNoLongerExpectsToBeSpent() {
        RulePack pack = pack("monitor.spendCurve.prefix.212", BACK_LOADED);
        Project capital = project("P1").functionCode("2120201").noTarget().build();
        Warning w = lag(assess(capital, paid(OCT_31, "3000000.00", "1200000.00"), pack)).orElseThrow();
        assertEquals(Action.RECLAIM, w.suggestedAction());
        assertEquals(new BigDecimal("1110000.00"), w.reclaimAmount()); // 3 000 000 × (0.77 − 0.40)
        assertEquals("prefix.212", w.metrics().get("spendCurve"));
        assertEquals(BACK_LOADED, w.thresholds().get("monitor.spendCurve.prefix.212"));
    }

    // ---- 问题分类处理 -------------------------------------------------------------------------------------

    @Test
    void everyWarningCarriesItsCategoryAndWhoIsResponsible() {
        Project p = project("P1").ge("I1", "100", "所").qualitative("S1").build();
        List<Warning> ws = assess(p, snapshot("P1").asOf(AUG_7).paid("450000.00").actual("I1", "10")
                .actual("S1", "A").build(), RulePack.DEFAULT);
        Warning blue = lag(ws).orElseThrow();
        assertEquals(Level.BLUE, blue.level());
        assertEquals(Category.PROGRESS_LAG, blue.category());
        assertEquals(Responsible.DEPARTMENT, blue.responsible());
        Warning risk = ws.stream().filter(w -> w.type() == Type.TARGET_AT_RISK).findFirst().orElseThrow();
        assertEquals(Category.TARGET_DEVIATION, risk.category());
        assertEquals(Responsible.UNIT, risk.responsible());
        Warning red = lag(assess(p, paid(AUG_7, "1000000.00", "0.00"), RulePack.DEFAULT)).orElseThrow();
        assertEquals(Responsible.FINANCE, red.responsible());
        Warning noData = new DualMonitor(REGION, 2027, AUG_7, RulePack.DEFAULT).noSnapshot("P1").get(0);
        assertEquals(Category.DATA_MISSING, noData.category());
        assertEquals(Responsible.UNIT, noData.responsible());
        assertEquals(Regime.GENERAL, noData.regime());
        assertEquals(1, noData.rounds());
        assertFalse(noData.message().isBlank());
    }
}
