package org.perflink.close.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.close.internal.Fixtures.REGION;
import static org.perflink.close.internal.Fixtures.d;
import static org.perflink.close.internal.Fixtures.input;
import static org.perflink.close.internal.Fixtures.pack;
import static org.perflink.close.internal.Fixtures.project;
import static org.perflink.close.internal.Fixtures.quant;
import static org.perflink.close.internal.ProjectScorerTest.lines;
import static org.perflink.close.internal.ProjectScorerTest.part;
import static org.perflink.close.internal.ProjectScorerTest.ruleIds;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perflink.api.model.Finding;
import org.perflink.api.model.Grade;
import org.perflink.api.model.Indicator;
import org.perflink.api.model.Indicator.Level1;
import org.perflink.api.model.Indicator.Operator;
import org.perflink.api.model.Score;
import org.perflink.api.model.Severity;
import org.perflink.api.rules.RulePack;

/** rules.md §3.1 since rules v2: a missing actual scores 0; only notApplicable with a reason is dropped. */
class MissingActualTest {

    private static final String REASON = "本年度未发生汛情，防汛类指标不适用";

    private final ProjectScorer scorer = new ProjectScorer(RulePack.DEFAULT);

    /** The worked check's project without BENEFIT's actual. */
    private static Fixtures.Input withoutBenefit() {
        return input("P1").budget("2000000").paid("1900000")
                .actual("O1", "90").actual("O2", "96").actual("O3", "100").actual("S1", "85");
    }

    @Test
    void workedCheckWithBenefitAbsentScoresItZero() {
        Score s = scorer.score(REGION, project("P1", Fixtures.workedIndicators()), withoutBenefit().build());

        // 9.50 + 18.00 + 15.00 + 15.00 + 0 + 9.444… = 66.944…
        assertEquals(d("66.94"), s.score());
        assertEquals(Grade.MEDIUM, s.grade());
        assertEquals(List.of("EXECUTION_RATE:9.50/10.00", "O1:18.00/20.00", "O2:15.00/15.00", "O3:15.00/15.00",
                "B1:0.00/30.00", "S1:9.44/10.00"), lines(s));
        assertEquals(List.of("SCORE_ACTUAL_MISSING"), ruleIds(s));
        Finding f = s.findings().get(0);
        assertEquals(Severity.WARN, f.severity());
        assertEquals("target.indicators[3]", f.path(), "no row at all: the path is the target indicator");
        assertEquals("B1", f.figures().get("indicator"));
        assertTrue(f.message().contains("B1") && f.message().contains("0分"), f.message());
    }

    @Test
    void workedCheckWithBenefitNotApplicableWithAReasonIsRescaled() {
        Score s = scorer.score(REGION, project("P1", Fixtures.workedIndicators()),
                withoutBenefit().notApplicable("B1", REASON).build());

        // 66.944… × 100 / 70 = 95.634…
        assertEquals(d("95.63"), s.score());
        assertEquals(Grade.EXCELLENT, s.grade());
        assertNull(part(s, "B1").points());
        assertEquals(REASON, part(s, "B1").notApplicableReason());
        assertEquals(List.of("SCORE_RESCALED"), ruleIds(s));
        Finding f = s.findings().get(0);
        assertEquals(Severity.INFO, f.severity(), "30 of 90 points is not more than half");
        assertEquals("70.00", f.figures().get("applicableMax"));
        assertEquals("B1", f.figures().get("notApplicable"));
        assertEquals("B1：" + REASON, f.figures().get("reasons"));
        assertTrue(f.message().contains(REASON), f.message());
    }

    @ParameterizedTest
    @CsvSource(value = {"NULL", "''", "'   '"}, nullValues = "NULL")
    void notApplicableWithoutAReasonCountsAsMissing(String reason) {
        Score s = scorer.score(REGION, project("P1", Fixtures.workedIndicators()),
                withoutBenefit().notApplicable("B1", reason).build());
        assertEquals(d("66.94"), s.score());
        assertEquals(List.of("SCORE_ACTUAL_MISSING"), ruleIds(s));
        assertEquals("indicators[4].notApplicableReason", s.findings().get(0).path());
        assertTrue(s.findings().get(0).message().contains("理由"), s.findings().get(0).message());
    }

    @Test
    void dropRestoresV1ForBothCases() {
        ProjectScorer v1 = new ProjectScorer(pack("score.missingActual", "DROP"));
        Score absent = v1.score(REGION, project("P1", Fixtures.workedIndicators()), withoutBenefit().build());
        Score declared = v1.score(REGION, project("P1", Fixtures.workedIndicators()),
                withoutBenefit().notApplicable("B1", REASON).build());
        assertEquals(d("95.63"), absent.score());
        assertEquals(d("95.63"), declared.score());
        assertEquals(List.of("SCORE_RESCALED"), ruleIds(absent));
    }

    @Test
    void anUnreadableActualScoresZeroSinceRulesV2() {
        Score s = scorer.score(REGION, project("P1", Fixtures.workedIndicators()),
                withoutBenefit().actual("B1", "约八百").build());
        assertEquals(d("66.94"), s.score());
        assertEquals(d("0.00"), part(s, "B1").points());
        assertEquals(List.of("ACTUAL_UNREADABLE"), ruleIds(s));
        assertTrue(s.findings().get(0).message().contains("计0分"), s.findings().get(0).message());
    }

    @Test
    void anUnreadableTargetIsStillDroppedWhenItsActualIsMissing() {
        List<Indicator> indicators = List.of(
                quant("O1", Level1.OUTPUT, Operator.GE, "100", "所", "45"),
                quant("O2", Level1.OUTPUT, Operator.GE, "约10", "%", "45"));
        Score s = scorer.score(REGION, project("P1", indicators), input("P1").actual("O1", "100").build());
        // The target cannot be measured (the compile stage blocked it): not the unit's blank to pay for.
        assertNull(part(s, "O2").points());
        assertEquals(d("100.00"), s.score());
        assertEquals(List.of("SCORE_RESCALED"), ruleIds(s));
    }

    @Test
    void aFormWithoutAnyActualIsNotAnEvaluationYet() {
        EvaluationInputException ex = assertThrows(EvaluationInputException.class,
                () -> scorer.score(REGION, project("P1", Fixtures.workedIndicators()), input("P1").build()));
        assertEquals("indicators", ex.path());
    }

    /** score.notApplicable.warnShare = 0.5 of the 90 indicator points: 45 is INFO, more is WARN. */
    @ParameterizedTest
    @CsvSource({"45, 45, INFO", "44, 46, WARN"})
    void rescalingBecomesAWarningWhenMostOfTheTargetIsDeclaredNotApplicable(String kept, String dropped, Severity expected) {
        List<Indicator> indicators = List.of(
                quant("O1", Level1.OUTPUT, Operator.GE, "100", "所", kept),
                quant("B1", Level1.BENEFIT, Operator.GE, "100", "人", dropped));
        Score s = scorer.score(REGION, project("P1", indicators),
                input("P1").actual("O1", "100").notApplicable("B1", REASON).build());
        assertEquals(d("100.00"), s.score());
        assertEquals(expected, s.findings().get(0).severity());
        assertEquals(dropped + ".00", s.findings().get(0).figures().get("reasonedMax"));
    }

    @Test
    void anUnknownModeIsAConfigurationErrorNamingTheParameter() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> new ProjectScorer(pack("score.missingActual", "IGNORE")));
        assertTrue(ex.getMessage().contains("score.missingActual"), ex.getMessage());
    }
}
