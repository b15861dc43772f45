package org.perflink.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The 1.2 additions of the evaluation inputs: requests and baselines by budget year, notApplicable with a reason. */
class EvaluationInputsV12Test {

    @Test
    void requestsByBudgetYearWinOverNextYearRequest() {
        ProjectEvaluationInput in = new ProjectEvaluationInput("P1", 2027, ProjectKind.PROJECT, Recurrence.CONTINUING, "101",
                null, null, List.of(), null, null, new BigDecimal("5100000.00"), Map.of(2028, new BigDecimal("5200000.00")));
        assertEquals(new BigDecimal("5200000.00"), in.requestFor(2028));
        assertEquals(new BigDecimal("5100000.00"), in.requestFor(2029), "rules.md §3.2: else nextYearRequest");
        ProjectEvaluationInput v1 = new ProjectEvaluationInput("P1", 2027, ProjectKind.PROJECT, Recurrence.CONTINUING, "101",
                null, null, null, null, null, null);
        assertTrue(v1.requests().isEmpty());
        assertNull(v1.requestFor(2028));
    }

    @Test
    void baselinesByBudgetYearWinOverNextYearBaseline() {
        DepartmentEvaluationInput d = new DepartmentEvaluationInput("101", 2027, null, null, new BigDecimal("1"),
                Map.of(2029, new BigDecimal("2")));
        assertEquals(new BigDecimal("2"), d.baselineFor(2029));
        assertEquals(new BigDecimal("1"), d.baselineFor(2028));
        assertTrue(new DepartmentEvaluationInput("101", 2027, null, null, null).baselines().isEmpty());
    }

    @Test
    void notApplicableOnlyWithAReasonThatSaysSomething() {
        assertTrue(new IndicatorActual("B2", null, true, "本年度未发生汛情").notApplicableWithReason());
        assertFalse(new IndicatorActual("B2", null, true, "  ").notApplicableWithReason());
        assertFalse(new IndicatorActual("B2", null, true, null).notApplicableWithReason());
        assertFalse(new IndicatorActual("B2", null, false, "理由").notApplicableWithReason());
        assertFalse(new IndicatorActual("B2", null).notApplicableWithReason());
    }
}
