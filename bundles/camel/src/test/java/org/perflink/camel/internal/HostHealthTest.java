package org.perflink.camel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perflink.api.host.Delivery;
import org.perflink.api.model.HostResult;
import org.perflink.host.http.HostJson;

/**
 * Issue 17 items 9 and 10 on the writer, on a clock the test moves: the host's health sets the waits (a
 * success after an outage resets them, however often a result failed during it), one result's transient
 * answer never holds other subjects, and 401/403/3xx pause delivery without a dead letter.
 */
class HostHealthTest {

    private final OutboxWriterTest t = new OutboxWriterTest();
    private StatusBoard status;

    @BeforeEach
    void setUp() {
        t.setUp();
        status = new StatusBoard();
        status.region(OutboxWriterTest.REGION, true);
    }

    private OutboxWriter writer(boolean batch) {
        return new OutboxWriter(OutboxWriterTest.REGION, t.store.outbox(), t.host, batch, status, t.clock);
    }

    /** Stores every result but those whose id starts with {@code prefix} (answered 503). */
    private static Function<HostResult, Delivery> storedExcept(String prefix) {
        return r -> r.id().startsWith(prefix) ? OutboxWriterTest.transientFor(r, null) : stored(r);
    }

    private static Delivery stored(HostResult r) {
        return new Delivery(r.id(), Delivery.Status.STORED, 201, null, null);
    }

    @Test
    void aSuccessAfterAnOutageResetsTheWaitEvenForResultsThatFailedOftenDuringIt() {
        OutboxWriter w = writer(false);
        t.queue("p1");
        t.host.answer = r -> OutboxWriterTest.transientFor(r, null);
        long longest = 0;
        for (int i = 0; i < 10; i++) { // a long outage: p1 fails ten times, the waits grow (to the host's cap)
            t.clock.now = nextDue();
            w.drain();
            longest = Math.max(longest, Duration.between(t.clock.now, nextDue()).toMillis());
        }
        assertEquals(10, t.host.requests.size());
        assertTrue(longest <= OutboxWriter.MAX_HOST_WAIT.toMillis() + 1, "a failing host is probed at least every "
                + OutboxWriter.MAX_HOST_WAIT + ": " + longest + " ms");
        Instant p1Due = nextDue();
        t.queue("p2", "p3");
        // the host is back but refuses p1 once more (one write in five): p2 and p3 go in the same round
        t.host.answer = storedExcept("p1.");
        t.clock.now = p1Due;
        w.drain();
        assertEquals(List.of("p1.DECLARED.r1"), t.pendingIds(t.clock.now.plusSeconds(1)), "p2 and p3 stored");
        long waited = Duration.between(t.clock.now, nextDue()).toMillis();
        assertTrue(waited <= OutboxWriter.BASE_DELAY.toMillis() + 1, "after the recovery p1 waits " + waited
                + " ms, the base delay, not its ten failures' worth");
        t.host.answer = HostHealthTest::stored;
        t.clock.now = nextDue();
        w.drain();
        assertEquals(List.of(), t.pendingIds(t.clock.now.plusSeconds(3600)));
    }

    @Test
    void oneResultsTransientAnswerDoesNotHoldOtherSubjects() {
        OutboxWriter w = writer(false);
        t.queue("p1", "p2", "p3", "p4", "p5", "p6");
        t.host.answer = storedExcept("p3.");
        w.drain();
        assertEquals(List.of("p3.DECLARED.r1"), t.pendingIds(t.clock.now.plusSeconds(1)),
                "every other subject was stored in the same round");
        // and the writer is not held: a new result of another subject goes at once
        t.queue("p7");
        int before = t.host.requests.size();
        w.drain();
        assertEquals(List.of("p7.DECLARED.r2"), t.host.requests.get(before));
    }

    @Test
    void refusalsPauseDeliveryWithoutDeadLettersAndItResumes() {
        for (int code : new int[] {401, 403, 301}) {
            setUp();
            for (boolean batch : new boolean[] {true, false}) {
                OutboxWriter w = writer(batch);
                t.queue("p1", "p2");
                t.host.answer = r -> new Delivery(r.id(), Delivery.Status.PERMANENT, code, "HTTP " + code, null);
                w.drain();
                int requests = t.host.requests.size();
                assertEquals(0, t.store.deadLetters().all(OutboxWriterTest.REGION).size(), code + ": nothing is a dead letter");
                JsonNode r = status.snapshot(HostJson.newMapper(), t.store.status()).path("regions").path(OutboxWriterTest.REGION);
                assertTrue(r.path("deliveryPaused").asBoolean(), code + ": " + r);
                assertTrue(r.path("deliveryPausedBecause").asText().contains("HTTP " + code));
                assertNotNull(status.deliveryPaused(OutboxWriterTest.REGION));

                t.host.answer = HostHealthTest::stored;
                t.clock.advance(OutboxWriter.FIRST_PAUSE.minusMillis(1));
                w.drain();
                assertEquals(requests, t.host.requests.size(), code + ": no request during the pause");
                t.clock.advance(Duration.ofMillis(1));
                w.drain();
                assertEquals(List.of(), t.pendingIds(t.clock.now.plusSeconds(3600)), code + ": delivered after the pause");
                assertNull(status.deliveryPaused(OutboxWriterTest.REGION), code + ": resumed");
            }
        }
    }

    /** When the oldest pending result is next due (searched on the clock, the store's own criterion). */
    private Instant nextDue() {
        Instant lo = t.clock.now;
        Instant hi = t.clock.now.plus(OutboxWriter.MAX_DELAY).plusSeconds(1);
        if (!t.pendingIds(lo).isEmpty()) {
            return lo;
        }
        while (Duration.between(lo, hi).toMillis() > 1) {
            Instant mid = lo.plus(Duration.between(lo, hi).dividedBy(2));
            if (t.pendingIds(mid).isEmpty()) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }
}
