package org.perflink.api.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.perflink.api.hook.StageInputs;
import org.perflink.api.host.HostException;
import org.perflink.api.host.HostUnavailable;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;

class StageInputsTest {

    private static final StageEvent EVENT = new StageEvent(1, "ev-1", "440000", 2027, Stage.COMPILE, Phase.DECLARED,
            List.of(), null, null);

    private static String code(int i) {
        return String.format("P%03d", i);
    }

    private static FakeHost hostWith(int projects) {
        FakeHost host = new FakeHost();
        IntStream.range(0, projects).forEach(i -> host.project(Parsed.<Project>invalid(code(i), 1, "budgetAmount", "missing")));
        return host;
    }

    @Test
    void projectsAreAskedForAHundredCodesAtATimeInContractPagesWithACheckpointAfterEachPage() throws HostException {
        FakeHost host = hostWith(250).maxPageSize(FakeHost.Feed.PROJECTS, 60);
        RecordingContext ctx = new RecordingContext(EVENT, null, host);
        List<String> codes = new ArrayList<>(IntStream.range(0, 250).mapToObj(StageInputsTest::code).toList());
        codes.add(code(7)); // a repeat is asked for once

        List<String> seen = new ArrayList<>();
        ctx.inputs().projects(codes).forEach(p -> seen.add(p.key()));

        assertEquals(IntStream.range(0, 250).mapToObj(StageInputsTest::code).toList(), seen);
        List<FakeHost.Call> calls = host.calls(FakeHost.Feed.PROJECTS);
        assertEquals(List.of(100, 100, 100, 100, 50), calls.stream().map(c -> c.codes().size()).toList());
        assertTrue(calls.stream().allMatch(c -> c.limit() == StageInputs.PAGE_SIZE && c.year() == 2027
                && c.regionCode().equals("440000")), calls.toString());
        assertEquals(5, ctx.checkpoints, "one checkpoint per page");
    }

    @Test
    void aReaderThatWantsNoMorePagesStopsTheStreamAfterItsCheckpoint() throws HostException {
        FakeHost host = hostWith(5).maxPageSize(FakeHost.Feed.PROJECTS, 2);
        RecordingContext ctx = new RecordingContext(EVENT, null, host);
        List<Integer> pages = new ArrayList<>();
        ctx.inputs().projects(List.of()).forEachPage(items -> {
            pages.add(items.size());
            return false;
        });
        assertEquals(List.of(2), pages);
        // the second page was asked for while the first was read, and is dropped: never a third
        assertEquals(Arrays.asList(null, "2"), host.calls(FakeHost.Feed.PROJECTS).stream().map(FakeHost.Call::cursor)
                .toList());
        assertEquals(1, ctx.checkpoints);
    }

    @Test
    void theNextPageIsAskedForWhileAPageIsReadAndItsFailureComesAfterThePagesCheckpoint() {
        HostException down = new HostException("503 from host");
        FakeHost host = hostWith(5).maxPageSize(FakeHost.Feed.PROJECTS, 2)
                .failWhen(FakeHost.Feed.PROJECTS, call -> "4".equals(call.cursor()), down);
        RecordingContext ctx = new RecordingContext(EVENT, null, host);
        List<String> askedForWhileReading = new ArrayList<>();

        HostException thrown = assertThrows(HostException.class, () -> ctx.inputs().projects(List.of()).forEachPage(
                items -> {
                    // the request for the next page runs on another thread: wait until the host has it
                    long until = System.nanoTime() + 5_000_000_000L;
                    while (host.calls(FakeHost.Feed.PROJECTS).size() < 2 + askedForWhileReading.size()
                            && System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                    askedForWhileReading.add(host.calls(FakeHost.Feed.PROJECTS).get(1 + askedForWhileReading.size())
                            .cursor());
                    return true;
                }));

        assertSame(down, thrown);
        assertEquals(List.of("2", "4"), askedForWhileReading, "each page's successor was asked for while it was read");
        assertEquals(2, ctx.checkpoints, "the two pages read were checkpointed, the second before the failure came");
    }

    @Test
    void pulledLazilyTheNextPageIsAskedForOnlyWhenNeededAndAHostFailureIsCarried() {
        HostException down = new HostException("503 from host");
        FakeHost host = hostWith(5).maxPageSize(FakeHost.Feed.PROJECTS, 2)
                .failWhen(FakeHost.Feed.PROJECTS, c -> "4".equals(c.cursor()), down);
        List<String> skipped = new ArrayList<>();
        StageInputs inputs = StageInputs.of(host, "440000", 2027, 1000, (k, r) -> skipped.add(k), () -> {
            throw new AssertionError("a pulled input does not checkpoint");
        });
        Iterator<Parsed<Project>> it = inputs.projects(List.of()).iterator();
        assertTrue(host.calls.isEmpty(), "nothing asked before the first item is wanted");
        assertEquals(code(0), it.next().key());
        assertEquals(code(1), it.next().key());
        assertEquals(1, host.calls.size());
        assertEquals(code(2), it.next().key());
        assertEquals(code(3), it.next().key());
        assertEquals(2, host.calls.size());
        assertSame(down, assertThrows(HostUnavailable.class, it::hasNext).hostException());
        assertTrue(skipped.isEmpty());
        assertThrows(IllegalArgumentException.class, () -> StageInputs.of(host, "440000", 2027, 1001, (k, r) -> { }, () -> { }));
    }

    @Test
    void unusableEvaluationInputsAreRejectedThroughTheContextAndThePagesGoOn() throws HostException {
        FakeHost host = new FakeHost().maxPageSize(FakeHost.Feed.EVALUATIONS, 1);
        host.evaluations.add(Parsed.invalid("P1", 0, "selfScore", "missing"));
        host.evaluations.add(Parsed.invalid(null, 0, "projectCode", "missing"));
        RecordingContext ctx = new RecordingContext(EVENT, null, host);
        List<String> evaluated = new ArrayList<>();
        ctx.inputs().evaluations(null).forEach(e -> evaluated.add(e.input().projectCode()));
        assertTrue(evaluated.isEmpty());
        assertEquals(Map.of("P1", "evaluation input: selfScore: missing",
                "evaluations@1#0", "evaluation input: projectCode: missing"), ctx.rejectedByKey());
        assertEquals(2, ctx.checkpoints);
        assertFalse(host.calls(FakeHost.Feed.EVALUATIONS).isEmpty());
        assertTrue(host.calls(FakeHost.Feed.PROJECTS).isEmpty(), "no project lookup for a page without usable inputs");
    }
}
