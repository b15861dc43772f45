package org.perflink.compile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.api.model.Phase.DECLARED;
import static org.perflink.compile.internal.TestProjects.aProject;
import static org.perflink.compile.internal.TestProjects.indicator;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.Finding;
import org.perflink.api.model.Indicator.Level1;
import org.perflink.api.model.Indicator.Level2;
import org.perflink.api.model.Indicator.Operator;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Severity;
import org.perflink.api.model.Verdict;

/** The indicator system (指标体系): complete, quantified, distinct, sourced. */
class IndicatorRulesTest extends CheckerTestSupport {

    // INDICATOR_OUTPUT_MISSING, INDICATOR_BENEFIT_MISSING, INDICATOR_SATISFACTION_MISSING

    @Test
    void withoutOutputIndicatorsTheTargetIsBlockedOnceNotPerDimension() {
        Verdict v = check(aProject().remove("I1").remove("I2").remove("I3").build(), DECLARED);
        Finding f = findings(v, "INDICATOR_OUTPUT_MISSING").get(0);
        assertEquals("target.indicators", f.path());
        assertEquals(Severity.BLOCK, f.severity());
        assertEquals(Map.of("level1", "OUTPUT", "found", "COST,BENEFIT,SATISFACTION"), f.figures());
        assertTrue(findings(v, "INDICATOR_OUTPUT_DIMENSION_MISSING").isEmpty());
    }

    @Test
    void benefitIsRequiredAndSatisfactionExpected() {
        assertEquals(Severity.BLOCK, the("INDICATOR_BENEFIT_MISSING", aProject().remove("B1").build(), DECLARED).severity());
        assertEquals(Severity.WARN, the("INDICATOR_SATISFACTION_MISSING", aProject().remove("S1").build(), DECLARED).severity());
        assertNone("INDICATOR_BENEFIT_MISSING", aProject().build(), DECLARED);
        assertNone("INDICATOR_SATISFACTION_MISSING", aProject().build(), DECLARED);
    }

    // INDICATOR_OUTPUT_DIMENSION_MISSING

    @Test
    void outputCoversQuantityQualityAndTimeliness() {
        Verdict v = check(aProject().remove("I2").remove("I3").build(), DECLARED);
        List<Finding> missing = findings(v, "INDICATOR_OUTPUT_DIMENSION_MISSING");
        assertEquals(List.of("QUALITY", "TIMELINESS"), missing.stream().map(f -> f.figures().get("level2")).toList());
        assertEquals("产出指标缺少质量指标", missing.get(0).message());
        assertEquals(Severity.WARN, missing.get(0).severity());
        assertNone("INDICATOR_OUTPUT_DIMENSION_MISSING", aProject().build(), DECLARED);
    }

    // INDICATOR_COST_MISSING

    @Test
    void aCostIndicatorIsExpectedAndOlderTablesFileItUnderOutput() {
        assertEquals(Severity.WARN, the("INDICATOR_COST_MISSING", aProject().remove("C1").build(), DECLARED).severity());
        assertNone("INDICATOR_COST_MISSING",
                aProject().change("C1", c -> c.level(Level1.OUTPUT, Level2.COST)).build(), DECLARED);
    }

    // INDICATOR_QUANT_INCOMPLETE

    @Test
    void aQuantitativeIndicatorNeedsOperatorValueAndUnitEachAtItsField() {
        Verdict v = check(aProject().change("I1", i -> i.operator(null).value(" ").unit(null)).build(), DECLARED);
        List<Finding> found = findings(v, "INDICATOR_QUANT_INCOMPLETE");
        assertEquals(List.of("target.indicators[0].operator", "target.indicators[0].value", "target.indicators[0].unit"),
                found.stream().map(Finding::path).toList());
        assertEquals("定量指标“改造学校数量”未填写计量单位", found.get(2).message());
        assertEquals(Verdict.Outcome.BLOCK, v.outcome());
    }

    @Test
    void anUnreadableValueIsAFindingNotAnException() {
        Finding f = the("INDICATOR_QUANT_INCOMPLETE", aProject().change("B1", i -> i.value("显著提升")).build(), DECLARED);
        assertEquals("target.indicators[4].value", f.path());
        assertEquals(Map.of("value", "显著提升"), f.figures());
        assertEquals("定量指标“新增学位数”的指标值“显著提升”不是数值", f.message());
        assertEquals("The value \"显著提升\" of quantitative indicator \"新增学位数\" is not a number", f.messageEn());
    }

    @Test
    void aUnitWrittenIntoTheValueIsAUnit() {
        assertNone("INDICATOR_QUANT_INCOMPLETE", aProject().change("I2", i -> i.value("≥98%").unit(null)).build(), DECLARED);
        assertNone("INDICATOR_QUANT_INCOMPLETE", aProject().change("I1", i -> i.value("12所").unit("")).build(), DECLARED);
    }

    @Test
    void aRangeNeedsAnUpperBoundNotBelowItsLowerBound() {
        assertEquals("target.indicators[0].valueMax", the("INDICATOR_QUANT_INCOMPLETE",
                aProject().change("I1", i -> i.range("10", null, "所")).build(), DECLARED).path());
        Finding reversed = the("INDICATOR_QUANT_INCOMPLETE",
                aProject().change("I1", i -> i.range("15", "10", "所")).build(), DECLARED);
        assertEquals(Map.of("value", "15", "valueMax", "10"), reversed.figures());
        assertEquals(Map.of("valueMax", "约二十"), the("INDICATOR_QUANT_INCOMPLETE",
                aProject().change("I1", i -> i.range("10", "约二十", "所")).build(), DECLARED).figures());
        // bounds in different money units compare in 元: 5万元 < 60000元
        assertNone("INDICATOR_QUANT_INCOMPLETE",
                aProject().change("I1", i -> i.range("5万元", "60000元", null)).build(), DECLARED);
        assertNone("INDICATOR_QUANT_INCOMPLETE",
                aProject().change("I1", i -> i.range("10", "10", "所")).build(), DECLARED);
    }

    @Test
    void qualitativeIndicatorsAreFreeText() {
        assertNone("INDICATOR_QUANT_INCOMPLETE",
                aProject().change("B1", i -> i.qualitative("办学条件明显改善")).build(), DECLARED);
    }

    // INDICATOR_VALUE_SOURCE_MISSING

    @Test
    void aQuantitativeValueNamesItsSourceAsInformation() {
        var project = aProject().change("S1", i -> i.valueSource(null)).build();
        Finding f = the("INDICATOR_VALUE_SOURCE_MISSING", project, DECLARED);
        assertEquals("target.indicators[5].valueSource", f.path());
        assertEquals(Severity.INFO, f.severity());
        assertEquals(Verdict.Outcome.PASS, check(project, DECLARED).outcome());
        assertNone("INDICATOR_VALUE_SOURCE_MISSING", aProject().build(), DECLARED);
    }

    // INDICATOR_QUANT_SHARE_LOW

    @Test
    void fewerThanHalfQuantitativeIsAWarningAndHalfIsEnough() {
        var third = aProject().change("I2", i -> i.qualitative("质量达标")).change("I3", i -> i.qualitative("按期完成"))
                .change("B1", i -> i.qualitative("学位增加")).change("S1", i -> i.qualitative("满意")).build();
        Finding f = the("INDICATOR_QUANT_SHARE_LOW", third, DECLARED);
        assertEquals(Map.of("quantitative", "2", "total", "6", "share", "0.33", "minShare", "0.5"), f.figures());
        assertEquals("定量指标 2 个，占全部 6 个指标的 33%，低于 50%，指标应尽量定量表述", f.message());
        var half = aProject().change("I2", i -> i.qualitative("质量达标")).change("I3", i -> i.qualitative("按期完成"))
                .change("B1", i -> i.qualitative("学位增加")).build();
        assertNone("INDICATOR_QUANT_SHARE_LOW", half, DECLARED);
        assertEquals(1, findings(check(half, DECLARED, pack("indicator.minQuantShare", "0.6")),
                "INDICATOR_QUANT_SHARE_LOW").size());
    }

    // INDICATOR_DUPLICATE

    @Test
    void aCodeUsedTwiceIsADuplicate() {
        Finding f = the("INDICATOR_DUPLICATE", aProject()
                .add(indicator("I1", Level1.OUTPUT, Level2.QUANTITY, "培训教师人数").ge("200", "人")).build(), DECLARED);
        assertEquals("target.indicators[6].code", f.path());
        assertEquals(Map.of("code", "I1", "duplicateOf", "target.indicators[0]"), f.figures());
        assertEquals(Severity.WARN, f.severity());
    }

    @Test
    void aNameTwiceUnderOneLevel2IsADuplicateButNotUnderAnother() {
        Finding f = the("INDICATOR_DUPLICATE", aProject()
                .add(indicator("I9", Level1.OUTPUT, Level2.QUANTITY, " 改造学校数量").ge("3", "所")).build(), DECLARED);
        assertEquals("target.indicators[6].name", f.path());
        assertEquals(Map.of("level2", "QUANTITY", "name", "改造学校数量", "duplicateOf", "target.indicators[0]"), f.figures());
        assertNone("INDICATOR_DUPLICATE", aProject()
                .add(indicator("I9", Level1.OUTPUT, Level2.TIMELINESS, "改造学校数量").ge("3", "所")).build(), DECLARED);
    }

    // LIBRARY_UNKNOWN_INDICATOR

    @Test
    void anIndicatorOutsideTheLibraryOfItsFunctionIsReportedForInformation() {
        var project = aProject().add(indicator("I7", Level1.OUTPUT, Level2.QUANTITY, "培训教师人数").ge("200", "人")).build();
        Finding f = the("LIBRARY_UNKNOWN_INDICATOR", project, DECLARED);
        assertEquals("target.indicators[6].name", f.path());
        assertEquals(Severity.INFO, f.severity());
        assertEquals(Map.of("functionCode", "2050202", "name", "培训教师人数"), f.figures());
        assertEquals("指标“培训教师人数”不在功能科目 2050202 的核心指标库中，请优先选用核心指标", f.message());
        assertNone("LIBRARY_UNKNOWN_INDICATOR", aProject().build(), DECLARED);
    }

    @Test
    void aFunctionTheLibraryDoesNotCoverIsNotJudged() {
        assertNone("LIBRARY_UNKNOWN_INDICATOR", aProject().functionCode("2130504")
                .change("I1", i -> i.name("新建改建农村公路里程")).build(), DECLARED);
        try (TargetChecker withoutLibrary = new TargetChecker(IndicatorLibrary.EMPTY)) {
            var v = withoutLibrary.check(aProject().change("I1", i -> i.name("其他指标")).build(), Phase.DECLARED,
                    org.perflink.api.rules.RulePack.DEFAULT, AT);
            assertTrue(findings(v, "LIBRARY_UNKNOWN_INDICATOR").isEmpty());
        }
    }

    @Test
    void indicatorFindingsComeInIndicatorOrder() {
        Verdict v = check(aProject().change("S1", i -> i.operator(null)).change("I1", i -> i.value("若干"))
                .change("C1", i -> i.operator(Operator.RANGE)).build(), DECLARED);
        assertEquals(List.of("target.indicators[0].value", "target.indicators[3].valueMax", "target.indicators[5].operator"),
                findings(v, "INDICATOR_QUANT_INCOMPLETE").stream().map(Finding::path).toList());
    }
}
