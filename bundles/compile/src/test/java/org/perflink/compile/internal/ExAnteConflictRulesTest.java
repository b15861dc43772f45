package org.perflink.compile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.compile.internal.TestProjects.aProject;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.Evaluator;
import org.perflink.api.model.Evaluator.Tie.Relation;
import org.perflink.api.model.ExAnte;
import org.perflink.api.model.Finding;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.Severity;
import org.perflink.api.model.Verdict;
import org.perflink.api.rules.RulePack;

/**
 * §10 {@code EVALUATOR_CONFLICT} on ex-ante assessments: the test projects are of 2027 (department 101, unit
 * 101001) and assessed on 2026-09-20, so with the default 3 cooling years the window is 2023-01-01..2027-12-31.
 */
class ExAnteConflictRulesTest extends CheckerTestSupport {

    private static final String RULE = "EVALUATOR_CONFLICT";
    private static final String EXPERT = "EXP-0042";
    private static final String INSTITUTION = "INST-91440000MA5XXXXXXX";

    private static Evaluator expert(Evaluator.Tie... ties) {
        return new Evaluator(EXPERT, Evaluator.Kind.EXPERT, null, null, INSTITUTION, List.of("205"),
                Evaluator.Status.ACTIVE, List.of(ties));
    }

    private static Evaluator institution(Evaluator.Tie... ties) {
        return new Evaluator(INSTITUTION, Evaluator.Kind.INSTITUTION, "某某绩效评价咨询有限公司", "91440000MA5XXXXXXX", null,
                List.of("205"), Evaluator.Status.ACTIVE, List.of(ties));
    }

    private static Evaluator.Tie department(String from, String to) {
        return new Evaluator.Tie("101", null, Relation.EMPLOYED, LocalDate.parse(from), to == null ? null : LocalDate.parse(to));
    }

    private static Map<String, Evaluator> registry(Evaluator... evaluators) {
        Map<String, Evaluator> byId = new HashMap<>();
        for (Evaluator e : evaluators) {
            byId.put(e.evaluatorId(), e);
        }
        return byId;
    }

    private static ExAnte assessed(ExAnte.Level level, ExAnte.Conclusion conclusion) {
        return new ExAnte(ExAnte.Status.DONE, conclusion, LocalDate.of(2026, 9, 20), level, null, List.of(EXPERT));
    }

    private static Project assessedBy(ExAnte exAnte) {
        return aProject().isNew().budget("5000000.00").exAnte(exAnte).build();
    }

    private static Project financeAssessed() {
        return assessedBy(assessed(ExAnte.Level.FINANCE, ExAnte.Conclusion.SUPPORT));
    }

    private static Verdict check(Project p, Phase phase, RulePack pack, Map<String, Evaluator> registry) {
        return checker.check(p, phase, pack, AT, PriorRecords.NONE, registry);
    }

    private static List<Finding> conflicts(Project p, Phase phase, Map<String, Evaluator> registry) {
        return findings(check(p, phase, RulePack.DEFAULT, registry), RULE);
    }

    @Test
    void aTieEndingOnTheFirstDayOfTheWindowConflictsAndNamesTheFieldFiguresAndParameter() {
        Map<String, Evaluator> tied = registry(expert(department("2015-09-01", "2023-01-01")), institution());
        for (Phase phase : List.of(Phase.LIBRARY, Phase.DECLARED, Phase.PUBLISHED)) {
            List<Finding> found = conflicts(financeAssessed(), phase, tied);
            assertEquals(1, found.size(), phase::toString);
            Finding f = found.get(0);
            assertEquals(Severity.BLOCK, f.severity());
            assertEquals("exAnte.evaluatorIds", f.path());
            assertEquals(EXPERT, f.figures().get("evaluatorId"));
            assertEquals(EXPERT, f.figures().get("tiedEvaluatorId"));
            assertEquals("101", f.figures().get("with"));
            assertEquals("EMPLOYED", f.figures().get("relation"));
            assertEquals("2023-01-01", f.figures().get("to"));
            assertEquals("2023-01-01..2027-12-31", f.figures().get("window"));
            assertEquals("evaluator.conflict.coolingYears", f.figures().get("parameter"));
            assertEquals("3", f.figures().get("coolingYears"));
            assertEquals("2026-09-20", f.figures().get("exAnteDate"));
            assertTrue(f.message().contains(EXPERT) && f.message().contains("2023-01-01") && f.message().contains("回避"),
                    f::message);
            assertTrue(f.messageEn().contains(EXPERT) && f.messageEn().contains("2027-12-31")
                    && f.messageEn().contains("stand aside"), f::messageEn);
        }
    }

    @Test
    void aTieEndingTheDayBeforeTheWindowDoesNotConflict() {
        Map<String, Evaluator> cooled = registry(expert(department("2015-09-01", "2022-12-31")), institution());
        assertEquals(List.of(), conflicts(financeAssessed(), Phase.LIBRARY, cooled));
        assertEquals(List.of(), conflicts(financeAssessed(), Phase.PUBLISHED, cooled));
    }

    @Test
    void theCoolingYearsMoveTheWindow() {
        Map<String, Evaluator> tied = registry(expert(department("2015-09-01", "2023-06-30")), institution());
        assertEquals(1, conflicts(financeAssessed(), Phase.DECLARED, tied).size());
        RulePack two = pack("evaluator.conflict.coolingYears", "2"); // window 2024-01-01..2027-12-31
        assertEquals(List.of(), findings(check(financeAssessed(), Phase.DECLARED, two, tied), RULE));
        Finding f = findings(check(financeAssessed(), Phase.DECLARED, pack("evaluator.conflict.coolingYears", "4"),
                registry(expert(department("2015-09-01", "2022-06-30")), institution())), RULE).get(0);
        assertEquals("4", f.figures().get("coolingYears"));
        assertEquals("2022-01-01..2027-12-31", f.figures().get("window"));
    }

    @Test
    void theWindowEndsWithTheProjectsYear() {
        // a tie taken up during the budget year (ongoing) conflicts; one only from the following year does not
        assertEquals(1, conflicts(financeAssessed(), Phase.DECLARED,
                registry(expert(department("2027-12-31", null)), institution())).size());
        assertEquals(List.of(), conflicts(financeAssessed(), Phase.DECLARED,
                registry(expert(department("2028-01-01", null)), institution())));
    }

    @Test
    void theInstitutionOfAnExpertAndTheUnitCountToo() {
        Evaluator.Tie unitContract = new Evaluator.Tie(null, "101001", Relation.CONTRACT, LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31));
        Finding f = conflicts(financeAssessed(), Phase.LIBRARY, registry(expert(), institution(unitContract))).get(0);
        assertEquals(EXPERT, f.figures().get("evaluatorId"));
        assertEquals(INSTITUTION, f.figures().get("tiedEvaluatorId"));
        assertEquals("101001", f.figures().get("with"));
        assertEquals("CONTRACT", f.figures().get("relation"));
        // a tie to another department or unit is no conflict
        Evaluator.Tie elsewhere = new Evaluator.Tie("118", "118001", Relation.CONTRACT, LocalDate.of(2025, 1, 1), null);
        assertEquals(List.of(), conflicts(financeAssessed(), Phase.LIBRARY, registry(expert(), institution(elsewhere))));
    }

    @Test
    void aConflictVoidsTheAssessmentForTheRulesThatRequireOne() {
        Map<String, Evaluator> tied = registry(expert(department("2020-01-01", "2024-12-31")), institution());
        Map<String, Evaluator> clean = registry(expert(department("2010-01-01", "2019-12-31")), institution());
        // DECLARED: a new project of 5 000 000 needs a finished assessment
        Finding required = findings(check(financeAssessed(), Phase.DECLARED, RulePack.DEFAULT, tied), "EX_ANTE_REQUIRED")
                .get(0);
        assertEquals("DONE", required.figures().get("exAnteStatus"));
        assertEquals(RULE, required.figures().get("exAnteVoidedBy"));
        assertEquals(List.of(), findings(check(financeAssessed(), Phase.DECLARED, RulePack.DEFAULT, clean),
                "EX_ANTE_REQUIRED"));
        // LIBRARY: the finance requirement, and with a department assessment from 1 000 000 the department one
        Verdict library = check(financeAssessed(), Phase.LIBRARY, RulePack.DEFAULT, tied);
        assertEquals(List.of("LIBRARY_EX_ANTE_DEPARTMENT_REQUIRED", "LIBRARY_EX_ANTE_FINANCE_REQUIRED", RULE),
                ruleIds(library));
        assertEquals(Verdict.Outcome.BLOCK, library.outcome());
        assertEquals(List.of(), ruleIds(check(financeAssessed(), Phase.LIBRARY, RulePack.DEFAULT, clean)));
        Project department = aProject().isNew().budget("1000000.00")
                .exAnte(assessed(ExAnte.Level.DEPARTMENT, ExAnte.Conclusion.SUPPORT)).build();
        assertEquals(List.of("LIBRARY_EX_ANTE_DEPARTMENT_REQUIRED", RULE),
                ruleIds(check(department, Phase.LIBRARY, RulePack.DEFAULT, tied)));
        assertEquals(RULE, findings(check(department, Phase.LIBRARY, RulePack.DEFAULT, tied),
                "LIBRARY_EX_ANTE_DEPARTMENT_REQUIRED").get(0).figures().get("exAnteVoidedBy"));
    }

    @Test
    void aNotSupportConclusionStillBlocks() {
        Map<String, Evaluator> tied = registry(expert(department("2020-01-01", "2024-12-31")), institution());
        Project rejected = assessedBy(assessed(ExAnte.Level.FINANCE, ExAnte.Conclusion.NOT_SUPPORT));
        List<String> ids = ruleIds(check(rejected, Phase.DECLARED, RulePack.DEFAULT, tied));
        assertTrue(ids.contains("EX_ANTE_NOT_SUPPORTED") && ids.contains(RULE), ids::toString);
    }

    @Test
    void switchedOffTheAssessmentCountsAndNothingFires() {
        Map<String, Evaluator> tied = registry(expert(department("2020-01-01", "2024-12-31")), institution());
        RulePack off = pack("rule.EVALUATOR_CONFLICT.enabled", "false");
        assertEquals(List.of(), ruleIds(check(financeAssessed(), Phase.LIBRARY, off, tied)));
        assertEquals(List.of(), findings(check(financeAssessed(), Phase.DECLARED, off, tied), "EX_ANTE_REQUIRED"));
    }

    @Test
    void silentWithoutTheRegistryOrTheEvaluatorsAndAtAdjust() {
        Map<String, Evaluator> tied = registry(expert(department("2020-01-01", "2024-12-31")), institution());
        assertEquals(List.of(), conflicts(financeAssessed(), Phase.DECLARED, Map.of())); // offline, a 1.0 host
        Project nobody = assessedBy(new ExAnte(ExAnte.Status.DONE, ExAnte.Conclusion.SUPPORT, LocalDate.of(2026, 9, 20),
                ExAnte.Level.FINANCE, null, List.of()));
        assertEquals(List.of(), conflicts(nobody, Phase.DECLARED, tied));
        Project unknown = assessedBy(new ExAnte(ExAnte.Status.DONE, ExAnte.Conclusion.SUPPORT, LocalDate.of(2026, 9, 20),
                ExAnte.Level.FINANCE, null, List.of("EXP-9999")));
        assertEquals(List.of(), conflicts(unknown, Phase.DECLARED, tied));
        assertEquals(List.of(), conflicts(financeAssessed(), Phase.ADJUST, tied));
    }
}
