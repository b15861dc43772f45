package org.perflink.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.h2.jdbcx.JdbcDataSource;
import org.perflink.api.model.Finding;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Severity;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.api.model.Verdict;
import org.perflink.store.OutboxItem;
import org.perflink.store.internal.JdbcStore;

/**
 * The store's own share of a compile run (issue 18), without Karaf, host or rules: {@code --results} verdicts
 * (100 000 when absent) of about 740 characters each, queued as the compile hook queues them (a checkpoint, that
 * is a commit, every 200 projects, and a public target kept for each), then delivered as the writer delivers them
 * (500 pending rows read, then marked delivered, a transaction each). Prints each phase's wall time and the bytes
 * H2 wrote to its file, and the file's size.
 * {@code java -Xmx512m -cp benchmarks/target/benchmarks.jar org.perflink.bench.StoreWriteBench --results 100000}
 */
public final class StoreWriteBench {

    private static final String REGION = "440000";
    private static final int PAGE = 200;
    private static final int DELIVERY_BATCH = 500;

    private StoreWriteBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        int n = a.contains("--results") ? Integer.parseInt(a.get(a.indexOf("--results") + 1)) : 100_000;
        Path dir = Files.createTempDirectory("perflink-store-bench");
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(JdbcStore.h2FileUrl(dir.resolve("store")));
        JdbcStore store = JdbcStore.open(ds, Clock.systemUTC());

        long bytes = written(ds);
        long t = System.nanoTime();
        StageEvent event = new StageEvent(1, "ev-1", REGION, 2027, Stage.COMPILE, Phase.PUBLISHED, List.of(),
                OffsetDateTime.of(2027, 2, 20, 9, 0, 0, 0, ZoneOffset.ofHours(8)), null);
        store.eventLedger().handle(REGION, Stage.COMPILE, event, null, "1", tx -> {
            for (int p = 0; p < n; p++) {
                String code = String.format("%s-2027-%06d", REGION, p);
                boolean block = p % 9 == 0;
                Verdict v = new Verdict(code + ".PUBLISHED.r1", code, REGION, 2027, Phase.PUBLISHED, 1,
                        block ? Verdict.Outcome.BLOCK : Verdict.Outcome.PASS, block ? List.of(new Finding(
                                "TARGET_QUANTIFIED", Severity.BLOCK, "indicators[3].target", "指标值未量化",
                                "not quantified", null)) : List.of(), "default", null);
                tx.add(HostResult.of(v), body(code, v), "h" + p);
                tx.keepPublic("TARGET", 2027, code, "{\"projectCode\":\"" + code + "\",\"indicators\":["
                        + "{\"name\":\"完成率\",\"target\":\"≥95%\"}".repeat(4) + "{}]}");
                if ((p + 1) % PAGE == 0) {
                    tx.checkpoint();
                }
            }
        });
        report("queue (" + n + " results, a commit per " + PAGE + ")", t, ds, bytes);

        bytes = written(ds);
        t = System.nanoTime();
        int delivered = 0;
        List<OutboxItem> batch;
        while (!(batch = store.outbox().pending(REGION, Instant.now(), DELIVERY_BATCH)).isEmpty()) {
            store.outbox().delivered(REGION, batch.stream().map(OutboxItem::seq).toList());
            delivered += batch.size();
        }
        report("deliver (" + delivered + " results, " + DELIVERY_BATCH + " a transaction)", t, ds, bytes);
        System.out.printf("file %.1f MB%n", Files.size(dir.resolve("store.mv.db")) / 1e6);
    }

    /** A verdict body of the size and shape the encoder writes (≈ 740 characters). */
    private static String body(String code, Verdict v) {
        return "{\"verdictId\":\"" + v.verdictId() + "\",\"projectCode\":\"" + code + "\",\"regionCode\":\"" + REGION
                + "\",\"budgetYear\":2027,\"phase\":\"PUBLISHED\",\"revision\":1,\"outcome\":\"" + v.outcome()
                + "\",\"findings\":" + (v.findings().isEmpty() ? "[]" : "[{\"ruleId\":\"TARGET_QUANTIFIED\","
                        + "\"severity\":\"BLOCK\",\"field\":\"indicators[3].target\",\"messageZh\":\"指标值未量化\","
                        + "\"messageEn\":\"the target value is not quantified\"}]")
                + ",\"rulePack\":\"default\",\"checkedAt\":\"2027-02-20T09:00:00+08:00\",\"summary\":{\"indicators\":10,"
                + "\"quantified\":10,\"outputIndicators\":6,\"effectIndicators\":3,\"satisfactionIndicators\":1},"
                + "\"messagesZh\":[\"目标完整\",\"指标已量化\",\"与预算同步编制\"],\"messagesEn\":[\"targets complete\","
                + "\"indicators quantified\",\"compiled with the budget\"],\"libraryVersion\":\"2027.1\","
                + "\"librarySource\":\"config/indicator-library.json\",\"pad\":\"" + "x".repeat(180) + "\"}";
    }

    private static void report(String phase, long start, JdbcDataSource ds, long bytesBefore) throws SQLException {
        System.out.printf("%-48s %7.2f s   %7.1f MB written%n", phase, (System.nanoTime() - start) / 1e9,
                (written(ds) - bytesBefore) / 1e6);
    }

    private static long written(JdbcDataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                        + "WHERE SETTING_NAME = 'info.FILE_WRITE_BYTES'")) {
            rs.next();
            return Long.parseLong(rs.getString(1));
        }
    }
}
