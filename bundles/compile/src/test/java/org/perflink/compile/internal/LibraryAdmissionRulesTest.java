package org.perflink.compile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.compile.internal.TestProjects.aProject;
import static org.perflink.compile.internal.TestProjects.indicator;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.ExAnte;
import org.perflink.api.model.Finding;
import org.perflink.api.model.Grade;
import org.perflink.api.model.Indicator.Level1;
import org.perflink.api.model.Indicator.Level2;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.Severity;
import org.perflink.api.model.Verdict;
import org.perflink.api.rules.RulePack;


/** §7 library admission (LIBRARY_*): each rule at its boundary, and only at the LIBRARY phase. */
class LibraryAdmissionRulesTest extends CheckerTestSupport {

    private static Verdict library(Project p) {
        return checker.check(p, Phase.LIBRARY, RulePack.DEFAULT, AT, PriorRecords.NONE);
    }

    private static Verdict library(Project p, PriorRecords prior) {
        return checker.check(p, Phase.LIBRARY, RulePack.DEFAULT, AT, prior);
    }

    private static List<Finding> of(Verdict v, String rule) {
        return findings(v, rule);
    }

    @Test
    void theCompleteProjectEntersAndTheVerdictIsALibraryVerdict() {
        Verdict v = library(aProject().build());
        assertEquals(List.of(), v.findings());
        assertEquals("440000-2027-000123.LIBRARY.r3", v.verdictId());
        assertEquals(Phase.LIBRARY, v.phase());
    }

    @Test
    void aDraftTargetIsNeededAtEntry() {
        assertEquals("target", of(library(aProject().noTarget().build()), "LIBRARY_TARGET_MISSING").get(0).path());
        Finding none = of(library(aProject().indicators().build()), "LIBRARY_TARGET_MISSING").get(0);
        assertEquals("target.indicators", none.path());
        assertEquals(Severity.BLOCK, none.severity());
        // a DRAFT target counts
        assertTrue(of(library(aProject().targetPhase(Phase.DRAFT).build()), "LIBRARY_TARGET_MISSING").isEmpty());
    }

    @Test
    void aNewProjectFromTheDepartmentThresholdNeedsAnAssessment() {
        Finding f = of(library(aProject().isNew().budget("1000000.00").build()), "LIBRARY_EX_ANTE_DEPARTMENT_REQUIRED").get(0);
        assertEquals("exAnte", f.path());
        assertEquals("1000000.00", f.figures().get("budgetAmount"));
        assertEquals("1000000.00", f.figures().get("threshold"));
        assertEquals("exAnte.department.threshold", f.figures().get("parameter"));
        assertTrue(f.message().contains("1000000.00") && f.messageEn().contains("1000000.00"), f::toString);
        assertTrue(of(library(aProject().isNew().budget("999999.99").build()), "LIBRARY_EX_ANTE_DEPARTMENT_REQUIRED").isEmpty());
        assertTrue(of(library(aProject().isNew().budget("1000000.00").exAnte(ExAnte.Status.DONE, ExAnte.Conclusion.SUPPORT)
                .build()), "LIBRARY_EX_ANTE_DEPARTMENT_REQUIRED").isEmpty());
    }

    @Test
    void aNewProjectFromTheFinanceThresholdNeedsAFinanceAssessment() {
        // boundary: a department assessment (also the default level) is not enough from 5 000 000
        Project deptDone = aProject().isNew().budget("5000000.00").exAnte(ExAnte.Status.DONE, ExAnte.Conclusion.SUPPORT).build();
        Finding f = of(library(deptDone), "LIBRARY_EX_ANTE_FINANCE_REQUIRED").get(0);
        assertEquals("DEPARTMENT", f.figures().get("exAnteLevel"));
        assertEquals("exAnte.threshold", f.figures().get("parameter"));
        assertTrue(of(library(deptDone), "LIBRARY_EX_ANTE_DEPARTMENT_REQUIRED").isEmpty());
        assertTrue(of(library(aProject().isNew().budget("4999999.99").exAnte(ExAnte.Status.DONE, ExAnte.Conclusion.SUPPORT)
                .build()), "LIBRARY_EX_ANTE_FINANCE_REQUIRED").isEmpty());
        // a FINANCE assessment satisfies both requirements
        Verdict finance = library(aProject().isNew().budget("5000000.00")
                .exAnte(ExAnte.Status.DONE, ExAnte.Conclusion.SUPPORT, ExAnte.Level.FINANCE).build());
        assertEquals(List.of(), finance.findings());
    }

    @Test
    void aMajorProjectNeedsAFinanceAssessmentWhateverItsBudget() {
        Finding f = of(library(aProject().isMajor().budget("100.00").build()), "LIBRARY_EX_ANTE_FINANCE_REQUIRED").get(0);
        assertEquals("true", f.figures().get("isMajor"));
        assertTrue(f.message().contains("重大项目"), f::toString);
    }

    @Test
    void aContinuingProjectLastGradedPoorNeedsAcceptedRectification() {
        Project p = aProject().predecessor("440000-2026-000123", 2026).build();
        PriorRecords poor = new PriorRecords(null, "440000-2026-000123", 2026, Grade.POOR, false);
        Finding f = of(library(p, poor), "LIBRARY_POOR_NOT_RECTIFIED").get(0);
        assertEquals("predecessor", f.path());
        assertEquals("440000-2026-000123", f.figures().get("scoredProject"));
        assertEquals("POOR", f.figures().get("grade"));
        assertTrue(f.message().contains("440000-2026-000123") && f.messageEn().contains("POOR"), f::toString);
        // boundary: accepted rectification, or a MEDIUM grade, lets it in
        assertTrue(of(library(p, new PriorRecords(null, "440000-2026-000123", 2026, Grade.POOR, true)),
                "LIBRARY_POOR_NOT_RECTIFIED").isEmpty());
        assertTrue(of(library(p, new PriorRecords(null, "440000-2026-000123", 2026, Grade.MEDIUM, false)),
                "LIBRARY_POOR_NOT_RECTIFIED").isEmpty());
    }

    @Test
    void continuingAfterThePredecessorsPeriodEndedNeedsAnAssessment() {
        Project predecessor = aProject().code("440000-2026-000123").period(2024, 2026).build();
        PriorRecords prior = new PriorRecords(predecessor, null, null, null, false);
        Finding f = of(library(aProject().build(), prior), "LIBRARY_PERIOD_ENDED").get(0);
        assertEquals("predecessor.period.endYear", f.path());
        assertEquals("2026", f.figures().get("endYear"));
        assertEquals("2027", f.figures().get("year"));
        // boundary: a period ending in the project's year has not ended; an assessment answers it
        Project running = aProject().code("440000-2026-000123").period(2025, 2027).build();
        assertTrue(of(library(aProject().build(), new PriorRecords(running, null, null, null, false)),
                "LIBRARY_PERIOD_ENDED").isEmpty());
        assertTrue(of(library(aProject().exAnte(ExAnte.Status.DONE, ExAnte.Conclusion.SUPPORT).build(), prior),
                "LIBRARY_PERIOD_ENDED").isEmpty());
    }

    @Test
    void annualTargetsAgainstThePeriodTarget() {
        var consistent = aProject().period(2027, 2029).periodIndicators(
                indicator("I1", Level1.OUTPUT, Level2.QUANTITY, "改造学校数量").ge("12", "所")).build();
        assertTrue(of(library(consistent), "LIBRARY_PERIOD_TARGET_INCONSISTENT").isEmpty(), "12 of 12: not above");
        var above = aProject().period(2027, 2029).periodIndicators(
                indicator("I1", Level1.OUTPUT, Level2.QUANTITY, "改造学校数量").ge("11", "所")).build();
        Finding f = of(library(above), "LIBRARY_PERIOD_TARGET_INCONSISTENT").get(0);
        assertEquals(Severity.WARN, f.severity());
        assertEquals("target.periodIndicators[0].value", f.path());
        assertEquals("12", f.figures().get("annualValue"));
        assertEquals("11", f.figures().get("periodValue"));
        var mixed = aProject().period(2028, 2030).periodIndicators(
                indicator("I1", Level1.OUTPUT, Level2.QUANTITY, "改造学校数量").ge("36", "个"),
                indicator("C1", Level1.COST, Level2.ECONOMIC_COST, "生均改造成本").ge("1", "万元"),
                indicator("X9", Level1.BENEFIT, Level2.SOCIAL, "受益人数").ge("1000", "人")).build();
        List<String> paths = of(library(mixed), "LIBRARY_PERIOD_TARGET_INCONSISTENT").stream().map(Finding::path).toList();
        assertEquals(List.of("year", "target.periodIndicators[0].unit", "target.periodIndicators[1].operator",
                "target.periodIndicators[2].code"), paths);
        // a one-year period is not multi-year
        assertTrue(of(library(aProject().period(2027, 2027).periodIndicators(
                indicator("I1", Level1.OUTPUT, Level2.QUANTITY, "改造学校数量").ge("1", "所")).build()),
                "LIBRARY_PERIOD_TARGET_INCONSISTENT").isEmpty());
    }

    @Test
    void notSupportedBlocksEntryAndTheLibraryRulesStayOutOfTheOtherPhases() {
        assertEquals(1, of(library(aProject().exAnte(ExAnte.Status.DONE, ExAnte.Conclusion.NOT_SUPPORT).build()),
                "EX_ANTE_NOT_SUPPORTED").size());
        Project broken = aProject().isNew().budget("6000000.00").build();
        assertEquals(List.of("LIBRARY_EX_ANTE_DEPARTMENT_REQUIRED", "LIBRARY_EX_ANTE_FINANCE_REQUIRED"),
                ruleIds(library(broken)));
        for (Phase phase : List.of(Phase.DECLARED, Phase.PUBLISHED, Phase.ADJUST)) {
            assertTrue(ruleIds(check(broken, phase)).stream().noneMatch(r -> r.startsWith("LIBRARY_")), phase::name);
        }
        // and LIBRARY does not run the DECLARED chain (EX_ANTE_REQUIRED is its DECLARED twin)
        assertTrue(ruleIds(library(broken)).stream().noneMatch(r -> r.startsWith("EX_ANTE_REQUIRED")));
    }
}
