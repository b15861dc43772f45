package org.perflink.api.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perflink.api.host.HostException;
import org.perflink.api.host.Page;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;

class FakeHostTest {

    private static Parsed<Project> invalid(String code) {
        return Parsed.invalid(code, 1, "budgetAmount", "missing");
    }

    @Test
    void pagesByOffsetWithinTheSmallerOfLimitAndMaxPageSizeAndRecordsEveryPull() throws HostException {
        FakeHost host = new FakeHost().project(invalid("A")).project(invalid("B")).project(invalid("C"))
                .maxPageSize(FakeHost.Feed.PROJECTS, 2);
        Page<Parsed<Project>> first = host.projects("440000", 2027, List.of(), null, 200);
        assertEquals(List.of("A", "B"), first.items().stream().map(Parsed::key).toList());
        Page<Parsed<Project>> second = host.projects("440000", 2027, List.of(), first.nextCursor(), 200);
        assertEquals(List.of("C"), second.items().stream().map(Parsed::key).toList());
        assertNull(second.nextCursor());
        assertEquals(List.of("C"), host.projects("440000", 2027, List.of("C", "X"), null, 1).items().stream()
                .map(Parsed::key).toList());
        assertEquals(List.of(new FakeHost.Call(FakeHost.Feed.PROJECTS, "440000", 2027, List.of(), null, 200),
                new FakeHost.Call(FakeHost.Feed.PROJECTS, "440000", 2027, List.of(), "2", 200),
                new FakeHost.Call(FakeHost.Feed.PROJECTS, "440000", 2027, List.of("C", "X"), null, 1)), host.calls);
    }

    @Test
    void stageEventsFollowTheContractsCursorTheSeqOfTheLastEventRead() throws HostException {
        FakeHost host = new FakeHost().maxPageSize(FakeHost.Feed.EVENTS, 2);
        for (long seq : new long[] {9, 5, 7}) {
            host.events.add(new StageEvent(seq, "ev-" + seq, "440000", 2027, Stage.COMPILE, Phase.DECLARED, List.of("P"),
                    OffsetDateTime.parse("2026-10-15T10:00:00+08:00"), null));
        }
        Page<StageEvent> first = host.stageEvents("440000", null, 200);
        assertEquals(List.of(5L, 7L), first.items().stream().map(StageEvent::seq).toList());
        assertEquals("7", first.nextCursor());
        Page<StageEvent> rest = host.stageEvents("440000", "5", 200);
        assertEquals(List.of(7L, 9L), rest.items().stream().map(StageEvent::seq).toList());
        assertNull(rest.nextCursor());
        assertEquals(List.of(), host.stageEvents("440000", "9", 200).items());
    }

    @Test
    void faultSwitchesFailTheChosenPullsOnly() throws HostException {
        HostException down = new HostException("503 from host");
        FakeHost host = new FakeHost().failWhen(FakeHost.Feed.EVALUATIONS, c -> "2".equals(c.cursor()), down);
        host.evaluations("440000", 2027, null, 2);
        assertSame(down, assertThrows(HostException.class, () -> host.evaluations("440000", 2027, "2", 2)));
        assertEquals(2, host.calls(FakeHost.Feed.EVALUATIONS).size());
    }

    @Test
    void aRecordingContextKeepsWhatTheHookDidAndRefusesAKeyRejectedTwice() {
        RecordingContext ctx = new RecordingContext(null, null, new FakeHost());
        ctx.reject("P1", "bad", null);
        ctx.checkpoint();
        assertEquals(java.util.Map.of("P1", "bad"), ctx.rejectedByKey());
        assertEquals(1, ctx.checkpoints);
        ctx.reject("P1", "again", null);
        assertThrows(AssertionError.class, ctx::rejectedByKey);
    }
}
