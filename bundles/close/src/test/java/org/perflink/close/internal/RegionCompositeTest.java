package org.perflink.close.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.close.internal.Fixtures.REGION;
import static org.perflink.close.internal.Fixtures.YEAR;
import static org.perflink.close.internal.Fixtures.d;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.Adjustment;
import org.perflink.api.model.Adjustment.Action;
import org.perflink.api.model.DepartmentEvaluationInput.Deduction;
import org.perflink.api.model.Grade;
import org.perflink.api.model.Notice;
import org.perflink.api.model.Subregion;
import org.perflink.api.rules.RulePack;
import org.perflink.close.internal.DepartmentComponents.Computed;

/** rules.md §4.3: the lower-region composite, its transfer factor and the REGION adjustment, to the cent. */
class RegionCompositeTest {

    private static final String L = "440100";
    private final RegionComposite composite = new RegionComposite(RulePack.DEFAULT);

    private static Map<String, Computed> components(String targets, String monitoring, String evaluation) {
        Map<String, Computed> m = new LinkedHashMap<>();
        if (targets != null) {
            m.put("TARGETS", new Computed(d(targets), 5, Map.of()));
        }
        if (monitoring != null) {
            m.put("MONITORING", new Computed(d(monitoring), 5, Map.of()));
        }
        if (evaluation != null) {
            m.put("EVALUATION", new Computed(d(evaluation), 3, Map.of()));
        }
        return m;
    }

    private static Subregion subregion(String baseline, String... deductions) {
        return new Subregion(L, YEAR + 1, d(baseline), java.util.Arrays.stream(deductions)
                .map(p -> new Deduction("AUDIT", d(p), "审计报告")).toList());
    }

    /**
     * Worked check: TARGETS 72 (PASS, PASS, WARN, BLOCK, WARN), MONITORING 93, EVALUATION 74 →
     * 0.2·72 + 0.3·93 + 0.5·74 = 79.30; deductions 3 + 2.5 → 73.80 MEDIUM, factor 0.97;
     * transfer baseline 800 000 000 → −24 000 000.00.
     */
    @Test
    void workedCheck() {
        RegionComposite.Result r = composite.evaluate(REGION, YEAR, L, components("72", "93", "74"),
                subregion("800000000.00", "3", "2.5"));
        assertEquals(0, d("79.3").compareTo(r.weightedScore()));
        assertEquals(0, d("73.8").compareTo(r.score()));
        assertEquals(Grade.MEDIUM, r.grade());
        Adjustment a = r.adjustment().orElseThrow();
        assertEquals("440000-2027.REGION.440100", a.adjustmentId());
        assertEquals(Adjustment.Scope.REGION, a.scope());
        assertEquals(L, a.subjectCode());
        assertEquals(2028, a.budgetYear());
        assertEquals(Map.of("score", "73.80", "grade", "MEDIUM", "coefficient", "0.97"), a.basis());
        assertEquals(Action.REDUCE, a.action());
        assertEquals(d("-0.03"), a.ratio());
        assertEquals(d("800000000.00"), a.baseAmount());
        assertEquals(d("-24000000.00"), a.deltaAmount());
        assertEquals("LINK_REGION_COMPOSITE", a.ruleId());
        assertEquals(List.of("TARGETS", "MONITORING", "EVALUATION"), List.copyOf(a.components().keySet()));
        assertEquals(d("0.3"), a.components().get("MONITORING").weight());
        assertTrue(a.explanation().contains("下级地区440100"), a.explanation());
        assertTrue(a.explanation().contains("-24,000,000.00"), a.explanation());
        assertTrue(a.explanationEn().contains("transfer factor 0.97"), a.explanationEn());
    }

    /** Deductions 15 + 10 are capped at 20: 79.30 − 20 = 59.30 POOR, factor 0.90 → −80 000 000.00. */
    @Test
    void deductionsAreCappedAndPoorReducesByATenth() {
        RegionComposite.Result r = composite.evaluate(REGION, YEAR, L, components("72", "93", "74"),
                subregion("800000000.00", "15", "10"));
        assertEquals(0, d("20").compareTo(r.deductions()));
        assertEquals(Grade.POOR, r.grade());
        assertEquals(d("-80000000.00"), r.adjustment().orElseThrow().deltaAmount());
        assertEquals(d("-0.10"), r.adjustment().orElseThrow().ratio());
        assertTrue(r.adjustment().orElseThrow().explanation().contains("按上限扣减20.00分"));
    }

    /**
     * Without monitoring rounds the present components keep their weights: (0.2·100 + 0.5·92) / 0.7 = 94.285714… →
     * 94.29 EXCELLENT, factor 1.03; 123 456 789.10 × 0.03 = 3 703 703.673 → +3 703 703.67.
     */
    @Test
    void missingComponentsLeaveTheirWeightToTheOthers() {
        RegionComposite.Result r = composite.evaluate(REGION, YEAR, L, components("100", null, "92"), subregion("123456789.10"));
        Adjustment a = r.adjustment().orElseThrow();
        assertEquals("94.29", a.basis().get("score"));
        assertEquals("EXCELLENT", a.basis().get("grade"));
        assertEquals(Action.PRIORITIZE, a.action());
        assertEquals(d("3703703.67"), a.deltaAmount());
        assertFalse(a.components().containsKey("MONITORING"));
    }

    /** GOOD: factor 1.00, KEEP, delta 0.00; the grade band's lower bound belongs to it (80.00 is GOOD). */
    @Test
    void goodKeeps() {
        Adjustment a = composite.evaluate(REGION, YEAR, L, components("80", "80", "80"), subregion("5000000"))
                .adjustment().orElseThrow();
        assertEquals(Action.KEEP, a.action());
        assertEquals(d("0.00"), a.ratio());
        assertEquals(d("0.00"), a.deltaAmount());
        assertEquals(d("5000000.00"), a.baseAmount());
    }

    @Test
    void withoutABaselineOrWithTheRuleOffThereIsACompositeButNoAdjustment() {
        RegionComposite.Result none = composite.evaluate(REGION, YEAR, L, components("72", "93", "74"), null);
        assertEquals(Grade.MEDIUM, none.grade());
        assertTrue(none.adjustment().isEmpty());
        RulePack off = new RulePack("off", "1", Map.of("rule.LINK_REGION_COMPOSITE.enabled", "false"), RulePack.DEFAULT);
        RegionComposite.Result switchedOff = new RegionComposite(off).evaluate(REGION, YEAR, L, components("72", "93", "74"),
                subregion("1"));
        assertEquals(Grade.MEDIUM, switchedOff.grade());
        assertTrue(switchedOff.adjustment().isEmpty());
    }

    @Test
    void budgetYearOffsetAndFactorsComeFromThePack() {
        RulePack pack = new RulePack("p", "1", Map.of("link.budgetYearOffset", "2", "link.region.factor.MEDIUM", "0.95",
                "composite.region.weight.MONITORING", "0"), RulePack.DEFAULT);
        // MONITORING weighs nothing: (0.2·72 + 0.5·74) / 0.7 = 73.428571… MEDIUM → 0.95
        Adjustment a = new RegionComposite(pack).evaluate(REGION, YEAR, L, components("72", "93", "74"),
                subregion("1000000.00")).adjustment().orElseThrow();
        assertEquals(2029, a.budgetYear());
        assertEquals("73.43", a.basis().get("score"));
        assertEquals(d("-50000.00"), a.deltaAmount());
        assertFalse(a.components().containsKey("MONITORING"));
    }

    @Test
    void noComponentIsABadInputNamingTheField() {
        EvaluationInputException e = assertThrows(EvaluationInputException.class,
                () -> composite.evaluate(REGION, YEAR, L, Map.of(), subregion("1")));
        assertTrue(e.getMessage().contains("components"), e.getMessage());
    }

    /** §5 last bullet: MEDIUM → REMINDER due +20, POOR → RECTIFICATION due +30; GOOD and EXCELLENT none. */
    @Test
    void noticesToLowerRegions() {
        RegionNotices notices = new RegionNotices(RulePack.DEFAULT);
        LocalDate date = LocalDate.of(2028, 3, 31);
        Notice reminder = notices.issue(REGION, YEAR, composite.evaluate(REGION, YEAR, L, components("72", "93", "74"),
                subregion("1", "3", "2.5")), date, List.of("P3")).orElseThrow();
        assertEquals("440000-2027.REGION.440100.REMINDER", reminder.noticeId());
        assertEquals(Notice.Scope.REGION, reminder.scope());
        assertEquals(L, reminder.subjectCode());
        assertEquals(null, reminder.departmentCode());
        assertEquals(LocalDate.of(2028, 4, 20), reminder.dueDate());
        assertEquals(List.of("下级地区440100的2027年度综合绩效得分73.80分，等级为“中”"), reminder.reasons());
        assertEquals(List.of("P3"), reminder.subjects());
        Notice rectification = notices.issue(REGION, YEAR, composite.evaluate(REGION, YEAR, L,
                components("72", "93", "74"), subregion("1", "20")), date, List.of()).orElseThrow();
        assertEquals("440000-2027.REGION.440100.RECTIFICATION", rectification.noticeId());
        assertEquals(LocalDate.of(2028, 4, 30), rectification.dueDate());
        assertTrue(notices.issue(REGION, YEAR, composite.evaluate(REGION, YEAR, L, components("80", "80", "80"),
                subregion("1")), date, List.of()).isEmpty());
        Notice interview = notices.interview(REGION, YEAR, L, date, List.of("列入通报批评名单"), List.of());
        assertEquals("440000-2027.REGION.440100.INTERVIEW", interview.noticeId());
        assertEquals(LocalDate.of(2028, 4, 30), interview.dueDate());
    }
}
