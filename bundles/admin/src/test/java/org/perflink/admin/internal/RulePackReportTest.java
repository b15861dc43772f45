package org.perflink.admin.internal;

import org.perflink.reports.FakeRulePacks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.Stage;
import org.perflink.api.rules.Param;
import org.perflink.api.rules.RulePack;
import org.perflink.api.stage.RuleCatalog;
import org.perflink.reports.Loaded;

class RulePackReportTest {

    private final FakeRulePacks packs = new FakeRulePacks()
            .define("gd", "2", Map.of("exAnte.threshold", "3000000", "rule.GOAL_MISSING.enabled", "false",
                    "grade.excellent", "92"))
            .define("gz", "1", Map.of("exAnte.threshold", "2000000", "rule.GOAL_MISSING.severity", "BLOCK",
                    "monitor.lag.red", "0.25", "exAnte.treshold", "1", "rule.NEW_LOCAL_RULE.enabled", "false"))
            .assign("440000", "gd")
            .assign("440100", "gz");

    private static String rowOf(String out, String... parts) {
        return out.lines().filter(l -> {
            for (String p : parts) {
                if (!l.contains(p)) {
                    return false;
                }
            }
            return true;
        }).findFirst().orElseThrow(() -> new AssertionError(List.of(parts) + " in\n" + out));
    }

    @Test
    void everyInstalledStagesDiscoveredParameterIsListedWithItsValueAndSource() {
        List<RuleCatalog> installed = Loaded.catalogs();
        assertEquals(List.of(Stage.COMPILE, Stage.EXECUTE, Stage.CLOSE), installed.stream().map(RuleCatalog::stage).toList());

        String out = RulePackReport.full("440106", packs, installed, List.of());

        assertTrue(out.startsWith("区划 (region): 440106\n有效规则包 (effective rule pack): gz@1\n"
                + "继承链 (chain): gz@1 < gd@2 < default@1\n"), out);
        for (Param p : Loaded.catalog(Stage.COMPILE).parameters()) {
            rowOf(out, "编制", " " + p.key() + " ");
        }
        for (Param p : Loaded.catalog(Stage.EXECUTE).parameters()) {
            rowOf(out, "执行", " " + p.key() + " ");
        }
        for (Param p : Loaded.catalog(Stage.CLOSE).parameters()) {
            rowOf(out, "决算", " " + p.key() + " ");
        }
        rowOf(out, "exAnte.threshold", "2000000", "gz@1", "5000000");
        rowOf(out, "monitor.lag.red", "0.25", "gz@1");
        rowOf(out, "grade.excellent", "92", "gd@2");
        rowOf(out, "monitor.lag.blue", "0.10", RulePackReport.BUILT_IN);
        assertFalse(out.contains("未安装的阶段"), out);
    }

    @Test
    void theOpenDataExportsKeysAreParametersNotUnknownKeys() {
        packs.define("open", "1", Map.of("disclose.adjustments", "true")).assign("440300", "open");
        String out = RulePackReport.full("440300", packs, Loaded.catalogs(), List.of());
        for (Param p : Disclosure.PARAMETERS) {
            rowOf(out, RulePackReport.DISCLOSURE, " " + p.key() + " ");
        }
        rowOf(out, "disclose.adjustments", "true", "open@1", "false");
        rowOf(out, "disclose.composites", "false", RulePackReport.BUILT_IN);
        assertFalse(out.contains("未被已安装阶段读取的键"), out);
    }

    @Test
    void ruleSwitchesAndSeveritiesShowWhereTheyAreSet() {
        String out = RulePackReport.full("440100", packs, Loaded.catalogs(), List.of());

        rowOf(out, "GOAL_MISSING", "否 (NO)", "BLOCK", "gd@2, gz@1");
        rowOf(out, "COST_EXCEEDS_BUDGET", "是 (yes)", "BLOCK", RulePackReport.BUILT_IN);
        rowOf(out, "编制 (compile),决算 (close)", "WEIGHTS_INVALID");
        rowOf(out, "执行 (execute)", "NO_DATA");
        rowOf(out, "NEW_LOCAL_RULE", "否 (NO)", "not installed/unknown");
        // a misspelt key is neither a parameter nor a rule switch
        String others = out.substring(out.indexOf("未被已安装阶段读取的键"));
        rowOf(others, "exAnte.treshold", "1", "gz@1");
        assertFalse(others.contains("exAnte.threshold "), others);
        assertFalse(others.contains("NEW_LOCAL_RULE"), others);
    }

    @Test
    void missingStagesAreNamedAndTheirKeysAreNotMistakenForOwnKeys() {
        List<RuleCatalog> compileOnly = Loaded.catalogs().stream().filter(c -> c.stage() == Stage.COMPILE).toList();
        String out = RulePackReport.full("440100", packs, compileOnly, List.of(Stage.EXECUTE, Stage.CLOSE));
        assertTrue(out.contains("未安装的阶段 (stages not installed): 执行 (execute),决算 (close)"), out);
        assertFalse(out.lines().anyMatch(l -> l.startsWith("执行")), out);
        rowOf(out.substring(out.indexOf("未被已安装阶段读取的键")), "monitor.lag.red", "0.25");
    }

    @Test
    void diffShowsOnlyWhatDiffersFromTheParentRegion() {
        String out = RulePackReport.diff("440100", packs);
        assertTrue(out.contains("上级 (parent): 440000"), out);
        rowOf(out, "exAnte.threshold", "2000000", "3000000", "gz@1");
        rowOf(out, "rule.GOAL_MISSING.severity", "BLOCK", "(default)", "gz@1");
        assertFalse(out.contains("grade.excellent"), "inherited unchanged from the parent:\n" + out);
        assertFalse(out.contains("rule.GOAL_MISSING.enabled"), out);

        String province = RulePackReport.diff("440000", packs);
        assertTrue(province.contains("上级 (parent): default"), province);
        rowOf(province, "grade.excellent", "92", "(default)", "gd@2");

        String none = RulePackReport.diff("440106", packs);
        assertTrue(none.contains("与上级无差异 (no difference from the parent 440100)"), none);
    }

    @Test
    void aChainThatDoesNotEndInDefaultEndsInTheBuiltInValues() {
        assertEquals("x@1 < " + RulePackReport.BUILT_IN, RulePackReport.chain(new RulePack("x", "1", Map.of(), null)));
        assertEquals("default@1", RulePackReport.chain(RulePack.DEFAULT));
    }
}
