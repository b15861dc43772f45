package org.perflink.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.ResultKind;
import org.perflink.api.model.Stage;
import org.perflink.store.DeadLetter;
import org.perflink.store.EventLedger.EventOutcome;
import org.perflink.store.HandledEvent;
import org.perflink.store.OutboxItem;
import org.perflink.store.Page;
import org.perflink.store.RegionStatus;
import org.perflink.store.StaleCursorException;
import org.perflink.store.ResultLedger;
import org.perflink.store.StoredResult;

/**
 * The contract of the store's parts beyond {@link StoreContractTest}: the compare-and-set of cursors (also
 * between two concurrent writers), the node recorded with the work, the outbox's unique key, pruning with the
 * result ledger kept, counters that agree with the rows, dead-letter paging, and the upgrade of a version 2
 * database. Run on H2 and PostgreSQL like the rest of the contract.
 */
abstract class StorePartsContractTest extends ListPagesContractTest {

    // -------------------------------------------------------------------------- public records (rules.md §9)

    @Test
    void publicRecordsAreKeptWithTheEventReplacedWithdrawnAndReadInProjectCodeOrder() {
        store.eventLedger().handle(REGION, Stage.COMPILE, event(1), null, "1", tx -> {
            tx.keepPublic("TARGET", 2027, "p-3", "{\"v\":3}");
            tx.keepPublic("TARGET", 2027, "p-1", "{\"v\":1}");
            tx.keepPublic("TARGET", 2027, "p-2", "{\"v\":2}");
            tx.keepPublic("TARGET", 2026, "p-9", "{\"v\":9}");
        });
        store.eventLedger().handle(REGION, Stage.COMPILE, event(2), "1", "2", tx -> {
            tx.keepPublic("TARGET", 2027, "p-1", "{\"v\":11}");
            tx.keepPublic("TARGET", 2027, "p-2", null);
        });

        List<String> read = new java.util.ArrayList<>();
        store.publicRecords().forEach(REGION, 2027, "TARGET", r -> read.add(r.projectCode() + "=" + r.body()));
        assertEquals(List.of("p-1={\"v\":11}", "p-3={\"v\":3}"), read);
        assertEquals(2, store.publicRecords().count(REGION, 2027, "TARGET"));
        assertEquals(1, store.publicRecords().count(REGION, 2026, "TARGET"));
        assertEquals(0, store.publicRecords().count(REGION, 2027, "SCORE"));
        assertEquals(0, store.publicRecords().count("440100", 2027, "TARGET"));
        assertEquals(0, outboxRows("1 = 1"), "public records never go to the host");
    }

    @Test
    void publicRecordsOfOneEventAreWrittenInBatchesAndTheLastOfAKeyWins() {
        int n = 2 * JdbcStore.BATCH_SIZE + 7;
        store.eventLedger().handle(REGION, Stage.COMPILE, event(1), null, "1", tx -> {
            tx.keepPublic("TARGET", 2027, "p-a", "{\"v\":1}");
            for (int i = 0; i < n; i++) {
                tx.keepPublic("TARGET", 2027, String.format("p-%05d", i), "{\"i\":" + i + "}");
            }
            tx.keepPublic("TARGET", 2027, "p-a", "{\"v\":2}"); // the same key in a later batch
            tx.keepPublic("TARGET", 2027, "p-b", "{\"v\":1}");
            tx.keepPublic("TARGET", 2027, "p-b", null); // withdrawn within the batch
            tx.keepPublic("TARGET", 2027, "p-c", null);
            tx.keepPublic("TARGET", 2027, "p-c", "{\"v\":3}"); // kept again after its withdrawal
        });

        assertEquals(n + 2, store.publicRecords().count(REGION, 2027, "TARGET"));
        List<String> read = new java.util.ArrayList<>();
        store.publicRecords().forEach(REGION, 2027, "TARGET", r -> read.add(r.projectCode() + "=" + r.body()));
        assertEquals("p-00000={\"i\":0}", read.get(0));
        assertEquals(String.format("p-%05d={\"i\":%d}", n - 1, n - 1), read.get(n - 1));
        assertEquals(List.of("p-a={\"v\":2}", "p-c={\"v\":3}"), read.subList(n, n + 2));
    }

    @Test
    void theYearsWithPublicRecordsAreListedPerRegionAscending() {
        assertEquals(List.of(), store.publicRecords().years(REGION));
        store.eventLedger().handle(REGION, Stage.CLOSE, event(1), null, "1", tx -> {
            tx.keepPublic("REPORT", 2028, "p-1", "{\"reportUrl\":\"https://example.org/1.pdf\"}");
            tx.keepPublic("TARGET", 2026, "p-9", "{\"v\":9}");
            tx.keepPublic("TARGET", 2028, "p-2", "{\"v\":2}");
        });
        assertEquals(List.of(2026, 2028), store.publicRecords().years(REGION));
        assertEquals(List.of(), store.publicRecords().years(OTHER_REGION));
    }

    @Test
    void aPublicRecordOfAnEventThatFailsIsNotKept() {
        assertThrows(IllegalStateException.class, () -> store.eventLedger().handle(REGION, Stage.COMPILE, event(1),
                null, "1", tx -> {
                    tx.keepPublic("TARGET", 2027, "p-1", "{}");
                    throw new IllegalStateException("the hook failed");
                }));
        assertEquals(0, store.publicRecords().count(REGION, 2027, "TARGET"));
    }

    // -------------------------------------------------------------------------- compare-and-set

    @Test
    void aCursorMovesOnlyFromTheExpectedValue() {
        store.eventLedger().advance(REGION, Stage.COMPILE, null, "10");

        StaleCursorException stale = assertThrows(StaleCursorException.class,
                () -> store.eventLedger().advance(REGION, Stage.COMPILE, "9", "11"));
        assertThrows(StaleCursorException.class, () -> store.eventLedger().advance(REGION, Stage.COMPILE, null, "11"));

        assertEquals("10", store.eventLedger().cursor(REGION, Stage.COMPILE));
        assertEquals(REGION, stale.regionCode());
        assertEquals(Stage.COMPILE, stale.stage());
        assertEquals("9", stale.expected());
        store.eventLedger().advance(REGION, Stage.COMPILE, "10", "11");
        assertEquals("11", store.eventLedger().cursor(REGION, Stage.COMPILE));
    }

    @Test
    void anEventWhoseCursorMovedMeanwhileStoresNothing() {
        store.eventLedger().advance(REGION, Stage.COMPILE, null, "40");

        assertThrows(StaleCursorException.class, () -> store.eventLedger().handle(REGION, Stage.COMPILE, event(41),
                "39", "41", tx -> {
                    tx.add(verdict("p1.REVIEWED.r1", "p1"), "{}", "h1");
                    tx.reject("item-7", "bad", "{oops");
                }));

        assertEquals("40", store.eventLedger().cursor(REGION, Stage.COMPILE));
        assertEquals(0, outboxRows("1 = 1"));
        assertEquals(0, query("SELECT COUNT(*) FROM pl_result"));
        assertEquals(0, eventLogRows("1 = 1"));
        assertTrue(store.deadLetters().all(REGION).isEmpty());
        assertEquals(0, store.status().status(REGION).backlog());
        assertEquals(0, store.status().status(REGION).deadLetters());
    }

    @Test
    void aCheckpointAfterAnotherWriterMovedTheCursorFailsAndKeepsOnlyWhatWasCheckpointedBefore() {
        List<String> moved = new ArrayList<>();

        assertThrows(StaleCursorException.class, () -> store.eventLedger().handle(REGION, Stage.COMPILE, event(41),
                null, "41", tx -> {
                    tx.add(verdict("c1", "c1"), "{}", "h1");
                    tx.checkpoint();
                    // another node handles the event meanwhile
                    store.eventLedger().advance(REGION, Stage.COMPILE, null, "41");
                    moved.add("41");
                    tx.add(verdict("c2", "c2"), "{}", "h2");
                    tx.checkpoint();
                }));

        assertEquals(List.of("41"), moved);
        assertEquals(List.of("c1"), ids(store.outbox().pending(REGION, clock.instant(), 10)));
        assertEquals("41", store.eventLedger().cursor(REGION, Stage.COMPILE));
        assertEquals(1, store.status().status(REGION).backlog());
    }

    @Test
    void ofTwoWritersHandlingTheSameEventAtOnceOnlyOneCommits() throws Exception {
        store.eventLedger().advance(REGION, Stage.COMPILE, null, "40");
        CyclicBarrier bothInside = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<EventOutcome>> writers = new ArrayList<>();
            for (String node : List.of("a", "b")) {
                JdbcStore nodeStore = JdbcStore.open(dataSource, clock, "node-" + node, Integer.MAX_VALUE);
                writers.add(pool.submit(() -> nodeStore.eventLedger().handle(REGION, Stage.COMPILE, event(41), "40",
                        "41", tx -> {
                            tx.add(verdict("p-" + node, "p-" + node), "{\"by\":\"" + node + "\"}", "h-" + node);
                            bothInside.await(30, TimeUnit.SECONDS); // both read the cursor and wrote their rows
                        })));
            }
            int committed = 0;
            List<Throwable> refused = new ArrayList<>();
            for (Future<EventOutcome> w : writers) {
                try {
                    assertEquals(new EventOutcome(1, 0, 0), w.get(60, TimeUnit.SECONDS));
                    committed++;
                } catch (java.util.concurrent.ExecutionException e) {
                    refused.add(e.getCause());
                }
            }

            assertEquals(1, committed, "exactly one writer commits; refused: " + refused);
            assertInstanceOf(StaleCursorException.class, refused.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertEquals("41", store.eventLedger().cursor(REGION, Stage.COMPILE));
        List<OutboxItem> pending = store.outbox().pending(REGION, clock.instant(), 10);
        assertEquals(1, pending.size(), "only the winner's result: " + ids(pending));
        List<HandledEvent> log = store.eventLedger().handled(REGION, 10);
        assertEquals(1, log.size());
        assertEquals("node-" + pending.get(0).resultId().substring(2), log.get(0).node(), "the winner logged it");
        assertEquals(1, store.status().status(REGION).backlog());
    }

    // ---------------------------------------------------------------------------------- nodes

    @Test
    void theEventLogAndDeliveriesRecordTheNodeThatDidTheWork() {
        JdbcStore nodeA = JdbcStore.open(dataSource, clock, "node-a", Integer.MAX_VALUE);
        JdbcStore nodeB = JdbcStore.open(dataSource, clock, "node-b", Integer.MAX_VALUE);
        nodeA.eventLedger().handle(REGION, Stage.COMPILE, event(41), null, "41",
                tx -> tx.add(verdict("v1", "p1"), "{}", "h1"));

        nodeB.outbox().delivered(REGION, List.of(seqOf("v1")));

        HandledEvent handled = store.eventLedger().handled(REGION, 10).get(0);
        assertEquals("node-a", handled.node());
        assertEquals(Stage.COMPILE, handled.stage());
        assertEquals(41L, handled.eventSeq());
        assertEquals("ev-440000-41", handled.eventId());
        assertEquals("41", handled.newCursor());
        assertEquals(1, handled.added());
        assertEquals(clock.instant(), handled.handledAt());
        assertEquals(1, outboxRows("node = 'node-a' AND delivered_by = 'node-b' AND state = 'DELIVERED'"));
        assertEquals(List.of(), store.eventLedger().handled(OTHER_REGION, 10));
    }

    // ----------------------------------------------------------------------------- unique key

    @Test
    void theOutboxHoldsOneRowPerContentOfAResult() throws Exception {
        handleEvent(store, REGION, Stage.COMPILE, event(1), "1", tx -> tx.add(verdict("v1", "p1"), "{\"v\":1}", "h1"));

        SQLException dup = assertThrows(SQLException.class, () -> insertRow("v1", "h1"));

        assertTrue(Jdbc.isDuplicateKey(dup), dup.getSQLState() + ": " + dup.getMessage());
        insertRow("v1", "h2"); // another content of the same result is another row
        assertEquals(2, outboxRows("result_id = 'v1'"));
    }

    @Test
    void aContentThatComesBackIsQueuedAgainInOrder() {
        handleEvent(store, REGION, Stage.EXECUTE, event(1), "1", tx -> tx.add(warning("w1", "p1"), "{\"l\":\"Y\"}", "Y"));
        store.outbox().delivered(REGION, List.of(seqOf("w1")));
        handleEvent(store, REGION, Stage.EXECUTE, event(2), "2", tx -> tx.add(warning("w1", "p1"), "{\"l\":\"R\"}", "R"));
        store.outbox().delivered(REGION, List.of(seqOf("w1")));

        EventOutcome back = handleEvent(store, REGION, Stage.EXECUTE, event(3), "3", tx -> {
            tx.add(warning("w2", "p1"), "{}", "w2");
            tx.add(warning("w1", "p1"), "{\"l\":\"Y\"}", "Y");
        });

        assertEquals(new EventOutcome(2, 0, 0), back);
        List<OutboxItem> pending = store.outbox().pending(REGION, clock.instant(), 10);
        assertEquals(List.of("w2", "w1"), ids(pending), "a new row, after what was queued before it");
        assertEquals("{\"l\":\"Y\"}", pending.get(1).body());
        assertEquals(List.of("{\"l\":\"Y\"}", "{}"), store.resultLedger().resultsOf(REGION, ResultKind.WARNING, "p1"),
                "history keeps w1 first, with its latest body");
        assertEquals(2, store.status().status(REGION).delivered());
    }

    // -------------------------------------------------------------------------------- pruning

    @Test
    void deliveredRowsArePrunedAfterTheRetentionWhileTheLedgerKeepsTheirLatestBody() {
        handle(event(1), "old", "kept", "waiting");
        store.outbox().delivered(REGION, List.of(seqOf("old")));
        clock.advance(Duration.ofDays(2));
        store.outbox().delivered(REGION, List.of(seqOf("kept")));
        clock.advance(Duration.ofDays(29).plusMinutes(1)); // "old" delivered 31 days ago, "kept" 29

        int pruned = store.pruneOutbox(Duration.ofDays(30));

        assertEquals(1, pruned);
        assertEquals(0, outboxRows("result_id = 'old'"));
        assertEquals(1, outboxRows("result_id = 'kept'"));
        assertEquals(List.of("waiting"), ids(store.outbox().pending(REGION, clock.instant(), 10)), "never pending rows");
        assertEquals(List.of("{\"id\":\"old\"}"), store.resultLedger().resultsOf(REGION, ResultKind.VERDICT,
                "subject-old"));
        StoredResult old = store.resultLedger().latestResults(REGION, ResultKind.VERDICT, 10).stream()
                .filter(r -> r.resultId().equals("old")).findFirst().orElseThrow();
        assertEquals(StoredResult.DELIVERED, old.state());
        assertEquals("{\"id\":\"old\"}", old.body());
        RegionStatus status = store.status().status(REGION);
        assertEquals(2, status.delivered(), "the counter keeps what was delivered");
        assertEquals(1, status.backlog());

        // the pruned result comes again unchanged: still a no-op
        EventOutcome again = handleEvent(store, REGION, Stage.COMPILE, event(1), "1",
                tx -> tx.add(verdict("old", "subject-old"), "{\"id\":\"old\"}", "h-old"));
        assertEquals(new EventOutcome(0, 1, 0), again);
        assertEquals(0, outboxRows("result_id = 'old'"));
        assertEquals(0, store.pruneOutbox(Duration.ofDays(30)));
        assertEquals(3, query("SELECT COUNT(*) FROM pl_body"), "a pruned row that is its result's latest keeps its body");
    }

    @Test
    void supersededRowsArePrunedAfterTheRetentionToo() {
        handleEvent(store, REGION, Stage.EXECUTE, event(1), "1", tx -> tx.add(warning("w1", "p1"), "{\"v\":1}", "v1"));
        handleEvent(store, REGION, Stage.EXECUTE, event(2), "2", tx -> tx.add(warning("w1", "p1"), "{\"v\":2}", "v2"));
        assertEquals(0, store.pruneOutbox(Duration.ofDays(30)), "nothing young is pruned");
        assertEquals(1, outboxRows("state = 'SUPERSEDED'"));

        clock.advance(Duration.ofDays(31));

        assertEquals(1, store.pruneOutbox(Duration.ofDays(30)));
        assertEquals(0, outboxRows("state = 'SUPERSEDED'"));
        assertEquals(List.of("w1"), ids(store.outbox().pending(REGION, clock.instant(), 10)));
        assertEquals(1, query("SELECT COUNT(*) FROM pl_body"), "the superseded row's body went with it");
        assertEquals("{\"v\":2}", store.outbox().pending(REGION, clock.instant(), 10).get(0).body());
    }

    @Test
    void aLetterWhoseResultWasQueuedAgainAndPrunedIsStillNotReplayed() {
        handleEvent(store, REGION, Stage.EXECUTE, event(1), "1", tx -> tx.add(warning("w1", "p1"), "{\"v\":1}", "v1"));
        store.outbox().deadLetter(seqOf("w1"), 422, "bad v1");
        handleEvent(store, REGION, Stage.EXECUTE, event(2), "2", tx -> tx.add(warning("w1", "p1"), "{\"v\":2}", "v2"));
        store.outbox().delivered(REGION, List.of(seqOf("w1")));
        clock.advance(Duration.ofDays(31));
        store.pruneOutbox(Duration.ofDays(30));

        assertEquals(0, store.deadLetters().replay(REGION, List.of()));

        assertTrue(store.outbox().pending(REGION, clock.instant(), 10).isEmpty(), "v1 never goes out over v2");
        assertEquals(List.of("{\"v\":2}"), store.resultLedger().resultsOf(REGION, ResultKind.WARNING, "p1"));
    }

    // ------------------------------------------------------------------------------- counters

    @Test
    void theCountersAgreeWithTheRows() {
        handle(event(1), "a", "b", "c", "d");
        store.outbox().delivered(REGION, List.of(seqOf("a")));
        store.outbox().deadLetter(seqOf("b"), 400, "bad");
        store.outbox().deadLetter(seqOf("c"), 400, "bad");
        handleEvent(store, REGION, Stage.COMPILE, event(2), "2", tx -> {
            tx.add(verdict("d", "subject-d"), "{\"v\":2}", "d2"); // supersedes the undelivered d
            tx.reject("x", "bad input", "{");
        });
        assertThrows(IllegalStateException.class, () -> handleEvent(store, REGION, Stage.COMPILE, event(3), "3", tx -> {
            tx.add(verdict("e", "subject-e"), "{}", "e");
            tx.reject("y", "bad input", "{");
            throw new IllegalStateException("rolled back: counts nothing");
        }));
        store.deadLetters().replay(REGION, List.of(store.deadLetters().all(REGION).get(0).id()));

        RegionStatus status = store.status().status(REGION);

        assertEquals(outboxRows("region_code = '" + REGION + "' AND state = 'PENDING'"), status.backlog());
        assertEquals(outboxRows("region_code = '" + REGION + "' AND state = 'DELIVERED'"), status.delivered());
        assertEquals(query("SELECT COUNT(*) FROM pl_dead_letter WHERE region_code = '" + REGION
                + "' AND replayed_at IS NULL"), status.deadLetters());
        assertEquals(2, status.backlog()); // b replayed, d's new row
        assertEquals(1, status.delivered());
        assertEquals(2, status.deadLetters()); // c and the rejected input x
    }

    // -------------------------------------------------------------------------------- paging

    @Test
    void deadLettersComeInPagesWithTheirTotal() {
        handle(event(1), "a", "b", "c", "d", "e");
        for (String id : List.of("a", "b", "c", "d", "e")) {
            store.outbox().deadLetter(seqOf(id), 422, "bad " + id);
        }

        Page<DeadLetter> second = store.deadLetters().open(REGION, 2, 2);

        assertEquals(List.of("c", "d"), second.items().stream().map(DeadLetter::key).toList());
        assertEquals(5, second.total());
        assertEquals(2, second.offset());
        assertEquals(2, second.limit());
        assertEquals(List.of("e"), store.deadLetters().open(REGION, 4, 2).items().stream().map(DeadLetter::key)
                .toList());
        assertEquals(List.of(), store.deadLetters().open(REGION, 5, 2).items());
        assertEquals(0, store.deadLetters().open(OTHER_REGION, 0, 10).total());
        assertEquals(5, store.deadLetters().all(REGION).size());
        assertThrows(IllegalArgumentException.class, () -> store.deadLetters().open(REGION, -1, 2));
        assertThrows(IllegalArgumentException.class, () -> store.deadLetters().open(REGION, 0, 0));
    }

    // ------------------------------------------------------------------------------ migration

    @Test
    void aVersionTwoDatabaseUpgradesInPlace() throws Exception {
        DataSource old = emptyDatabase();
        Migrations.migrate(old, clock, 2);
        try (Connection c = old.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO pl_region (region_code, created_at) VALUES ('" + REGION + "', CURRENT_TIMESTAMP)");
            // w1: YELLOW delivered, RED delivered, YELLOW again pending (a content that came back)
            s.execute(v1Row("w1", "p1", "{\"l\":\"Y\"}", "Y", "DELIVERED"));
            s.execute(v1Row("w1", "p1", "{\"l\":\"R\"}", "R", "DELIVERED"));
            s.execute(v1Row("w1", "p1", "{\"l\":\"Y\"}", "Y", "PENDING"));
            // w2: superseded before delivery, then dead
            s.execute(v1Row("w2", "p1", "{\"v\":1}", "v1", "SUPERSEDED"));
            s.execute(v1Row("w2", "p1", "{\"v\":2}", "v2", "DEAD"));
            s.execute("INSERT INTO pl_dead_letter (region_code, kind, item_key, subject, body, content_hash, "
                    + "http_status, reason, outbox_seq, created_at) SELECT '" + REGION + "', 'WARNING', 'w2', 'p1', "
                    + "'{\"v\":2}', 'v2', 422, 'bad', MAX(seq), CURRENT_TIMESTAMP FROM pl_outbox");
        }

        JdbcStore upgraded = JdbcStore.open(old, clock);

        RegionStatus status = upgraded.status().status(REGION);
        assertEquals(1, status.backlog());
        assertEquals(2, status.delivered());
        assertEquals(1, status.deadLetters());
        assertEquals(List.of("{\"l\":\"Y\"}", "{\"v\":2}"),
                upgraded.resultLedger().resultsOf(REGION, ResultKind.WARNING, "p1"));
        assertEquals(List.of("w2", "w1"), upgraded.resultLedger().latestResults(REGION, null, 10).stream()
                .map(StoredResult::resultId).toList());
        assertEquals(List.of("w1 R DELIVERED", "w1 Y PENDING", "w2 v1 SUPERSEDED", "w2 v2 DEAD"), queryRows(old,
                "SELECT result_id, content_hash, state FROM pl_outbox ORDER BY seq"), "the older Y row of w1 went");
        EventOutcome again = upgraded.eventLedger().handle(REGION, Stage.EXECUTE, event(9), null, "9",
                tx -> tx.add(warning("w1", "p1"), "{\"l\":\"Y\"}", "Y"));
        assertEquals(new EventOutcome(0, 1, 0), again, "deduplicated against the backfilled ledger");
        assertEquals(1, upgraded.deadLetters().replay(REGION, List.of()));
        List<OutboxItem> pending = upgraded.outbox().pending(REGION, clock.instant(), 10);
        assertEquals(List.of("w1", "w2"), ids(pending));
        assertEquals(List.of("{\"l\":\"Y\"}", "{\"v\":2}"), pending.stream().map(OutboxItem::body).toList(),
                "w1's row of before keeps its own body; w2's replayed row has its body in pl_body");
        closeDatabase(old);
    }

    // -------------------------------------------------------------------------------- helpers

    private static String v1Row(String id, String subject, String body, String hash, String state) {
        return "INSERT INTO pl_outbox (region_code, kind, result_id, subject, body, content_hash, state, "
                + "attempts, next_attempt_at, created_at" + (state.equals("DELIVERED") ? ", delivered_at" : "")
                + ") VALUES ('" + REGION + "', 'WARNING', '" + id + "', '" + subject + "', '" + body
                + "', '" + hash + "', '" + state + "', 0, TIMESTAMP WITH TIME ZONE '2027-07-31 08:00:00+00', "
                + "TIMESTAMP WITH TIME ZONE '2027-07-31 08:00:00+00'"
                + (state.equals("DELIVERED") ? ", TIMESTAMP WITH TIME ZONE '2027-07-31 08:00:00+00'" : "") + ")";
    }

    private static List<String> queryRows(DataSource ds, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
        }
        return out;
    }

    /** Inserts an outbox row directly, as a second node queuing the same content at once would. */
    private void insertRow(String id, String hash) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO pl_outbox (region_code, kind, result_id, subject, body, content_hash, state, "
                    + "attempts, next_attempt_at, created_at) VALUES ('" + REGION + "', 'VERDICT', '" + id
                    + "', 'p1', '{}', '" + hash + "', 'DELIVERED', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        }
    }
}
