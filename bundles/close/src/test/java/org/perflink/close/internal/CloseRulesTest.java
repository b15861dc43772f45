package org.perflink.close.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.perflink.api.rules.Param;

class CloseRulesTest {

    /** Parameters that choose a mode (rules v2), with the values rules.md allows. */
    private static final Map<String, List<String>> MODES = Map.of(
            "score.missingActual", List.of("ZERO", "DROP"),
            "link.base", List.of("REQUEST", "CURRENT_BUDGET"),
            "link.department.mode", List.of("GRADE", "LINEAR"),
            "notice.referral.to", List.of("ORGANIZATION", "DISCIPLINE"));

    @Test
    void everyParameterHasItsRulesMdDefault() {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (Param p : CloseRules.parameters()) {
            assertEquals(null, defaults.put(p.key(), p.defaultValue()), "duplicate key " + p.key());
            if (MODES.containsKey(p.key())) {
                assertTrue(MODES.get(p.key()).contains(p.defaultValue()), p.key());
            } else {
                new BigDecimal(p.defaultValue());
            }
            assertFalse(p.description().isBlank(), p.key());
        }
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("grade.excellent", "90");
        expected.put("grade.good", "80");
        expected.put("grade.medium", "60");
        expected.put("score.points.execution", "10");
        expected.put("score.points.indicators", "90");
        expected.put("score.points.OUTPUT", "50");
        expected.put("score.points.BENEFIT", "30");
        expected.put("score.points.SATISFACTION", "10");
        expected.put("score.qualitative.A", "1.0");
        expected.put("score.qualitative.B", "0.8");
        expected.put("score.qualitative.C", "0.6");
        expected.put("score.qualitative.D", "0");
        expected.put("score.selfScore.inflationMargin", "10");
        expected.put("score.missingActual", "ZERO");
        expected.put("score.notApplicable.warnShare", "0.5");
        expected.put("link.project.excellentRatio", "0");
        expected.put("link.project.goodRatio", "0");
        expected.put("link.project.mediumRatio", "-0.10");
        expected.put("link.project.poorRatio", "-0.30");
        expected.put("link.project.cancelBelow", "40");
        expected.put("link.transfer.excellentRatio", "0.05");
        expected.put("link.transfer.goodRatio", "0");
        expected.put("link.transfer.mediumRatio", "-0.05");
        expected.put("link.transfer.poorRatio", "-0.15");
        expected.put("link.base", "REQUEST");
        expected.put("link.budgetYearOffset", "1");
        expected.put("department.weight.KEY_ASSESSMENT", "0.2");
        expected.put("department.weight.KEY_TARGETS", "0.2");
        expected.put("department.weight.KEY_MONITORING", "0.2");
        expected.put("department.weight.OVERALL_EVALUATION", "0.4");
        expected.put("department.deductionCap", "20");
        expected.put("department.coefficient.EXCELLENT", "1.03");
        expected.put("department.coefficient.GOOD", "1.00");
        expected.put("department.coefficient.MEDIUM", "0.97");
        expected.put("department.coefficient.POOR", "0.90");
        expected.put("link.department.mode", "GRADE");
        expected.put("link.department.slope", "0.002");
        expected.put("link.department.pivot", "85");
        expected.put("link.department.min", "0.90");
        expected.put("link.department.max", "1.05");
        expected.put("composite.verdict.warnPoints", "0.8");
        expected.put("composite.monitoring.redCost", "10");
        expected.put("composite.monitoring.yellowCost", "5");
        expected.put("composite.exAnte.withChangesPoints", "80");
        expected.put("composite.policy.weight.ASSESSMENT", "0.2");
        expected.put("composite.policy.weight.MONITORING", "0.3");
        expected.put("composite.policy.weight.EVALUATION", "0.5");
        expected.put("composite.region.weight.TARGETS", "0.2");
        expected.put("composite.region.weight.MONITORING", "0.3");
        expected.put("composite.region.weight.EVALUATION", "0.5");
        expected.put("link.region.factor.EXCELLENT", "1.03");
        expected.put("link.region.factor.GOOD", "1.00");
        expected.put("link.region.factor.MEDIUM", "0.97");
        expected.put("link.region.factor.POOR", "0.90");
        expected.put("notice.reminder.dueDays", "20");
        expected.put("notice.rectification.dueDays", "30");
        expected.put("notice.interview.dueDays", "30");
        expected.put("notice.interview.poorProjects", "3");
        expected.put("notice.resubmitDays", "10");
        expected.put("notice.referral.to", "ORGANIZATION");
        expected.put("evaluator.conflict.coolingYears", "3");
        expected.put("evaluator.quality.maxDeviation", "10");
        expected.put("evaluator.quality.cost.CONFLICT", "100");
        expected.put("evaluator.quality.cost.DEVIATION", "40");
        expected.put("evaluator.quality.cost.LATE", "20");
        expected.put("evaluator.quality.cost.UNSCORED", "20");
        // rules.md §6
        expected.put("assess.points.ASSESS_TARGETS_ON_TIME", "15");
        expected.put("assess.points.ASSESS_TARGETS_QUALITY", "10");
        expected.put("assess.points.ASSESS_MONITORING_COVERAGE", "10");
        expected.put("assess.points.ASSESS_WARNINGS_HANDLED", "10");
        expected.put("assess.points.ASSESS_SELF_EVAL_COVERAGE", "15");
        expected.put("assess.points.ASSESS_SELF_EVAL_HONESTY", "10");
        expected.put("assess.points.ASSESS_RECTIFICATION_ON_TIME", "15");
        expected.put("assess.points.ASSESS_RESULTS_APPLIED", "15");
        expected.put("assess.praise.maxRank", "10");
        expected.put("assess.criticism.lastRanks", "0");
        assertEquals(expected, defaults);
    }

    @Test
    void bothLanguagesHaveTheSameMessages() throws IOException {
        Properties zh = load("messages_zh_CN.properties");
        Properties en = load("messages_en.properties");
        assertEquals(zh.keySet(), en.keySet());
        assertFalse(zh.isEmpty());
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = CloseRules.class.getResourceAsStream("/org/perflink/close/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
