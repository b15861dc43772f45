package org.perflink.camel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.perflink.api.hook.StageContext;
import org.perflink.api.hook.StageHook;
import org.perflink.api.host.HostException;
import org.perflink.api.host.HostGateway;
import org.perflink.api.host.Page;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.ResultKind;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.api.rules.RulePack;
import org.perflink.api.testing.FakeHost;
import org.perflink.host.http.HostJson;
import org.perflink.store.OutboxItem;
import org.perflink.store.internal.JdbcStore;

/**
 * Issue 11 item 5: no host request runs while a database transaction is open. The store's connections are
 * watched (one that has turned auto-commit off and is not closed is an open transaction); the host fails
 * the test when asked while one is. Pages commit one by one (page 1's results are in the outbox while page 2
 * is pulled, the cursor still before the event), the cursor moves with the last ones, and an event handled
 * again after a failure re-emits the committed page as no-ops.
 */
class NoHostCallInTransactionTest {

    private static final String REGION = "440000";
    private static final StageEvent EVENT = new StageEvent(1, "ev-1", REGION, 2027, Stage.COMPILE, Phase.DECLARED,
            List.of(), OffsetDateTime.parse("2026-10-15T10:00:00+08:00"), null);

    private final AtomicInteger openTransactions = new AtomicInteger();
    private final List<String> violations = new ArrayList<>();

    /** A DataSource whose connections count themselves as open transactions while auto-commit is off. */
    private DataSource watched(DataSource real) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    return method.getName().equals("getConnection") ? watched((Connection) result) : result;
                });
    }

    private Connection watched(Connection real) {
        AtomicBoolean inTransaction = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("setAutoCommit")) {
                        boolean off = !(Boolean) args[0];
                        if (off && inTransaction.compareAndSet(false, true)) {
                            openTransactions.incrementAndGet();
                        } else if (!off && inTransaction.compareAndSet(true, false)) {
                            openTransactions.decrementAndGet();
                        }
                    } else if (method.getName().equals("close") && inTransaction.compareAndSet(true, false)) {
                        openTransactions.decrementAndGet();
                    }
                    return invoke(real, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Two pages of projects; fails the test when asked inside a transaction; can fail page 2 once. */
    private final class PagedHost extends FakeHost {
        boolean failPage2;
        JdbcStore store;
        final List<String> seenBeforePage2 = new ArrayList<>();

        PagedHost() {
            project(Parsed.invalid("p1", 1, "x", "one")).project(Parsed.invalid("p2", 1, "x", "two"))
                    .project(Parsed.invalid("p3", 1, "x", "three")).maxPageSize(Feed.PROJECTS, 2);
            events.add(EVENT);
        }

        private void check(String what) {
            if (openTransactions.get() > 0) {
                violations.add(what + " with " + openTransactions.get() + " transaction(s) open");
            }
        }

        @Override
        public Page<Parsed<Project>> projects(String regionCode, int year, List<String> codes, String cursor, int limit)
                throws HostException {
            check("projects page " + cursor);
            if ("2".equals(cursor)) {
                seenBeforePage2.clear();
                store.outbox().pending(REGION, Instant.now().plusSeconds(1), 100).forEach(o -> seenBeforePage2.add(o.resultId()));
                if (failPage2) {
                    failPage2 = false;
                    throw new HostException("page 2 unavailable");
                }
            }
            return super.projects(regionCode, year, codes, cursor, limit);
        }

        @Override
        public Page<StageEvent> stageEvents(String regionCode, String afterCursor, int limit) throws HostException {
            check("stage events");
            return super.stageEvents(regionCode, afterCursor, limit);
        }
    }

    /** A hook as the stages are: page by page, a result per item, a checkpoint after each page. */
    private static final StageHook HOOK = new StageHook() {
        @Override
        public Stage stage() {
            return Stage.COMPILE;
        }

        @Override
        public void handle(StageContext context) throws HostException {
            HostGateway.forEach(cursor -> context.host().projects(REGION, 2027, List.of(), cursor, 200), item -> {
                String id = "V-" + item.key();
                context.emit(new HostResult(ResultKind.VERDICT, REGION, id, item.key(), Map.of("verdictId", id)));
            }, context::checkpoint);
        }
    };

    /** The same hook through the context's stage inputs, which checkpoint after each page themselves. */
    private static final StageHook INPUTS_HOOK = new StageHook() {
        @Override
        public Stage stage() {
            return Stage.COMPILE;
        }

        @Override
        public void handle(StageContext context) throws HostException {
            context.inputs().projects(List.of()).forEach(item -> {
                String id = "V-" + item.key();
                context.emit(new HostResult(ResultKind.VERDICT, REGION, id, item.key(), Map.of("verdictId", id)));
            });
        }
    };

    @Test
    void theStageInputsPullOutsideAnyTransactionAndCommitEachPage() throws Exception {
        // the inputs ask for the next page while a page is read, and commit a page once that request is over
        pullOutsideTransactions(INPUTS_HOOK, false);
    }

    @Test
    void pagesArePulledOutsideAnyTransactionAndCommittedOneByOne() throws Exception {
        pullOutsideTransactions(HOOK, true);
    }

    private void pullOutsideTransactions(StageHook hook, boolean pagesOneByOne) throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(JdbcStore.h2Url("jdbc:h2:mem:no-tx-" + System.nanoTime()));
        JdbcStore store = JdbcStore.open(watched(ds), Clock.systemUTC());
        PagedHost host = new PagedHost();
        host.store = store;
        host.failPage2 = true;
        StatusBoard status = new StatusBoard();
        EventPoller poller = new EventPoller(REGION, store.eventLedger(), store.resultLedger(), host, stage -> List.of(hook), () -> RulePack.DEFAULT,
                new ResultEncoder(HostJson.newMapper()), status);

        // first try: page 2 fails; page 1 is committed, the cursor stays before the event
        assertThrows(HostException.class, () -> poller.poll(Stage.COMPILE));
        assertEquals(pagesOneByOne ? List.of("V-p1", "V-p2") : List.of(), host.seenBeforePage2,
                pagesOneByOne ? "page 1 committed before page 2 is pulled" : "page 2 pulled while page 1 is read");
        assertEquals(List.of("V-p1", "V-p2"), store.outbox().pending(REGION, Instant.now().plusSeconds(1), 100).stream()
                .map(OutboxItem::resultId).toList(), "page 1 committed although page 2 failed");
        assertEquals(null, store.eventLedger().cursor(REGION, Stage.COMPILE));

        // again: page 1's results come again as no-ops, page 2's are added, the cursor moves with them
        poller.poll(Stage.COMPILE);
        assertEquals("1", store.eventLedger().cursor(REGION, Stage.COMPILE));
        assertEquals(List.of("V-p1", "V-p2", "V-p3"), store.outbox().pending(REGION, Instant.now().plusSeconds(1), 100).stream()
                .map(OutboxItem::resultId).toList(), "each id once, in order");
        assertTrue(violations.isEmpty(), String.join("; ", violations));
    }
}
