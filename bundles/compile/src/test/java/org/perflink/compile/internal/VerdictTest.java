package org.perflink.compile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.api.model.Phase.DECLARED;
import static org.perflink.api.model.Phase.REVIEWED;
import static org.perflink.compile.internal.TestProjects.aProject;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.Finding;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.Severity;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.api.model.Verdict;
import org.perflink.api.rules.Param;
import org.perflink.api.rules.RulePack;

/** What a verdict says as a whole: identity, outcome, the rule pack's switches, and the two non-rule findings. */
class VerdictTest extends CheckerTestSupport {

    private static final StageEvent EVENT = new StageEvent(41, "ev-440000-41", "440000", 2027, Stage.COMPILE,
            Phase.REVIEWED, List.of("440000-2027-000123"), AT, null);

    @Test
    void aVerdictIsIdentifiedByProjectPhaseAndRevision() {
        Verdict v = check(aProject().build(), REVIEWED);
        assertEquals("440000-2027-000123.REVIEWED.r3", v.verdictId());
        assertEquals("440000-2027-000123", v.projectCode());
        assertEquals("440000", v.regionCode());
        assertEquals(2027, v.year());
        assertEquals(REVIEWED, v.phase());
        assertEquals(3, v.revision());
        assertEquals("default@1", v.rulePack());
        assertEquals(AT, v.checkedAt());
        assertEquals("440000@2", check(aProject().build(), REVIEWED, pack()).rulePack());
    }

    @Test
    void theSameInputGivesTheSameVerdict() {
        Project messy = aProject().goal("").remove("S1").change("I1", i -> i.value("若干")).build();
        assertEquals(check(messy, Phase.PUBLISHED), check(messy, Phase.PUBLISHED));
    }

    @Test
    void infoFindingsAloneStillPass() {
        Verdict v = check(aProject().change("S1", i -> i.valueSource(null)).build(), DECLARED);
        assertEquals(List.of(Severity.INFO), v.findings().stream().map(Finding::severity).toList());
        assertEquals(Verdict.Outcome.PASS, v.outcome());
    }

    @Test
    void aWarningWarnsAndABlockBlocksWhateverElseThereIs() {
        assertEquals(Verdict.Outcome.WARN, check(aProject().goal("").build(), DECLARED).outcome());
        Verdict both = check(aProject().goal("").remove("B1").build(), DECLARED);
        assertTrue(both.findings().stream().anyMatch(f -> f.severity() == Severity.WARN));
        assertEquals(Verdict.Outcome.BLOCK, both.outcome());
    }

    @Test
    void findingsFollowTheCatalogueOrder() {
        Verdict v = check(aProject().goal("").remove("B1").targetPhase(Phase.DECLARED).build(), REVIEWED);
        assertEquals(List.of("SYNC_REVIEW_TARGET_NOT_REVIEWED", "INDICATOR_BENEFIT_MISSING", "WEIGHTS_INVALID",
                "WEIGHTS_INVALID", "GOAL_MISSING"), ruleIds(v));
    }

    @Test
    void aRulePackCanSwitchARuleOffAndAChildPackInheritsIt() {
        Project noGoal = aProject().goal("").build();
        assertTrue(findings(check(noGoal, DECLARED, pack("rule.GOAL_MISSING.enabled", "false")), "GOAL_MISSING").isEmpty());
        RulePack province = new RulePack("440000", "1", Map.of("rule.GOAL_MISSING.enabled", "false"), RulePack.DEFAULT);
        RulePack county = new RulePack("440106", "1", Map.of(), province);
        Verdict v = check(noGoal, DECLARED, county);
        assertEquals(List.of(), v.findings());
        assertEquals("440106@1", v.rulePack());
    }

    @Test
    void aRulePackCanRaiseOrLowerASeverity() {
        Finding raised = findings(check(aProject().goal("").build(), DECLARED,
                pack("rule.GOAL_MISSING.severity", "BLOCK")), "GOAL_MISSING").get(0);
        assertEquals(Severity.BLOCK, raised.severity());
        Verdict lowered = check(aProject().isNew().budget("6000000.00").build(), DECLARED,
                pack("rule.EX_ANTE_REQUIRED.severity", "info"));
        assertEquals(Severity.INFO, findings(lowered, "EX_ANTE_REQUIRED").get(0).severity());
        assertEquals(Verdict.Outcome.PASS, lowered.outcome());
    }

    @Test
    void inputThatDoesNotMatchTheContractIsBlockedWithTheParsersError() {
        Verdict v = checker.check(Parsed.invalid("440000-2027-000999", 7, "target.indicators[2].level1",
                "unknown level1 'IMPACT'"), EVENT, RulePack.DEFAULT);
        assertEquals("440000-2027-000999.REVIEWED.r7", v.verdictId());
        assertEquals(Verdict.Outcome.BLOCK, v.outcome());
        assertEquals(AT, v.checkedAt());
        Finding f = v.findings().get(0);
        assertEquals(List.of(new Finding("INPUT_INVALID", Severity.BLOCK, "target.indicators[2].level1",
                "项目数据不符合接口规范，无法检查", "The project data does not match the host contract and cannot be checked",
                Map.of("error", "unknown level1 'IMPACT'"))), v.findings());
        assertEquals("440000", v.regionCode());
        assertEquals(2027, v.year());
        assertEquals(f, checker.check(Parsed.invalid("440000-2027-000999", 7, "target.indicators[2].level1",
                "unknown level1 'IMPACT'"), EVENT, RulePack.DEFAULT).findings().get(0));
    }

    @Test
    void aValidItemIsCheckedForTheEventsPhaseAtTheEventsTime() {
        Project p = aProject().targetPhase(Phase.DECLARED).build();
        Verdict v = checker.check(Parsed.ok(p, p.projectCode(), p.revision()), EVENT, RulePack.DEFAULT);
        assertEquals(check(p, REVIEWED), v);
    }

    @Test
    void aCheckThatFailsBlocksThatProjectOnly() {
        RulePack broken = pack("exAnte.threshold", "五百万");
        Project newProject = aProject().isNew().build();
        Verdict failed = checker.check(Parsed.ok(newProject, newProject.projectCode(), 3), EVENT, broken);
        assertEquals(Verdict.Outcome.BLOCK, failed.outcome());
        Finding f = failed.findings().get(0);
        assertEquals("CHECK_FAILED", f.ruleId());
        assertTrue(f.figures().get("error").contains("exAnte.threshold"), f.figures()::toString);
        assertEquals("检查过程出现内部错误，本项目未能完成检查，请联系系统管理员", f.message());
        Project ordinary = aProject().build();
        assertEquals(Verdict.Outcome.PASS, checker.check(Parsed.ok(ordinary, ordinary.projectCode(), 3), EVENT, broken)
                .outcome());
    }

    @Test
    void aMalformedWeightsParameterIsAConfigurationError() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> check(aProject().build(), DECLARED, pack("weights.level1", "OUTPUT=50")));
        assertTrue(e.getMessage().contains("'weights.level1'"), e::toString);
    }

    @Test
    void onlyIdentifiedItemsAndCompilePhasesCanBeChecked() {
        assertThrows(IllegalArgumentException.class,
                () -> checker.check(Parsed.invalid(null, 0, "projectCode", "missing"), EVENT, RulePack.DEFAULT));
        assertThrows(IllegalArgumentException.class, () -> check(aProject().build(), Phase.DRAFT));
        assertThrows(IllegalArgumentException.class, () -> check(aProject().build(), Phase.MONITOR));
    }

    @Test
    void parametersAreListedWithTheirDefaults() {
        assertEquals(Map.ofEntries(
                        Map.entry("sync.approve.toleranceDays", "0"),
                        Map.entry("sync.publish.toleranceDays", "0"),
                        Map.entry("exAnte.threshold", "5000000"),
                        Map.entry("indicator.minQuantShare", "0.5"),
                        Map.entry("weights.level1", "OUTPUT:50,BENEFIT:30,SATISFACTION:10"),
                        Map.entry("library.file", ""),
                        Map.entry("library.easyRatio", "0.8"),
                        Map.entry("review.finance.scope", "ALL"),
                        Map.entry("review.finance.keyThreshold", "5000000"),
                        Map.entry("exAnte.department.threshold", "1000000"),
                        Map.entry("adjust.deadline", "09-30"),
                        Map.entry("adjust.budgetTolerance", "0.10"),
                        Map.entry("evaluator.conflict.coolingYears", "3"),
                        Map.entry("disclose.days", "20")),
                checker.parameters().stream().collect(java.util.stream.Collectors.toMap(Param::key, Param::defaultValue)));
        assertTrue(checker.parameters().stream().noneMatch(p -> p.description().isBlank()));
    }

    @Test
    void theRuleCatalogueMatchesRulesMd() {
        // rules.md §1, §7, §8, §9 and, since rules v2, §11's three and §10's conflict on ex-ante assessments
        assertEquals(38, TargetChecker.rules().size());
        assertEquals(new TargetChecker.RuleInfo("SYNC_PUBLISH_DATE_MISMATCH", Phase.PUBLISHED, Severity.WARN),
                TargetChecker.rules().get(8));
        assertEquals(new TargetChecker.RuleInfo("LIBRARY_UNKNOWN_INDICATOR", Phase.DECLARED, Severity.INFO),
                TargetChecker.rules().get(23));
        assertEquals(new TargetChecker.RuleInfo("LIBRARY_VALUE_TOO_EASY", Phase.DECLARED, Severity.WARN),
                TargetChecker.rules().get(25));
        assertEquals(new TargetChecker.RuleInfo("REVIEW_GRADE_POOR", Phase.REVIEWED, Severity.BLOCK),
                TargetChecker.rules().get(3));
        assertEquals(new TargetChecker.RuleInfo("LIBRARY_TARGET_MISSING", Phase.LIBRARY, Severity.BLOCK),
                TargetChecker.rules().get(27));
        assertEquals(new TargetChecker.RuleInfo("ADJUST_NOT_TOGETHER", Phase.ADJUST, Severity.WARN),
                TargetChecker.rules().get(35));
        assertEquals(new TargetChecker.RuleInfo("EVALUATOR_CONFLICT", Phase.LIBRARY, Severity.BLOCK),
                TargetChecker.rules().get(36));
        assertEquals(new TargetChecker.RuleInfo("DISCLOSE_LATE", Phase.PUBLISHED, Severity.WARN),
                TargetChecker.rules().get(37));
    }

    @Test
    void bothLanguagesHaveTheSameMessagesAndNoQuotesForMessageFormatToEat() throws IOException {
        Properties zh = load("messages_zh_CN.properties");
        Properties en = load("messages_en.properties");
        assertEquals(zh.keySet(), en.keySet());
        for (Properties texts : List.of(zh, en)) {
            texts.forEach((key, text) -> {
                assertFalse(text.toString().isBlank(), key::toString);
                assertFalse(text.toString().contains("'"), key::toString);
            });
        }
        assertTrue(zh.keySet().containsAll(TargetChecker.rules().stream()
                .filter(r -> !r.ruleId().matches("SYNC_REVIEW_TARGET_RETURNED|INDICATOR_OUTPUT_DIMENSION_MISSING|"
                        + "INDICATOR_QUANT_INCOMPLETE|INDICATOR_DUPLICATE|WEIGHTS_INVALID|LIBRARY_PERIOD_TARGET_INCONSISTENT|"
                        + "ADJUST_NOT_TOGETHER"))
                .map(TargetChecker.RuleInfo::ruleId).toList()));
    }

    @Test
    void everyFindingOfABadlyBrokenProjectReadsInBothLanguages() {
        Project broken = aProject().isNew().budget("9000000.00").goal("").targetPhase(Phase.DECLARED)
                .targetDate(Phase.APPROVED, null).change("I1", i -> i.value("很多").unit(null).valueSource(null))
                .change("C1", i -> i.range("2000", "1000", "万元")).remove("S1").build();
        Verdict v = checker.check(broken, Phase.PUBLISHED, RulePack.DEFAULT, OffsetDateTime.parse("2027-02-10T10:00:00+08:00"));
        assertTrue(v.findings().size() > 8, v.findings()::toString);
        for (Finding f : v.findings()) {
            assertFalse(f.message().isBlank() || f.messageEn().isBlank() || f.message().contains("{")
                    || f.messageEn().contains("{"), f::toString);
            assertFalse(f.path() == null || f.path().isBlank(), f::toString);
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TargetChecker.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
