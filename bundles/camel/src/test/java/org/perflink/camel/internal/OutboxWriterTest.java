package org.perflink.camel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perflink.api.host.Delivery;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Phase;
import org.perflink.api.model.ResultKind;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.api.testing.FakeHost;
import org.perflink.store.OutboxItem;
import org.perflink.store.internal.JdbcStore;

/**
 * The writer's retry discipline on a clock the test moves (no waiting): a failing host gets no request
 * before the backoff or its Retry-After is over; a transient answer for one item of an answered batch
 * holds back only that item; what the host stored is never sent again.
 */
class OutboxWriterTest {

    static final String REGION = "440000";

    /** A clock the test sets. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-11-02T01:30:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    /** A host whose answers the test scripts; it records what it was sent. */
    static final class ScriptedHost extends FakeHost {
        final List<List<String>> requests = Collections.synchronizedList(new ArrayList<>());
        boolean batch = true;
        Function<HostResult, Delivery> answer = r -> new Delivery(r.id(), Delivery.Status.STORED, 201, null, null);

        @Override
        public Delivery deliver(HostResult result) {
            requests.add(List.of(result.id()));
            return answer.apply(result);
        }

        @Override
        public List<Delivery> deliverBatch(String regionCode, List<HostResult> results) {
            if (!batch) {
                return null;
            }
            requests.add(results.stream().map(HostResult::id).toList());
            return results.stream().map(answer).toList();
        }
    }

    TestClock clock;
    JdbcStore store;
    ScriptedHost host;
    long seq;

    @BeforeEach
    void setUp() {
        clock = new TestClock();
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(JdbcStore.h2Url("jdbc:h2:mem:writer-" + System.nanoTime()));
        store = JdbcStore.open(ds, clock);
        host = new ScriptedHost();
    }

    OutboxWriter writer(boolean batch) {
        return new OutboxWriter(REGION, store.outbox(), host, batch, new StatusBoard(), clock);
    }

    /** Queues one verdict per project code, in this order, as one handled event. */
    void queue(String... projectCodes) {
        seq++;
        StageEvent event = new StageEvent(seq, "ev-" + seq, REGION, 2027, Stage.COMPILE, Phase.DECLARED, List.of(),
                OffsetDateTime.parse("2026-10-15T10:00:00+08:00"), null);
        store.eventLedger().handle(REGION, Stage.COMPILE, event, store.eventLedger().cursor(REGION, Stage.COMPILE),
                Long.toString(seq), tx -> {
            for (String code : projectCodes) {
                String id = code + ".DECLARED.r" + seq;
                tx.add(new HostResult(ResultKind.VERDICT, REGION, id, code, null),
                        "{\"verdictId\":\"" + id + "\",\"regionCode\":\"" + REGION + "\"}", id);
            }
        });
    }

    static Delivery transientFor(HostResult r, Duration retryAfter) {
        return new Delivery(r.id(), Delivery.Status.TRANSIENT, retryAfter == null ? 503 : 429, "HTTP 503", retryAfter);
    }

    List<String> pendingIds(Instant at) {
        return store.outbox().pending(REGION, at, 500).stream().map(OutboxItem::resultId).toList();
    }

    @Test
    void aFailedBatchRequestHoldsTheWriterAndEveryResultItCarriedUntilTheBackoffIsOver() {
        OutboxWriter w = writer(true);
        queue("p1", "p2", "p3");
        host.answer = r -> transientFor(r, null);
        w.drain();
        assertEquals(1, host.requests.size());
        assertEquals(3, host.requests.get(0).size());
        // nothing is due before the first backoff's lower bound, and the writer sends nothing
        assertEquals(List.of(), pendingIds(clock.now.plus(OutboxWriter.BASE_DELAY.dividedBy(2)).minusMillis(1)));
        clock.advance(OutboxWriter.BASE_DELAY.dividedBy(2).minusMillis(1));
        w.drain();
        assertEquals(1, host.requests.size(), "no request during the backoff");

        // after the first backoff's upper bound the host is tried again, and this time it stores them
        clock.advance(OutboxWriter.BASE_DELAY);
        host.answer = r -> new Delivery(r.id(), Delivery.Status.STORED, 201, null, null);
        w.drain();
        assertEquals(2, host.requests.size());
        assertEquals(List.of(), pendingIds(clock.now.plusSeconds(3600)));
    }

    @Test
    void singlePutsGoFourAtATimeAcrossSubjectsAndInOrderWithinOne() throws Exception {
        OutboxWriter w = writer(false);
        String[] codes = {"p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8"};
        queue(codes);
        queue(codes); // a second, newer result of every subject
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch fourAtOnce = new CountDownLatch(OutboxWriter.PARALLEL_PUTS);
        host.answer = r -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            if (!r.id().equals("p1.DECLARED.r1")) { // the probe goes alone; then four are in flight together
                fourAtOnce.countDown();
                try {
                    assertTrue(fourAtOnce.await(10, TimeUnit.SECONDS), "four PUTs in flight at once");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            inFlight.decrementAndGet();
            return new Delivery(r.id(), Delivery.Status.STORED, 201, null, null);
        };

        w.drain();

        assertEquals(16, host.requests.size());
        assertEquals(OutboxWriter.PARALLEL_PUTS, most.get(), "never more than four at once");
        assertEquals(List.of("p1.DECLARED.r1"), host.requests.get(0), "the first PUT of a round goes alone");
        List<String> order = host.requests.stream().map(l -> l.get(0)).toList();
        for (String code : codes) {
            assertTrue(order.indexOf(code + ".DECLARED.r1") < order.indexOf(code + ".DECLARED.r2"),
                    code + ": the older result first, " + order);
        }
        assertEquals(List.of(), pendingIds(clock.now.plusSeconds(3600)));
    }

    @Test
    void retryAfterStopsEveryRequestUntilItIsOverNotOnlyTheRefusedResult() {
        OutboxWriter w = writer(false);
        queue("p1", "p2", "p3");
        host.answer = r -> transientFor(r, Duration.ofSeconds(10));
        w.drain();
        assertEquals(List.of(List.of("p1.DECLARED.r1")), host.requests, "single PUTs stop at the first 429");

        host.answer = r -> new Delivery(r.id(), Delivery.Status.STORED, 201, null, null);
        clock.advance(Duration.ofMillis(9_999));
        w.drain();
        assertEquals(1, host.requests.size(), "p2 and p3 are due, but the host said to wait 10 s");
        clock.advance(Duration.ofMillis(1));
        w.drain();
        assertEquals(4, host.requests.size());
        assertEquals(List.of(), pendingIds(clock.now.plusSeconds(3600)));
    }

    @Test
    void consecutiveFailuresBackOffFurtherUpToTheCap() {
        OutboxWriter w = writer(true);
        queue("p1");
        host.answer = r -> transientFor(r, null);
        for (int failure = 0; failure < 12; failure++) {
            w.drain();
            assertEquals(failure + 1, host.requests.size());
            Instant due = nextAttempt();
            long waited = Duration.between(clock.now, due).toMillis();
            long cap = Math.min(OutboxWriter.MAX_DELAY.toMillis(), OutboxWriter.BASE_DELAY.toMillis() << failure);
            assertTrue(waited >= OutboxWriter.BASE_DELAY.toMillis() / 2 && waited <= Math.max(cap, 500),
                    "failure " + failure + ": waits " + waited + " ms");
            clock.now = due;
        }
    }

    /** When the single queued result is next due (searched on the clock, the store's own criterion). */
    private Instant nextAttempt() {
        Instant lo = clock.now;
        Instant hi = clock.now.plus(OutboxWriter.MAX_DELAY).plusSeconds(1);
        while (Duration.between(lo, hi).toMillis() > 1) {
            Instant mid = lo.plus(Duration.between(lo, hi).dividedBy(2));
            if (pendingIds(mid).isEmpty()) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    @Test
    void oneTransientItemOfAnAnsweredBatchHoldsBackOnlyItselfAndItsSubject() {
        OutboxWriter w = writer(true);
        queue("p1", "p2", "p3");
        host.answer = r -> r.id().startsWith("p1.") ? transientFor(r, null)
                : new Delivery(r.id(), Delivery.Status.STORED, 201, null, null);
        w.drain();
        assertEquals(1, host.requests.size());
        assertEquals(List.of(), pendingIds(clock.now), "p2 and p3 are stored, p1 waits");
        assertEquals(List.of("p1.DECLARED.r1"), pendingIds(clock.now.plusSeconds(1)));

        // the writer is not held: a new result of another subject goes at once; p1's next one waits for p1
        queue("p4", "p1");
        w.drain();
        assertEquals(List.of("p4.DECLARED.r2"), host.requests.get(1));
        host.answer = r -> new Delivery(r.id(), Delivery.Status.STORED, 201, null, null);
        clock.advance(Duration.ofSeconds(1));
        w.drain();
        assertEquals(List.of("p1.DECLARED.r1", "p1.DECLARED.r2"), host.requests.get(2), "p1's results in order");
        assertEquals(3, host.requests.size(), "nothing the host stored was sent again");
    }

    @Test
    void permanentRejectionsAreParkedAndTheRestGoesOn() {
        OutboxWriter w = writer(true);
        queue("p1", "p2");
        host.answer = r -> r.id().startsWith("p1.")
                ? new Delivery(r.id(), Delivery.Status.PERMANENT, 422, "项目已锁定", null)
                : new Delivery(r.id(), Delivery.Status.STORED, 201, null, null);
        w.drain();
        assertEquals(List.of(), pendingIds(clock.now.plusSeconds(3600)));
        assertEquals(1, store.deadLetters().all(REGION).size());
        assertEquals("项目已锁定", store.deadLetters().all(REGION).get(0).reason());
        assertEquals(422, store.deadLetters().all(REGION).get(0).httpStatus());
    }
}
