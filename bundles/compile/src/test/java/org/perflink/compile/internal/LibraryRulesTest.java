package org.perflink.compile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.compile.internal.CheckerTestSupport.assertNone;
import static org.perflink.compile.internal.CheckerTestSupport.the;
import static org.perflink.compile.internal.TestProjects.aProject;
import static org.perflink.compile.internal.TestProjects.cost;
import static org.perflink.compile.internal.TestProjects.indicator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.Finding;
import org.perflink.api.model.Indicator.Level1;
import org.perflink.api.model.Indicator.Level2;
import org.perflink.api.model.Indicator.Operator;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectKind;
import org.perflink.api.model.Severity;
import org.perflink.api.rules.RulePack;
import org.perflink.compile.internal.IndicatorLibrary.CoreIndicator;
import org.perflink.compile.internal.IndicatorLibrary.Scope;
import org.perflink.compile.internal.IndicatorLibrary.Standard;

/** rules.md §11 (since rules v2): hierarchical lookup and the library's standard values. */
class LibraryRulesTest extends CheckerTestSupport {

    @Test
    void aTargetFarBelowTheHistoryIsTooEasy() {
        // history 12 schools, easyRatio 0.8: 9.6 is just acceptable, 9.59 is not
        assertNone("LIBRARY_VALUE_TOO_EASY", aProject().change("I1", i -> i.ge("9.6", "所")).build(), Phase.DECLARED);
        Finding f = the("LIBRARY_VALUE_TOO_EASY", aProject().change("I1", i -> i.ge("9.59", "所")).build(),
                Phase.DECLARED);
        assertEquals(Severity.WARN, f.severity());
        assertEquals("target.indicators[0].value", f.path());
        assertEquals("12", f.figures().get("reference"));
        assertEquals("12", f.figures().get("libraryHistory"));
        assertEquals("0.8", f.figures().get("library.easyRatio"));
        assertEquals("2050202", f.figures().get("libraryLevel"));
        assertTrue(f.message().contains("9.59所") && f.message().contains("12所"), f.message());
        assertTrue(f.messageEn().contains("too low"), f.messageEn());
    }

    @Test
    void aCostFarAboveTheStandardIsTooEasyAfterConvertingMoney() {
        // standard ≤ 2 万元: 25 000 元 = 2.5 万元 = 2 ÷ 0.8 is acceptable, 25 000.01 元 is not
        assertNone("LIBRARY_VALUE_TOO_EASY", aProject().change("C1", i -> i.le("25000", "元")).build(), Phase.DECLARED);
        assertNone("LIBRARY_UNIT_MISMATCH", aProject().change("C1", i -> i.le("25000", "元")).build(), Phase.DECLARED);
        Finding f = the("LIBRARY_VALUE_TOO_EASY", aProject().change("C1", i -> i.le("25000.01", "元")).build(),
                Phase.DECLARED);
        assertEquals("2.500001", f.figures().get("value"));
        assertEquals("2", f.figures().get("libraryStandard"));
        assertTrue(f.message().contains("高于"), f.message());
    }

    @Test
    void anotherUnitIsAMismatchNamingTheLibrarysUnit() {
        assertNone("LIBRARY_UNIT_MISMATCH", aProject().build(), Phase.DECLARED);
        Finding f = the("LIBRARY_UNIT_MISMATCH", aProject().change("I1", i -> i.ge("12", "个")).build(), Phase.DECLARED);
        assertEquals(Severity.WARN, f.severity());
        assertEquals("target.indicators[0].unit", f.path());
        assertEquals(Map.of("name", "改造学校数量", "unit", "个", "libraryUnit", "所", "libraryLevel", "2050202"),
                f.figures());
        // an entry the library marks qualitative (定性) has no unit to compare
        IndicatorLibrary qualitative = new IndicatorLibrary(Map.of("2050202", List.of(new CoreIndicator("改造学校数量", "定性"))));
        try (TargetChecker checker = new TargetChecker(qualitative)) {
            assertTrue(findings(checker.check(aProject().build(), Phase.DECLARED, RulePack.DEFAULT, AT),
                    "LIBRARY_UNIT_MISMATCH").isEmpty());
        }
        // and its value is then not compared with the library's
        assertNone("LIBRARY_VALUE_TOO_EASY", aProject().change("I1", i -> i.ge("1", "个")).build(), Phase.DECLARED);
    }

    @Test
    void aValueOutsideTheStandardRangeIsNoted() {
        assertNone("LIBRARY_VALUE_OUT_OF_RANGE", aProject().change("I2", i -> i.ge("90", "%")).build(), Phase.DECLARED);
        Finding f = the("LIBRARY_VALUE_OUT_OF_RANGE", aProject().change("I2", i -> i.ge("89.99", "%")).build(),
                Phase.DECLARED);
        assertEquals(Severity.INFO, f.severity());
        assertEquals("90", f.figures().get("libraryMin"));
        assertEquals("100", f.figures().get("libraryMax"));
    }

    @Test
    void theEasyRatioIsARegionParameter() {
        Project nine = aProject().change("I1", i -> i.ge("9", "所")).build();
        assertNone("LIBRARY_VALUE_TOO_EASY", check(nine, Phase.DECLARED, pack("library.easyRatio", "0.75")));
        assertEquals(1, findings(check(nine, Phase.DECLARED, pack("library.easyRatio", "0.76")),
                "LIBRARY_VALUE_TOO_EASY").size());
        assertNone("LIBRARY_VALUE_TOO_EASY", check(nine, Phase.DECLARED,
                pack("rule.LIBRARY_VALUE_TOO_EASY.enabled", "false")));
    }

    private static void assertNone(String ruleId, org.perflink.api.model.Verdict verdict) {
        assertTrue(findings(verdict, ruleId).isEmpty(), verdict.findings().toString());
    }

    // ---- hierarchical lookup (分层分类) -----------------------------------------------------------------------

    private static final IndicatorLibrary LAYERED = new IndicatorLibrary(Map.of(
            "20502", List.of(new CoreIndicator("改造学校数量", "所")),
            "205", List.of(new CoreIndicator("新增学位数", "个", null, null, null,
                    new Standard(Operator.GE, new BigDecimal("500"), null), null)),
            "COMMON", List.of(new CoreIndicator("学生家长满意度", "%"),
                    new CoreIndicator("政策知晓率", "%", null, null, Scope.POLICY, null, null))), "test.json");

    @Test
    void aFunctionCodeFallsBackToItsPrefixesAndTheCommonIndicators() {
        IndicatorLibrary.Lookup lookup = LAYERED.lookup("2050202", Scope.PROJECT);
        assertEquals("20502", lookup.nearestLevel());
        assertEquals(List.of("改造学校数量", "新增学位数", "学生家长满意度"), List.copyOf(lookup.names()));
        assertEquals("205", lookup.match("新增学位数").orElseThrow().level());
        assertEquals("test.json", lookup.match("新增学位数").orElseThrow().source());
        assertEquals(List.of("2050202", "20502", "205", "COMMON"), IndicatorLibrary.levelsOf("2050202"));
        // policy indicators apply to policies only
        assertEquals(List.of("政策知晓率"), List.copyOf(LAYERED.lookup("2050202", Scope.POLICY).names()));
        assertEquals(Scope.POLICY, IndicatorLibrary.scopeOf(ProjectKind.POLICY));
        assertEquals(Scope.PROJECT, IndicatorLibrary.scopeOf(ProjectKind.TRANSFER));
    }

    @Test
    void theRulesUseEveryLevel() {
        try (TargetChecker layered = new TargetChecker(LAYERED)) {
            Project p = aProject().indicators(
                    indicator("I1", Level1.OUTPUT, Level2.QUANTITY, "改造学校数量").ge("12", "所").weight("15"),
                    indicator("B1", Level1.BENEFIT, Level2.SOCIAL, "新增学位数").ge("399", "个").weight("30"),
                    indicator("X1", Level1.OUTPUT, Level2.QUALITY, "其他").ge("1", "项").weight("30"),
                    cost("C1").le("1.5", "万元").weight("15")).build();
            var verdict = layered.check(p, Phase.DECLARED, RulePack.DEFAULT, AT);
            Finding easy = findings(verdict, "LIBRARY_VALUE_TOO_EASY").get(0);
            assertEquals("205", easy.figures().get("libraryLevel"));
            assertEquals("500", easy.figures().get("libraryStandard"));
            assertEquals("test.json", easy.figures().get("librarySource"));
            List<Finding> unknown = findings(verdict, "LIBRARY_UNKNOWN_INDICATOR");
            assertEquals(List.of("target.indicators[2].name", "target.indicators[3].name"),
                    unknown.stream().map(Finding::path).toList());
            assertEquals("20502", unknown.get(0).figures().get("libraryLevel"));
            assertTrue(unknown.get(0).message().contains("20502"), unknown.get(0).message());
        }
    }

    @Test
    void aRegionLibraryOverlaysItsParentsByName() {
        IndicatorLibrary region = new IndicatorLibrary(Map.of("205", List.of(new CoreIndicator("新增学位数", "个", null,
                null, null, new Standard(Operator.GE, new BigDecimal("800"), null), null),
                new CoreIndicator("校车配备数", "辆"))), "440100.json");
        IndicatorLibrary merged = LAYERED.overlaidBy(region);
        IndicatorLibrary.Match replaced = merged.lookup("2050202", Scope.PROJECT).match("新增学位数").orElseThrow();
        assertEquals(new BigDecimal("800"), replaced.indicator().standard().value());
        assertEquals("440100.json", replaced.source());
        assertEquals(List.of("新增学位数", "校车配备数"),
                merged.byFunction().get("205").stream().map(CoreIndicator::name).toList());
        assertEquals("test.json", merged.lookup("2050202", Scope.PROJECT).match("改造学校数量").orElseThrow().source());
        assertEquals(LAYERED.byFunction(), LAYERED.overlaidBy(IndicatorLibrary.EMPTY).byFunction());
    }
}
