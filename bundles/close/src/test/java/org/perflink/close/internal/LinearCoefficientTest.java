package org.perflink.close.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.close.internal.Fixtures.REGION;
import static org.perflink.close.internal.Fixtures.YEAR;
import static org.perflink.close.internal.Fixtures.components;
import static org.perflink.close.internal.Fixtures.d;
import static org.perflink.close.internal.Fixtures.pack;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perflink.api.model.Adjustment;
import org.perflink.api.model.DepartmentEvaluationInput;
import org.perflink.api.model.Grade;
import org.perflink.api.rules.RulePack;
import org.perflink.close.internal.DepartmentComposite.DepartmentResult;

/** rules.md §3.3 since rules v2: the LINEAR coefficient and the department baseline of the budget year. */
class LinearCoefficientTest {

    private final DepartmentComposite linear = new DepartmentComposite(pack("link.department.mode", "LINEAR"));

    private static DepartmentEvaluationInput only(String overall, String baseline) {
        return Fixtures.department("101", baseline, components(null, null, null, overall));
    }

    /** §4's worked check: composite 72.50 on a baseline of 120 000 000. */
    @Test
    void workedCheckGradeAgainstLinear() {
        DepartmentEvaluationInput in = only("72.5", "120000000.00");
        DepartmentResult grade = new DepartmentComposite(RulePack.DEFAULT).evaluate(REGION, in);
        assertEquals(d("0.97"), grade.coefficient());
        assertEquals(d("-3600000.00"), grade.adjustment().orElseThrow().deltaAmount());

        DepartmentResult r = linear.evaluate(REGION, in);
        assertEquals(Grade.MEDIUM, r.grade());
        // 1 + 0.002 × (72.5 − 85) = 0.975
        assertEquals(d("0.9750"), r.coefficient());
        Adjustment a = r.adjustment().orElseThrow();
        assertEquals(d("-0.0250"), a.ratio());
        assertEquals(d("-3000000.00"), a.deltaAmount());
        assertEquals(Adjustment.Action.REDUCE, a.action());
        assertEquals(Map.of("score", "72.50", "grade", "MEDIUM", "coefficient", "0.9750", "mode", "LINEAR"), a.basis());
        assertTrue(a.explanation().contains("1 + 0.002 ×（综合得分 − 85）"), a.explanation());
    }

    /** No cliff at 80: 79.99 and 80.00 both give 0.9900 (GRADE: 0.97 and 1.00); clamped at 0.90 and 1.05. */
    @ParameterizedTest
    @CsvSource({"79.99, 0.9900, 0.97", "80.00, 0.9900, 1.00", "85, 1.0000, 1.00", "100, 1.0300, 1.03",
            "110, 1.0500, 1.03", "40, 0.9100, 0.90", "35, 0.9000, 0.90", "20, 0.9000, 0.90", "84.975, 1.0000, 1.00"})
    void linearHasNoCliffAtGradeBoundaries(String composite, String linearCoefficient, String gradeCoefficient) {
        assertEquals(d(linearCoefficient), linear.evaluate(REGION, only(composite, "1000")).coefficient());
        assertEquals(d(gradeCoefficient), new DepartmentComposite(RulePack.DEFAULT).evaluate(REGION, only(composite, "1000")).coefficient());
    }

    @Test
    void theBaselineIsTheProjectExpenditureOfTheBudgetYear() {
        DepartmentEvaluationInput in = new DepartmentEvaluationInput("101", YEAR, Map.of("OVERALL_EVALUATION", d("72.5")),
                List.of(), d("119000000.00"), Map.of(2028, d("120000000.00"), 2029, d("123000000.00")));
        Adjustment next = new DepartmentComposite(RulePack.DEFAULT).evaluate(REGION, in).adjustment().orElseThrow();
        assertEquals(2028, next.budgetYear());
        assertEquals(d("120000000.00"), next.baseAmount(), "baselines[2028] wins over nextYearBaseline");
        assertEquals(d("-3600000.00"), next.deltaAmount());

        Adjustment afterNext = new DepartmentComposite(pack("link.budgetYearOffset", "2")).evaluate(REGION, in)
                .adjustment().orElseThrow();
        assertEquals(2029, afterNext.budgetYear());
        assertEquals(d("123000000.00"), afterNext.baseAmount());
        // 123 000 000 × −0.03
        assertEquals(d("-3690000.00"), afterNext.deltaAmount());
        assertTrue(afterNext.explanation().contains("2029年度部门预算基数123,000,000.00元"), afterNext.explanation());
    }

    @Test
    void slopePivotAndBoundsAreParameters() {
        DepartmentComposite custom = new DepartmentComposite(pack("link.department.mode", "LINEAR",
                "link.department.slope", "0.004", "link.department.pivot", "80", "link.department.min", "0.95",
                "link.department.max", "1.02"));
        // 1 + 0.004 × (72.5 − 80) = 0.97; 1 + 0.004 × 12 = 1.048 → 1.02; 1 + 0.004 × −20 = 0.92 → 0.95
        assertEquals(d("0.9700"), custom.evaluate(REGION, only("72.5", "1000")).coefficient());
        assertEquals(d("1.0200"), custom.evaluate(REGION, only("92", "1000")).coefficient());
        assertEquals(d("0.9500"), custom.evaluate(REGION, only("60", "1000")).coefficient());
    }

    @Test
    void roundedToFourDecimalsHalfUp() {
        // 1 + 0.002 × (72.525 − 85) = 0.97505 → 0.9751
        assertEquals(new BigDecimal("0.9751"), linear.evaluate(REGION, only("72.525", "1000")).coefficient());
    }

    @ParameterizedTest
    @CsvSource({"link.department.mode, STEP", "link.department.min, 1.10"})
    void aBadModeOrBoundsIsAConfigurationError(String key, String value) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> new DepartmentComposite(pack("link.department.mode", "LINEAR", key, value)));
        assertTrue(ex.getMessage().contains(key), ex.getMessage());
    }
}
