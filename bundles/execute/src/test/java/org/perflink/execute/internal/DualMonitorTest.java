package org.perflink.execute.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.execute.internal.TestData.REGION;
import static org.perflink.execute.internal.TestData.pack;
import static org.perflink.execute.internal.TestData.project;
import static org.perflink.execute.internal.TestData.snapshot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perflink.api.model.ExecutionSnapshot;
import org.perflink.api.model.Indicator.Operator;
import org.perflink.api.model.Project;
import org.perflink.api.model.Warning;
import org.perflink.api.model.Warning.Action;
import org.perflink.api.model.Warning.Level;
import org.perflink.api.model.Warning.Type;
import org.perflink.api.rules.RulePack;

class DualMonitorTest {

    /** Day 219 of 365: time progress exactly 0.6, so band edges can be hit exactly. */
    private static final LocalDate AUG_7 = LocalDate.of(2027, 8, 7);

    private static List<Warning> monitor(Project project, ExecutionSnapshot snapshot, LocalDate asOf) {
        return monitor(project, snapshot, asOf, RulePack.DEFAULT);
    }

    private static List<Warning> monitor(Project project, ExecutionSnapshot snapshot, LocalDate asOf, RulePack pack) {
        List<Warning> warnings = DualMonitor.monitor(REGION, project, snapshot, asOf, pack);
        assertEquals(warnings.stream().map(Warning::type).distinct().count(), warnings.size(),
                "at most one warning of a type per project and round");
        warnings.forEach(DualMonitorTest::assertExplained);
        return warnings;
    }

    private static Optional<Warning> of(List<Warning> warnings, Type type) {
        return warnings.stream().filter(w -> w.type() == type).findFirst();
    }

    /** Every warning names its figures and reads in both languages, with every placeholder filled. */
    private static void assertExplained(Warning w) {
        assertEquals(Warning.idOf(w.projectCode(), w.asOf(), w.type()), w.warningId());
        assertFalse(w.metrics().isEmpty(), w.warningId());
        assertFalse(w.message().isBlank());
        assertFalse(w.messageEn().isBlank());
        for (String text : List.of(w.message(), w.messageEn())) {
            assertFalse(text.contains("{") || text.contains("}") || text.contains("'"), text);
        }
    }

    private static ExecutionSnapshot onSchedule(String code, LocalDate asOf, String... actuals) {
        // paid exactly at time progress: no execution warning interferes with the target rules
        TestData.SnapshotBuilder b = snapshot(code).asOf(asOf).budget("1000000.00").paid("600000.00");
        for (int i = 0; i < actuals.length; i += 2) {
            b.actual(actuals[i], actuals[i + 1]);
        }
        return b.build();
    }

    // ---- time progress --------------------------------------------------------------------------------

    @Test
    void timeProgressCountsDaysInclusiveOverTheDaysOfTheYear() {
        assertEquals("0.5808", MonitorTexts.ratio(DualMonitor.timeProgress(LocalDate.of(2027, 7, 31)))); // 212/365
        assertEquals(0, BigDecimal.ONE.compareTo(DualMonitor.timeProgress(LocalDate.of(2027, 12, 31))));
        assertEquals(0, new BigDecimal("0.6").compareTo(DualMonitor.timeProgress(AUG_7)));
    }

    @Test
    void leapYearHas366Days() {
        // 2028: 31 July is day 213 of 366
        BigDecimal tp = DualMonitor.timeProgress(LocalDate.of(2028, 7, 31));
        assertEquals(0, BigDecimal.valueOf(213).divide(BigDecimal.valueOf(366), DualMonitor.MATH).compareTo(tp));
        assertEquals(0, BigDecimal.ONE.compareTo(DualMonitor.timeProgress(LocalDate.of(2028, 12, 31))));

        LocalDate asOf = LocalDate.of(2028, 7, 31);
        Warning lag = of(monitor(null, snapshot("P1").asOf(asOf).paid("200000.00").build(), asOf),
                Type.EXECUTION_LAG).orElseThrow();
        assertEquals("0.5820", lag.metrics().get("timeProgress"));
        assertEquals("0.3820", lag.metrics().get("gap"));
        assertEquals(2028, lag.year());
    }

    // ---- EXECUTION_LAG --------------------------------------------------------------------------------

    @ParameterizedTest(name = "paid {0} of 1 000 000 at time progress 0.6 → {1}")
    @CsvSource({
            "500000.00, BLUE,   CORRECT",              // gap exactly 0.10
            "500100.00, NONE,   NONE",                 // gap 0.0999
            "400000.00, YELLOW, CORRECT",              // gap exactly 0.20
            "400100.00, BLUE,   CORRECT",              // gap 0.1999
            "300000.00, RED,    SUSPEND_DISBURSEMENT", // gap exactly 0.30
            "300100.00, YELLOW, CORRECT",              // gap 0.2999
            "0.00,      RED,    SUSPEND_DISBURSEMENT"})
    void executionLagBandsIncludeTheirLowerEdge(String paid, Level level, Action action) {
        List<Warning> warnings = monitor(null, snapshot("P1").asOf(AUG_7).paid(paid).build(), AUG_7);
        Optional<Warning> lag = of(warnings, Type.EXECUTION_LAG);
        if (level == Level.NONE) {
            assertTrue(warnings.isEmpty(), warnings.toString());
            return;
        }
        Warning w = lag.orElseThrow();
        assertEquals(level, w.level());
        assertEquals(action, w.suggestedAction());
        assertEquals("EXECUTION_LAG", w.ruleId());
        assertEquals("P1.2027-08-07.EXECUTION_LAG", w.warningId());
        assertEquals("0.6000", w.metrics().get("timeProgress"));
        assertEquals("0.10", w.thresholds().get("monitor.lag.blue"));
        assertEquals("0.30", w.thresholds().get("monitor.lag.red"));
        assertEquals(1, warnings.size());
    }

    @Test
    void executionLagExplainsItsFigures() {
        Warning w = monitor(null, snapshot("P1").asOf(AUG_7).paid("400000.00").build(), AUG_7).get(0);
        assertEquals("0.4000", w.metrics().get("executionRate"));
        assertEquals("0.2000", w.metrics().get("gap"));
        assertEquals("1000000.00", w.metrics().get("budgetAmount"));
        assertEquals("400000.00", w.metrics().get("paidAmount"));
        assertEquals("预算执行进度明显滞后（黄色预警）：截至2027-08-07，预算执行率40.00%，时间进度60.00%，落后20.00个百分点"
                + "（黄色阈值20个百分点），请督促单位查明原因、限期纠偏。", w.message());
        assertTrue(w.messageEn().startsWith("Budget execution clearly behind schedule (yellow): as of 2027-08-07"),
                w.messageEn());
    }

    @Test
    void lagBandsAreRegionParameters() {
        RulePack strict = pack("monitor.lag.blue", "0.05");
        Warning w = monitor(null, snapshot("P1").asOf(AUG_7).paid("550000.00").build(), AUG_7, strict).get(0);
        assertEquals(Level.BLUE, w.level());
        assertEquals("0.05", w.thresholds().get("monitor.lag.blue"));
        assertTrue(monitor(null, snapshot("P1").asOf(AUG_7).paid("550000.00").build(), AUG_7).isEmpty());
    }

    // ---- key monitoring (重点监控) -------------------------------------------------------------------

    @Test
    void keyMonitoringStartsOn31August() {
        // 2 000 000 budget, 55 % spent: gap 0.11 gives BLUE; from 31 August the key rule makes it RED
        LocalDate aug30 = LocalDate.of(2027, 8, 30);
        LocalDate aug31 = LocalDate.of(2027, 8, 31);
        Warning before = monitor(null, key("P1", aug30, "2000000.00", "1100000.00"), aug30).get(0);
        assertEquals(Level.BLUE, before.level());
        assertEquals("EXECUTION_LAG", before.ruleId());
        assertEquals("false", before.metrics().get("keyMonitoring"));

        Warning on = monitor(null, key("P1", aug31, "2000000.00", "1100000.00"), aug31).get(0);
        assertEquals(Type.EXECUTION_LAG, on.type());
        assertEquals(Level.RED, on.level());
        assertEquals(Action.SUSPEND_DISBURSEMENT, on.suggestedAction());
        assertEquals("EXECUTION_LAG_KEY", on.ruleId());
        assertEquals("P1.2027-08-31.EXECUTION_LAG", on.warningId());
        assertEquals("true", on.metrics().get("keyMonitoring"));
        assertEquals("0.5500", on.metrics().get("executionRate"));
        assertEquals("2000000", on.thresholds().get("monitor.key.minBudget"));
        assertEquals("08-31", on.thresholds().get("monitor.key.fromDate"));
        assertTrue(on.message().contains("重点监控") && on.message().contains("55.00%"), on.message());
    }

    @Test
    void keyMonitoringNeedsTheBudgetAndARateBelowTheMinimum() {
        LocalDate aug31 = LocalDate.of(2027, 8, 31);
        assertEquals(Level.BLUE, monitor(null, key("P1", aug31, "1999999.99", "1099999.99"), aug31).get(0).level());
        // exactly 60 % spent is not below 60 %; the gap (0.0658) is below every band
        assertTrue(monitor(null, key("P1", aug31, "2000000.00", "1200000.00"), aug31).isEmpty());
        // 59.99 % spent alone triggers it
        Warning w = monitor(null, key("P1", aug31, "2000000.00", "1199800.00"), aug31).get(0);
        assertEquals("EXECUTION_LAG_KEY", w.ruleId());
    }

    @Test
    void keyMonitoringDateAndRateAreParameters() {
        LocalDate aug31 = LocalDate.of(2027, 8, 31);
        RulePack later = pack("monitor.key.fromDate", "09-30");
        assertEquals(Level.BLUE, monitor(null, key("P1", aug31, "2000000.00", "1100000.00"), aug31, later).get(0).level());
        RulePack lower = pack("monitor.key.minRate", "0.50");
        assertEquals(Level.BLUE, monitor(null, key("P1", aug31, "2000000.00", "1100000.00"), aug31, lower).get(0).level());
    }

    @Test
    void keyRuleDoesNotReplaceARedGap() {
        LocalDate sep30 = LocalDate.of(2027, 9, 30); // time progress 0.7479
        Warning w = monitor(null, key("P1", sep30, "3000000.00", "900000.00"), sep30).get(0);
        assertEquals(Level.RED, w.level());
        assertEquals("EXECUTION_LAG", w.ruleId());
        assertEquals("true", w.metrics().get("keyMonitoring"));
    }

    private static ExecutionSnapshot key(String code, LocalDate asOf, String budget, String paid) {
        return snapshot(code).asOf(asOf).budget(budget).paid(paid).build();
    }

    // ---- NO_DATA --------------------------------------------------------------------------------------

    @Test
    void zeroBudgetIsNoData() {
        List<Warning> warnings = monitor(null, snapshot("P1").asOf(AUG_7).budget("0.00").paid("0.00").build(), AUG_7);
        assertEquals(1, warnings.size());
        Warning w = warnings.get(0);
        assertEquals(Type.NO_DATA, w.type());
        assertEquals(Level.YELLOW, w.level());
        assertEquals(Action.CORRECT, w.suggestedAction());
        assertEquals("NO_DATA", w.ruleId());
        assertEquals("ZERO_BUDGET", w.metrics().get("reason"));
        assertEquals("0.00", w.metrics().get("budgetAmount"));
    }

    @Test
    void missingSnapshotIsNoData() {
        Project p = project("P1").ge("I1", "100", "所").build();
        List<Warning> warnings = monitor(p, null, AUG_7);
        assertEquals(1, warnings.size());
        Warning w = warnings.get(0);
        assertEquals(Type.NO_DATA, w.type());
        assertEquals("P1.2027-08-07.NO_DATA", w.warningId());
        assertEquals("NO_SNAPSHOT", w.metrics().get("reason"));
        assertEquals("缺少监控数据（黄色预警）：截至2027-08-07未取得项目执行数据，请督促单位及时报送。", w.message());
        assertThrows(IllegalArgumentException.class, () -> DualMonitor.monitor(REGION, null, null, AUG_7, RulePack.DEFAULT));
    }

    @Test
    void missingAmountIsNoData() {
        Warning w = monitor(null, snapshot("P1").asOf(AUG_7).paid(null).build(), AUG_7).get(0);
        assertEquals(Type.NO_DATA, w.type());
        assertEquals("MISSING_AMOUNT", w.metrics().get("reason"));
    }

    // ---- TARGET_DEVIATION / TARGET_AT_RISK ------------------------------------------------------------

    @ParameterizedTest(name = "actual {0} of 100 at expected progress 0.6 → {1}")
    @CsvSource({
            "40,    TARGET_DEVIATION, 0.2000", // shortfall exactly 0.20
            "40.01, ,                 ",       // shortfall 0.1999
            "20.01, TARGET_DEVIATION, 0.3999",
            "20,    TARGET_AT_RISK,   0.4000", // shortfall exactly 0.40: at risk, not deviating
            "0,     TARGET_AT_RISK,   0.6000"})
    void targetBandsIncludeTheirLowerEdge(String actual, Type expected, String shortfall) {
        Project p = project("P1").ge("I1", "100", "所").build();
        List<Warning> warnings = monitor(p, onSchedule("P1", AUG_7, "I1", actual), AUG_7);
        if (expected == null) {
            assertTrue(warnings.isEmpty(), warnings.toString());
            return;
        }
        assertEquals(1, warnings.size(), warnings.toString());
        Warning w = warnings.get(0);
        assertEquals(expected, w.type());
        assertEquals(expected == Type.TARGET_AT_RISK ? Level.RED : Level.YELLOW, w.level());
        assertEquals(expected == Type.TARGET_AT_RISK ? Action.ADJUST_TARGET : Action.CORRECT, w.suggestedAction());
        assertEquals(expected.name(), w.ruleId());
        assertEquals(shortfall, w.metrics().get("shortfall"));
        assertEquals("I1", w.metrics().get("indicator"));
        assertEquals(actual, w.metrics().get("actual"));
        assertEquals("100", w.metrics().get("target"));
        assertEquals("0.6000", w.metrics().get("expectedProgress"));
        assertEquals("0.20", w.thresholds().get("monitor.deviation.yellow"));
        assertEquals("0.40", w.thresholds().get("monitor.deviation.red"));
    }

    @Test
    void anIndicatorAtRiskIsNotAlsoDeviating() {
        Project p = project("P1").ge("I1", "100", "所").ge("I2", "200", "人").ge("I3", "100", "所").build();
        List<Warning> warnings = monitor(p, onSchedule("P1", AUG_7, "I1", "10", "I2", "70", "I3", "90"), AUG_7);
        Warning risk = of(warnings, Type.TARGET_AT_RISK).orElseThrow();
        Warning deviation = of(warnings, Type.TARGET_DEVIATION).orElseThrow();
        assertEquals(2, warnings.size());
        assertEquals("I1", risk.metrics().get("indicator"));
        assertEquals("I1", risk.metrics().get("indicators"));
        assertEquals("I2", deviation.metrics().get("indicator"));
        assertEquals("I2", deviation.metrics().get("indicators"));
        assertEquals("0.2500", deviation.metrics().get("shortfall"));
        assertTrue(deviation.message().startsWith("绩效目标执行偏离（黄色预警）：指标I2“指标I2”目标200人，截至2027-08-07完成70，"
                + "完成进度35.00%，应达进度60.00%，落后25.00个百分点（共1项指标偏离）"), deviation.message());
    }

    @Test
    void oneWarningOfATypeNamesTheIndicatorFurthestBehind() {
        Project p = project("P1").ge("I1", "100", "所").ge("I2", "100", "所").build();
        Warning w = monitor(p, onSchedule("P1", AUG_7, "I1", "35", "I2", "25"), AUG_7).get(0);
        assertEquals(Type.TARGET_DEVIATION, w.type());
        assertEquals("I2", w.metrics().get("indicator"));
        assertEquals("I1,I2", w.metrics().get("indicators"));
    }

    @Test
    void qualitativeIndicatorGradedCOrDIsAtRisk() {
        Project p = project("P1").qualitative("S1").build();
        for (String grade : List.of("C", "D", " d ")) {
            Warning w = monitor(p, onSchedule("P1", AUG_7, "S1", grade), AUG_7).get(0);
            assertEquals(Type.TARGET_AT_RISK, w.type());
            assertEquals(Action.ADJUST_TARGET, w.suggestedAction());
            assertEquals(grade.trim().toUpperCase(), w.metrics().get("grade"));
            assertEquals("S1", w.metrics().get("indicator"));
        }
        assertTrue(monitor(p, onSchedule("P1", AUG_7, "S1", "B"), AUG_7).isEmpty());
        assertTrue(monitor(p, onSchedule("P1", AUG_7, "S1", "A"), AUG_7).isEmpty());
    }

    @Test
    void quantitativeRiskOutranksAPoorGradeInTheMessage() {
        Project p = project("P1").qualitative("S1").ge("I1", "100", "所").build();
        Warning w = monitor(p, onSchedule("P1", AUG_7, "S1", "D", "I1", "5"), AUG_7).get(0);
        assertEquals("I1", w.metrics().get("indicator"));
        assertEquals("S1,I1", w.metrics().get("indicators"));
        assertTrue(w.message().contains("共2项指标存在风险"), w.message());
    }

    @Test
    void unreadableValuesAndOtherOperatorsAreSkippedQuietly() {
        Project p = project("P1").ge("I1", "100", "所").ge("I2", "若干", "所").quantitative("I3", Operator.LE, "90", "万元")
                .ge("I4", "0", "所").ge("I5", "100", "所").build();
        List<Warning> warnings = monitor(p, onSchedule("P1", AUG_7, "I1", "约一半", "I2", "1", "I3", "500", "I4", "0"),
                AUG_7);
        assertTrue(warnings.isEmpty(), warnings.toString()); // I5 has no actual yet: not applicable
    }

    @Test
    void actualsAreReadAsFormsWriteThem() {
        Project p = project("P1").ge("I1", "≥100", "所").ge("M1", "90", "万元").build();
        List<Warning> warnings = monitor(p, onSchedule("P1", AUG_7, "I1", "≥38所", "M1", "450000元"), AUG_7);
        // I1: 38 of 100, shortfall 0.6 − 0.38 = 0.22; M1: 450000 元 of 90 万元 = 0.5, shortfall 0.10
        Warning w = of(warnings, Type.TARGET_DEVIATION).orElseThrow();
        assertEquals(1, warnings.size());
        assertEquals("I1", w.metrics().get("indicators"));
        assertEquals("0.3800", w.metrics().get("progress"));
        assertEquals("≥38所", w.metrics().get("actual"));
    }

    @Test
    void noTargetMeansOnlyExecutionRules() {
        assertTrue(monitor(project("P1").noTarget().build(), onSchedule("P1", AUG_7, "I1", "0"), AUG_7).isEmpty());
    }

    // ---- pace curve -----------------------------------------------------------------------------------

    private static final String Q4_CURVE = "0.05,0.10,0.15,0.20,0.25,0.30,0.35,0.40,0.50,0.60,0.80,1.00";

    @Test
    void monthlyPaceCurveShiftsExpectedProgress() {
        LocalDate jul31 = LocalDate.of(2027, 7, 31);
        Project p = project("P1").ge("I1", "100", "所").build();
        ExecutionSnapshot s = snapshot("P1").asOf(jul31).paid("600000.00").actual("I1", "10").build();

        // linear: expected 0.5808, shortfall 0.4808 → at risk
        assertEquals(Type.TARGET_AT_RISK, monitor(p, s, jul31).get(0).type());

        // Q4 curve: expected 0.35 at the end of July, shortfall 0.25 → deviating only
        Warning w = monitor(p, s, jul31, pack("monitor.pace.curve", Q4_CURVE)).get(0);
        assertEquals(Type.TARGET_DEVIATION, w.type());
        assertEquals("0.3500", w.metrics().get("expectedProgress"));
        assertEquals("0.2500", w.metrics().get("shortfall"));
        assertEquals("0.5808", w.metrics().get("timeProgress"));
        assertEquals(Q4_CURVE, w.thresholds().get("monitor.pace.curve"));
    }

    @Test
    void paceCurveIsInterpolatedByDayWithinTheMonth() {
        PaceCurve curve = PaceCurve.parse(Q4_CURVE, "test");
        // 16 August: 0.35 + (0.40 − 0.35) × 16/31
        BigDecimal expected = new BigDecimal("0.35").add(new BigDecimal("0.05").multiply(
                BigDecimal.valueOf(16).divide(BigDecimal.valueOf(31), DualMonitor.MATH), DualMonitor.MATH));
        assertEquals(0, expected.compareTo(curve.at(LocalDate.of(2027, 8, 16))));
        assertEquals("0.3758", MonitorTexts.ratio(curve.at(LocalDate.of(2027, 8, 16))));
        // January starts from 0; the last day of a month reaches its month-end value
        assertEquals(0, new BigDecimal("0.05").compareTo(curve.at(LocalDate.of(2027, 1, 31))));
        assertEquals(0, new BigDecimal("0.10").compareTo(curve.at(LocalDate.of(2028, 2, 29)))); // leap February
        assertEquals("0.0741", MonitorTexts.ratio(curve.at(LocalDate.of(2028, 2, 14)))); // 0.05 + 0.05 × 14/29
        assertTrue(PaceCurve.parse(" linear ", "test").linear());
        assertTrue(PaceCurve.parse("", "test").linear());
    }

    @Test
    void paceScalesExpectedProgress() {
        Project p = project("P1").ge("I1", "100", "所").build();
        // pace 0.5 at time progress 0.6: expected 0.30, actual 0.10 → shortfall 0.20
        Warning w = monitor(p, onSchedule("P1", AUG_7, "I1", "10"), AUG_7, pack("monitor.pace", "0.5")).get(0);
        assertEquals(Type.TARGET_DEVIATION, w.type());
        assertEquals("0.3000", w.metrics().get("expectedProgress"));
        assertEquals("0.5", w.thresholds().get("monitor.pace"));
    }

    @Test
    void invalidParametersNameTheirKeyAndPack() {
        for (String bad : List.of("0.1,0.2", "0.5,0.4,0.5,0.6,0.7,0.8,0.9,1,1,1,1,1", "a,b,c,d,e,f,g,h,i,j,k,l",
                "0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1,1,1.5")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new DualMonitor(REGION, 2027, AUG_7, pack("monitor.pace.curve", bad)));
            assertTrue(e.getMessage().contains("monitor.pace.curve") && e.getMessage().contains("440000@1"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new DualMonitor(REGION, 2027, AUG_7, pack("monitor.key.fromDate", "31.08")));
        assertThrows(IllegalArgumentException.class, () -> new DualMonitor(REGION, 2027, AUG_7, pack("monitor.lag.red", "30%")));
    }

    // ---- switches -------------------------------------------------------------------------------------

    @Test
    void aRegionCanSwitchARuleOff() {
        ExecutionSnapshot late = snapshot("P1").asOf(AUG_7).paid("0.00").actual("S1", "D").build();
        Project p = project("P1").qualitative("S1").build();
        assertEquals(2, monitor(p, late, AUG_7).size());
        List<Warning> warnings = monitor(p, late, AUG_7, pack("rule.EXECUTION_LAG.enabled", "false"));
        assertEquals(List.of(Type.TARGET_AT_RISK), warnings.stream().map(Warning::type).toList());
        assertTrue(new DualMonitor(REGION, 2027, AUG_7, pack("rule.NO_DATA.enabled", "false")).noSnapshot("P1").isEmpty());
    }

    @Test
    void aRoundIsComputedOnce() {
        DualMonitor round = new DualMonitor(REGION, 2027, AUG_7, RulePack.DEFAULT);
        assertEquals(0, new BigDecimal("0.6").compareTo(round.timeProgress()));
        assertEquals(0, new BigDecimal("0.6").compareTo(round.expectedProgress()));
        Warning w = round.assess(null, snapshot("P9").asOf(AUG_7).paid("0.00").build()).get(0);
        assertEquals(REGION, w.regionCode());
        assertEquals(2027, w.year());
        assertEquals(AUG_7, w.asOf());
    }
}
