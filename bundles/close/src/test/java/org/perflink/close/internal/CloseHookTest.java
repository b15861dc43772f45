package org.perflink.close.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.close.internal.Fixtures.REGION;
import static org.perflink.close.internal.Fixtures.YEAR;
import static org.perflink.close.internal.Fixtures.components;
import static org.perflink.close.internal.Fixtures.d;
import static org.perflink.close.internal.Fixtures.department;
import static org.perflink.close.internal.Fixtures.exactInput;
import static org.perflink.close.internal.Fixtures.exactProject;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.perflink.api.hook.ResultHistory;
import org.perflink.api.hook.StageContext;
import org.perflink.api.host.HostException;
import org.perflink.api.testing.FakeHost;
import org.perflink.api.testing.RecordingContext;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.Adjustment;
import org.perflink.api.model.DepartmentEvaluationInput;
import org.perflink.api.model.ExecutionSnapshot;
import org.perflink.api.model.Grade;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Notice;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectEvaluationInput;
import org.perflink.api.model.ProjectKind;
import org.perflink.api.model.Recurrence;
import org.perflink.api.model.ResultKind;
import org.perflink.api.model.Score;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.api.model.Warning;
import org.perflink.api.rules.RulePack;
import org.perflink.close.internal.Fixtures;

class CloseHookTest {

    /** 00:30 at +08:00: the notice date is the event's own date, 1 March, though it is still 29 February in UTC. */
    private static final OffsetDateTime OCCURRED = OffsetDateTime.of(2028, 3, 1, 0, 30, 0, 0, ZoneOffset.ofHours(8));

    // ---- the data of one region and year -------------------------------------------------------------

    private static FakeHost host() {
        FakeHost h = newHost();
        h.evaluated(Fixtures.project("P1", Fixtures.workedIndicators()), Fixtures.workedInput("P1").request("5200000.00").build());
        h.evaluated(exactProject("P2", "101", ProjectKind.PROJECT), exactInput("P2", "70").request("1000000.00").build());
        h.evaluated(exactProject("P3", "102", ProjectKind.TRANSFER),
                exactInput("P3", "50").department("102").kind(ProjectKind.TRANSFER).request("2000000.00").build());
        h.evaluated(exactProject("P4", "102", ProjectKind.PROJECT),
                exactInput("P4", "55").department("102").recurrence(Recurrence.ONE_OFF).request("300000.00").build());
        h.evaluated(exactProject("P5", "103", ProjectKind.POLICY),
                exactInput("P5", "85").department("103").kind(ProjectKind.POLICY).selfScore("99").request("800000.00").build());
        h.evaluations.add(Parsed.invalid("P6", 0, "paidAmount", "not a decimal: 'abc'"));
        h.evaluations.add(Parsed.ok(exactInput("P7", "90").build(), "P7", 0)); // no project at the host
        h.evaluations.add(Parsed.ok(exactInput("P8", "90").build(), "P8", 0));
        h.projects.add(Parsed.invalid("P8", 4, "target.indicators[0].operator", "unknown operator 'ABOUT'"));
        h.evaluations.add(Parsed.invalid(null, 0, "projectCode", "missing"));
        h.departments.add(Parsed.ok(department("101", "10000000.00", components("95", "95", "95", "95")), "101", 0));
        h.departments.add(Parsed.invalid("104", 0, "components.KEY_TARGETS", "not a decimal"));
        h.departments.add(Parsed.ok(department("102", "20000000.00", components("55", "55", null, "55")), "102", 0));
        h.departments.add(Parsed.ok(department("105", "1000000.00", components("70", "70", "70", "70")), "105", 0));
        return h;
    }

    private static StageEvent event(Phase phase, String... codes) {
        return new StageEvent(7, "ev-" + REGION + "-7", REGION, YEAR, Stage.CLOSE, phase, List.of(codes), OCCURRED, null);
    }

    // ---- EVALUATE ---------------------------------------------------------------------------------------

    @Test
    void evaluateScoresEveryProjectPageByPageAndRejectsTheBadOnes() throws HostException {
        FakeHost h = host();
        RecordingContext ctx = context(event(Phase.EVALUATE), h);
        new CloseHook().handle(ctx);

        List<Score> scores = ctx.bodies(Score.class);
        assertEquals(List.of("P1.2027", "P2.2027", "P3.2027", "P4.2027", "P5.2027"),
                scores.stream().map(Score::scoreId).toList());
        assertEquals(d("90.94"), scores.get(0).score());
        assertEquals(Grade.EXCELLENT, scores.get(0).grade());
        assertEquals(d("70.00"), scores.get(1).score());
        assertEquals(ResultKind.SCORE, ctx.emitted.get(0).kind());
        assertEquals("P1", ctx.emitted.get(0).subject());
        assertEquals("default@1", scores.get(0).rulePack());

        assertEquals(List.of("P6", "P7", "P8", "evaluations@8#0"), List.copyOf(ctx.rejectedByKey().keySet()));
        assertTrue(ctx.rejectedByKey().get("P6").contains("paidAmount"), ctx.rejectedByKey().get("P6"));
        assertTrue(ctx.rejectedByKey().get("P7").contains("no project P7"), ctx.rejectedByKey().get("P7"));
        assertTrue(ctx.rejectedByKey().get("P8").contains("target.indicators[0].operator"), ctx.rejectedByKey().get("P8"));

        // 9 evaluation items in pages of 2; projects asked per evaluation page, never with an empty code list
        assertEquals(5, evaluationCalls(h));
        assertTrue(projectCalls(h).stream().noneMatch(List::isEmpty));
        assertTrue(projectCalls(h).stream().allMatch(codes -> codes.size() <= 2));
        assertEquals(List.of(200, 1000), List.of(lastLimit(h, FakeHost.Feed.EVALUATIONS), lastLimit(h, FakeHost.Feed.PROJECTS)));
        assertEquals(0, departmentCalls(h), "EVALUATE needs no department data");
    }

    @Test
    void evaluateOnlyTheEventsProjectsWhenItListsSome() throws HostException {
        FakeHost h = host();
        RecordingContext ctx = context(event(Phase.EVALUATE, "P2", "P6", "P9"), h);
        new CloseHook().handle(ctx);

        assertEquals(List.of("P2.2027"), ctx.bodies(Score.class).stream().map(Score::scoreId).toList());
        assertEquals(List.of("P6"), List.copyOf(ctx.rejectedByKey().keySet()));
        assertEquals(List.of(List.of("P2")), projectCalls(h));
    }

    @Test
    void aHostThatCannotAnswerFailsTheEvent() {
        FakeHost h = host();
        h.failWhen(FakeHost.Feed.PROJECTS, c -> c.cursor() == null && projectCalls(h).size() == 2,
                new HostException("503 from projects"));
        RecordingContext ctx = context(event(Phase.EVALUATE), h);
        HostException ex = assertThrows(HostException.class, () -> new CloseHook().handle(ctx));
        assertEquals("503 from projects", ex.getMessage());
    }

    // ---- LINK -------------------------------------------------------------------------------------------

    @Test
    void linkWritesProjectThenDepartmentAdjustmentsThenNotices() throws HostException {
        FakeHost h = host();
        // 102 sends no KEY_MONITORING: with no project under key monitoring PerfLink has none either, so the present
        // components keep their weights (rules.md §3.3); PerfLink's own values: CloseHookRecordsTest.
        RecordingContext ctx = context(event(Phase.LINK), h,
                new RulePack("no-key-monitoring", "1", Map.of("monitor.key.minBudget", "2000000.01"), RulePack.DEFAULT));
        ctx.history(code -> "P1".equals(code)
                ? List.of(redWarning(code, "2027-07-31"), redWarning(code, "2027-09-30"))
                : List.of());
        new CloseHook().handle(ctx);

        List<String> order = ctx.emitted.stream().map(r -> r.kind() + ":" + r.id()).toList();
        assertEquals(List.of(
                "ADJUSTMENT:440000-2027.PROJECT.P1",
                "ADJUSTMENT:440000-2027.PROJECT.P2",
                "ADJUSTMENT:440000-2027.TRANSFER.P3",
                "ADJUSTMENT:440000-2027.PROJECT.P4",
                "ADJUSTMENT:440000-2027.POLICY.P5",
                "ADJUSTMENT:440000-2027.DEPARTMENT.101",
                "ADJUSTMENT:440000-2027.DEPARTMENT.102",
                "ADJUSTMENT:440000-2027.DEPARTMENT.105",
                "NOTICE:440000-2027.101.REMINDER",
                "NOTICE:440000-2027.102.RECTIFICATION",
                "NOTICE:440000-2027.102.INTERVIEW",
                "NOTICE:440000-2027.103.REMINDER",
                "NOTICE:440000-2027.105.RECTIFICATION"), order);

        Map<String, Adjustment> adjustments = ctx.bodies(Adjustment.class).stream()
                .collect(Collectors.toMap(Adjustment::adjustmentId, a -> a));
        assertEquals(d("0.00"), adjustments.get("440000-2027.PROJECT.P1").deltaAmount());
        assertEquals(d("-100000.00"), adjustments.get("440000-2027.PROJECT.P2").deltaAmount());
        assertEquals(d("-300000.00"), adjustments.get("440000-2027.TRANSFER.P3").deltaAmount());
        assertEquals(Adjustment.Action.CANCEL, adjustments.get("440000-2027.PROJECT.P4").action());
        assertEquals(Adjustment.Action.CONTINUE, adjustments.get("440000-2027.POLICY.P5").action());
        assertEquals(d("300000.00"), adjustments.get("440000-2027.DEPARTMENT.101").deltaAmount());
        assertEquals(d("-2000000.00"), adjustments.get("440000-2027.DEPARTMENT.102").deltaAmount());
        assertEquals(d("-30000.00"), adjustments.get("440000-2027.DEPARTMENT.105").deltaAmount());

        Map<String, Notice> notices = ctx.bodies(Notice.class).stream().collect(Collectors.toMap(Notice::noticeId, n -> n));
        Notice reminder101 = notices.get("440000-2027.101.REMINDER");
        assertEquals(List.of("1个项目绩效评价等级为“中”", "年度内发生2次红色预警"), reminder101.reasons());
        assertEquals(List.of("P1", "P2"), reminder101.subjects());
        assertEquals(LocalDate.of(2028, 3, 21), reminder101.dueDate(), "event date (its own offset) + 20 days");
        assertEquals(List.of("P3", "P4"), notices.get("440000-2027.102.RECTIFICATION").subjects());
        assertEquals(1, notices.get("440000-2027.102.INTERVIEW").reasons().size(), "composite POOR; 2 POOR projects are fewer than 3");
        assertEquals(List.of("P5"), notices.get("440000-2027.103.REMINDER").subjects(), "self score 99 against 85");
        assertEquals(LocalDate.of(2028, 3, 31), notices.get("440000-2027.105.RECTIFICATION").dueDate());

        assertEquals(List.of("P6", "P7", "P8", "evaluations@8#0", "104"), List.copyOf(ctx.rejectedByKey().keySet()));
        assertEquals(2, departmentCalls(h), "4 department items in pages of 2");
    }

    @Test
    void linkIsDeterministic() throws HostException {
        RecordingContext first = context(event(Phase.LINK), host());
        RecordingContext second = context(event(Phase.LINK), host());
        new CloseHook().handle(first);
        new CloseHook().handle(second);
        assertEquals(first.emitted, second.emitted);
        assertFalse(first.emitted.isEmpty());
    }

    @Test
    void aRestrictedLinkWritesOnlyTheListedProjectsAdjustments() throws HostException {
        FakeHost h = host();
        RecordingContext ctx = context(event(Phase.LINK, "P2", "P3"), h);
        ctx.history(code -> {
            throw new AssertionError("RED warnings only matter for notices");
        });
        new CloseHook().handle(ctx);

        assertEquals(List.of("440000-2027.PROJECT.P2", "440000-2027.TRANSFER.P3"),
                ctx.emitted.stream().map(HostResult::id).toList());
        assertEquals(0, departmentCalls(h));
        assertTrue(ctx.rejectedByKey().isEmpty());
    }

    @Test
    void aProjectThatCannotBeLinkedIsRejectedAndTheOthersGoOn() throws HostException {
        FakeHost h = newHost();
        h.evaluated(exactProject("P1", "101", ProjectKind.PROJECT), exactInput("P1", "50").recurrence(null).build());
        h.evaluated(exactProject("P2", "101", ProjectKind.PROJECT), exactInput("P2", "70").build());
        RecordingContext ctx = context(event(Phase.LINK), h);
        new CloseHook().handle(ctx);

        assertTrue(ctx.rejectedByKey().get("P1").contains("recurrence"), ctx.rejectedByKey().toString());
        assertEquals(List.of("440000-2027.PROJECT.P2", "440000-2027.101.REMINDER", "440000-2027.101.RECTIFICATION"),
                ctx.emitted.stream().map(HostResult::id).toList(), "P1 is still POOR for the notices");
    }

    @Test
    void anEventWithoutADateIssuesNoNotices() throws HostException {
        RecordingContext ctx = context(new StageEvent(8, "ev-8", REGION, YEAR, Stage.CLOSE, Phase.LINK, List.of(), null, null),
                host());
        new CloseHook().handle(ctx);
        assertTrue(ctx.bodies(Notice.class).isEmpty());
        assertEquals(8, ctx.bodies(Adjustment.class).size());
        assertTrue(ctx.rejectedByKey().containsKey("notices@ev-8"));
    }

    @Test
    void otherPhasesAndTheStage() throws HostException {
        CloseHook hook = new CloseHook();
        assertEquals(Stage.CLOSE, hook.stage());
        FakeHost h = host();
        RecordingContext ctx = context(new StageEvent(1, "e", REGION, YEAR, Stage.EXECUTE, Phase.MONITOR, List.of(),
                OCCURRED, LocalDate.of(2027, 7, 31)), h);
        hook.handle(ctx);
        assertTrue(ctx.emitted.isEmpty());
        assertEquals(0, evaluationCalls(h));
    }

    // ---- the shared doubles, wired as this stage's tests need them -------------------------------------

    /** A host that pages evaluations and departments by 2 and projects by 1 (fewer than asked, as a host may). */
    static FakeHost newHost() {
        return new FakeHost().maxPageSize(FakeHost.Feed.EVALUATIONS, 2).maxPageSize(FakeHost.Feed.DEPARTMENTS, 2)
                .maxPageSize(FakeHost.Feed.PROJECTS, 1);
    }

    /** The codes of each project lookup (its first page). */
    static List<List<String>> projectCalls(FakeHost h) {
        return h.calls(FakeHost.Feed.PROJECTS).stream().filter(c -> c.cursor() == null).map(FakeHost.Call::codes).toList();
    }

    static int evaluationCalls(FakeHost h) {
        List<FakeHost.Call> calls = h.calls(FakeHost.Feed.EVALUATIONS);
        calls.forEach(c -> {
            assertEquals(REGION, c.regionCode());
            assertEquals(YEAR, c.year());
        });
        return calls.size();
    }

    static int departmentCalls(FakeHost h) {
        return h.calls(FakeHost.Feed.DEPARTMENTS).size();
    }

    static int lastLimit(FakeHost h, FakeHost.Feed feed) {
        List<FakeHost.Call> calls = h.calls(feed);
        return calls.isEmpty() ? 0 : calls.get(calls.size() - 1).limit();
    }

    /** Every result is the region's; an item is rejected once. */
    static RecordingContext context(StageEvent event, FakeHost host) {
        return context(event, host, RulePack.DEFAULT);
    }

    static RecordingContext context(StageEvent event, FakeHost host, RulePack pack) {
        return new RecordingContext(event, pack, host).checkEmitted(r -> assertSame(REGION, r.regionCode()))
                .refuseDuplicateRejections();
    }

    static Warning redWarning(String projectCode, String asOf) {
        java.time.LocalDate date = java.time.LocalDate.parse(asOf);
        return new Warning(Warning.idOf(projectCode, date, Warning.Type.EXECUTION_LAG), projectCode, REGION, 2027, date,
                Warning.Type.EXECUTION_LAG, Warning.Level.RED, Map.of(), Map.of(), Warning.Action.SUSPEND_DISBURSEMENT,
                "EXECUTION_LAG", "", "");
    }
}
