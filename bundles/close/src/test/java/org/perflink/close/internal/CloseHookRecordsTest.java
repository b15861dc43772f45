package org.perflink.close.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.close.internal.Fixtures.REGION;
import static org.perflink.close.internal.Fixtures.YEAR;
import static org.perflink.close.internal.Fixtures.d;
import static org.perflink.close.internal.Fixtures.exactInput;
import static org.perflink.close.internal.Fixtures.exactProject;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perflink.api.hook.ResultHistory;
import org.perflink.api.host.HostException;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.Adjustment;
import org.perflink.api.model.Adjustment.Component;
import org.perflink.api.model.Adjustment.Source;
import org.perflink.api.model.DepartmentEvaluationInput;
import org.perflink.api.model.ExAnte;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectKind;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.api.model.Verdict;
import org.perflink.api.model.Warning;
import org.perflink.api.rules.RulePack;
import org.perflink.api.testing.FakeHost;
import org.perflink.api.testing.RecordingContext;

/**
 * rules.md §4's worked check through the hook: the department's KEY_TARGETS, KEY_MONITORING and KEY_ASSESSMENT
 * come from PerfLink's own records, OVERALL_EVALUATION from the host (PerfLink's value beside it).
 */
class CloseHookRecordsTest {

    private static final OffsetDateTime OCCURRED = OffsetDateTime.of(2028, 3, 31, 10, 0, 0, 0, ZoneOffset.ofHours(8));

    /** Key projects from 1 000 000, key monitoring from 6 000 000: A and B are key only, C and D both. */
    private static final RulePack PACK = new RulePack("gd", "1",
            Map.of("review.finance.keyThreshold", "1000000", "monitor.key.minBudget", "6000000"), RulePack.DEFAULT);

    private static Project project(String code, String budget, boolean isNew, ExAnte exAnte) {
        Project p = exactProject(code, "101", ProjectKind.PROJECT);
        return new Project(code, p.revision(), REGION, YEAR, "101", p.departmentName(), p.unitCode(), p.unitName(), p.name(),
                p.kind(), p.functionCode(), isNew, false, d(budget), Phase.PUBLISHED, Map.of(), exAnte, p.target());
    }

    private static FakeHost host(String overall) {
        FakeHost h = new FakeHost().maxPageSize(FakeHost.Feed.EVALUATIONS, 2).maxPageSize(FakeHost.Feed.DEPARTMENTS, 2)
                .maxPageSize(FakeHost.Feed.PROJECTS, 2);
        h.evaluated(project("A", "2000000.00", false, null), exactInput("A", "95").budget("2000000").paid("2000000").build());
        h.evaluated(project("B", "2000000.00", false, null), exactInput("B", "90").budget("2000000").paid("2000000").build());
        h.evaluated(project("C", "6000000.00", true, new ExAnte(ExAnte.Status.DONE, ExAnte.Conclusion.SUPPORT, LocalDate.of(2026, 9, 1))),
                exactInput("C", "70").budget("6000000").paid("6000000").build());
        h.evaluated(project("D", "6000000.00", true, null), exactInput("D", "70").budget("6000000").paid("6000000").build());
        Map<String, BigDecimal> components = overall == null ? Map.of() : Map.of("OVERALL_EVALUATION", d(overall));
        h.departments.add(Parsed.ok(new DepartmentEvaluationInput("101", YEAR, components, List.of(), d("120000000.00")), "101", 0));
        return h;
    }

    private static Verdict verdict(String code, Phase phase, long revision, Verdict.Outcome outcome) {
        return new Verdict(Verdict.idOf(code, phase, revision), code, REGION, YEAR, phase, revision, outcome, List.of(),
                "gd@1", OCCURRED);
    }

    private static Warning warning(String code, String asOf, Warning.Level level) {
        LocalDate date = LocalDate.parse(asOf);
        return new Warning(Warning.idOf(code, date, Warning.Type.EXECUTION_LAG), code, REGION, YEAR, date,
                Warning.Type.EXECUTION_LAG, level, Map.of(), Map.of(), Warning.Action.CORRECT, "EXECUTION_LAG", "", "");
    }

    /** What the store holds: verdicts PASS (A's latest revision), PASS, WARN, BLOCK; C one RED, D a RED lowered to YELLOW. */
    static final ResultHistory RECORDS = new ResultHistory() {
        @Override
        public List<Warning> warnings(String code) {
            return switch (code) {
                case "A" -> List.of(warning("A", "2027-09-30", Warning.Level.RED)); // not under key monitoring
                case "C" -> List.of(warning("C", "2027-07-31", Warning.Level.BLUE), warning("C", "2027-09-30", Warning.Level.RED));
                case "D" -> List.of(warning("D", "2027-07-31", Warning.Level.RED), warning("D", "2027-09-30", Warning.Level.YELLOW));
                default -> List.of();
            };
        }

        @Override
        public List<Verdict> verdicts(String code) {
            return switch (code) {
                case "A" -> List.of(verdict("A", Phase.PUBLISHED, 1, Verdict.Outcome.BLOCK),
                        verdict("A", Phase.PUBLISHED, 2, Verdict.Outcome.PASS), verdict("A", Phase.APPROVED, 3, Verdict.Outcome.BLOCK));
                case "B" -> List.of(verdict("B", Phase.PUBLISHED, 1, Verdict.Outcome.PASS));
                case "C" -> List.of(verdict("C", Phase.PUBLISHED, 1, Verdict.Outcome.WARN));
                case "D" -> List.of(verdict("D", Phase.PUBLISHED, 1, Verdict.Outcome.BLOCK));
                default -> List.of();
            };
        }
    };

    private static RecordingContext context(FakeHost host, RulePack pack) {
        return new RecordingContext(new StageEvent(9, "ev-9", REGION, YEAR, Stage.CLOSE, Phase.LINK, List.of(), OCCURRED, null),
                pack, host).history(RECORDS).refuseDuplicateRejections();
    }

    private static Adjustment department(RecordingContext ctx) {
        return ctx.bodies(Adjustment.class).stream().filter(a -> a.scope() == Adjustment.Scope.DEPARTMENT).findFirst().orElseThrow();
    }

    @Test
    void workedCheckOfRulesV2Section4() throws HostException {
        RecordingContext ctx = context(host("75"), PACK);
        new CloseHook().handle(ctx);
        Adjustment a = department(ctx);

        Component targets = a.components().get("KEY_TARGETS");
        // (1 + 1 + 0.8 + 0) / 4 × 100
        assertEquals(new Component(d("70.00"), d("0.2"), Source.PERFLINK, 4, null,
                Map.of("PASS", "2", "WARN", "1", "BLOCK", "1", "worst", "D,C,A")), targets);
        // C: 1 uncleared RED → 90; D: its RED lowered to YELLOW is cleared, the YELLOW of the last round is not → 95
        assertEquals(new Component(d("92.50"), d("0.2"), Source.PERFLINK, 2, null,
                Map.of("unclearedRed", "1", "unclearedYellow", "1", "worst", "C,D")), a.components().get("KEY_MONITORING"));
        // C DONE SUPPORT (no score) 100, D required but not assessed 0
        assertEquals(new Component(d("50.00"), d("0.2"), Source.PERFLINK, 2, null,
                Map.of("required", "2", "withPoints", "1", "worst", "D,C")), a.components().get("KEY_ASSESSMENT"));
        // the host's 75 is used; PerfLink's (95·2 + 90·2 + 70·6 + 70·6) / 16 = 75.625 beside it
        Component overall = a.components().get("OVERALL_EVALUATION");
        assertEquals(Source.HOST, overall.source());
        assertEquals(d("75.00"), overall.score());
        assertEquals(d("75.63"), overall.perflink());
        assertEquals(4, overall.n());

        assertEquals("72.50", a.basis().get("score"));
        assertEquals("MEDIUM", a.basis().get("grade"));
        assertEquals(d("-3600000.00"), a.deltaAmount());
        assertTrue(a.explanation().contains("KEY_TARGETS 70.00（PerfLink据4项记录计算）"), a.explanation());
        assertTrue(a.explanation().contains("OVERALL_EVALUATION 75.00（单位报送）"), a.explanation());
    }

    @Test
    void workedCheckLinear() throws HostException {
        RecordingContext ctx = context(host("75"), new RulePack("linear", "1", Map.of("link.department.mode", "LINEAR"), PACK));
        new CloseHook().handle(ctx);
        Adjustment a = department(ctx);
        assertEquals("0.9750", a.basis().get("coefficient"));
        assertEquals(d("-3000000.00"), a.deltaAmount());
    }

    @Test
    void withoutTheHostsValuePerfLinksOverallEvaluationIsUsed() throws HostException {
        RecordingContext ctx = context(host(null), PACK);
        new CloseHook().handle(ctx);
        Adjustment a = department(ctx);
        Component overall = a.components().get("OVERALL_EVALUATION");
        assertEquals(Source.PERFLINK, overall.source());
        assertEquals(d("75.63"), overall.score());
        assertNull(overall.perflink());
        // 0.2·50 + 0.2·70 + 0.2·92.5 + 0.4·75.625 = 72.75
        assertEquals("72.75", a.basis().get("score"));
    }

    @Test
    void aComponentTheHostSendsWinsAndPerfLinksValueIsReportedBeside() throws HostException {
        FakeHost h = host("75");
        h.departments.clear();
        h.departments.add(Parsed.ok(new DepartmentEvaluationInput("101", YEAR, Map.of("KEY_TARGETS", d("88"),
                "OVERALL_EVALUATION", d("75")), List.of(), d("120000000.00")), "101", 0));
        RecordingContext ctx = context(h, PACK);
        new CloseHook().handle(ctx);
        Component targets = department(ctx).components().get("KEY_TARGETS");
        assertEquals(Source.HOST, targets.source());
        assertEquals(d("88.00"), targets.score());
        assertEquals(d("70.00"), targets.perflink());
        assertEquals(4, targets.n());
    }

    @Test
    void aRegionWithoutMonitoringRoundsHasNoKeyMonitoringComponent() throws HostException {
        RecordingContext ctx = context(host("75"), PACK);
        ResultHistory noWarnings = new ResultHistory() {
            @Override
            public List<Warning> warnings(String code) {
                return List.of();
            }

            @Override
            public List<Verdict> verdicts(String code) {
                return RECORDS.verdicts(code);
            }
        };
        ctx.history(noWarnings);
        new CloseHook().handle(ctx);
        Adjustment a = department(ctx);
        assertFalse(a.components().containsKey("KEY_MONITORING"));
        // (0.2·50 + 0.2·70 + 0.4·75) / 0.8 = 67.5
        assertEquals("67.50", a.basis().get("score"));
    }

    @Test
    void aProjectThatCannotBeLinkedStillCountsForItsDepartment() throws HostException {
        FakeHost h = host("75");
        h.evaluations.set(0, Parsed.ok(exactInput("A", "95").budget("2000000").paid("2000000").recurrence(null).build(), "A", 0));
        RecordingContext ctx = context(h, PACK);
        new CloseHook().handle(ctx);
        assertTrue(ctx.rejectedByKey().get("A").contains("recurrence"), ctx.rejectedByKey().toString());
        assertEquals(4, department(ctx).components().get("KEY_TARGETS").n());
        assertEquals("72.50", department(ctx).basis().get("score"));
    }

    /** Handling the year twice, or again after the host failed part-way, gives the same ids and bodies. */
    @Test
    void theSameRecordsGiveTheSameResultsWhateverHappenedBefore() throws HostException {
        RecordingContext first = context(host("75"), PACK);
        new CloseHook().handle(first);

        FakeHost failing = host("75");
        failing.failWhen(FakeHost.Feed.PROJECTS, c -> c.cursor() == null && CloseHookTest.projectCalls(failing).size() == 2,
                new HostException("503 from projects"));
        RecordingContext interrupted = context(failing, PACK);
        assertThrows(HostException.class, () -> new CloseHook().handle(interrupted));
        assertFalse(interrupted.emitted.isEmpty(), "part of the year was already emitted");

        RecordingContext again = context(host("75"), PACK);
        new CloseHook().handle(again);
        assertEquals(first.emitted, again.emitted);
        List<String> ids = new ArrayList<>();
        first.emitted.forEach(r -> ids.add(r.id()));
        assertTrue(ids.contains("440000-2027.DEPARTMENT.101"), ids.toString());
    }
}
