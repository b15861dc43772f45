package org.perflink.close.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.close.internal.Fixtures.REGION;
import static org.perflink.close.internal.Fixtures.YEAR;
import static org.perflink.close.internal.Fixtures.d;
import static org.perflink.close.internal.Fixtures.input;
import static org.perflink.close.internal.Fixtures.pack;

import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perflink.api.model.Adjustment;
import org.perflink.api.model.Grade;
import org.perflink.api.model.ProjectEvaluationInput;
import org.perflink.api.model.ProjectKind;
import org.perflink.api.model.Recurrence;
import org.perflink.api.model.Score;
import org.perflink.api.rules.RulePack;

/** rules.md §3.2 since rules v2: {@code link.base} and {@code link.budgetYearOffset}. */
class LinkBaseTest {

    /** A continuing project scored 72.5 (MEDIUM, −10 %), budget 4 200 000, requests 5 200 000 (2028) and 5 300 000 (2029). */
    private static ProjectEvaluation medium(Fixtures.Input in) {
        ProjectEvaluationInput input = in.kind(ProjectKind.PROJECT).recurrence(Recurrence.CONTINUING).build();
        Score s = new Score(Score.idOf("P1", YEAR), "P1", REGION, YEAR, d("72.5").setScale(2, RoundingMode.HALF_UP),
                Grade.MEDIUM, Score.Source.SELF_EVALUATION, List.of(), null, List.of(), "default@1");
        return new ProjectEvaluation(input, "义务教育薄弱环节改善", "101", ProjectKind.PROJECT, s, d("72.5"), false);
    }

    private static Fixtures.Input requests() {
        return input("P1").budget("4200000.00").request("5100000.00").request(2028, "5200000.00").request(2029, "5300000.00");
    }

    private static Adjustment link(RulePack pack, Fixtures.Input in) {
        return new LinkageCalculator(pack).link(REGION, medium(in)).orElseThrow();
    }

    @Test
    void theDefaultBaseIsTheRequestOfTheBudgetYear() {
        Adjustment a = link(RulePack.DEFAULT, requests());
        assertEquals(2028, a.budgetYear());
        assertEquals(d("5200000.00"), a.baseAmount(), "requests[2028] wins over nextYearRequest");
        assertEquals(d("-520000.00"), a.deltaAmount());
        assertEquals(Map.of("score", "72.50", "grade", "MEDIUM", "source", "SELF_EVALUATION"), a.basis(), "v1's basis");
    }

    @Test
    void withoutRequestsByYearNextYearRequestIsTheBase() {
        Adjustment a = link(RulePack.DEFAULT, input("P1").request("5100000.00"));
        assertEquals(d("5100000.00"), a.baseAmount());
        assertEquals(d("-510000.00"), a.deltaAmount());
    }

    @Test
    void offsetTwoLinksTheYearAfterNext() {
        Adjustment a = link(pack("link.budgetYearOffset", "2"), requests());
        assertEquals(2029, a.budgetYear());
        assertEquals(d("5300000.00"), a.baseAmount());
        assertEquals(d("-530000.00"), a.deltaAmount());
        assertTrue(a.explanation().contains("2029年度预算申请数5,300,000.00元"), a.explanation());
        assertEquals("440000-2027.PROJECT.P1", a.adjustmentId(), "the id names the evaluated year");
    }

    @Test
    void currentBudgetIsTheEvaluatedYearsFinalBudgetWhichAnInflatedRequestCannotEnlarge() {
        Adjustment a = link(pack("link.base", "CURRENT_BUDGET"), requests());
        assertEquals(d("4200000.00"), a.baseAmount());
        // 4 200 000 × −0.10
        assertEquals(d("-420000.00"), a.deltaAmount());
        assertEquals("CURRENT_BUDGET", a.basis().get("base"));
        assertTrue(a.explanation().contains("以本年度预算数4,200,000.00元为基数安排2028年度预算"), a.explanation());
        assertTrue(a.explanationEn().contains("final budget of 4,200,000.00 yuan"), a.explanationEn());
    }

    @Test
    void anAbsentBaseCountsAsZero() {
        Adjustment a = link(pack("link.base", "CURRENT_BUDGET"), input("P1").budget(null));
        assertEquals(d("0.00"), a.baseAmount());
        assertEquals(d("0.00"), a.deltaAmount());
    }

    @ParameterizedTest
    @CsvSource({"link.budgetYearOffset, 0", "link.budgetYearOffset, 3", "link.base, NEXT_YEAR"})
    void aValueOutsideTheRuleIsAConfigurationErrorNamingTheParameter(String key, String value) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> new LinkageCalculator(pack(key, value)));
        assertTrue(ex.getMessage().contains(key), ex.getMessage());
    }
}
