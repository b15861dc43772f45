package org.perflink.camel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.perflink.api.model.Adjustment;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Notice;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.api.model.Verdict;
import org.perflink.api.model.Warning;
import org.perflink.host.http.HostJson;
import org.perflink.store.OutboxItem;
import org.perflink.store.internal.JdbcStore;

/**
 * The history the close stage computes its components from is what PerfLink wrote, whatever the host has
 * acknowledged so far: pending, delivered and dead-lettered results read the same (determinism, rules.md §4).
 */
class StoredResultHistoryTest {

    private static final String REGION = "440000";
    private final ObjectMapper mapper = HostJson.newMapper();

    private JdbcStore store() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(JdbcStore.h2Url("jdbc:h2:mem:history-" + System.nanoTime()));
        return JdbcStore.open(ds, Clock.systemUTC());
    }

    private void write(JdbcStore store, long seq, Stage stage, Object body, HostResult result) throws Exception {
        StageEvent event = new StageEvent(seq, "ev-" + seq, REGION, 2027, stage, Phase.PUBLISHED, List.of(),
                OffsetDateTime.parse("2027-02-25T10:00:00+08:00"), null);
        String json = mapper.writeValueAsString(body);
        store.eventLedger().handle(REGION, stage, event, store.eventLedger().cursor(REGION, stage), Long.toString(seq), tx -> tx.add(result, json, Integer.toHexString(json.hashCode())));
    }

    @Test
    void verdictsAndWarningsReadTheSameWhateverTheHostAcknowledged() throws Exception {
        JdbcStore store = store();
        Verdict r1 = new Verdict("P1.PUBLISHED.r1", "P1", REGION, 2027, Phase.PUBLISHED, 1, Verdict.Outcome.BLOCK, List.of(),
                "default@1", OffsetDateTime.parse("2027-02-25T10:00:00+08:00"));
        Verdict r2 = new Verdict("P1.PUBLISHED.r2", "P1", REGION, 2027, Phase.PUBLISHED, 2, Verdict.Outcome.PASS, List.of(),
                "default@1", OffsetDateTime.parse("2027-03-01T10:00:00+08:00"));
        Warning red = new Warning("P1.2027-07-31.EXECUTION_LAG", "P1", REGION, 2027, LocalDate.parse("2027-07-31"),
                Warning.Type.EXECUTION_LAG, Warning.Level.RED, Map.of(), Map.of(), Warning.Action.SUSPEND_DISBURSEMENT,
                "EXECUTION_LAG", "", "");
        write(store, 1, Stage.COMPILE, r1, HostResult.of(r1));
        write(store, 2, Stage.COMPILE, r2, HostResult.of(r2));
        write(store, 3, Stage.EXECUTE, red, HostResult.of(red));
        StoredResultHistory history = new StoredResultHistory(REGION, store.resultLedger(), mapper);
        List<Verdict> before = history.verdicts("P1");
        List<Warning> warningsBefore = history.warnings("P1");
        assertEquals(List.of(r1, r2), before);

        List<OutboxItem> pending = store.outbox().pending(REGION, Instant.now().plusSeconds(3600), 10);
        store.outbox().delivered(REGION, List.of(pending.get(0).seq()));
        store.outbox().deadLetter(pending.get(1).seq(), 422, "refused");

        assertEquals(before, history.verdicts("P1"), "delivered or dead, a verdict is still what PerfLink decided");
        assertEquals(warningsBefore, history.warnings("P1"));
        assertEquals(List.of(), history.verdicts("P2"));
    }

    @Test
    void theYearsNoticesAreEveryScopesAndStepsByIdWhateverTheHostAcknowledged() throws Exception {
        JdbcStore store = store();
        Notice reminder = new Notice("440000-2027.101.REMINDER", REGION, 2027, "101", Notice.Type.REMINDER,
                LocalDate.parse("2028-04-20"), List.of("r"), List.of("P1"));
        Notice older = new Notice("440000-2026.101.REMINDER", REGION, 2026, "101", Notice.Type.REMINDER,
                LocalDate.parse("2027-04-20"), List.of("r"), List.of());
        Notice step = new Notice("440000-2027.101.REMINDER.RECTIFICATION", REGION, 2027, "101", Notice.Type.RECTIFICATION,
                LocalDate.parse("2028-06-09"), List.of("s"), List.of("P1"), Notice.Scope.DEPARTMENT, "101",
                LocalDate.parse("2028-05-10"), reminder.noticeId(), "NOTICE_ESCALATED", reminder.noticeId(),
                List.of(new Notice.Trigger("NOTICE_FEEDBACK_REJECTED", reminder.noticeId(), LocalDate.parse("2028-04-20"),
                        LocalDate.parse("2028-04-18"), LocalDate.parse("2028-05-10"))), null);
        Notice region = new Notice("440000-2027.REGION.440100.REMINDER", REGION, 2027, null, Notice.Type.REMINDER,
                LocalDate.parse("2028-04-20"), List.of("m"), List.of(), Notice.Scope.REGION, "440100", null, null, null,
                null, null, null);
        write(store, 1, Stage.CLOSE, step, HostResult.of(step));
        write(store, 2, Stage.CLOSE, region, HostResult.of(region));
        write(store, 3, Stage.CLOSE, reminder, HostResult.of(reminder));
        write(store, 4, Stage.CLOSE, older, HostResult.of(older));
        StoredResultHistory history = new StoredResultHistory(REGION, store.resultLedger(), mapper);
        List<Notice> notices = history.yearNotices(2027);
        assertEquals(List.of(reminder, step, region), notices);
        assertEquals(List.of(region), history.notices("440100"));

        List<OutboxItem> pending = store.outbox().pending(REGION, Instant.now().plusSeconds(3600), 10);
        store.outbox().delivered(REGION, List.of(pending.get(0).seq()));
        store.outbox().deadLetter(pending.get(1).seq(), 422, "refused");
        assertEquals(notices, history.yearNotices(2027));
    }

    @Test
    void adjustmentsReadBackWithTheFiguresTheWorkAssessmentChecks() throws Exception {
        JdbcStore store = store();
        Adjustment reduce = new Adjustment("440000-2026.PROJECT.P1", REGION, 2026, 2027, Adjustment.Scope.PROJECT, "P1",
                Map.of("score", "70.00", "grade", "MEDIUM"), Adjustment.Action.REDUCE, new java.math.BigDecimal("-0.10"),
                new java.math.BigDecimal("5000000.00"), new java.math.BigDecimal("-500000.00"), "LINK_PROJECT_GRADE", "减", "cut");
        write(store, 1, Stage.CLOSE, reduce, HostResult.of(reduce));
        StoredResultHistory history = new StoredResultHistory(REGION, store.resultLedger(), mapper);

        List<Adjustment> read = history.adjustments("P1");
        assertEquals(1, read.size());
        Adjustment a = read.get(0);
        assertEquals("440000-2026.PROJECT.P1", a.adjustmentId());
        assertEquals(2027, a.budgetYear());
        assertEquals(Adjustment.Action.REDUCE, a.action());
        assertEquals(new java.math.BigDecimal("5000000.00"), a.baseAmount());
        assertEquals(new java.math.BigDecimal("-500000.00"), a.deltaAmount());
        assertEquals(List.of(), history.adjustments("P2"));
    }
}
