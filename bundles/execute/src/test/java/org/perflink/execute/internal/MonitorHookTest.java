package org.perflink.execute.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.execute.internal.TestData.REGION;
import static org.perflink.execute.internal.TestData.project;
import static org.perflink.execute.internal.TestData.snapshot;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perflink.api.hook.StageInputs;
import org.perflink.api.host.HostException;
import org.perflink.api.host.HostGateway;
import org.perflink.api.testing.FakeHost;
import org.perflink.api.testing.RecordingContext;
import org.perflink.api.host.Page;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.ExecutionSnapshot;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.ResultKind;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.api.model.Warning;
import org.perflink.api.model.Warning.Type;
import org.perflink.api.rules.RulePack;
import org.perflink.execute.internal.TestData;

class MonitorHookTest {

    private static final LocalDate AUG_7 = LocalDate.of(2027, 8, 7); // time progress 0.6
    private static final String EVENT_ID = "ev-440000-7";

    private final FakeHost host = new FakeHost();

    private static StageEvent monitorEvent(String... codes) {
        return new StageEvent(7, EVENT_ID, REGION, 2027, Stage.EXECUTE, Phase.MONITOR, List.of(codes),
                OffsetDateTime.parse("2027-08-08T09:00:00+08:00"), AUG_7);
    }

    /** The host's project lookups, as asked. */
    record ProjectsCall(List<String> codes, String cursor, int limit) {
    }

    private List<ProjectsCall> projectsCalls() {
        return host.calls(FakeHost.Feed.PROJECTS).stream().map(c -> new ProjectsCall(c.codes(), c.cursor(), c.limit())).toList();
    }

    private List<String> executionCursors() {
        return host.calls(FakeHost.Feed.EXECUTION).stream().map(FakeHost.Call::cursor).toList();
    }

    private static List<Warning> warnings(RecordingContext context) {
        return context.bodies(Warning.class);
    }

    /** A recording context that holds the hook to emitting warnings only. */
    private static RecordingContext context(StageEvent event, HostGateway host) {
        return new RecordingContext(event, RulePack.DEFAULT, host).checkEmitted(r -> {
            if (r.kind() != ResultKind.WARNING) {
                throw new AssertionError("the execute stage emits warnings only: " + r);
            }
        });
    }

    private RecordingContext handle(StageEvent event) throws HostException {
        RecordingContext context = context(event, host);
        new MonitorHook().handle(context);
        return context;
    }

    private static Parsed<ExecutionSnapshot> ok(ExecutionSnapshot s) {
        return Parsed.ok(s, s.projectCode(), 1);
    }

    /** Execution snapshot at 7 August with {@code paid} of 1 000 000 spent. */
    private static Parsed<ExecutionSnapshot> paid(String code, String paid, String... actuals) {
        var b = snapshot(code).asOf(AUG_7).paid(paid);
        for (int i = 0; i < actuals.length; i += 2) {
            b.actual(actuals[i], actuals[i + 1]);
        }
        return ok(b.build());
    }

    private static List<String> summary(RecordingContext context) {
        return warnings(context).stream().map(w -> w.projectCode() + " " + w.type() + " " + w.level()).toList();
    }

    @Test
    void monitorsEveryPageAndGivesNoDataToProjectsWithoutSnapshot() throws HostException {
        host.executionPage(paid("P1", "0.00"), paid("P2", "600000.00"))
                .executionPage(Parsed.invalid("P3", 4, "paidAmount", "not a decimal: '12,5'"),
                        Parsed.invalid(null, 0, "$", "unexpected end of input"),
                        paid("P4", "400000.00", "I1", "10"))
                .executionPage(ok(snapshot("P5").asOf(AUG_7).budget("0.00").paid("0.00").build()));
        for (String code : List.of("P1", "P2", "P3", "P5", "P6")) {
            host.project(project(code).build());
        }
        host.project(project("P4").ge("I1", "100", "所").build());

        RecordingContext context = handle(monitorEvent());

        assertEquals(List.of(
                "P1 EXECUTION_LAG RED",
                "P4 EXECUTION_LAG YELLOW",
                "P4 TARGET_AT_RISK RED",
                "P5 NO_DATA YELLOW",
                "P6 NO_DATA YELLOW"), summary(context));
        assertEquals("NO_SNAPSHOT", warnings(context).get(4).metrics().get("reason"));

        // pages streamed in order; one project lookup per page with that page's valid codes; one final sweep
        assertEquals(List.of("null", "1", "2"), executionCursors().stream().map(String::valueOf).toList());
        assertEquals(List.of(
                new ProjectsCall(List.of("P1", "P2"), null, StageInputs.LOOKUP_SIZE),
                new ProjectsCall(List.of("P4"), null, StageInputs.LOOKUP_SIZE),
                new ProjectsCall(List.of("P5"), null, StageInputs.LOOKUP_SIZE),
                new ProjectsCall(List.of(), null, StageInputs.PAGE_SIZE)), projectsCalls());

        // the invalid snapshots are rejected, named by their key when they have one; P3 gets no NO_DATA on top
        assertEquals(List.of("P3", EVENT_ID + "/unidentified-execution-snapshot#1"),
                context.rejected.stream().map(RecordingContext.Rejection::key).toList());
        assertTrue(context.rejected.get(0).reason().contains("paidAmount"), context.rejected.get(0).reason());
        assertTrue(context.rejected.stream().allMatch(r -> r.payload() == null));
    }

    private static Warning earlier(String code, LocalDate asOf, Warning.Type type, Warning.Level level) {
        return new Warning(Warning.idOf(code, asOf, type), code, REGION, 2027, asOf, type, level, Map.of(), Map.of(),
                Warning.Action.CORRECT, type.name(), "", "");
    }

    @Test
    void aWarningOfTheLatestEarlierRoundThatNoLongerHoldsIsClearedWithLevelNone() throws HostException {
        host.executionPage(paid("P1", "600000.00")); // 60 % spent at time progress 0.6: no lag any more
        host.project(project("P1").build());
        RecordingContext context = context(monitorEvent(), host);
        LocalDate july = LocalDate.of(2027, 7, 31);
        LocalDate june = LocalDate.of(2027, 6, 30);
        context.history.put("P1", List.of(
                earlier("P1", june, Warning.Type.NO_DATA, Warning.Level.YELLOW),
                earlier("P1", july, Warning.Type.EXECUTION_LAG, Warning.Level.RED)));

        new MonitorHook().handle(context);

        assertEquals(List.of("P1 EXECUTION_LAG NONE"), summary(context), "only the latest earlier round is cleared");
        Warning cleared = warnings(context).get(0);
        assertEquals("P1.2027-08-07.EXECUTION_LAG", cleared.warningId());
        assertEquals(Warning.Action.NONE, cleared.suggestedAction());
        assertEquals("P1.2027-07-31.EXECUTION_LAG", cleared.metrics().get("previousWarningId"));
    }

    @Test
    void aWarningThatStillHoldsIsNotCleared() throws HostException {
        host.executionPage(paid("P1", "0.00"));
        host.project(project("P1").build());
        RecordingContext context = context(monitorEvent(), host);
        context.history.put("P1", List.of(earlier("P1", LocalDate.of(2027, 7, 31), Warning.Type.EXECUTION_LAG, Warning.Level.YELLOW)));

        new MonitorHook().handle(context);

        assertEquals(List.of("P1 EXECUTION_LAG RED"), summary(context));
    }

    @Test
    void emitsWarningsAsHostResults() throws HostException {
        host.executionPage(paid("P1", "0.00"));
        host.project(project("P1").build());
        HostResult result = handle(monitorEvent()).emitted.get(0);
        Warning w = (Warning) result.body();
        assertEquals(ResultKind.WARNING, result.kind());
        assertEquals("P1.2027-08-07.EXECUTION_LAG", result.id());
        assertEquals(w.warningId(), result.id());
        assertEquals("P1", result.subject());
        assertEquals(REGION, result.regionCode());
        assertEquals(2027, w.year());
        assertEquals(AUG_7, w.asOf());
    }

    @Test
    void anEventListingProjectsMonitorsOnlyThoseAndGivesNoDataToTheMissingOnes() throws HostException {
        host.executionPage(paid("P1", "0.00"), paid("P2", "0.00"))
                .executionPage(paid("P3", "0.00"));
        host.project(project("P1").build()).project(project("P2").build()).project(project("P3").build());

        RecordingContext context = handle(monitorEvent("P1", "P3", "P9"));

        assertEquals(List.of("P1 EXECUTION_LAG RED", "P3 EXECUTION_LAG RED", "P9 NO_DATA YELLOW"), summary(context));
        assertEquals("P9.2027-08-07.NO_DATA", context.emitted.get(2).id());
        // lookups ask for listed codes only, and there is no sweep over all projects
        assertEquals(List.of(List.of("P1"), List.of("P3")), projectsCalls().stream().map(ProjectsCall::codes).toList());
        assertTrue(context.rejected.isEmpty());
    }

    @Test
    void aListingEventStopsStreamingOnceAllItsProjectsCame() throws HostException {
        host.executionPage(paid("P1", "0.00")).executionPage(paid("P2", "0.00")).executionPage(paid("P3", "0.00"));
        host.project(project("P1").build());
        RecordingContext context = handle(monitorEvent("P1"));
        assertEquals(List.of("P1 EXECUTION_LAG RED"), summary(context));
        // the second page was asked for while the first was read, and is dropped: never the third
        assertEquals(2, executionCursors().size());
    }

    @Test
    void anInvalidProjectIsRejectedAndItsSnapshotStillMonitoredWithoutTarget() throws HostException {
        host.executionPage(paid("P1", "0.00", "I1", "0"), paid("P2", "0.00", "I1", "0"));
        host.project(Parsed.invalid("P1", 3, "target.indicators[0].operator", "unknown operator 'ATLEAST'"));
        host.project(project("P2").ge("I1", "100", "所").build());

        RecordingContext context = handle(monitorEvent());

        assertEquals(List.of("P1 EXECUTION_LAG RED", "P2 EXECUTION_LAG RED", "P2 TARGET_AT_RISK RED"), summary(context));
        // rejected once, in the lookup; the final sweep does not reject it a second time
        assertEquals(List.of("P1"), context.rejected.stream().map(RecordingContext.Rejection::key).toList());
    }

    @Test
    void anInvalidProjectWithoutSnapshotIsRejectedInTheSweep() throws HostException {
        host.executionPage(paid("P1", "600000.00"));
        host.project(project("P1").build());
        host.project(Parsed.invalid("P2", 1, "budgetAmount", "missing"));
        RecordingContext context = handle(monitorEvent());
        assertTrue(context.emitted.isEmpty());
        assertEquals(List.of("P2"), context.rejected.stream().map(RecordingContext.Rejection::key).toList());
    }

    @Test
    void aLookupSplitByTheHostIsPagedThrough() throws HostException {
        host.maxPageSize(FakeHost.Feed.PROJECTS, 1);
        host.executionPage(paid("P1", "600000.00", "I1", "0"), paid("P2", "600000.00", "I1", "0"));
        host.project(project("P1").ge("I1", "100", "所").build()).project(project("P2").ge("I1", "100", "所").build());

        RecordingContext context = handle(monitorEvent("P1", "P2"));

        assertEquals(List.of("P1 TARGET_AT_RISK RED", "P2 TARGET_AT_RISK RED"), summary(context));
        assertEquals(List.of(new ProjectsCall(List.of("P1", "P2"), null, StageInputs.LOOKUP_SIZE),
                new ProjectsCall(List.of("P1", "P2"), "1", StageInputs.LOOKUP_SIZE)), projectsCalls());
    }

    @Test
    void aHostFailurePropagatesSoTheEventIsRetried() {
        host.executionPage(paid("P1", "0.00")).executionPage(paid("P2", "0.00"));
        host.failWhen(FakeHost.Feed.EXECUTION, c -> "1".equals(c.cursor()), new HostException("503 from host"));
        RecordingContext context = context(monitorEvent(), host);
        assertThrows(HostException.class, () -> new MonitorHook().handle(context));
    }

    @Test
    void otherPhasesAreIgnoredAndAMonitorEventNeedsItsCutOffDate() throws HostException {
        StageEvent evaluate = new StageEvent(8, "ev-8", REGION, 2027, Stage.CLOSE, Phase.EVALUATE, List.of(), null, null);
        RecordingContext ignored = handle(evaluate);
        assertTrue(ignored.emitted.isEmpty() && ignored.rejected.isEmpty());
        assertTrue(executionCursors().isEmpty());

        StageEvent noAsOf = new StageEvent(9, "ev-9", REGION, 2027, Stage.EXECUTE, Phase.MONITOR, List.of(), null, null);
        RecordingContext rejected = handle(noAsOf);
        assertEquals(List.of("ev-9"), rejected.rejected.stream().map(RecordingContext.Rejection::key).toList());
        assertTrue(executionCursors().isEmpty());
        assertEquals(Stage.EXECUTE, new MonitorHook().stage());
    }

    @Test
    void aRoundOf100000ProjectsLooksUpOncePerPage() throws HostException {
        int total = 100_000;
        int pageSize = StageInputs.PAGE_SIZE;
        List<Integer> lookupSizes = new ArrayList<>();
        FakeHost big = new FakeHost() {
            @Override
            public Page<Parsed<ExecutionSnapshot>> execution(String r, int y, LocalDate asOf, String cursor, int limit) {
                int from = cursor == null ? 0 : Integer.parseInt(cursor);
                int to = Math.min(total, from + limit);
                List<Parsed<ExecutionSnapshot>> items = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) {
                    // every tenth project is lagging, every seventh behind on its indicator
                    items.add(paid("P" + i, i % 10 == 0 ? "100000.00" : "600000.00", "I1", i % 7 == 0 ? "30" : "60"));
                }
                return new Page<>(items, to < total ? String.valueOf(to) : null);
            }

            @Override
            public Page<Parsed<Project>> projects(String r, int y, List<String> codes, String cursor, int limit) {
                lookupSizes.add(codes.size());
                if (codes.isEmpty()) {
                    return new Page<>(List.of(), null);
                }
                return new Page<>(codes.stream().map(c -> TestData.project(c).ge("I1", "100", "所").build())
                        .map(p -> Parsed.ok(p, p.projectCode(), 1)).toList(), null);
            }
        };
        int[] counts = new int[Type.values().length];
        RecordingContext counting = new RecordingContext(monitorEvent(), RulePack.DEFAULT, big) {
            @Override
            public void emit(HostResult result) {
                counts[((Warning) result.body()).type().ordinal()]++; // count only: keep the test's memory flat too
            }
        };

        new MonitorHook().handle(counting);

        assertEquals(total / pageSize + 1, lookupSizes.size()); // one per page, plus the final sweep
        assertTrue(lookupSizes.stream().allMatch(n -> n <= pageSize));
        assertEquals(total / 10, counts[Type.EXECUTION_LAG.ordinal()]);
        assertEquals((total + 6) / 7, counts[Type.TARGET_DEVIATION.ordinal()]);
        assertEquals(0, counts[Type.NO_DATA.ordinal()]);
        assertTrue(counting.rejected.isEmpty());
    }
}
