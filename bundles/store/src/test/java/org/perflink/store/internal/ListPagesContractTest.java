package org.perflink.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.ResultKind;
import org.perflink.api.model.Stage;
import org.perflink.store.AuditEntry;
import org.perflink.store.AuditLog.AuditQuery;
import org.perflink.store.DeadLetter;
import org.perflink.store.DeadLetters.LetterQuery;
import org.perflink.store.DeadLetters.LetterSort;
import org.perflink.store.Page;

/**
 * The admin page's dead-letter and audit tables (issue 15) as the store serves them: filters, search, sort orders
 * and exact totals. Run on H2 and PostgreSQL with the rest of the contract.
 */
abstract class ListPagesContractTest extends ResultPagesContractTest {

    /**
     * Five letters of 440000 and one of 440100: a verdict (COMPILE, open), a warning (EXECUTE, open), an input
     * rejected by an EXECUTE event (open), a notice replayed (REPLAYED) and a verdict closed by a replay after a
     * newer version had been queued (SKIPPED).
     */
    private void fiveLetters() {
        handleEvent(store, REGION, Stage.COMPILE, event(1), "1", tx -> {
            tx.add(verdict("P1.DECLARED.r1", "440000-2027-000101"), "{\"v\":1}", "v1");
            tx.add(verdict("P9.DECLARED.r1", "440000-2027-000909"), "{\"v\":9}", "v9");
        });
        store.outbox().deadLetter(seqOf("P1.DECLARED.r1"), 422, "项目已锁定 LOCKED for review");
        clock.advance(Duration.ofMinutes(1));
        store.outbox().deadLetter(seqOf("P9.DECLARED.r1"), 409, "revision conflict 100%_done");
        handleEvent(store, REGION, Stage.COMPILE, event(2), "2",
                tx -> tx.add(verdict("P9.DECLARED.r1", "440000-2027-000909"), "{\"v\":99}", "v99"));
        clock.advance(Duration.ofMinutes(1));
        handleEvent(store, REGION, Stage.EXECUTE, event(3), "3", tx -> {
            tx.add(warning("W2.2027-06-30.EXECUTION_LAG", "440000-2027-000202"), "{\"w\":2}", "w2");
            tx.reject("monitoring#7", "no projectCode", "{\"x\":1}");
        });
        store.outbox().deadLetter(seqOf("W2.2027-06-30.EXECUTION_LAG"), 400, "level unknown");
        clock.advance(Duration.ofMinutes(1));
        handleEvent(store, REGION, Stage.CLOSE, event(4), "4",
                tx -> tx.add(new HostResult(ResultKind.NOTICE, REGION, "N3.REMINDER", "D03", null), "{\"n\":3}", "n3"));
        store.outbox().deadLetter(seqOf("N3.REMINDER"), 422, "dueDate before year end");
        long notice = letter(REGION, "N3.REMINDER").id();
        long skipped = letter(REGION, "P9.DECLARED.r1").id();
        assertEquals(1, store.deadLetters().replay(REGION, List.of(notice, skipped)), "the notice re-queued, P9 closed");
        handleEvent(store, OTHER_REGION, Stage.COMPILE, event(5), "5",
                tx -> tx.add(new HostResult(ResultKind.VERDICT, OTHER_REGION, "Q1.DECLARED.r1", "440100-2027-1", null),
                        "{}", "q1"));
        store.outbox().deadLetter(seqOf("Q1.DECLARED.r1"), 422, "LOCKED");
    }

    private DeadLetter letter(String region, String key) {
        return store.deadLetters().page(region, new LetterQuery(null, null, null, null, null), 0, 100).items().stream()
                .filter(d -> d.key().equals(key)).findFirst().orElseThrow();
    }

    private List<String> keys(LetterQuery q, int offset, int limit) {
        return store.deadLetters().page(REGION, q, offset, limit).items().stream().map(DeadLetter::key).toList();
    }

    @Test
    void aPageOfDeadLettersIsFilteredByStateStageAndKindSortedAndCounted() {
        fiveLetters();
        assertEquals(List.of("N3.REMINDER", "W2.2027-06-30.EXECUTION_LAG", "monitoring#7", "P9.DECLARED.r1",
                "P1.DECLARED.r1"), keys(new LetterQuery(null, null, null, null, LetterSort.NEWEST), 0, 10),
                "every state, newest first (the input was parked in its event, before the warning was refused)");
        Page<DeadLetter> first = store.deadLetters().page(REGION, new LetterQuery(null, null, null, null, null), 0, 2);
        assertEquals(5, first.total(), "counted though the page does not reach the end");
        assertEquals(List.of("N3.REMINDER", "W2.2027-06-30.EXECUTION_LAG"), first.items().stream().map(DeadLetter::key).toList());
        Page<DeadLetter> last = store.deadLetters().page(REGION, new LetterQuery(null, null, null, null, LetterSort.OLDEST),
                4, 2);
        assertEquals(List.of("N3.REMINDER"), last.items().stream().map(DeadLetter::key).toList());
        assertEquals(5, last.total());
        assertEquals(5, store.deadLetters().page(REGION, new LetterQuery(null, null, null, null, null), 10, 2).total(),
                "a page past the end counts too");

        assertEquals(List.of("P1.DECLARED.r1", "monitoring#7", "W2.2027-06-30.EXECUTION_LAG"),
                keys(new LetterQuery(DeadLetter.OPEN, null, null, null, LetterSort.OLDEST), 0, 10));
        assertEquals(List.of("N3.REMINDER"), keys(new LetterQuery(DeadLetter.REPLAYED, null, null, null, null), 0, 10));
        assertEquals(List.of("P9.DECLARED.r1"), keys(new LetterQuery(DeadLetter.SKIPPED, null, null, null, null), 0, 10));
        assertEquals(DeadLetter.SKIPPED, letter(REGION, "P9.DECLARED.r1").state());
        assertEquals(DeadLetter.REPLAYED, letter(REGION, "N3.REMINDER").state());
        assertEquals(DeadLetter.OPEN, letter(REGION, "P1.DECLARED.r1").state());

        assertEquals(List.of("monitoring#7", "W2.2027-06-30.EXECUTION_LAG"),
                keys(new LetterQuery(null, "EXECUTE", null, null, LetterSort.OLDEST), 0, 10), "an input has its event's stage");
        assertEquals(List.of("N3.REMINDER"), keys(new LetterQuery(null, "CLOSE", null, null, null), 0, 10));
        assertEquals(List.of("monitoring#7"), keys(new LetterQuery(null, null, DeadLetter.INPUT, null, null), 0, 10));
        assertEquals(List.of("P1.DECLARED.r1"), keys(new LetterQuery(DeadLetter.OPEN, "COMPILE", "VERDICT", null, null),
                0, 10));
        assertEquals("COMPILE", letter(REGION, "P1.DECLARED.r1").stage());
        assertEquals("440000-2027-000101", letter(REGION, "P1.DECLARED.r1").subject());

        assertEquals(List.of("P1.DECLARED.r1", "W2.2027-06-30.EXECUTION_LAG", "P9.DECLARED.r1", "N3.REMINDER",
                "monitoring#7"), keys(new LetterQuery(null, null, null, null, LetterSort.SUBJECT), 0, 10),
                "by subject (the project codes, then department D03), an input (no subject) last");
        assertEquals(List.of("N3.REMINDER", "P1.DECLARED.r1", "P9.DECLARED.r1", "monitoring#7",
                "W2.2027-06-30.EXECUTION_LAG"), keys(new LetterQuery(null, null, null, null, LetterSort.STAGE), 0, 10),
                "CLOSE < COMPILE < EXECUTE, each oldest first");
        assertThrows(IllegalArgumentException.class, () -> store.deadLetters().page(REGION,
                new LetterQuery(null, null, null, null, null), -1, 10));
        assertThrows(IllegalArgumentException.class, () -> store.deadLetters().page(REGION,
                new LetterQuery(null, null, null, null, null), 0, 0));
    }

    @Test
    void deadLettersAreSearchedBySubjectOrKeyPrefixAndByTheReasonInAnyCase() {
        fiveLetters();
        assertEquals(List.of("P1.DECLARED.r1"), keys(new LetterQuery(null, null, null, "locked", null), 0, 10),
                "a part of the reason, any case; 440100's letter is not listed");
        assertEquals(List.of("P1.DECLARED.r1"), keys(new LetterQuery(null, null, null, "已锁定", null), 0, 10));
        assertEquals(List.of("W2.2027-06-30.EXECUTION_LAG"),
                keys(new LetterQuery(null, null, null, "440000-2027-0002", null), 0, 10), "the start of the project code");
        assertEquals(List.of("monitoring#7"), keys(new LetterQuery(null, null, null, "monitoring#", null), 0, 10),
                "the start of the key");
        assertEquals(List.of("P9.DECLARED.r1"), keys(new LetterQuery(null, null, null, "100%_", null), 0, 10),
                "LIKE wildcards are literal");
        assertEquals(List.of(), keys(new LetterQuery(null, null, null, "10_%", null), 0, 10),
                "as wildcards, 10_% would match 100%");
        assertEquals(2, store.deadLetters().page(REGION, new LetterQuery(DeadLetter.OPEN, null, null, "440000-2027-000", null),
                0, 10).total(), "a search and a state together");
    }

    @Test
    void theOpenListIsThePageOfOpenLettersOldestFirst() {
        fiveLetters();
        Page<DeadLetter> open = store.deadLetters().open(REGION, 1, 1);
        assertEquals(3, open.total());
        assertEquals(List.of("monitoring#7"), open.items().stream().map(DeadLetter::key).toList());
        assertEquals(3, store.deadLetters().all(REGION).size());
    }

    @Test
    void aVersionFiveDatabasesLettersGetTheirStageFromTheirKind() throws Exception {
        javax.sql.DataSource old = emptyDatabase();
        Migrations.migrate(old, clock, 5);
        try (java.sql.Connection c = old.getConnection(); java.sql.Statement s = c.createStatement()) {
            for (String[] l : new String[][] {{"VERDICT", "v1"}, {"WARNING", "w1"}, {"NOTICE", "n1"}, {"INPUT", "i1"}}) {
                s.execute("INSERT INTO pl_dead_letter (region_code, kind, item_key, http_status, reason, created_at) "
                        + "VALUES ('" + REGION + "', '" + l[0] + "', '" + l[1] + "', 422, 'r', CURRENT_TIMESTAMP)");
            }
        }
        JdbcStore upgraded = JdbcStore.open(old, clock);
        List<String> stages = upgraded.deadLetters().page(REGION, new LetterQuery(null, null, null, null, LetterSort.OLDEST),
                0, 10).items().stream().map(d -> d.key() + "=" + d.stage()).toList();
        assertEquals(List.of("v1=COMPILE", "w1=EXECUTE", "n1=CLOSE", "i1=null"), stages,
                "an input parked before V6 has no stage");
        assertEquals(List.of("w1"), upgraded.deadLetters().page(REGION, new LetterQuery(null, "EXECUTE", null, null, null),
                0, 10).items().stream().map(DeadLetter::key).toList());
        closeDatabase(old);
    }

    // ---------------------------------------------------------------------------------------------- audit log

    private void sixEntries() {
        store.auditLog().record("alice", "perflink:disable", "440000/COMPILE", "on", "off");
        clock.advance(Duration.ofHours(1));
        store.auditLog().record("bob", "perflink:replay", "440000", "open=2, ids=all", "requeued=2");
        clock.advance(Duration.ofHours(1));
        store.auditLog().record("alice", "perflink:enable", "4400001/COMPILE", "off", "on");
        clock.advance(Duration.ofHours(1));
        store.auditLog().record("carol", "perflink:replay", "440100", "open=1", "requeued=1");
        clock.advance(Duration.ofHours(1));
        store.auditLog().record("alice", "perflink:region-add", "440000", null, "name=广东省 50%_OFF");
        clock.advance(Duration.ofHours(1));
        store.auditLog().record("bob", "perflink:run", "440100/EXECUTE", "cursor=1", "cursor=2");
    }

    private List<String> audit(AuditQuery q, int offset, int limit) {
        return store.auditLog().page(q, offset, limit).items().stream().map(a -> a.actor() + " " + a.action()).toList();
    }

    @Test
    void aPageOfTheAuditLogIsFilteredByActorActionRegionAndTimeSortedAndCounted() {
        Instant t0 = clock.instant();
        sixEntries();
        Page<AuditEntry> first = store.auditLog().page(new AuditQuery(null, null, null, null, null, null, false), 0, 2);
        assertEquals(6, first.total());
        assertEquals(List.of("bob perflink:run", "alice perflink:region-add"),
                first.items().stream().map(a -> a.actor() + " " + a.action()).toList(), "newest first");
        assertEquals(List.of("alice perflink:enable", "carol perflink:replay"),
                audit(new AuditQuery(null, null, null, null, null, null, true), 2, 2), "oldest first, the second page");
        assertEquals(List.of("alice perflink:region-add", "alice perflink:enable", "alice perflink:disable"),
                audit(new AuditQuery(null, "alice", null, null, null, null, false), 0, 10));
        assertEquals(List.of("bob perflink:replay", "carol perflink:replay"),
                audit(new AuditQuery(null, null, "perflink:replay", null, null, null, true), 0, 10));
        assertEquals(List.of("alice perflink:disable", "bob perflink:replay", "alice perflink:region-add"),
                audit(new AuditQuery(null, null, null, "440000", null, null, true), 0, 10),
                "the region and its stages, not 4400001");
        assertEquals(List.of("bob perflink:replay", "alice perflink:enable"),
                audit(new AuditQuery(null, null, null, null, t0.plus(Duration.ofHours(1)), t0.plus(Duration.ofHours(3)),
                        true), 0, 10), "from inclusive, to exclusive");
        Page<AuditEntry> both = store.auditLog().page(new AuditQuery(null, "alice", null, "440000", null, null, false), 0, 1);
        assertEquals(2, both.total());
        assertEquals("perflink:region-add", both.items().get(0).action());
    }

    @Test
    void theAuditLogIsSearchedInEveryTextInAnyCase() {
        sixEntries();
        assertEquals(List.of("alice perflink:enable", "alice perflink:disable"),
                audit(new AuditQuery("compile", null, null, null, null, null, false), 0, 10), "the target, any case");
        assertEquals(List.of("carol perflink:replay", "bob perflink:replay"),
                audit(new AuditQuery("REQUEUED=", null, null, null, null, null, false), 0, 10), "the state after");
        assertEquals(List.of("bob perflink:run"), audit(new AuditQuery("cursor=1", null, null, null, null, null, false),
                0, 10), "the state before");
        assertEquals(List.of("alice perflink:region-add"), audit(new AuditQuery("广东", null, null, null, null, null, false),
                0, 10), "the state after");
        assertEquals(List.of("alice perflink:region-add"), audit(new AuditQuery("50%_", null, null, null, null, null,
                false), 0, 10), "LIKE wildcards are literal");
        assertEquals(List.of("carol perflink:replay"), audit(new AuditQuery("CAROL", null, null, null, null, null, false),
                0, 10), "the actor");
        assertThrows(IllegalArgumentException.class, () -> store.auditLog().page(new AuditQuery(null, null, null, null,
                null, null, false), 0, 0));
    }
}
