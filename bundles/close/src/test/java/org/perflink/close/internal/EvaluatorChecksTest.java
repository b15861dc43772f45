package org.perflink.close.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.close.internal.Fixtures.exactInput;
import static org.perflink.close.internal.Fixtures.exactProject;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perflink.api.host.HostGateway;
import org.perflink.api.host.Page;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.Assessment;
import org.perflink.api.model.DepartmentEvaluationInput;
import org.perflink.api.host.Delivery;
import org.perflink.api.model.Evaluator;
import org.perflink.api.model.ExecutionSnapshot;
import org.perflink.api.model.Finding;
import org.perflink.api.model.Grade;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.IndicatorActual;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectEvaluationInput;
import org.perflink.api.model.ProjectEvaluationInput.Evaluation;
import org.perflink.api.model.ProjectKind;
import org.perflink.api.model.Score;
import org.perflink.api.model.Severity;
import org.perflink.api.model.StageEvent;
import org.perflink.api.rules.RulePack;


/** §10 evaluators: each EVALUATOR_* rule at its boundary, the conflict voiding the report, the quality grade. */
class EvaluatorChecksTest {

    private static final String INST = "INST-91440000MA5XXXXXXX";
    private static final String CODE = "440000-2027-000140";
    private static final ProjectScorer SCORER = new ProjectScorer(RulePack.DEFAULT);

    /** A v1.1 host serving a registry (and, when set, a predecessor). */
    private static final class Host implements HostGateway {
        final List<Evaluator> registry = new ArrayList<>();
        String contract = CONTRACT_1_1;
        Project predecessor;

        @Override public String contract() { return contract; }
        @Override public Page<Parsed<Evaluator>> evaluators(String r, String c, int l) {
            return new Page<>(registry.stream().map(e -> Parsed.ok(e, e.evaluatorId(), 0)).toList(), null);
        }
        @Override public Parsed<Project> project(String r, String code, int year) {
            return predecessor == null ? null : Parsed.ok(predecessor, code, 1);
        }
        @Override public Page<StageEvent> stageEvents(String r, String a, int l) { throw new UnsupportedOperationException(); }
        @Override public Page<Parsed<Project>> projects(String r, int y, List<String> c, String cu, int l) { throw new UnsupportedOperationException(); }
        @Override public Page<Parsed<ExecutionSnapshot>> execution(String r, int y, LocalDate a, String c, int l) { throw new UnsupportedOperationException(); }
        @Override public Page<Parsed<ProjectEvaluationInput>> evaluations(String r, int y, String c, int l) { throw new UnsupportedOperationException(); }
        @Override public Page<Parsed<DepartmentEvaluationInput>> departments(String r, int y, String c, int l) { throw new UnsupportedOperationException(); }
        @Override public Delivery deliver(HostResult result) { throw new UnsupportedOperationException(); }
        @Override public List<Delivery> deliverBatch(String r, List<HostResult> results) { throw new UnsupportedOperationException(); }
    }

    private static Evaluator institution(Evaluator.Tie... ties) {
        return new Evaluator(INST, Evaluator.Kind.INSTITUTION, "某某绩效评价咨询有限公司", "91440000MA5XXXXXXX", null,
                List.of("205"), Evaluator.Status.ACTIVE, List.of(ties));
    }

    private static Evaluator expert(String id, Evaluator.Tie... ties) {
        return new Evaluator(id, Evaluator.Kind.EXPERT, null, null, INST, List.of("205"), Evaluator.Status.ACTIVE, List.of(ties));
    }

    private static Evaluator.Tie toDepartment(String from, String to) {
        return new Evaluator.Tie("101", null, Evaluator.Tie.Relation.CONTRACT, LocalDate.parse(from),
                to == null ? null : LocalDate.parse(to));
    }

    /** Computed score 90 (actual 80 of 90); the report's own actual gives {@code reportActual} + 10. */
    private static ProjectEvaluationInput input(String keyScore, String reportActual, String due, String reported) {
        ProjectEvaluationInput in = exactInput(CODE, "90").keyScore(keyScore).build();
        Evaluation who = new Evaluation(Evaluation.Kind.THIRD_PARTY, INST, List.of("EXP-0042"), LocalDate.parse(due),
                LocalDate.parse(reported), null, true,
                reportActual == null ? List.of() : List.of(new IndicatorActual("I1", reportActual)));
        return new ProjectEvaluationInput(in.projectCode(), in.year(), in.kind(), in.recurrence(), in.departmentCode(),
                in.budgetAmount(), in.paidAmount(), in.indicators(), in.selfScore(), in.keyEvaluationScore(),
                in.nextYearRequest(), who);
    }

    private static Project project() {
        return exactProject(CODE, "101", ProjectKind.PROJECT);
    }

    private static Score score(Host host, ProjectEvaluationInput input) {
        return new EvaluatorChecks(host, "440000", RulePack.DEFAULT).evaluate(SCORER, project(), input).score();
    }

    private static List<Finding> of(Score s, String rule) {
        return s.findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
    }

    @Test
    void aCleanThirdPartyReportIsUsedWithoutFindings() {
        Host host = new Host();
        host.registry.add(institution(toDepartment("2025-01-01", "2025-12-31")));
        // the institution's tie is to department 101 in 2025... but this project is department 101: see the next test
        host.registry.set(0, institution());
        host.registry.add(expert("EXP-0042"));
        Score s = score(host, input("84.5", "74.5", "2028-05-31", "2028-05-31"));
        assertEquals(List.of(), s.findings());
        assertEquals(Score.Source.KEY_EVALUATION, s.source());
        assertEquals(new BigDecimal("84.50"), s.score());
    }

    @Test
    void aTieInTheCoolingWindowIsAConflictAndVoidsTheReport() {
        Host host = new Host();
        host.registry.add(institution(toDepartment("2024-01-01", "2024-03-31")));
        host.registry.add(expert("EXP-0042"));
        Score s = score(host, input("84.5", "74.5", "2028-05-31", "2028-05-31"));
        Finding f = of(s, "EVALUATOR_CONFLICT").get(0);
        assertEquals(1, of(s, "EVALUATOR_CONFLICT").size(), "the institution's tie once, not again through its expert");
        assertEquals(Severity.BLOCK, f.severity());
        assertEquals("2024-01-01..2027-12-31", f.figures().get("window"));
        assertEquals("evaluator.conflict.coolingYears", f.figures().get("parameter"));
        assertTrue(f.message().contains("回避") && f.messageEn().contains("stand aside"), f::toString);
        assertEquals(Score.Source.SELF_EVALUATION, s.source(), "the computed score replaces the report's");
        assertEquals(new BigDecimal("90.00"), s.score());
    }

    @Test
    void aTieEndingBeforeTheWindowIsNoConflict() {
        Host host = new Host();
        host.registry.add(institution());
        host.registry.add(expert("EXP-0042", new Evaluator.Tie(null, "101001", Evaluator.Tie.Relation.EMPLOYED,
                LocalDate.of(2012, 9, 1), LocalDate.of(2023, 12, 31))));
        assertEquals(List.of(), of(score(host, input("84.5", "74.5", "2028-05-31", "2028-05-31")), "EVALUATOR_CONFLICT"));
        host.registry.set(1, expert("EXP-0042", new Evaluator.Tie(null, "101001", Evaluator.Tie.Relation.EMPLOYED,
                LocalDate.of(2012, 9, 1), LocalDate.of(2024, 1, 1))));
        assertEquals(1, of(score(host, input("84.5", "74.5", "2028-05-31", "2028-05-31")), "EVALUATOR_CONFLICT").size());
    }

    @Test
    void anEvaluatorOfThePredecessorsExAnteAssessmentConflicts() {
        Host host = new Host();
        host.registry.add(institution());
        Project p = project();
        host.predecessor = new Project("440000-2026-000140", 1, "440000", 2026, "101", null, "101001", null, null,
                ProjectKind.PROJECT, null, false, false, null, null, null,
                new org.perflink.api.model.ExAnte(org.perflink.api.model.ExAnte.Status.DONE,
                        org.perflink.api.model.ExAnte.Conclusion.SUPPORT, null, null, null, List.of("EXP-0042")), null);
        Project withPredecessor = new Project(p.projectCode(), p.revision(), p.regionCode(), p.year(), p.departmentCode(),
                p.departmentName(), p.unitCode(), p.unitName(), p.name(), p.kind(), p.functionCode(), false, false,
                p.budgetAmount(), p.budgetPhase(), p.budgetPhaseDates(), null, p.target(),
                new Project.Predecessor("440000-2026-000140", 2026), null, null);
        Score s = new EvaluatorChecks(host, "440000", RulePack.DEFAULT)
                .evaluate(SCORER, withPredecessor, input("84.5", "74.5", "2028-05-31", "2028-05-31")).score();
        assertEquals("NAMED", of(s, "EVALUATOR_CONFLICT").get(0).figures().get("exAnte"));
    }

    @Test
    void qualityDeviationLatenessAndUnscoredIndicators() {
        Host host = new Host();
        host.registry.add(institution());
        // report 84.5 vs its own actuals 74.5 → 84.5: 0 apart; 74.49 → 84.49: exactly 0.01 → not > 10
        assertEquals(List.of(), of(score(host, input("94.5", "74.5", "2028-05-31", "2028-05-31")), "EVALUATOR_QUALITY_DEVIATION"),
                "exactly 10 points apart is allowed");
        Finding dev = of(score(host, input("94.51", "74.5", "2028-05-31", "2028-05-31")), "EVALUATOR_QUALITY_DEVIATION").get(0);
        assertEquals("84.50", dev.figures().get("recomputed"));
        assertEquals("10.01", dev.figures().get("deviation"));
        assertEquals("evaluator.quality.maxDeviation", dev.figures().get("parameter"));
        assertEquals(List.of(), of(score(host, input("84.5", "74.5", "2028-05-31", "2028-05-31")), "EVALUATOR_QUALITY_LATE"));
        Finding late = of(score(host, input("84.5", "74.5", "2028-05-31", "2028-06-01")), "EVALUATOR_QUALITY_LATE").get(0);
        assertEquals("2028-06-01", late.figures().get("reportDate"));
        Finding unscored = of(score(host, input("84.5", null, "2028-05-31", "2028-05-31")), "EVALUATOR_QUALITY_UNSCORED").get(0);
        assertEquals("I1", unscored.figures().get("unscored"));
        assertEquals(Severity.WARN, unscored.severity());
    }

    @Test
    void aV10HostGetsNoEvaluatorFindings() {
        Host host = new Host();
        host.contract = HostGateway.CONTRACT_1_0;
        host.registry.add(institution(toDepartment("2027-01-01", null)));
        assertEquals(List.of(), score(host, input("99", null, "2028-05-31", "2028-12-31")).findings());
    }

    @Test
    void theInstitutionsQualityGradeIsTheMeanOfItsReports() {
        Host host = new Host();
        host.registry.add(institution());
        EvaluatorChecks checks = new EvaluatorChecks(host, "440000", RulePack.DEFAULT);
        checks.evaluate(SCORER, project(), input("84.5", "74.5", "2028-05-31", "2028-05-31")); // 100
        checks.evaluate(SCORER, project(), input("99", "74.5", "2028-05-31", "2028-06-10")); // deviation 40, late 20 → 40
        List<Assessment> grades = EvaluatorQuality.grade("440000", 2027, checks.reports(), RulePack.DEFAULT,
                OffsetDateTime.parse("2028-03-31T10:00:00+08:00"));
        assertEquals(1, grades.size());
        Assessment a = grades.get(0);
        assertEquals("440000-2027.EVALUATOR." + INST, a.assessmentId());
        assertEquals(Assessment.Scope.EVALUATOR, a.scope());
        assertEquals(new BigDecimal("70.00"), a.total());
        assertEquals(Grade.MEDIUM, a.grade());
        assertEquals("40", a.parts().get(1).figures().get("deviation"));
        assertEquals("20", a.parts().get(1).figures().get("late"));
    }
}
