package org.perflink.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.Finding;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Notice;
import org.perflink.api.model.Phase;
import org.perflink.api.model.ResultKind;
import org.perflink.api.model.Severity;
import org.perflink.api.model.Stage;
import org.perflink.api.model.Verdict;
import org.perflink.api.model.Warning;
import org.perflink.store.Page;
import org.perflink.store.ResultLedger;
import org.perflink.store.StoredResult;

/**
 * The admin page's result pages (issue 15) as the store serves them: filters, sort orders, totals, and the facets
 * (outcome, department, rule ids) kept from the typed results. Run on H2 and PostgreSQL with the rest of the contract.
 */
abstract class ResultPagesContractTest extends StoreContractTest {

    // -------------------------------------------------------------------------- result pages (issue 15)

    @Test
    void aPageOfResultsIsFilteredByKindStateAndSubjectPrefixSortedAndCounted() {
        store.eventLedger().handle(REGION, Stage.COMPILE, event(1), null, "1", tx -> {
            tx.add(verdict("440000-2027-000101.PUBLISHED.r1", "440000-2027-000101"), "{\"v\":1}", "h1");
            tx.add(verdict("440000-2027-000102.PUBLISHED.r1", "440000-2027-000102"), "{\"v\":2}", "h2");
            tx.add(warning("440000-2027-000101.2027-06-30.EXECUTION_LAG", "440000-2027-000101"), "{\"w\":1}", "h3");
            tx.add(verdict("440000-2027-001101.PUBLISHED.r1", "440000-2027-001101"), "{\"v\":3}", "h4");
            tx.add(verdict("440000_2027.PUBLISHED.r1", "440000_2027"), "{\"v\":4}", "h5");
        });
        store.outbox().delivered(REGION, List.of(seqOf("440000-2027-000102.PUBLISHED.r1")));

        var all = store.resultLedger().page(REGION, new ResultLedger.ResultQuery(null, null, null, false), 0, 2);
        assertEquals(ResultLedger.TOTAL_UNKNOWN, all.total(), "more follow: not counted");
        assertEquals(5, store.resultLedger().page(REGION, new ResultLedger.ResultQuery(null, null, null, false), 4, 2)
                .total(), "the last page knows the total");
        assertEquals(List.of("440000_2027.PUBLISHED.r1", "440000-2027-001101.PUBLISHED.r1"),
                all.items().stream().map(StoredResult::resultId).toList(), "newest first");
        var oldest = store.resultLedger().page(REGION, new ResultLedger.ResultQuery(null, null, null, true), 1, 2);
        assertEquals(List.of("440000-2027-000102.PUBLISHED.r1", "440000-2027-000101.2027-06-30.EXECUTION_LAG"),
                oldest.items().stream().map(StoredResult::resultId).toList());

        var project = store.resultLedger().page(REGION, new ResultLedger.ResultQuery(null, null, "440000-2027-0001", false), 0, 10);
        assertEquals(3, project.total(), "a prefix of the project code");
        assertEquals(List.of("440000-2027-000101.2027-06-30.EXECUTION_LAG", "440000-2027-000102.PUBLISHED.r1",
                "440000-2027-000101.PUBLISHED.r1"), project.items().stream().map(StoredResult::resultId).toList());
        var underscore = store.resultLedger().page(REGION, new ResultLedger.ResultQuery(null, null, "440000_", false), 0, 10);
        assertEquals(List.of("440000_2027.PUBLISHED.r1"), underscore.items().stream().map(StoredResult::resultId).toList(),
                "LIKE wildcards in the search are literal");

        var delivered = store.resultLedger().page(REGION,
                new ResultLedger.ResultQuery(ResultKind.VERDICT, StoredResult.DELIVERED, "440000-2027", false), 0, 10);
        assertEquals(1, delivered.total());
        assertEquals("440000-2027-000102.PUBLISHED.r1", delivered.items().get(0).resultId());
        var warnings = store.resultLedger().page(REGION, new ResultLedger.ResultQuery(ResultKind.WARNING, StoredResult.PENDING,
                null, false), 0, 10);
        assertEquals(1, warnings.total());
        assertEquals(0, store.resultLedger().page(OTHER_REGION, new ResultLedger.ResultQuery(null, null, null, false), 0, 10)
                .total());
        assertThrows(IllegalArgumentException.class, () -> store.resultLedger().page(REGION,
                new ResultLedger.ResultQuery(null, null, null, false), -1, 10));
    }

    @Test
    void aPageOfResultsIsFilteredByOutcomeDepartmentAndRuleIdAndSortedBySubject() {
        Verdict block = new Verdict("P2.PUBLISHED.r1", "P2", REGION, 2027, Phase.PUBLISHED, 1, Verdict.Outcome.BLOCK,
                List.of(new Finding("COMPILE_TARGET_MISSING", Severity.BLOCK, "targets", "缺目标", "no target", null),
                        new Finding("COMPILE_SYNC_R1", Severity.WARN, "phase", "未同步", "not in sync", null)),
                "default", null);
        Verdict pass = new Verdict("P1.PUBLISHED.r1", "P1", REGION, 2027, Phase.PUBLISHED, 1, Verdict.Outcome.PASS,
                List.of(), "default", null);
        Warning red = new Warning("P1.2027-06-30.EXECUTION_LAG", "P1", REGION, 2027, java.time.LocalDate.of(2027, 6, 30),
                Warning.Type.EXECUTION_LAG, Warning.Level.RED, null, null, Warning.Action.CORRECT, "EXEC_LAG_RED", "滞后",
                "lagging");
        Notice notice = new Notice("D01.2027.RECTIFICATION", REGION, 2027, "D01", Notice.Type.RECTIFICATION,
                java.time.LocalDate.of(2028, 3, 1), List.of("差"), List.of("P2"));
        store.eventLedger().handle(REGION, Stage.COMPILE, event(1), null, "1", tx -> {
            tx.add(HostResult.of(block), "{\"v\":2}", "h1");
            tx.add(HostResult.of(pass), "{\"v\":1}", "h2");
            tx.add(HostResult.of(red), "{\"w\":1}", "h3");
            tx.add(HostResult.of(notice), "{\"n\":1}", "h4");
            tx.add(verdict("P0.PUBLISHED.r1", "P0"), "{\"v\":0}", "h5"); // untyped: no facets
        });
        ResultLedger ledger = store.resultLedger();
        assertEquals(List.of("P2.PUBLISHED.r1"), ids(ledger.page(REGION, facets("BLOCK", null, null, false), 0, 10)));
        assertEquals(List.of("P1.2027-06-30.EXECUTION_LAG"), ids(ledger.page(REGION, facets("RED", null, null, false), 0, 10)),
                "a warning's level");
        assertEquals(List.of("D01.2027.RECTIFICATION"), ids(ledger.page(REGION, facets(null, "D01", null, false), 0, 10)));
        assertEquals(List.of("P2.PUBLISHED.r1"), ids(ledger.page(REGION, facets(null, null, "COMPILE_SYNC_R1", false), 0, 10)),
                "any rule id of the findings, matched whole");
        assertEquals(0, ledger.page(REGION, facets(null, null, "COMPILE_SYNC", false), 0, 10).total(), "not a prefix");
        assertEquals(0, ledger.page(REGION, facets(null, null, "COMPILE%", false), 0, 10).total(), "wildcards are literal");
        assertEquals(List.of("P1.2027-06-30.EXECUTION_LAG"),
                ids(ledger.page(REGION, facets(null, null, "EXEC_LAG_RED", false), 0, 10)));
        assertEquals(List.of("D01.2027.RECTIFICATION", "P0.PUBLISHED.r1", "P1.PUBLISHED.r1", "P1.2027-06-30.EXECUTION_LAG",
                "P2.PUBLISHED.r1"), ids(ledger.page(REGION, facets(null, null, null, true), 0, 10)),
                "subject A to Z, each subject's results oldest first");

        // queued again with another outcome: the new facets replace the old
        store.eventLedger().handle(REGION, Stage.COMPILE, event(2), "1", "2",
                tx -> tx.add(HostResult.of(new Verdict("P2.PUBLISHED.r1", "P2", REGION, 2027, Phase.PUBLISHED, 1,
                        Verdict.Outcome.PASS, List.of(), "default", null)), "{\"v\":3}", "h6"));
        assertEquals(0, ledger.page(REGION, facets("BLOCK", null, null, false), 0, 10).total(), "a new outcome replaces the old");
        assertEquals(List.of("P2.PUBLISHED.r1", "P1.PUBLISHED.r1"),
                ids(ledger.page(REGION, new ResultLedger.ResultQuery(ResultKind.VERDICT, null, null, false, "PASS", null, null,
                        false), 0, 10)));
    }

    private static ResultLedger.ResultQuery facets(String outcome, String department, String ruleId, boolean bySubject) {
        return new ResultLedger.ResultQuery(null, null, null, false, outcome, department, ruleId, bySubject);
    }

    private static List<String> ids(Page<StoredResult> page) {
        return page.items().stream().map(StoredResult::resultId).toList();
    }

}
