package org.perflink.camel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.perflink.api.hook.StageHook;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Phase;
import org.perflink.api.model.ResultKind;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.api.rules.RulePack;
import org.perflink.api.testing.FakeHost;
import org.perflink.host.http.HostJson;
import org.perflink.store.internal.JdbcStore;

/**
 * Issue 17 item 12: an event whose results the store can never hold (an id beyond its key column) is not
 * retried silently for ever: after {@link EventPoller#STUCK_AFTER} failures it is in the status as the
 * stage's {@code stuckEvent}, and an operator's skip moves the cursor past it, so the next event goes on.
 * A stage with nothing stuck cannot be skipped.
 */
class StuckEventTest {

    private static final String REGION = "440000";

    private static StageEvent event(long seq) {
        return new StageEvent(seq, "ev-" + seq, REGION, 2027, Stage.COMPILE, Phase.DECLARED, List.of("p" + seq),
                OffsetDateTime.parse("2026-10-15T10:00:00+08:00"), null);
    }

    /** A feed of events 1 and 2. */
    private static FakeHost feed() {
        FakeHost host = new FakeHost();
        host.events.addAll(List.of(event(1), event(2)));
        return host;
    }

    @Test
    void anEventThatCanNeverBeStoredIsShownAndSkippedByAnOperator() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(JdbcStore.h2Url("jdbc:h2:mem:stuck-" + System.nanoTime()));
        JdbcStore store = JdbcStore.open(ds, Clock.systemUTC());
        ObjectMapper mapper = HostJson.newMapper();
        StatusBoard status = new StatusBoard();
        status.region(REGION, true);
        StageHook hook = new StageHook() {
            @Override
            public Stage stage() {
                return Stage.COMPILE;
            }

            @Override
            public void handle(org.perflink.api.hook.StageContext context) {
                String code = context.event().projectCodes().get(0);
                // event 1's result id is longer than the store's result_id column (400)
                String id = context.event().seq() == 1 ? "V-" + "x".repeat(500) : "V-" + code;
                context.emit(new HostResult(ResultKind.VERDICT, REGION, id, code, Map.of("verdictId", id)));
            }
        };
        EventPoller poller = new EventPoller(REGION, store.eventLedger(), store.resultLedger(), feed(), stage -> List.of(hook), () -> RulePack.DEFAULT,
                new ResultEncoder(mapper), status);

        assertNull(poller.skipStuck(Stage.COMPILE), "nothing is stuck: nothing to skip");
        for (int i = 1; i <= EventPoller.STUCK_AFTER; i++) {
            assertThrows(RuntimeException.class, () -> poller.poll(Stage.COMPILE));
            JsonNode stage = status.snapshot(mapper, store.status()).path("regions").path(REGION).path("stages").path("COMPILE");
            assertEquals(i < EventPoller.STUCK_AFTER, stage.path("stuckEvent").isMissingNode(), "after " + i + " failures");
        }
        assertNull(store.eventLedger().cursor(REGION, Stage.COMPILE), "the cursor waits before event 1");
        JsonNode stuck = status.snapshot(mapper, store.status()).path("regions").path(REGION).path("stages").path("COMPILE")
                .path("stuckEvent");
        assertEquals(1, stuck.path("seq").asLong());
        assertEquals("ev-1", stuck.path("eventId").asText());
        assertEquals(EventPoller.STUCK_AFTER, stuck.path("failures").asInt());
        assertEquals("perflink:skip-event 440000 compile", stuck.path("skip").asText());

        assertEquals("1 ev-1", poller.skipStuck(Stage.COMPILE));
        assertEquals("1", store.eventLedger().cursor(REGION, Stage.COMPILE));
        assertNull(poller.skipStuck(Stage.COMPILE), "skipped once only");

        assertDoesNotThrowPoll(poller);
        assertEquals("2", store.eventLedger().cursor(REGION, Stage.COMPILE), "the next event went on");
        assertEquals(List.of("V-p2"), store.outbox().pending(REGION, Instant.now().plusSeconds(1), 10).stream()
                .map(o -> o.resultId()).toList());
        assertFalse(status.snapshot(mapper, store.status()).path("regions").path(REGION).path("stages").path("COMPILE")
                .has("stuckEvent"));
    }

    private static void assertDoesNotThrowPoll(EventPoller poller) {
        try {
            poller.poll(Stage.COMPILE);
        } catch (Exception e) {
            throw new AssertionError("the poll after the skip failed", e);
        }
    }
}
