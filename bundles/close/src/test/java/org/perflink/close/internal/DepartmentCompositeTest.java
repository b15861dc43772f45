package org.perflink.close.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.close.internal.Fixtures.REGION;
import static org.perflink.close.internal.Fixtures.components;
import static org.perflink.close.internal.Fixtures.d;
import static org.perflink.close.internal.Fixtures.department;
import static org.perflink.close.internal.Fixtures.pack;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perflink.api.model.Adjustment;
import org.perflink.api.model.Adjustment.Action;
import org.perflink.api.model.Adjustment.Scope;
import org.perflink.api.model.Grade;
import org.perflink.api.rules.RulePack;
import org.perflink.close.internal.DepartmentComposite.DepartmentResult;

class DepartmentCompositeTest {

    private final DepartmentComposite composite = new DepartmentComposite(RulePack.DEFAULT);

    @Test
    void weightedComponentsMinusDeductions() {
        // 0.2·88 + 0.2·90 + 0.2·85 + 0.4·80 = 84.6, minus 2
        DepartmentResult r = composite.evaluate(REGION, department("101", "120000000.00", components("88", "90", "85", "80"), "2"));
        assertEquals(0, d("84.6").compareTo(r.weightedScore()));
        assertEquals(0, d("82.6").compareTo(r.score()));
        assertEquals(Grade.GOOD, r.grade());
        assertEquals(d("1.00"), r.coefficient());
        Adjustment a = r.adjustment().orElseThrow();
        assertEquals(Action.KEEP, a.action());
        assertEquals(d("0.00"), a.ratio());
        assertEquals(d("0.00"), a.deltaAmount());
        assertEquals(Scope.DEPARTMENT, a.scope());
        assertEquals("101", a.subjectCode());
        assertEquals("440000-2027.DEPARTMENT.101", a.adjustmentId());
        assertEquals("LINK_DEPARTMENT_COMPOSITE", a.ruleId());
        assertEquals(Map.of("score", "82.60", "grade", "GOOD", "coefficient", "1.00"), a.basis());
        assertEquals(2028, a.budgetYear());
        assertEquals("部门101的2027年度预算绩效综合得分82.60分（各项加权得分84.60分，扣减2.00分），等级为“良”，预算调整系数1.00。"
                + "依据规则LINK_DEPARTMENT_COMPOSITE：2028年度部门预算基数120,000,000.00元，调整金额0.00元。", a.explanation());
    }

    @Test
    void missingComponentsLeaveThePresentOnesTheirRelativeWeights() {
        // (0.2·88 + 0.2·90 + 0.4·80) / 0.8 = 84.5
        DepartmentResult r = composite.evaluate(REGION, department("101", "1000", components("88", "90", null, "80")));
        assertEquals(0, d("84.5").compareTo(r.score()));
        assertTrue(r.adjustment().orElseThrow().explanation().contains("未提供KEY_MONITORING"));
        assertTrue(r.adjustment().orElseThrow().explanationEn().contains("KEY_MONITORING not provided"));

        DepartmentResult onlyOverall = composite.evaluate(REGION, department("101", "1000", components(null, null, null, "71.3")));
        assertEquals(0, d("71.3").compareTo(onlyOverall.score()));
        assertEquals(Grade.MEDIUM, onlyOverall.grade());
    }

    @Test
    void deductionsAreCappedAt20() {
        DepartmentResult r = composite.evaluate(REGION,
                department("101", "120000000.00", components("95", "95", "95", "95"), "15", "10"));
        assertEquals(0, d("20").compareTo(r.deductions()));
        assertEquals(0, d("75").compareTo(r.score()));
        assertEquals(Grade.MEDIUM, r.grade());
        Adjustment a = r.adjustment().orElseThrow();
        assertEquals(d("0.97"), r.coefficient());
        assertEquals(d("-0.03"), a.ratio());
        assertEquals(d("-3600000.00"), a.deltaAmount());
        assertEquals(Action.REDUCE, a.action());
        assertTrue(a.explanation().contains("扣分合计25.00分，按上限扣减20.00分"), a.explanation());
        assertTrue(a.explanationEn().contains("deductions of 25.00 capped at 20.00"), a.explanationEn());

        DepartmentComposite lenient = new DepartmentComposite(pack("department.deductionCap", "5"));
        assertEquals(0, d("90").compareTo(lenient.evaluate(REGION,
                department("101", "1", components("95", "95", "95", "95"), "15", "10")).score()));
    }

    @ParameterizedTest(name = "component {0} minus {1} -> {2}, coefficient {3}, delta {4}")
    @CsvSource({"92, 2, EXCELLENT, 1.03, 3600000.00, PRIORITIZE",
            "92, 2.01, GOOD, 1.00, 0.00, KEEP",
            "80, 0, GOOD, 1.00, 0.00, KEEP",
            "79.99, 0, MEDIUM, 0.97, -3600000.00, REDUCE",
            "60, 0, MEDIUM, 0.97, -3600000.00, REDUCE",
            "59.99, 0, POOR, 0.90, -12000000.00, REDUCE"})
    void coefficientByGrade(String component, String deduction, Grade grade, String coefficient, String delta, Action action) {
        DepartmentResult r = composite.evaluate(REGION,
                department("101", "120000000.00", components(component, component, component, component), deduction));
        assertEquals(grade, r.grade());
        assertEquals(d(coefficient), r.coefficient());
        assertEquals(d(delta), r.adjustment().orElseThrow().deltaAmount());
        assertEquals(action, r.adjustment().orElseThrow().action());
    }

    @Test
    void amountsAreRoundedToTheCent() {
        // 1,234,567.89 × 0.03 = 37,037.0367
        DepartmentResult r = composite.evaluate(REGION, department("101", "1234567.89", components("95", "95", "95", "95")));
        assertEquals(d("37037.04"), r.adjustment().orElseThrow().deltaAmount());
    }

    @Test
    void weightsAndCoefficientsAreParameters() {
        DepartmentComposite custom = new DepartmentComposite(pack("department.weight.OVERALL_EVALUATION", "0.2",
                "department.coefficient.GOOD", "1.01"));
        // (0.2·100 + 0.2·70 + 0.2·70 + 0.2·100) / 0.8 = 85
        DepartmentResult r = custom.evaluate(REGION, department("101", "1000.00", components("100", "70", "70", "100")));
        assertEquals(0, d("85").compareTo(r.score()));
        assertEquals(d("10.00"), r.adjustment().orElseThrow().deltaAmount());
    }

    @Test
    void aDepartmentWithoutComponentsIsRejected() {
        assertThrows(EvaluationInputException.class,
                () -> composite.evaluate(REGION, department("101", "1", Map.of("UNKNOWN", "90"))));
    }

    @Test
    void aSwitchedOffRuleStillGradesTheDepartment() {
        DepartmentResult r = new DepartmentComposite(pack("rule.LINK_DEPARTMENT_COMPOSITE.enabled", "false"))
                .evaluate(REGION, department("101", "1", components("50", "50", "50", "50")));
        assertEquals(Grade.POOR, r.grade());
        assertTrue(r.adjustment().isEmpty());
    }
}
