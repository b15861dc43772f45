package org.perflink.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.h2.jdbcx.JdbcDataSource;
import org.perflink.api.model.Finding;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Notice;
import org.perflink.api.model.Severity;
import org.perflink.api.model.Verdict;
import org.perflink.api.model.Warning;
import org.perflink.api.model.Phase;
import org.perflink.api.model.ResultKind;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.store.OutboxItem;
import org.perflink.store.Page;
import org.perflink.store.ResultLedger;
import org.perflink.store.StoredResult;
import org.perflink.store.internal.JdbcStore;

/**
 * The admin page's result list at province scale (issue 15): a file H2 store with one verdict (1 in 50 a BLOCK citing
 * EX_ANTE_REQUIRED) and one warning (1 in 10 RED) for each of {@code --projects} projects and a notice per 100 projects
 * (a third of the results delivered), then the time of the first page (50 results) of the region's latest results,
 * unfiltered and with each search filter, median of 7 runs after 3 warm-ups.
 * {@code java -cp benchmarks/target/benchmarks.jar org.perflink.bench.ResultPageBench --projects 100000 [--dir DIR]}
 * ({@code --dir}: the store's folder, kept; a folder that already holds the store is measured without refilling).
 */
public final class ResultPageBench {

    private static final String REGION = "440000";
    private static final int PAGE = 50;

    private ResultPageBench() {
    }

    public static void main(String[] args) throws Exception {
        JdbcStore store = store(args);
        ResultLedger ledger = store.resultLedger();
        measure("latest, no filter", ledger, new ResultLedger.ResultQuery(null, null, null, false));
        measure("kind = WARNING", ledger, new ResultLedger.ResultQuery(ResultKind.WARNING, null, null, false));
        measure("state = DELIVERED", ledger, new ResultLedger.ResultQuery(null, StoredResult.DELIVERED, null, false));
        measure("q = 440000-2027-0999 (prefix)", ledger, new ResultLedger.ResultQuery(null, null, "440000-2027-0999", false));
        measure("oldest first", ledger, new ResultLedger.ResultQuery(null, null, null, true));
        measure("outcome = BLOCK (1 in 50 verdicts)", ledger, facet("BLOCK", null, null, false));
        measure("outcome = RED (1 in 10 warnings)", ledger, facet("RED", null, null, false));
        measure("department = D0500 (one notice)", ledger, facet(null, "D0500", null, false));
        measure("rule = EX_ANTE_REQUIRED (no index)", ledger, facet(null, null, "EX_ANTE_REQUIRED", false));
        measure("rule = NO_SUCH_RULE (reads all)", ledger, facet(null, null, "NO_SUCH_RULE", false));
        measure("kind = VERDICT, outcome = BLOCK", ledger,
                new ResultLedger.ResultQuery(ResultKind.VERDICT, null, null, false, "BLOCK", null, null, false));
        measure("sort = subject", ledger, facet(null, null, null, true));
        measure("sort = subject, kind = WARNING", ledger,
                new ResultLedger.ResultQuery(ResultKind.WARNING, null, null, false, null, null, null, true));
        long t = System.nanoTime();
        ledger.latestResults(REGION, null, PAGE);
        System.out.printf("%-34s %8.2f ms (latestResults, no total)%n", "latest, as before", (System.nanoTime() - t) / 1e6);
    }

    /**
     * The benchmark's store: {@code --projects} projects (100 000 when absent) of region 440000 in the file H2 store of
     * {@code --dir} (a new temporary folder when absent), filled unless the folder already holds it. Shared with
     * {@link ListPageBench}.
     */
    static JdbcStore store(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        int projects = a.contains("--projects") ? Integer.parseInt(a.get(a.indexOf("--projects") + 1)) : 100_000;
        Path dir = a.contains("--dir") ? Path.of(a.get(a.indexOf("--dir") + 1))
                : Files.createTempDirectory("perflink-page-bench");
        boolean filled = Files.exists(dir.resolve("store.mv.db"));
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(JdbcStore.h2FileUrl(dir.resolve("store")));
        JdbcStore store = JdbcStore.open(ds, Clock.systemUTC());
        long start = System.nanoTime();
        int perEvent = 5_000;
        String cursor = null;
        for (int from = 0, seq = 1; !filled && from < projects; from += perEvent, seq++) {
            int to = Math.min(projects, from + perEvent);
            int first = from;
            String next = String.valueOf(seq);
            StageEvent event = new StageEvent(seq, "ev-" + seq, REGION, 2027, Stage.COMPILE, Phase.PUBLISHED, List.of(),
                    OffsetDateTime.of(2027, 2, 20, 9, 0, 0, 0, ZoneOffset.ofHours(8)), null);
            store.eventLedger().handle(REGION, Stage.COMPILE, event, cursor, next, tx -> {
                for (int p = first; p < to; p++) {
                    String code = String.format("%s-2027-%06d", REGION, p);
                    // typed results, as the stages queue them: the store takes outcome, department and rule ids from them
                    boolean block = p % 50 == 0;
                    Verdict v = new Verdict(code + ".PUBLISHED.r1", code, REGION, 2027, Phase.PUBLISHED, 1,
                            block ? Verdict.Outcome.BLOCK : Verdict.Outcome.PASS, block ? List.of(new Finding(
                                    "EX_ANTE_REQUIRED", Severity.BLOCK, "exAnte", "缺事前评估", "no ex-ante", null))
                                    : List.of(), "default", null);
                    tx.add(HostResult.of(v), "{\"verdictId\":\"" + code + ".PUBLISHED.r1\",\"projectCode\":\"" + code
                            + "\",\"outcome\":\"" + v.outcome() + "\"}", "v" + p);
                    Warning w = new Warning(code + ".2027-06-30.EXECUTION_LAG", code, REGION, 2027,
                            java.time.LocalDate.of(2027, 6, 30), Warning.Type.EXECUTION_LAG,
                            p % 10 == 0 ? Warning.Level.RED : Warning.Level.YELLOW, null, null, Warning.Action.CORRECT,
                            "EXEC_LAG", "滞后", "lagging");
                    tx.add(HostResult.of(w), "{\"warningId\":\"" + code + ".2027-06-30.EXECUTION_LAG\",\"projectCode\":\""
                            + code + "\",\"level\":\"" + w.level() + "\"}", "w" + p);
                    if (p % 100 == 0) { // a notice to one of 1 000 departments
                        String dept = String.format("D%04d", p / 100);
                        Notice n = new Notice(dept + ".2027.REMINDER", REGION, 2027, dept, Notice.Type.REMINDER,
                                java.time.LocalDate.of(2028, 3, 1), List.of("预警未整改"), List.of(code));
                        tx.add(HostResult.of(n), "{\"noticeId\":\"" + n.noticeId() + "\",\"departmentCode\":\"" + dept
                                + "\"}", "n" + p);
                    }
                }
            });
            cursor = next;
        }
        List<Long> delivered = new ArrayList<>();
        for (OutboxItem item : filled ? List.<OutboxItem>of()
                : store.outbox().pending(REGION, java.time.Instant.now(), 2 * projects / 3)) {
            delivered.add(item.seq());
        }
        for (int i = 0; i < delivered.size(); i += 1000) {
            store.outbox().delivered(REGION, delivered.subList(i, Math.min(delivered.size(), i + 1000)));
        }
        System.out.printf("store of %d projects (%d results) filled in %.1f s%n", projects, 2 * projects + projects / 100,
                (System.nanoTime() - start) / 1e9);
        return store;
    }

    private static ResultLedger.ResultQuery facet(String outcome, String department, String rule, boolean bySubject) {
        return new ResultLedger.ResultQuery(null, null, null, false, outcome, department, rule, bySubject);
    }

    private static void measure(String name, ResultLedger ledger, ResultLedger.ResultQuery q) {
        double[] ms = new double[7];
        Page<StoredResult> page = null;
        for (int i = 0; i < 3; i++) {
            ledger.page(REGION, q, 0, PAGE);
        }
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            page = ledger.page(REGION, q, 0, PAGE);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%-34s %8.2f ms  (page of %d, %s)%n", name, ms[ms.length / 2], page.items().size(),
                page.total() == ResultLedger.TOTAL_UNKNOWN ? "more follow" : "total " + page.total());
    }
}
