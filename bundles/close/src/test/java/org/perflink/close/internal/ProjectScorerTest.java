package org.perflink.close.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.close.internal.Fixtures.REGION;
import static org.perflink.close.internal.Fixtures.cost;
import static org.perflink.close.internal.Fixtures.d;
import static org.perflink.close.internal.Fixtures.input;
import static org.perflink.close.internal.Fixtures.pack;
import static org.perflink.close.internal.Fixtures.project;
import static org.perflink.close.internal.Fixtures.qual;
import static org.perflink.close.internal.Fixtures.quant;
import static org.perflink.close.internal.Fixtures.range;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perflink.api.model.Finding;
import org.perflink.api.model.Grade;
import org.perflink.api.model.Indicator;
import org.perflink.api.model.Indicator.Level1;
import org.perflink.api.model.Indicator.Operator;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectEvaluationInput;
import org.perflink.api.model.ProjectKind;
import org.perflink.api.model.Score;
import org.perflink.api.model.Severity;
import org.perflink.api.rules.RulePack;

class ProjectScorerTest {

    private final ProjectScorer scorer = new ProjectScorer(RulePack.DEFAULT);
    /** Rules v1's treatment of missing and unreadable actuals ({@code score.missingActual = DROP}). */
    private final ProjectScorer v1Scorer = new ProjectScorer(pack("score.missingActual", "DROP"));

    @Test
    void workedCheckOfRulesHoldsToTheCent() {
        Score s = scorer.score(REGION, project("P1", Fixtures.workedIndicators()), Fixtures.workedInput("P1").build());

        assertEquals(d("90.94"), s.score());
        assertEquals(Grade.EXCELLENT, s.grade());
        assertEquals(Score.Source.SELF_EVALUATION, s.source());
        assertEquals(List.of("EXECUTION_RATE:9.50/10.00", "O1:18.00/20.00", "O2:15.00/15.00", "O3:15.00/15.00",
                "B1:24.00/30.00", "S1:9.44/10.00"), lines(s));
        assertEquals("P1.2027", s.scoreId());
        assertEquals(REGION, s.regionCode());
        assertEquals("test@1", new ProjectScorer(pack()).score(REGION, project("P1", Fixtures.workedIndicators()),
                Fixtures.workedInput("P1").build()).rulePack());
        assertTrue(s.findings().isEmpty(), () -> s.findings().toString());
    }

    @ParameterizedTest
    @CsvSource({"100, 7.20", "85, 8.00", "90, 8.00", "100万元, 7.20", "850000元, 8.00", "≤85万元, 8.00"})
    void costIndicatorInTenThousandYuanIsScoredInReverse(String actual, String points) {
        List<Indicator> indicators = new ArrayList<>(Fixtures.workedIndicators());
        indicators.set(0, quant("O1", Level1.OUTPUT, Operator.GE, "100", "所", "12")); // weights still sum to 90
        indicators.add(cost("C1", "90", "万元", "8"));
        Score s = scorer.score(REGION, project("P1", indicators), Fixtures.workedInput("P1").actual("C1", actual).build());

        assertEquals(d(points), part(s, "C1").points());
        assertEquals(d("8.00"), part(s, "C1").max());
        assertTrue(s.findings().isEmpty(), () -> s.findings().toString());
    }

    @ParameterizedTest(name = "{0} {1}..{2} actual {3} -> {4}")
    @CsvSource({
            "GE, 100, , 90, 81.00",
            "GE, 100, , 120, 90.00",
            "GE, 100, , 100, 90.00",
            "GT, 100, , 50, 45.00",
            "GT, 100, , 0, 0.00",
            "LE, 90, , 100, 81.00",
            "LE, 90, , 80, 90.00",
            "LT, 90, , 90, 90.00",
            "LT, 90, , 180, 45.00",
            "EQ, 100, , 100, 90.00",
            "EQ, 100, , 80, 72.00",
            "EQ, 100, , 125, 72.00",
            "RANGE, 90, 110, 100, 90.00",
            "RANGE, 90, 110, 90, 90.00",
            "RANGE, 90, 110, 110, 90.00",
            "RANGE, 90, 110, 45, 45.00",
            "RANGE, 90, 110, 120, 82.50"})
    void everyOperator(Operator op, String value, String valueMax, String actual, String points) {
        Indicator i = op == Operator.RANGE ? range("I1", Level1.OUTPUT, value, valueMax, "个", "90")
                : quant("I1", Level1.OUTPUT, op, value, "个", "90");
        Score s = scorer.score(REGION, project("P1", List.of(i)), input("P1").actual("I1", actual).build());
        assertEquals(d(points), part(s, "I1").points());
        assertEquals(d(points).add(BigDecimal.TEN), s.score(), "full execution adds 10");
    }

    @ParameterizedTest
    @CsvSource({"A, 90.00", "B, 72.00", "C, 54.00", "D, 0.00", "b, 72.00", "' 良 ', 72.00"})
    void qualitativeGrades(String actual, String points) {
        Score s = scorer.score(REGION, project("P1", List.of(qual("Q1", Level1.BENEFIT, "90"))),
                input("P1").actual("Q1", actual).build());
        assertEquals(d(points), part(s, "Q1").points());
    }

    @Test
    void qualitativeSharesAreParameters() {
        Score s = new ProjectScorer(pack("score.qualitative.B", "0.9")).score(REGION,
                project("P1", List.of(qual("Q1", Level1.BENEFIT, "90"))), input("P1").actual("Q1", "B").build());
        assertEquals(d("81.00"), part(s, "Q1").points());
    }

    @Test
    void withoutAllWeightsTheLevel1GroupsShareTheirPointsEvenlyWithCostCountedAsOutput() {
        List<Indicator> indicators = List.of(
                quant("O1", Level1.OUTPUT, Operator.GE, "100", "所", null),
                cost("C1", "90", "万元", null),
                quant("B1", Level1.BENEFIT, Operator.GE, "1000", "人", null),
                quant("B2", Level1.BENEFIT, Operator.GE, "10", "项", null),
                quant("B3", Level1.BENEFIT, Operator.GE, "10", "项", null),
                quant("S1", Level1.SATISFACTION, Operator.GE, "90", "%", null));
        ProjectEvaluationInput in = input("P1").actual("O1", "100").actual("C1", "100").actual("B1", "800")
                .actual("B2", "10").actual("B3", "10").actual("S1", "90").build();
        Score s = scorer.score(REGION, project("P1", indicators), in);

        assertEquals(List.of("EXECUTION_RATE:10.00/10.00", "O1:25.00/25.00", "C1:22.50/25.00", "B1:8.00/10.00",
                "B2:10.00/10.00", "B3:10.00/10.00", "S1:10.00/10.00"), lines(s));
        assertEquals(d("95.50"), s.score());
        assertTrue(s.findings().isEmpty(), "no weights given is not a weights finding");
    }

    @Test
    void sharesThatDoNotTerminateStillGradeExactlyOnTheBoundary() {
        // OUTPUT 50/3 each: 2 full + 0.4 of one = 40; BENEFIT 30; SATISFACTION 0; execution 10 → exactly 80.
        List<Indicator> indicators = List.of(
                quant("O1", Level1.OUTPUT, Operator.GE, "30", "所", null),
                quant("O2", Level1.OUTPUT, Operator.GE, "30", "所", null),
                quant("O3", Level1.OUTPUT, Operator.GE, "30", "所", null),
                quant("B1", Level1.BENEFIT, Operator.GE, "7", "人", null),
                quant("S1", Level1.SATISFACTION, Operator.GE, "90", "%", null));
        ProjectEvaluation e = scorer.evaluate(REGION, project("P1", indicators), input("P1").actual("O1", "30")
                .actual("O2", "31").actual("O3", "12").actual("B1", "7").actual("S1", "0").build());
        assertEquals(0, d("80").compareTo(e.exactScore()), () -> e.exactScore().toPlainString());
        assertEquals(Grade.GOOD, e.grade());
        assertEquals(d("16.67"), part(e.score(), "O1").max());
        assertEquals(d("6.67"), part(e.score(), "O3").points());
    }

    @Test
    void partialWeightsFallBackToTheGroupsWithAFinding() {
        List<Indicator> indicators = List.of(
                quant("O1", Level1.OUTPUT, Operator.GE, "100", "所", "50"),
                quant("B1", Level1.BENEFIT, Operator.GE, "100", "人", null));
        Score s = scorer.score(REGION, project("P1", indicators), input("P1").actual("O1", "100").actual("B1", "100").build());
        assertEquals(List.of("EXECUTION_RATE:10.00/10.00", "O1:50.00/50.00", "B1:30.00/30.00"), lines(s));
        assertEquals(List.of("WEIGHTS_INVALID", "SCORE_RESCALED"), ruleIds(s));
        assertEquals(d("100.00"), s.score(), "no SATISFACTION indicator: 90 points rescaled to 100");
    }

    @Test
    void weightsSummingTo100AreScaledTo90WithAFinding() {
        List<Indicator> indicators = List.of(
                quant("O1", Level1.OUTPUT, Operator.GE, "100", "所", "20"),
                quant("O2", Level1.OUTPUT, Operator.GE, "100", "%", "20"),
                quant("O3", Level1.OUTPUT, Operator.GE, "100", "%", "20"),
                quant("B1", Level1.BENEFIT, Operator.GE, "100", "人", "30"),
                quant("S1", Level1.SATISFACTION, Operator.GE, "90", "%", "10"));
        ProjectEvaluationInput in = input("P1").actual("O1", "50").actual("O2", "100").actual("O3", "100")
                .actual("B1", "100").actual("S1", "90").build();
        Score s = scorer.score(REGION, project("P1", indicators), in);

        assertEquals(List.of("EXECUTION_RATE:10.00/10.00", "O1:9.00/18.00", "O2:18.00/18.00", "O3:18.00/18.00",
                "B1:27.00/27.00", "S1:9.00/9.00"), lines(s));
        assertEquals(d("91.00"), s.score());
        Finding f = s.findings().get(0);
        assertEquals("WEIGHTS_INVALID", f.ruleId());
        assertEquals(Severity.WARN, f.severity());
        assertEquals("100", f.figures().get("weightSum"));
        assertTrue(f.message().contains("100") && f.message().contains("90"), f.message());
        assertEquals(1, s.findings().size());
    }

    @Test
    void weightsSummingTo110AreScaledTo90() {
        List<Indicator> indicators = List.of(
                quant("O1", Level1.OUTPUT, Operator.GE, "100", "所", "30"),
                quant("O2", Level1.OUTPUT, Operator.GE, "100", "%", "20"),
                quant("O3", Level1.OUTPUT, Operator.GE, "100", "%", "20"),
                quant("B1", Level1.BENEFIT, Operator.GE, "100", "人", "30"),
                quant("S1", Level1.SATISFACTION, Operator.GE, "90", "%", "10"));
        ProjectEvaluationInput in = input("P1").actual("O1", "50").actual("O2", "100").actual("O3", "100")
                .actual("B1", "100").actual("S1", "90").build();
        Score s = scorer.score(REGION, project("P1", indicators), in);

        // 30 × 90/110 = 24.5454…, half of it lost: 100 − 12.2727… = 87.7272…
        assertEquals(d("24.55"), part(s, "O1").max());
        assertEquals(d("12.27"), part(s, "O1").points());
        assertEquals(d("8.18"), part(s, "S1").max());
        assertEquals(d("87.73"), s.score());
        assertEquals(Grade.GOOD, s.grade());
        assertEquals(List.of("WEIGHTS_INVALID"), ruleIds(s));
        assertEquals("110", s.findings().get(0).figures().get("weightSum"));
    }

    @Test
    void indicatorsWithoutActualAreDroppedAndTheTotalRescaledTo100() {
        List<Indicator> indicators = List.of(
                quant("O1", Level1.OUTPUT, Operator.GE, "100", "所", "45"),
                quant("B1", Level1.BENEFIT, Operator.GE, "100", "人", "30"),
                quant("S1", Level1.SATISFACTION, Operator.GE, "90", "%", "15"));
        // B1's actual is null, S1 has no row at all
        ProjectEvaluationInput in = input("P1").budget("2000000").paid("1900000").actual("O1", "80").actual("B1", null).build();
        Score s = v1Scorer.score(REGION, project("P1", indicators), in);

        // (9.50 + 36.00) / 55 × 100 = 82.7272…
        assertEquals(d("82.73"), s.score());
        assertEquals(Grade.GOOD, s.grade());
        assertEquals(List.of("EXECUTION_RATE:9.50/10.00", "O1:36.00/45.00", "B1:n/a/30.00", "S1:n/a/15.00"), lines(s));
        Finding f = s.findings().get(0);
        assertEquals("SCORE_RESCALED", f.ruleId());
        assertEquals(Severity.INFO, f.severity());
        assertEquals("55.00", f.figures().get("applicableMax"));
        assertEquals("B1,S1", f.figures().get("notApplicable"));
        assertTrue(f.message().contains("B1、S1"), f.message());
        assertTrue(f.messageEn().contains("B1, S1"), f.messageEn());
    }

    @Test
    void actualsAsFormsWriteThem() {
        List<Indicator> indicators = List.of(
                quant("O1", Level1.OUTPUT, Operator.GE, "266", "米", "45"),
                quant("O2", Level1.OUTPUT, Operator.GE, "100", "%", "45"));
        Score s = scorer.score(REGION, project("P1", indicators),
                input("P1").actual("O1", "≥266米").actual("O2", "98%").build());
        assertEquals(d("45.00"), part(s, "O1").points());
        assertEquals(d("44.10"), part(s, "O2").points());
        assertEquals(d("99.10"), s.score());
        assertTrue(s.findings().isEmpty());
    }

    @Test
    void unreadableActualIsAFindingOnThatIndicatorWhichIsThenNotApplicable() {
        List<Indicator> indicators = List.of(
                quant("O1", Level1.OUTPUT, Operator.GE, "100", "所", "45"),
                quant("O2", Level1.OUTPUT, Operator.GE, "100", "%", "35"),
                qual("Q1", Level1.SATISFACTION, "10"));
        ProjectEvaluationInput in = input("P1").actual("Q1", "E").actual("O1", "100").actual("O2", "约九成").build();
        Score s = v1Scorer.score(REGION, project("P1", indicators), in);

        assertEquals(List.of("ACTUAL_UNREADABLE", "ACTUAL_UNREADABLE", "SCORE_RESCALED"), ruleIds(s));
        Finding o2 = s.findings().get(0);
        assertEquals("indicators[2].actual", o2.path(), "the path is into the evaluation input");
        assertEquals("约九成", o2.figures().get("actual"));
        assertTrue(o2.message().contains("约九成") && o2.message().contains("O2"), o2.message());
        assertEquals("indicators[0].actual", s.findings().get(1).path());
        assertNull(part(s, "O2").points());
        assertNull(part(s, "Q1").points());
        assertEquals(d("100.00"), s.score(), "only the readable O1 and the execution rate count");
    }

    @Test
    void unreadableTargetValueIsAFindingAndNotApplicable() {
        List<Indicator> indicators = List.of(
                quant("O1", Level1.OUTPUT, Operator.GE, "100", "所", "45"),
                quant("O2", Level1.OUTPUT, Operator.GE, "大幅提高", "%", "45"),
                range("O3", Level1.OUTPUT, "10", null, "%", "0"));
        Score s = scorer.score(REGION, project("P1", indicators),
                input("P1").actual("O1", "50").actual("O2", "80").actual("O3", "12").build());
        assertEquals(List.of("INDICATOR_QUANT_INCOMPLETE", "INDICATOR_QUANT_INCOMPLETE", "SCORE_RESCALED"), ruleIds(s));
        assertEquals("target.indicators[1].value", s.findings().get(0).path());
        assertEquals("target.indicators[2].valueMax", s.findings().get(1).path());
        // (10 + 22.5) / 55 × 100
        assertEquals(d("59.09"), s.score());
        assertEquals(Grade.POOR, s.grade());
    }

    @Test
    void executionRateIsCappedAtTheBudgetAndDroppedWithoutABudget() {
        Project p = project("P1", List.of(quant("I1", Level1.OUTPUT, Operator.GE, "90", "个", "90")));
        Score overspent = scorer.score(REGION, p, input("P1").budget("100").paid("150").actual("I1", "45").build());
        assertEquals(d("10.00"), part(overspent, "EXECUTION_RATE").points());
        assertEquals(d("55.00"), overspent.score());

        Score noBudget = scorer.score(REGION, p, input("P1").budget("0").paid("150").actual("I1", "45").build());
        assertNull(part(noBudget, "EXECUTION_RATE").points());
        assertEquals(List.of("EXECUTION_RATE_UNAVAILABLE", "SCORE_RESCALED"), ruleIds(noBudget));
        assertEquals("budgetAmount", noBudget.findings().get(0).path());
        assertEquals(d("50.00"), noBudget.score(), "45 of 90");
    }

    @Test
    void keyEvaluationScoreReplacesTheComputedScore() {
        ProjectEvaluation e = scorer.evaluate(REGION, project("P1", Fixtures.workedIndicators()),
                Fixtures.workedInput("P1").keyScore("75.555").build());
        assertEquals(d("75.56"), e.score().score());
        assertEquals(d("75.555"), e.exactScore());
        assertEquals(Grade.MEDIUM, e.grade());
        assertEquals(Score.Source.KEY_EVALUATION, e.score().source());
        assertEquals(d("24.00"), part(e.score(), "B1").points(), "the computed breakdown is still shown");
    }

    @Test
    void keyEvaluationScoreStandsInWhenNothingIsApplicable() {
        Project p = project("P1", Fixtures.workedIndicators());
        ProjectEvaluationInput noActuals = input("P1").build();
        EvaluationInputException ex = assertThrows(EvaluationInputException.class, () -> scorer.score(REGION, p, noActuals));
        assertEquals("P1", ex.subject());

        Score s = scorer.score(REGION, p, input("P1").keyScore("61").build());
        assertEquals(d("61.00"), s.score());
        assertEquals(Grade.MEDIUM, s.grade());
    }

    @Test
    void mismatchedProjectIsRejected() {
        assertThrows(EvaluationInputException.class,
                () -> scorer.score(REGION, project("P2", Fixtures.workedIndicators()), Fixtures.workedInput("P1").build()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"100, EXCELLENT", "90, EXCELLENT", "89.99, GOOD", "80, GOOD", "79.999, MEDIUM", "60, MEDIUM",
            "59.99, POOR", "40, POOR", "10, POOR"})
    void gradeBoundariesOnUnroundedScores(String score, Grade grade) {
        ProjectEvaluation e = scorer.evaluate(REGION, Fixtures.exactProject("P1", "101", ProjectKind.PROJECT),
                Fixtures.exactInput("P1", score).build());
        assertEquals(0, d(score).compareTo(e.exactScore()), () -> "exact: " + e.exactScore());
        assertEquals(grade, e.grade());
        assertEquals(d(score).setScale(2, RoundingMode.HALF_UP), e.score().score());
    }

    @Test
    void graded79Point999IsMediumThoughShownAs80() {
        ProjectEvaluation e = scorer.evaluate(REGION, Fixtures.exactProject("P1", "101", ProjectKind.PROJECT),
                Fixtures.exactInput("P1", "79.999").build());
        assertEquals(d("80.00"), e.score().score());
        assertEquals(Grade.MEDIUM, e.grade());
    }

    @Test
    void gradeBandsAreParameters() {
        ProjectScorer strict = new ProjectScorer(pack("grade.excellent", "95", "grade.good", "85", "grade.medium", "70"));
        Project p = Fixtures.exactProject("P1", "101", ProjectKind.PROJECT);
        assertEquals(Grade.GOOD, strict.evaluate(REGION, p, Fixtures.exactInput("P1", "90").build()).grade());
        assertEquals(Grade.POOR, strict.evaluate(REGION, p, Fixtures.exactInput("P1", "65").build()).grade());
    }

    @Test
    void selfScoreMoreThanTenAboveTheComputedScoreIsInflated() {
        Project p = Fixtures.exactProject("P1", "101", ProjectKind.PROJECT);
        ProjectEvaluation exactlyTen = scorer.evaluate(REGION, p, Fixtures.exactInput("P1", "80").selfScore("90").build());
        assertFalse(exactlyTen.selfScoreInflated());
        assertTrue(exactlyTen.score().findings().isEmpty());

        ProjectEvaluation inflated = scorer.evaluate(REGION, p, Fixtures.exactInput("P1", "80").selfScore("90.01").build());
        assertTrue(inflated.selfScoreInflated());
        Finding f = inflated.score().findings().get(0);
        assertEquals("SELF_SCORE_INFLATED", f.ruleId());
        assertEquals("selfScore", f.path());
        assertEquals(Severity.WARN, f.severity());
        assertTrue(f.message().contains("90.01") && f.message().contains("80.00"), f.message());
        assertEquals(d("90.01"), inflated.score().selfScore());

        ProjectScorer lenient = new ProjectScorer(pack("score.selfScore.inflationMargin", "15"));
        assertFalse(lenient.evaluate(REGION, p, Fixtures.exactInput("P1", "80").selfScore("95").build()).selfScoreInflated());
        ProjectScorer off = new ProjectScorer(pack("rule.SELF_SCORE_INFLATED.enabled", "false"));
        assertFalse(off.evaluate(REGION, p, Fixtures.exactInput("P1", "80").selfScore("99").build()).selfScoreInflated());
    }

    @Test
    void selfScoreIsComparedWithTheComputedScoreNotTheKeyEvaluation() {
        Project p = Fixtures.exactProject("P1", "101", ProjectKind.PROJECT);
        ProjectEvaluation e = scorer.evaluate(REGION, p, Fixtures.exactInput("P1", "80").selfScore("95").keyScore("90").build());
        assertTrue(e.selfScoreInflated());
        assertEquals(Grade.EXCELLENT, e.grade());
    }

    @Test
    void findingSeverityFollowsTheRulePack() {
        List<Indicator> indicators = List.of(quant("O1", Level1.OUTPUT, Operator.GE, "100", "所", "100"));
        Score s = new ProjectScorer(pack("rule.WEIGHTS_INVALID.severity", "INFO")).score(REGION, project("P1", indicators),
                input("P1").actual("O1", "100").build());
        assertEquals(Severity.INFO, s.findings().get(0).severity());
    }

    @Test
    void evaluationCarriesWhatLinkageNeeds() {
        ProjectEvaluation e = scorer.evaluate(REGION, project("P1", Fixtures.workedIndicators()),
                Fixtures.workedInput("P1").department(null).kind(null).build());
        assertEquals("101", e.departmentCode(), "from the project when the input has none");
        assertEquals(ProjectKind.PROJECT, e.kind());
        assertEquals("项目P1", e.projectName());
    }

    static Score.Part part(Score s, String code) {
        return s.breakdown().stream().filter(p -> code.equals(p.code() == null ? p.part() : p.code())).findFirst().orElseThrow();
    }

    static List<String> lines(Score s) {
        return s.breakdown().stream()
                .map(p -> (p.code() == null ? p.part() : p.code()) + ":" + (p.points() == null ? "n/a" : p.points().toPlainString())
                        + "/" + p.max().toPlainString())
                .collect(Collectors.toList());
    }

    static List<String> ruleIds(Score s) {
        return s.findings().stream().map(Finding::ruleId).collect(Collectors.toList());
    }
}
