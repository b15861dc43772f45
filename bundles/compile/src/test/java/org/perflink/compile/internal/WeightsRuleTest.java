package org.perflink.compile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.perflink.api.model.Phase.DECLARED;
import static org.perflink.compile.internal.TestProjects.aProject;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.Finding;
import org.perflink.api.model.Severity;
import org.perflink.api.model.Verdict;

/** Indicator weights ([10号]): 90 points, shared OUTPUT 50 (cost included), BENEFIT 30, SATISFACTION 10. */
class WeightsRuleTest extends CheckerTestSupport {

    @Test
    void noWeightsAtAllIsFine() {
        assertNone("WEIGHTS_INVALID", aProject().noWeights().build(), DECLARED);
    }

    @Test
    void weightsOfTheDefaultSharesAreFineWithCostCountedInOutput() {
        assertNone("WEIGHTS_INVALID", aProject().build(), DECLARED);
    }

    @Test
    void weightsSummingTo100AreAWarning() {
        Verdict v = check(aProject().change("I1", i -> i.weight("25")).build(), DECLARED);
        List<Finding> found = findings(v, "WEIGHTS_INVALID");
        assertEquals(Map.of("weightSum", "100", "expected", "90"), found.get(0).figures());
        assertEquals("指标权重合计 100 分，应为 90 分（另 10 分为预算执行率）", found.get(0).message());
        assertEquals(Map.of("level1", "OUTPUT", "weightSum", "60", "expected", "50"), found.get(1).figures());
        assertEquals(2, found.size());
        assertEquals(Severity.WARN, found.get(0).severity());
        assertEquals(Verdict.Outcome.WARN, v.outcome());
    }

    @Test
    void aGroupDepartingFromItsShareIsAWarningEvenWhenTheTotalIs90() {
        List<Finding> found = findings(check(aProject().change("I1", i -> i.weight("5"))
                .change("B1", i -> i.weight("40")).build(), DECLARED), "WEIGHTS_INVALID");
        assertEquals(List.of("OUTPUT", "BENEFIT"), found.stream().map(f -> f.figures().get("level1")).toList());
        assertEquals("效益指标权重合计 40 分，应为 30 分", found.get(1).message());
    }

    @Test
    void aRegionCanShareThePointsItsOwnWay() {
        var project = aProject().change("I1", i -> i.weight("5")).change("B1", i -> i.weight("40")).build();
        assertEquals(List.of(), findings(check(project, DECLARED,
                pack("weights.level1", "OUTPUT:40, BENEFIT:40, SATISFACTION:10")), "WEIGHTS_INVALID"));
        // with COST listed, cost indicators form their own group
        assertEquals(List.of(), findings(check(aProject().build(), DECLARED,
                pack("weights.level1", "OUTPUT:40,COST:10,BENEFIT:30,SATISFACTION:10")), "WEIGHTS_INVALID"));
    }

    @Test
    void weightsOnSomeIndicatorsOnlyAreAWarning() {
        Finding f = the("WEIGHTS_INVALID", aProject().change("S1", i -> i.weight(null)).build(), DECLARED);
        assertEquals(Map.of("weighted", "5", "indicators", "6"), f.figures());
        assertEquals("共 6 个指标，仅 5 个设置了权重，权重应全部设置或全部不设置", f.message());
    }

    @Test
    void decimalsCompareByValue() {
        assertNone("WEIGHTS_INVALID", aProject().change("I1", i -> i.weight("15.00")).build(), DECLARED);
    }
}
