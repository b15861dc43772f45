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
import org.perflink.api.model.Adjustment.Action;
import org.perflink.api.model.Adjustment.Scope;
import org.perflink.api.model.Grade;
import org.perflink.api.model.ProjectEvaluationInput;
import org.perflink.api.model.ProjectKind;
import org.perflink.api.model.Recurrence;
import org.perflink.api.model.Score;
import org.perflink.api.rules.RulePack;

class LinkageCalculatorTest {

    private final LinkageCalculator linkage = new LinkageCalculator(RulePack.DEFAULT);

    static ProjectEvaluation evaluated(ProjectKind kind, Recurrence recurrence, String score, String request) {
        ProjectEvaluationInput in = input("P1").kind(kind).recurrence(recurrence).request(request).build();
        Grade grade = new GradeBands(RulePack.DEFAULT).of(d(score));
        Score s = new Score(Score.idOf("P1", YEAR), "P1", REGION, YEAR, d(score).setScale(2, RoundingMode.HALF_UP), grade,
                Score.Source.SELF_EVALUATION, List.of(), null, List.of(), "default@1");
        return new ProjectEvaluation(in, "义务教育薄弱环节改善", "101", kind, s, d(score), false);
    }

    private Adjustment link(ProjectKind kind, Recurrence recurrence, String score, String request) {
        return linkage.link(REGION, evaluated(kind, recurrence, score, request)).orElseThrow();
    }

    @ParameterizedTest(name = "{0} {1} score {2}: {3} {4} -> {5}")
    @CsvSource({
            // PROJECT continuing / recurring
            "PROJECT, CONTINUING, 95,    PRIORITIZE, 0.00,  0.00",
            "PROJECT, CONTINUING, 90,    PRIORITIZE, 0.00,  0.00",
            "PROJECT, CONTINUING, 85,    KEEP,       0.00,  0.00",
            "PROJECT, CONTINUING, 80,    KEEP,       0.00,  0.00",
            "PROJECT, CONTINUING, 72.5,  REDUCE,     -0.10, -520000.00",
            "PROJECT, CONTINUING, 60,    REDUCE,     -0.10, -520000.00",
            "PROJECT, CONTINUING, 59.99, REDUCE,     -0.30, -1560000.00",
            "PROJECT, CONTINUING, 40,    REDUCE,     -0.30, -1560000.00",
            "PROJECT, CONTINUING, 39.99, CANCEL,     -1.00, -5200000.00",
            "PROJECT, RECURRING,  45,    REDUCE,     -0.30, -1560000.00",
            "PROJECT, RECURRING,  39.999, CANCEL,    -1.00, -5200000.00",
            // PROJECT one-off
            "PROJECT, ONE_OFF,    95,    PRIORITIZE, 0.00,  0.00",
            "PROJECT, ONE_OFF,    85,    KEEP,       0.00,  0.00",
            "PROJECT, ONE_OFF,    70,    REDUCE,     -0.10, -520000.00",
            "PROJECT, ONE_OFF,    59.99, CANCEL,     -1.00, -5200000.00",
            // POLICY
            "POLICY,  ,           95,    CONTINUE,   0.00,  0.00",
            "POLICY,  ,           85,    CONTINUE,   0.00,  0.00",
            "POLICY,  ,           70,    ADJUST,     0.00,  0.00",
            "POLICY,  ,           50,    TERMINATE,  -1.00, -5200000.00",
            // TRANSFER
            "TRANSFER, ,          95,    PRIORITIZE, 0.05,  260000.00",
            "TRANSFER, ,          85,    KEEP,       0.00,  0.00",
            "TRANSFER, ,          70,    REDUCE,     -0.05, -260000.00",
            "TRANSFER, ,          50,    REDUCE,     -0.15, -780000.00"})
    void everyRowOfTheLinkageTable(ProjectKind kind, Recurrence recurrence, String score, Action action, String ratio, String delta) {
        Adjustment a = link(kind, recurrence, score, "5200000.00");
        assertEquals(action, a.action());
        assertEquals(d(ratio), a.ratio());
        assertEquals(d(delta), a.deltaAmount());
        assertEquals(d("5200000.00"), a.baseAmount());
        assertEquals(Scope.valueOf(kind.name()), a.scope());
        assertEquals("LINK_" + kind.name() + "_GRADE", a.ruleId());
        assertEquals(REGION + "-2027." + kind.name() + ".P1", a.adjustmentId());
        assertEquals(2027, a.evaluatedYear());
        assertEquals(2028, a.budgetYear());
        assertEquals("P1", a.subjectCode());
    }

    @Test
    void basisAndExplanationNameTheGradeScoreRuleRatioAndAmounts() {
        Adjustment a = link(ProjectKind.PROJECT, Recurrence.CONTINUING, "72.5", "5200000.00");
        assertEquals(Map.of("score", "72.50", "grade", "MEDIUM", "source", "SELF_EVALUATION"), a.basis());
        assertEquals("项目P1（义务教育薄弱环节改善）的2027年度绩效评价得分72.50分（自评），等级为“中”。依据规则LINK_PROJECT_GRADE"
                + "（延续性项目，等级为“中”）：压减预算。2028年度预算申请数5,200,000.00元，调整比例-10%，调整金额-520,000.00元。",
                a.explanation());
        assertEquals("Project P1 (义务教育薄弱环节改善): 2027 evaluation score 72.50 (self-evaluation), grade MEDIUM. "
                + "Rule LINK_PROJECT_GRADE (continuing project graded MEDIUM): reduce the budget. The 2028 budget request of "
                + "5,200,000.00 yuan is adjusted by -10%, i.e. -520,000.00 yuan.", a.explanationEn());
    }

    @Test
    void cancelExplanationNamesTheThreshold() {
        Adjustment a = link(ProjectKind.PROJECT, Recurrence.RECURRING, "35", "100.00");
        assertTrue(a.explanation().contains("常年性项目，等级为“差”且得分低于40分"), a.explanation());
        assertTrue(a.explanation().contains("取消项目"), a.explanation());
        assertTrue(a.explanationEn().contains("below 40"), a.explanationEn());
        assertTrue(a.explanationEn().contains("-100%"), a.explanationEn());
    }

    @Test
    void transferExplanationShowsAPositiveRatio() {
        Adjustment a = link(ProjectKind.TRANSFER, null, "92", "5200000.00");
        assertTrue(a.explanation().contains("调整比例+5%") && a.explanation().contains("260,000.00"), a.explanation());
    }

    @ParameterizedTest(name = "{0} × {1} = {2}")
    @CsvSource({"1234567.89, 70, -123456.79", "0.05, 70, -0.01", "0.04, 70, 0.00", "1000.10, 92, 50.01",
            "333.33, 50, -100.00", "333.31, 50, -99.99"})
    void amountsAreRoundedToTheCentHalfUp(String request, String score, String delta) {
        ProjectKind kind = d(score).compareTo(d("90")) >= 0 ? ProjectKind.TRANSFER : ProjectKind.PROJECT;
        assertEquals(d(delta), link(kind, Recurrence.CONTINUING, score, request).deltaAmount());
    }

    @Test
    void ratiosAndTheCancelThresholdAreParameters() {
        LinkageCalculator custom = new LinkageCalculator(pack("link.project.mediumRatio", "-0.2",
                "link.project.cancelBelow", "50", "link.transfer.excellentRatio", "0.08"));
        Adjustment medium = custom.link(REGION, evaluated(ProjectKind.PROJECT, Recurrence.CONTINUING, "70", "5200000")).orElseThrow();
        assertEquals(d("-0.20"), medium.ratio());
        assertEquals(d("-1040000.00"), medium.deltaAmount());
        assertEquals(Action.CANCEL,
                custom.link(REGION, evaluated(ProjectKind.PROJECT, Recurrence.CONTINUING, "45", "1")).orElseThrow().action());
        assertEquals(d("416000.00"),
                custom.link(REGION, evaluated(ProjectKind.TRANSFER, null, "95", "5200000")).orElseThrow().deltaAmount());
    }

    @Test
    void aProjectNeedsItsRecurrenceButAPolicyDoesNot() {
        EvaluationInputException ex = assertThrows(EvaluationInputException.class,
                () -> linkage.link(REGION, evaluated(ProjectKind.PROJECT, null, "70", "1")));
        assertEquals("recurrence", ex.path());
        assertEquals(Action.ADJUST, link(ProjectKind.POLICY, null, "70", "1").action());
    }

    @Test
    void withoutANextYearRequestTheBaseIsZero() {
        Adjustment a = link(ProjectKind.PROJECT, Recurrence.ONE_OFF, "50", null);
        assertEquals(Action.CANCEL, a.action());
        assertEquals(d("0.00"), a.baseAmount());
        assertEquals(d("0.00"), a.deltaAmount());
    }

    @Test
    void aSwitchedOffRuleLinksNothing() {
        LinkageCalculator off = new LinkageCalculator(pack("rule.LINK_POLICY_GRADE.enabled", "false"));
        assertTrue(off.link(REGION, evaluated(ProjectKind.POLICY, null, "50", "1")).isEmpty());
        assertTrue(off.link(REGION, evaluated(ProjectKind.PROJECT, Recurrence.ONE_OFF, "50", "1")).isPresent());
    }

    @Test
    void keyEvaluationIsNamedAsTheSource() {
        ProjectEvaluation e = new ProjectScorer(RulePack.DEFAULT).evaluate(REGION,
                Fixtures.project("P1", Fixtures.workedIndicators()), Fixtures.workedInput("P1").keyScore("65").build());
        Adjustment a = linkage.link(REGION, e).orElseThrow();
        assertEquals("KEY_EVALUATION", a.basis().get("source"));
        assertEquals("65.00", a.basis().get("score"));
        assertTrue(a.explanation().contains("财政重点评价"), a.explanation());
        assertEquals(Action.REDUCE, a.action());
    }
}
