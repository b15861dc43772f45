package org.perflink.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Phase;
import org.perflink.api.model.ResultKind;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.store.AuditEntry;
import org.perflink.store.DeadLetter;
import org.perflink.store.EventLedger;
import org.perflink.store.OutboxItem;
import org.perflink.store.EventLedger.EventOutcome;
import org.perflink.store.EventLedger.EventTransaction;
import org.perflink.store.RegionStatus;
import org.perflink.store.StoreException;
import org.perflink.store.StoredResult;

/**
 * The store's contract, run against every database the store supports: H2 always
 * ({@link H2StoreTest}), PostgreSQL when {@code PERFLINK_TEST_PG_URL} is set ({@link PostgresStoreTest}).
 */
abstract class StoreContractTest {

    static final String REGION = "440000";
    static final String OTHER_REGION = "440100";

    /** A data source over an empty database (no PerfLink tables). */
    abstract DataSource emptyDatabase() throws Exception;

    /** Closes whatever keeps the database open, so that reopening it reads what was written. */
    abstract void closeDatabase(DataSource dataSource) throws Exception;

    final MutableClock clock = new MutableClock(Instant.parse("2027-07-31T08:00:00Z"));
    DataSource dataSource;
    JdbcStore store;

    @BeforeEach
    void open() throws Exception {
        dataSource = emptyDatabase();
        store = JdbcStore.open(dataSource, clock);
    }

    @AfterEach
    void close() throws Exception {
        closeDatabase(dataSource);
    }

    // ------------------------------------------------------------------------------- atomicity

    @Test
    void handleEventStoresResultsCursorAndLogInOneCommit() {
        EventOutcome outcome = handleEvent(store, REGION, Stage.COMPILE, event(41), "41", tx -> {
            tx.add(verdict("p1.REVIEWED.r1", "p1"), "{\"v\":1}", "h1");
            tx.add(verdict("p2.REVIEWED.r1", "p2"), "{\"v\":2}", "h2");
            tx.reject("item-7", "unidentifiable JSON", "{oops");
        });

        assertEquals(new EventOutcome(2, 0, 1), outcome);
        assertEquals("41", store.eventLedger().cursor(REGION, Stage.COMPILE));
        List<OutboxItem> pending = store.outbox().pending(REGION, clock.instant(), 10);
        assertEquals(List.of("p1.REVIEWED.r1", "p2.REVIEWED.r1"), ids(pending));
        OutboxItem first = pending.get(0);
        assertEquals(ResultKind.VERDICT, first.kind());
        assertEquals(REGION, first.regionCode());
        assertEquals("p1", first.subject());
        assertEquals("{\"v\":1}", first.body());
        assertEquals(0, first.attempts());
        assertEquals(clock.instant(), first.createdAt());
        assertEquals(clock.instant(), store.status().status(REGION).lastEventAt());
        assertEquals(1, eventLogRows("event_id = 'ev-440000-41' AND added = 2 AND unchanged = 0 AND rejected = 1"));
    }

    @Test
    void failingWorkStoresNothingAndKeepsTheCursor() {
        advanceCursor(REGION, Stage.COMPILE, "40");
        IOException failure = new IOException("host went away");

        IOException thrown = assertThrows(IOException.class,
                () -> handleEvent(store, REGION, Stage.COMPILE, event(41), "41", tx -> {
                    // more than one batch, so some rows were already written when the work fails
                    for (int i = 0; i < 1_200; i++) {
                        tx.add(verdict("p" + i + ".REVIEWED.r1", "p" + i), "{}", "h");
                    }
                    tx.reject("item-7", "bad", "{oops");
                    throw failure;
                }));

        assertSame(failure, thrown);
        assertEquals("40", store.eventLedger().cursor(REGION, Stage.COMPILE));
        assertTrue(store.outbox().pending(REGION, clock.instant(), 10).isEmpty());
        assertTrue(store.deadLetters().all(REGION).isEmpty());
        assertEquals(0, store.status().status(REGION).backlog());
        assertNull(store.status().status(REGION).lastEventAt());
        assertEquals(0, eventLogRows("1 = 1"));
    }

    @Test
    void aStoreFailureInsideTheWorkRollsBackTheEventEvenWhenTheWorkSwallowsIt() {
        String tooLong = "x".repeat(401); // result_id is VARCHAR(400)
        boolean[] swallowed = {false};

        StoreException thrown = assertThrows(StoreException.class,
                () -> handleEvent(store, REGION, Stage.COMPILE, event(41), "41", tx -> {
                    tx.add(verdict(tooLong, "p0"), "{}", "h");
                    try {
                        for (int i = 1; i <= JdbcStore.BATCH_SIZE; i++) { // the batch is written, and fails
                            tx.add(verdict("p" + i + ".REVIEWED.r1", "p" + i), "{}", "h");
                        }
                    } catch (StoreException e) {
                        swallowed[0] = true; // a careless hook
                    }
                }));

        assertTrue(swallowed[0]);
        assertTrue(thrown.getCause() instanceof SQLException, "names the swallowed failure: " + thrown.getCause());
        assertNull(store.eventLedger().cursor(REGION, Stage.COMPILE));
        assertTrue(store.outbox().pending(REGION, clock.instant(), 10).isEmpty());
        assertEquals(0, outboxRows("1 = 1"));
    }

    @Test
    void anEventThatCommittedIsNotRolledBackButOneThatFailedIs() {
        CountingDataSource counting = new CountingDataSource(dataSource);
        JdbcStore counted = JdbcStore.open(counting, clock);

        handleEvent(counted, REGION, Stage.COMPILE, event(41), "41", tx -> tx.add(verdict("p1.r1", "p1"), "{}", "h1"));
        assertEquals(0, counting.rollbacks(), "a committed event's connection has nothing to roll back");

        assertThrows(IllegalStateException.class, () -> handleEvent(counted, REGION, Stage.COMPILE, event(42), "42",
                tx -> {
                    tx.add(verdict("p2.r1", "p2"), "{}", "h2");
                    throw new IllegalStateException("the hook failed");
                }));
        assertEquals(1, counting.rollbacks());
        assertEquals("41", store.eventLedger().cursor(REGION, Stage.COMPILE));
    }

    @Test
    void aStoreFailureAtTheEndOfTheEventStoresNothing() {
        advanceCursor(REGION, Stage.COMPILE, "40");

        assertThrows(StoreException.class, () -> handleEvent(store, REGION, Stage.COMPILE, event(41), "41", tx -> {
            tx.add(verdict("p1.REVIEWED.r1", "p1"), "{}", "h");
            tx.add(verdict("x".repeat(401), "p2"), "{}", "h");
        }));

        assertEquals("40", store.eventLedger().cursor(REGION, Stage.COMPILE));
        assertEquals(0, outboxRows("1 = 1"));
    }

    @Test
    void theEventTransactionIsUnusableAfterTheEvent() {
        AtomicReference<EventTransaction> leaked = new AtomicReference<>();
        handleEvent(store, REGION, Stage.COMPILE, event(41), "41", leaked::set);

        assertThrows(IllegalStateException.class, () -> leaked.get().add(verdict("p1.REVIEWED.r1", "p1"), "{}", "h"));
    }

    @Test
    void aResultOfAnotherRegionIsRefused() {
        HostResult foreign = new HostResult(ResultKind.VERDICT, OTHER_REGION, "q1.REVIEWED.r1", "q1", null);

        assertThrows(IllegalArgumentException.class,
                () -> handleEvent(store, REGION, Stage.COMPILE, event(41), "41", tx -> tx.add(foreign, "{}", "h")));
        assertNull(store.eventLedger().cursor(REGION, Stage.COMPILE));
    }

    // ---------------------------------------------------------------------------------- dedupe

    @Test
    void handlingAnEventTwiceWritesNothingTwice() {
        handleEvent(store, REGION, Stage.COMPILE, event(41), "41", tx -> {
            tx.add(verdict("p1.REVIEWED.r1", "p1"), "{\"checkedAt\":\"t1\"}", "h1");
            tx.add(verdict("p2.REVIEWED.r1", "p2"), "{}", "h2");
        });
        // delivered or not, the same content is not queued again
        store.outbox().delivered(REGION, List.of(store.outbox().pending(REGION, clock.instant(), 10).get(0).seq()));

        EventOutcome again = handleEvent(store, REGION, Stage.COMPILE, event(41), "41", tx -> {
            tx.add(verdict("p1.REVIEWED.r1", "p1"), "{\"checkedAt\":\"t2\"}", "h1"); // volatile field differs only
            tx.add(verdict("p2.REVIEWED.r1", "p2"), "{}", "h2");
            tx.add(verdict("p2.REVIEWED.r1", "p2"), "{}", "h2"); // twice in one event too
        });

        assertEquals(new EventOutcome(0, 3, 0), again);
        assertEquals(List.of("p2.REVIEWED.r1"), ids(store.outbox().pending(REGION, clock.instant(), 10)));
        assertEquals(2, outboxRows("1 = 1"));
    }

    @Test
    void theSameIdOfAnotherKindIsAnotherResult() {
        EventOutcome outcome = handleEvent(store, REGION, Stage.CLOSE, event(50), "50", tx -> {
            tx.add(new HostResult(ResultKind.SCORE, REGION, "x.2027", "x", null), "{}", "h");
            tx.add(new HostResult(ResultKind.ADJUSTMENT, REGION, "x.2027", "x", null), "{}", "h");
        });

        assertEquals(new EventOutcome(2, 0, 0), outcome);
    }

    @Test
    void changedContentSupersedesTheUndeliveredOlderRow() {
        handleEvent(store, REGION, Stage.EXECUTE, event(60), "60", tx -> {
            tx.add(warning("w1", "p1"), "{\"level\":\"YELLOW\"}", "yellow");
            tx.add(warning("w2", "p2"), "{\"level\":\"BLUE\"}", "blue");
        });
        store.outbox().delivered(REGION, List.of(seqOf("w2")));

        EventOutcome outcome = handleEvent(store, REGION, Stage.EXECUTE, event(61), "61", tx -> {
            tx.add(warning("w1", "p1"), "{\"level\":\"RED\"}", "red");
            tx.add(warning("w2", "p2"), "{\"level\":\"RED\"}", "red");
        });

        assertEquals(new EventOutcome(2, 0, 0), outcome);
        List<OutboxItem> pending = store.outbox().pending(REGION, clock.instant(), 10);
        assertEquals(List.of("w1", "w2"), ids(pending));
        assertEquals("{\"level\":\"RED\"}", pending.get(0).body());
        assertEquals(1, outboxRows("result_id = 'w1' AND state = 'SUPERSEDED'"));
        assertEquals(1, outboxRows("result_id = 'w2' AND state = 'DELIVERED'"));
        assertEquals(2, store.status().status(REGION).backlog());
    }

    @Test
    void resultsOfASubjectAreTheLatestBodyOfEachIdOfThatKind() {
        handleEvent(store, REGION, Stage.EXECUTE, event(62), "62", tx -> {
            tx.add(warning("p1.2027-07-31.EXECUTION_LAG", "p1"), "{\"level\":\"YELLOW\"}", "yellow");
            tx.add(warning("p2.2027-07-31.EXECUTION_LAG", "p2"), "{\"level\":\"BLUE\"}", "blue");
            tx.add(verdict("p1.DECLARED.r1", "p1"), "{\"outcome\":\"PASS\"}", "pass");
        });
        handleEvent(store, REGION, Stage.EXECUTE, event(63), "63", tx -> {
            tx.add(warning("p1.2027-07-31.EXECUTION_LAG", "p1"), "{\"level\":\"RED\"}", "red");
            tx.add(warning("p1.2027-09-30.NO_DATA", "p1"), "{\"level\":\"YELLOW\"}", "nodata");
        });

        assertEquals(List.of("{\"level\":\"RED\"}", "{\"level\":\"YELLOW\"}"),
                store.resultLedger().resultsOf(REGION, ResultKind.WARNING, "p1"), "latest body per id, other kinds and subjects left out");
        assertEquals(List.of(), store.resultLedger().resultsOf(OTHER_REGION, ResultKind.WARNING, "p1"));
    }

    @Test
    void latestResultsOfARegionAreEachIdsNewestRowNewestFirst() {
        handleEvent(store, REGION, Stage.EXECUTE, event(64), "64", tx -> {
            tx.add(warning("w1", "p1"), "{\"level\":\"YELLOW\"}", "yellow");
            tx.add(warning("w2", "p2"), "{\"level\":\"BLUE\"}", "blue");
            tx.add(verdict("v1", "p1"), "{\"outcome\":\"PASS\"}", "pass");
            tx.add(warning("w3", "p3"), "{\"level\":\"BLUE\"}", "blue");
        });
        handleEvent(store, OTHER_REGION, Stage.EXECUTE, event(64), "64", tx -> tx.add(
                new HostResult(ResultKind.WARNING, OTHER_REGION, "w9", "p9", null), "{}", "other"));
        store.outbox().delivered(REGION, List.of(seqOf("w2")));
        store.outbox().deadLetter(seqOf("w3"), 422, "locked");
        clock.advance(Duration.ofMinutes(1));
        handleEvent(store, REGION, Stage.EXECUTE, event(65), "65", tx -> {
            tx.add(warning("w1", "p1"), "{\"level\":\"RED\"}", "red"); // supersedes the undelivered YELLOW
            tx.add(warning("w2", "p2"), "{\"level\":\"RED\"}", "red"); // the delivered BLUE row stays DELIVERED
        });

        List<StoredResult> latest = store.resultLedger().latestResults(REGION, ResultKind.WARNING, 10);
        assertEquals(List.of("w2", "w1", "w3"), latest.stream().map(StoredResult::resultId).toList(),
                "each id once, by its newest row, newest first; other kinds and regions left out");
        StoredResult w2 = latest.get(0);
        assertEquals(seqOf("w2"), w2.seq());
        assertEquals(REGION, w2.regionCode());
        assertEquals(ResultKind.WARNING, w2.kind());
        assertEquals("p2", w2.subject());
        assertEquals("{\"level\":\"RED\"}", w2.body(), "the latest body, not the delivered older one");
        assertEquals(StoredResult.PENDING, w2.state());
        assertEquals(clock.instant(), w2.createdAt());
        assertNull(w2.deliveredAt());
        assertEquals("{\"level\":\"RED\"}", latest.get(1).body());
        StoredResult w3 = latest.get(2);
        assertEquals(StoredResult.DEAD, w3.state(), "refused by the host");

        assertEquals(List.of("w2", "w1"), store.resultLedger().latestResults(REGION, ResultKind.WARNING, 2).stream()
                .map(StoredResult::resultId).toList(), "at most limit, the newest");
        assertEquals(List.of("w2", "w1", "w3", "v1"), store.resultLedger().latestResults(REGION, null, 10).stream()
                .map(StoredResult::resultId).toList(), "every kind when none is given");
        assertEquals(List.of(), store.resultLedger().latestResults(REGION, ResultKind.WARNING, 0));
        assertEquals(List.of(), store.resultLedger().latestResults(REGION, ResultKind.NOTICE, 10));
        assertEquals(List.of(), store.resultLedger().latestResults("450000", ResultKind.WARNING, 10));

        store.outbox().delivered(REGION, List.of(seqOf("w1")));
        StoredResult delivered = store.resultLedger().latestResults(REGION, ResultKind.WARNING, 10).get(1);
        assertEquals("w1", delivered.resultId());
        assertEquals(StoredResult.DELIVERED, delivered.state());
        assertEquals(clock.instant(), delivered.deliveredAt());

        clock.advance(Duration.ofMinutes(1));
        store.deadLetters().replay(REGION, List.of());
        assertEquals(List.of("w3", "w2", "w1"), store.resultLedger().latestResults(REGION, ResultKind.WARNING, 10).stream()
                .map(StoredResult::resultId).toList(), "a replayed letter is its new outbox row");
        assertEquals(StoredResult.PENDING, store.resultLedger().latestResults(REGION, ResultKind.WARNING, 1).get(0).state());
    }

    @Test
    void aCheckpointMakesResultsDeliverableWhileTheCursorWaitsForTheWholeEvent() {
        RuntimeException crash = assertThrows(RuntimeException.class, () ->
                handleEvent(store, REGION, Stage.COMPILE, event(70), "70", tx -> {
                    tx.add(verdict("c1", "c1"), "{\"id\":\"c1\"}", "h-c1");
                    tx.checkpoint();
                    tx.add(verdict("c2", "c2"), "{\"id\":\"c2\"}", "h-c2");
                    throw new RuntimeException("crash after the checkpoint");
                }));
        assertEquals("crash after the checkpoint", crash.getMessage());
        assertEquals(List.of("c1"), ids(store.outbox().pending(REGION, clock.instant(), 10)), "committed at the checkpoint");
        assertNull(store.eventLedger().cursor(REGION, Stage.COMPILE), "the event is not done");

        EventOutcome again = handleEvent(store, REGION, Stage.COMPILE, event(70), "70", tx -> {
            tx.add(verdict("c1", "c1"), "{\"id\":\"c1\"}", "h-c1");
            tx.checkpoint();
            tx.add(verdict("c2", "c2"), "{\"id\":\"c2\"}", "h-c2");
        });
        assertEquals(new EventOutcome(1, 1, 0), again, "handled again: the checkpointed result is a no-op");
        assertEquals(List.of("c1", "c2"), ids(store.outbox().pending(REGION, clock.instant(), 10)));
        assertEquals("70", store.eventLedger().cursor(REGION, Stage.COMPILE));
    }

    @Test
    void changedContentAcrossSeveralBatchesSupersedesEveryOlderRow() {
        int n = 2 * JdbcStore.BATCH_SIZE + 200;
        handleEvent(store, REGION, Stage.EXECUTE, event(60), "60", tx -> {
            for (int i = 0; i < n; i++) {
                tx.add(warning("w" + i, "p" + i), "{\"v\":1}", "v1");
            }
        });
        store.outbox().delivered(REGION, List.of(seqOf("w0")));

        EventOutcome outcome = handleEvent(store, REGION, Stage.EXECUTE, event(61), "61", tx -> {
            for (int i = 0; i < n; i++) {
                tx.add(warning("w" + i, "p" + i), "{\"v\":2}", "v2");
            }
        });

        assertEquals(new EventOutcome(n, 0, 0), outcome);
        assertEquals(n - 1, outboxRows("state = 'SUPERSEDED'"));
        assertEquals(n, query("SELECT COUNT(*) FROM pl_outbox o JOIN pl_body b ON b.seq = o.seq "
                + "WHERE o.state = 'PENDING' AND b.body = '{\"v\":2}'"));
        assertEquals(n, store.status().status(REGION).backlog());
    }

    @Test
    void withinOneEventTheLastVersionOfAnIdWins() {
        EventOutcome outcome = handleEvent(store, REGION, Stage.EXECUTE, event(60), "60", tx -> {
            tx.add(warning("w1", "p1"), "{\"v\":1}", "v1");
            tx.add(warning("w1", "p1"), "{\"v\":2}", "v2");
            tx.add(warning("w1", "p1"), "{\"v\":2}", "v2");
        });

        assertEquals(new EventOutcome(2, 1, 0), outcome);
        List<OutboxItem> pending = store.outbox().pending(REGION, clock.instant(), 10);
        assertEquals(1, pending.size());
        assertEquals("{\"v\":2}", pending.get(0).body());
    }

    // ---------------------------------------------------------------------------------- outbox

    @Test
    void pendingReturnsDueRowsOldestFirstUpToTheLimit() {
        handle(event(1), "a", "b", "c", "d");

        assertEquals(List.of("a", "b"), ids(store.outbox().pending(REGION, clock.instant(), 2)));
        assertEquals(List.of("a", "b", "c", "d"), ids(store.outbox().pending(REGION, clock.instant(), 100)));
        assertTrue(store.outbox().pending(OTHER_REGION, clock.instant(), 100).isEmpty());
        assertTrue(store.outbox().pending(REGION, clock.instant().minusSeconds(1), 100).isEmpty(), "not due before creation");
        assertTrue(store.outbox().pending(REGION, clock.instant(), 0).isEmpty());
    }

    @Test
    void retryLaterDelaysTheRowAndRecordsTheError() {
        handle(event(1), "a", "b");
        long a = seqOf("a");
        Instant next = clock.instant().plusSeconds(60);

        store.outbox().retryLater(a, next, "HTTP 503: busy");

        assertEquals(List.of("b"), ids(store.outbox().pending(REGION, clock.instant(), 10)));
        List<OutboxItem> later = store.outbox().pending(REGION, next, 10);
        assertEquals(List.of("a", "b"), ids(later));
        assertEquals(1, later.get(0).attempts());
        store.outbox().retryLater(a, next, "HTTP 503: still busy");
        assertEquals(2, store.outbox().pending(REGION, next, 10).get(0).attempts());
        RegionStatus status = store.status().status(REGION);
        assertEquals("HTTP 503: still busy", status.lastError());
        assertEquals(clock.instant(), status.lastErrorAt());
    }

    @Test
    void aSubjectsResultsWaitForItsOlderRowThatWaitsForARetry() {
        handleEvent(store, REGION, Stage.COMPILE, event(1), "1", tx -> {
            tx.add(verdict("p1.DECLARED.r1", "p1"), "{}", "h");
            tx.add(verdict("p2.DECLARED.r1", "p2"), "{}", "h");
            tx.add(verdict("p1.REVIEWED.r1", "p1"), "{}", "h");
        });
        Instant next = clock.instant().plusSeconds(30);
        store.outbox().retryLater(seqOf("p1.DECLARED.r1"), next, "timeout");

        assertEquals(List.of("p2.DECLARED.r1"), ids(store.outbox().pending(REGION, clock.instant(), 10)));
        assertEquals(List.of("p1.DECLARED.r1", "p2.DECLARED.r1", "p1.REVIEWED.r1"),
                ids(store.outbox().pending(REGION, next, 10)));
    }

    @Test
    void deliveredRowsLeaveTheBacklog() {
        handle(event(1), "a", "b", "c");

        store.outbox().delivered(REGION, List.of(seqOf("a"), seqOf("c")));
        store.outbox().delivered(REGION, List.of());

        assertEquals(List.of("b"), ids(store.outbox().pending(REGION, clock.instant(), 10)));
        RegionStatus status = store.status().status(REGION);
        assertEquals(1, status.backlog());
        assertEquals(2, status.delivered());
    }

    // ---------------------------------------------------------------------------- dead letters

    @Test
    void aRejectedResultIsParkedWithTheHostsAnswerAndCanBeReplayed() {
        handleEvent(store, REGION, Stage.CLOSE, event(70), "70", tx -> {
            tx.add(new HostResult(ResultKind.NOTICE, REGION, "440000-2027.101.RECTIFICATION", "101", null),
                    "{\"type\":\"RECTIFICATION\"}", "n1");
            tx.add(new HostResult(ResultKind.NOTICE, REGION, "440000-2027.102.REMINDER", "102", null), "{}", "n2");
        });
        long seq = seqOf("440000-2027.101.RECTIFICATION");

        store.outbox().deadLetter(seq, 422, "dueDate before year end");
        store.outbox().deadLetter(seq, 422, "dueDate before year end"); // parked once

        assertEquals(List.of("440000-2027.102.REMINDER"), ids(store.outbox().pending(REGION, clock.instant(), 10)));
        List<DeadLetter> letters = store.deadLetters().all(REGION);
        assertEquals(1, letters.size());
        DeadLetter letter = letters.get(0);
        assertEquals("NOTICE", letter.kind());
        assertEquals("440000-2027.101.RECTIFICATION", letter.key());
        assertEquals("{\"type\":\"RECTIFICATION\"}", letter.body());
        assertEquals(422, letter.httpStatus());
        assertEquals("dueDate before year end", letter.reason());
        assertEquals(clock.instant(), letter.createdAt());
        RegionStatus status = store.status().status(REGION);
        assertEquals(1, status.deadLetters());
        assertEquals("HTTP 422: dueDate before year end", status.lastError());
        assertEquals(1, status.backlog());

        // handling the event again does not re-queue the rejected content
        EventOutcome again = handleEvent(store, REGION, Stage.CLOSE, event(70), "70", tx -> tx.add(
                new HostResult(ResultKind.NOTICE, REGION, "440000-2027.101.RECTIFICATION", "101", null), "{}", "n1"));
        assertEquals(new EventOutcome(0, 1, 0), again);

        clock.advance(Duration.ofMinutes(5));
        assertEquals(1, store.deadLetters().replay(REGION, List.of()));

        assertTrue(store.deadLetters().all(REGION).isEmpty());
        List<OutboxItem> pending = store.outbox().pending(REGION, clock.instant(), 10);
        assertEquals(List.of("440000-2027.102.REMINDER", "440000-2027.101.RECTIFICATION"), ids(pending));
        OutboxItem replayed = pending.get(1);
        assertTrue(replayed.seq() > seq);
        assertEquals("{\"type\":\"RECTIFICATION\"}", replayed.body());
        assertEquals(ResultKind.NOTICE, replayed.kind());
        assertEquals(0, replayed.attempts());
        assertEquals(clock.instant(), replayed.createdAt());
        assertEquals(0, store.deadLetters().replay(REGION, List.of()), "a letter is replayed once");
    }

    @Test
    void replayByIdRequeuesOnlyThoseLetters() {
        handle(event(1), "a", "b");
        store.outbox().deadLetter(seqOf("a"), 400, "bad a");
        store.outbox().deadLetter(seqOf("b"), 400, "bad b");
        long idOfB = store.deadLetters().all(REGION).get(1).id();

        assertEquals(0, store.deadLetters().replay(OTHER_REGION, List.of(idOfB)));
        assertEquals(1, store.deadLetters().replay(REGION, List.of(idOfB)));

        assertEquals(List.of("b"), ids(store.outbox().pending(REGION, clock.instant(), 10)));
        assertEquals(List.of("a"), store.deadLetters().all(REGION).stream().map(DeadLetter::key).toList());
    }

    @Test
    void aLetterWhoseResultWasQueuedAgainSinceIsClosedNotReplayed() {
        handleEvent(store, REGION, Stage.EXECUTE, event(1), "1", tx -> tx.add(warning("w1", "p1"), "{\"v\":1}", "v1"));
        store.outbox().deadLetter(seqOf("w1"), 422, "bad v1");
        handleEvent(store, REGION, Stage.EXECUTE, event(2), "2", tx -> tx.add(warning("w1", "p1"), "{\"v\":2}", "v2"));

        assertEquals(0, store.deadLetters().replay(REGION, List.of()));

        assertTrue(store.deadLetters().all(REGION).isEmpty());
        List<OutboxItem> pending = store.outbox().pending(REGION, clock.instant(), 10);
        assertEquals(1, pending.size());
        assertEquals("{\"v\":2}", pending.get(0).body(), "v1 never goes out over v2");
    }

    @Test
    void rejectedInputsAreListedButNotReplayedAsResults() {
        handleEvent(store, REGION, Stage.COMPILE, event(41), "41",
                tx -> tx.reject("project#17", "no projectCode", "{\"name\":\"?\"}"));

        List<DeadLetter> letters = store.deadLetters().all(REGION);
        assertEquals(1, letters.size());
        assertEquals(DeadLetter.INPUT, letters.get(0).kind());
        assertEquals("project#17", letters.get(0).key());
        assertEquals("{\"name\":\"?\"}", letters.get(0).body());
        assertEquals(0, letters.get(0).httpStatus());
        assertEquals("no projectCode", letters.get(0).reason());
        assertEquals(0, store.deadLetters().replay(REGION, List.of()));
        assertEquals(1, store.deadLetters().all(REGION).size());
    }

    @Test
    void operationsOnAnUnknownOutboxRowAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> store.outbox().retryLater(999_999, clock.instant(), "x"));
        assertThrows(IllegalArgumentException.class, () -> store.outbox().deadLetter(999_999, 400, "x"));
    }

    // ---------------------------------------------------------------------------------- status

    @Test
    void statusFiguresOfARegion() {
        Instant t0 = clock.instant();
        handle(event(1), "a", "b");
        clock.advance(Duration.ofMinutes(1));
        handle(event(2), "c", "d");
        advanceCursor(REGION, Stage.EXECUTE, "3");
        store.outbox().delivered(REGION, List.of(seqOf("a")));
        store.outbox().deadLetter(seqOf("b"), 409, "conflict");
        clock.advance(Duration.ofMinutes(1));
        store.outbox().retryLater(seqOf("c"), clock.instant().plusSeconds(10), "HTTP 500");

        RegionStatus status = store.status().status(REGION);

        assertEquals(REGION, status.regionCode());
        assertEquals(Map.of(Stage.COMPILE, "2", Stage.EXECUTE, "3"), status.cursors());
        assertEquals(2, status.backlog());
        assertEquals(t0.plus(Duration.ofMinutes(1)), status.oldestUndelivered());
        assertEquals(1, status.delivered());
        assertEquals(1, status.deadLetters());
        assertEquals("HTTP 500", status.lastError());
        assertEquals(clock.instant(), status.lastErrorAt());
        assertEquals(t0.plus(Duration.ofMinutes(1)), status.lastEventAt());
    }

    @Test
    void aRegionWithoutStateHasEmptyStatus() {
        RegionStatus status = store.status().status("110000");

        assertEquals(new RegionStatus("110000", Map.of(), 0, null, 0, 0, null, null, null), status);
        assertTrue(store.status().regions().isEmpty());
    }

    @Test
    void regionsAreThoseWithAnyState() {
        advanceCursor(OTHER_REGION, Stage.COMPILE, "1");
        handle(event(1), "a");

        assertEquals(List.of(REGION, OTHER_REGION), store.status().regions());
    }

    // --------------------------------------------------------------------------------- cursors

    @Test
    void eachStageHasItsOwnCursor() {
        assertNull(store.eventLedger().cursor(REGION, Stage.COMPILE));
        advanceCursor(REGION, Stage.COMPILE, "10");
        handleEvent(store, REGION, Stage.EXECUTE, event(12), "12", tx -> {
        });
        advanceCursor(REGION, Stage.COMPILE, "13");

        assertEquals("13", store.eventLedger().cursor(REGION, Stage.COMPILE));
        assertEquals("12", store.eventLedger().cursor(REGION, Stage.EXECUTE));
        assertNull(store.eventLedger().cursor(REGION, Stage.CLOSE));
        assertNull(store.eventLedger().cursor(OTHER_REGION, Stage.COMPILE));
    }

    // ----------------------------------------------------------------------------------- audit

    @Test
    void auditEntriesNewestFirst() {
        store.auditLog().record("admin", "region.disable", "440000", "enabled=true", "enabled=false");
        clock.advance(Duration.ofSeconds(1));
        store.auditLog().record("admin", "dead-letter.replay", "440000", null, "1");

        List<AuditEntry> entries = store.auditLog().latest(10);
        assertEquals(2, entries.size());
        AuditEntry newest = entries.get(0);
        assertEquals("dead-letter.replay", newest.action());
        assertEquals(clock.instant(), newest.at());
        assertNull(newest.before());
        assertEquals("1", newest.after());
        assertEquals("enabled=true", entries.get(1).before());
        assertTrue(entries.get(0).id() > entries.get(1).id());
        assertEquals(1, store.auditLog().latest(1).size());
    }

    // ------------------------------------------------------------------------------ large event

    @Test
    void twentyThousandResultsOfOneEventAreWrittenInBatchesAsTheyAreAdded() {
        CountingDataSource counting = new CountingDataSource(dataSource);
        JdbcStore counted = JdbcStore.open(counting, clock);
        int n = 20_000;
        int[] batchesDuringWork = new int[1];

        EventOutcome outcome = handleEvent(counted, REGION, Stage.EXECUTE, event(99), "99", tx -> {
            for (int i = 0; i < n; i++) {
                // each body is made here and dropped by the caller: only the store could keep it
                tx.add(warning("440000-2027-" + i + ".2027-07-31.EXECUTION_LAG", "440000-2027-" + i),
                        "{\"i\":" + i + ",\"pad\":\"" + "x".repeat(200) + "\"}", "h" + i);
            }
            batchesDuringWork[0] = counting.batchesExecuted();
        });

        assertEquals(new EventOutcome(n, 0, 0), outcome);
        // written while the work ran, ~500 at a time: nothing of size n was held for the commit
        assertTrue(batchesDuringWork[0] >= n / JdbcStore.BATCH_SIZE - 1,
                "batches executed during the work: " + batchesDuringWork[0]);
        assertEquals(n, store.status().status(REGION).backlog());
        List<OutboxItem> first = store.outbox().pending(REGION, clock.instant(), 1_000);
        assertEquals(1_000, first.size());
        assertEquals("440000-2027-0.2027-07-31.EXECUTION_LAG", first.get(0).resultId());
        for (int i = 1; i < first.size(); i++) {
            assertTrue(first.get(i - 1).seq() < first.get(i).seq());
        }

        EventOutcome again = handleEvent(counted, REGION, Stage.EXECUTE, event(99), "99", tx -> {
            for (int i = 0; i < n; i++) {
                tx.add(warning("440000-2027-" + i + ".2027-07-31.EXECUTION_LAG", "440000-2027-" + i), "{}", "h" + i);
            }
        });
        assertEquals(new EventOutcome(0, n, 0), again);
        assertEquals(n, outboxRows("1 = 1"));
    }

    // ------------------------------------------------------------------------------- durability

    @Test
    void reopeningTheDatabaseKeepsTheStateAndMigratesNothingTwice() throws Exception {
        advanceCursor(REGION, Stage.COMPILE, "7");
        handle(event(8), "a", "b");
        store.outbox().deadLetter(seqOf("b"), 400, "bad");
        store.auditLog().record("admin", "config.change", "440000", "x", "y");
        closeDatabase(dataSource);

        JdbcStore reopened = JdbcStore.open(dataSource, clock);
        JdbcStore reopenedAgain = JdbcStore.open(dataSource, clock);

        assertEquals("8", reopened.eventLedger().cursor(REGION, Stage.COMPILE));
        assertEquals(List.of("a"), ids(reopened.outbox().pending(REGION, clock.instant(), 10)));
        assertEquals(1, reopened.deadLetters().all(REGION).size());
        assertEquals(1, reopenedAgain.auditLog().latest(10).size());
        assertEquals(List.of(REGION), reopenedAgain.status().regions());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(version) FROM pl_schema_version")) {
            rs.next();
            assertEquals(Migrations.SCRIPTS.size(), rs.getInt(1));
            assertEquals(Migrations.SCRIPTS.size(), rs.getInt(2));
        }
    }

    @Test
    void theSchemaScriptIsReRunnable() throws Exception {
        // H2 commits DDL statement by statement: a script cut short must complete on the next start
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM pl_schema_version");
        }

        JdbcStore.open(dataSource, clock);

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pl_schema_version")) {
            rs.next();
            assertEquals(Migrations.SCRIPTS.size(), rs.getInt(1));
        }
    }

    // --------------------------------------------------------------------------------- helpers

    static StageEvent event(long seq) {
        return new StageEvent(seq, "ev-" + REGION + "-" + seq, REGION, 2027, Stage.COMPILE, Phase.REVIEWED, List.of(),
                OffsetDateTime.of(2026, 11, 2, 9, 30, 0, 0, ZoneOffset.ofHours(8)), null);
    }

    static HostResult verdict(String id, String subject) {
        return new HostResult(ResultKind.VERDICT, REGION, id, subject, null);
    }

    static HostResult warning(String id, String subject) {
        return new HostResult(ResultKind.WARNING, REGION, id, subject, null);
    }

    /** Handles an event from wherever the stage's cursor is now (the expected cursor of the compare-and-set). */
    static <E extends Exception> EventOutcome handleEvent(JdbcStore s, String region, Stage stage, StageEvent event,
            String newCursor, EventLedger.EventWork<E> work) throws E {
        return s.eventLedger().handle(region, stage, event, s.eventLedger().cursor(region, stage), newCursor, work);
    }

    /** Moves a cursor from wherever it is now. */
    void advanceCursor(String region, Stage stage, String newCursor) {
        store.eventLedger().advance(region, stage, store.eventLedger().cursor(region, stage), newCursor);
    }

    /** Handles a COMPILE event whose results are verdicts with the given ids, each its own subject. */
    void handle(StageEvent event, String... ids) {
        handleEvent(store, REGION, Stage.COMPILE, event, Long.toString(event.seq()), tx -> {
            for (String id : ids) {
                tx.add(verdict(id, "subject-" + id), "{\"id\":\"" + id + "\"}", "h-" + id);
            }
        });
    }

    static List<String> ids(List<OutboxItem> items) {
        return items.stream().map(OutboxItem::resultId).toList();
    }

    long seqOf(String resultId) {
        return query("SELECT MAX(seq) FROM pl_outbox WHERE result_id = '" + resultId + "'");
    }

    long outboxRows(String where) {
        return query("SELECT COUNT(*) FROM pl_outbox WHERE " + where);
    }

    long eventLogRows(String where) {
        return query("SELECT COUNT(*) FROM pl_event_log WHERE " + where);
    }

    long query(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }

    /** A clock the tests move by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
