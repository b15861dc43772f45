package org.perflink.compile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.perflink.api.model.Phase.DECLARED;
import static org.perflink.compile.internal.TestProjects.aProject;
import static org.perflink.compile.internal.TestProjects.cost;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perflink.api.model.Finding;
import org.perflink.api.model.Indicator.Level1;
import org.perflink.api.model.Indicator.Level2;
import org.perflink.api.model.Project;
import org.perflink.api.model.Severity;

/** 成本指标 ≤ 预算: a cost indicator's upper bound in money never exceeds the project's budget. */
class CostExceedsBudgetTest extends CheckerTestSupport {

    /** Budget 800 000 元 with one cost indicator. */
    private static Project budget800k(TestProjects.IndicatorBuilder cost) {
        return aProject().budget("800000.00").remove("C1").add(cost).build();
    }

    @Test
    void aCostAboveTheBudgetIsBlockedWithBothFiguresInYuan() {
        Finding f = the("COST_EXCEEDS_BUDGET", budget800k(cost("C1").le("100", "万元")), DECLARED);
        assertEquals("target.indicators[5].value", f.path());
        assertEquals(Severity.BLOCK, f.severity());
        assertEquals(Map.of("costBound", "1000000.00", "budgetAmount", "800000.00", "unit", "元",
                "indicatorValue", "100万元"), f.figures());
        assertEquals("成本指标“生均改造成本”的上限 1000000.00 元超过项目预算 800000.00 元", f.message());
    }

    @ParameterizedTest(name = "{0} {1} {2} → fires: {3}")
    @CsvSource({
            "LE, 800000,     元,   false",  // equal to the budget is within it
            "LE, 800000.01,  元,   true",
            "LE, 80,         万元, false",
            "LT, 80.01,      万元, true",
            "EQ, 0.008,      亿元, false",
            "EQ, 0.0081,     亿元, true",
            "LE, 90万元,      ,    true",   // the unit written into the value
            "LE, '1,000,000', 元,  true",   // grouped digits as forms write them
            "LE, 120,        %,    false",  // a percentage is not money
            "LE, 120%,       万元, false",
            "LE, 9000,       人,   false",  // nor is a count
            "GE, 1000,       万元, false",  // a lower bound does not bound the cost
    })
    void comparesMoneyInYuanWhateverTheUnit(String operator, String value, String unit, boolean fires) {
        var indicator = cost("C1").set(org.perflink.api.model.Indicator.Operator.valueOf(operator), value, null, unit);
        assertEquals(fires, !findings(budget800k(indicator), DECLARED, "COST_EXCEEDS_BUDGET").isEmpty());
    }

    @Test
    void aRangeIsBoundedByItsUpperValue() {
        Finding f = the("COST_EXCEEDS_BUDGET", budget800k(cost("C1").range("10", "100", "万元")), DECLARED);
        assertEquals("target.indicators[5].valueMax", f.path());
        assertNone("COST_EXCEEDS_BUDGET", budget800k(cost("C1").range("10", "80", "万元")), DECLARED);
    }

    @Test
    void olderTablesFileCostUnderOutputAndOtherLevelsAreNotCost() {
        the("COST_EXCEEDS_BUDGET", budget800k(cost("C1").level(Level1.OUTPUT, Level2.COST).le("100", "万元")), DECLARED);
        assertNone("COST_EXCEEDS_BUDGET", budget800k(cost("C1").level(Level1.BENEFIT, Level2.ECONOMIC).le("100", "万元")),
                DECLARED);
    }

    @Test
    void anUnreadableCostIsIncompleteNotExceeding() {
        var project = budget800k(cost("C1").le("待定", "万元"));
        assertNone("COST_EXCEEDS_BUDGET", project, DECLARED);
        the("INDICATOR_QUANT_INCOMPLETE", project, DECLARED);
    }
}
