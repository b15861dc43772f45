package org.perflink.bench;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.perflink.admin.internal.AdminJson;
import org.perflink.api.model.Assessment;
import org.perflink.api.model.Grade;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.host.http.HostJson;
import org.perflink.store.OutboxItem;
import org.perflink.store.internal.JdbcStore;

/**
 * The admin page's other lists at province scale (issue 15): on {@link ResultPageBench}'s store of {@code --projects}
 * projects, one in five of the undelivered results refused by the host (dead letters, 422), 1 000 rejected inputs, the
 * work assessments of 1 000 departments and 20 lower regions, and 20 000 audit entries (20 actors, 6 actions, 21
 * regions); then the first page (50) of each list through the admin API ({@link AdminJson}, the JSON the page reads),
 * unfiltered and with each filter, median of 7 runs after 3 warm-ups.
 * {@code java -cp benchmarks/target/benchmarks.jar org.perflink.bench.ListPageBench --projects 100000 [--dir DIR]}
 * ({@code --dir}: a folder that already holds the lists is measured without refilling).
 */
public final class ListPageBench {

    private static final String REGION = "440000";
    private static final String PAGE = "50";
    private static final List<String> ACTIONS = List.of("perflink:enable", "perflink:disable", "perflink:replay",
            "perflink:run", "perflink:skip-event", "perflink:region-add");

    private ListPageBench() {
    }

    public static void main(String[] args) throws Exception {
        JdbcStore store = ResultPageBench.store(args);
        long start = System.nanoTime();
        if (store.auditLog().latest(1).isEmpty()) {
            fill(store);
            System.out.printf("dead letters, assessments and audit entries added in %.1f s%n", (System.nanoTime() - start) / 1e9);
        }
        Supplier<java.util.Collection<org.perflink.core.RegionSettings>> none = List::of;
        AdminJson api = new AdminJson(none, store.status(), store.deadLetters(), store.resultLedger(), store.auditLog(),
                null, null, null, Clock.systemUTC(), new ObjectMapper());
        measure("dead letters: open, oldest first", () -> api.deadLetters(REGION, Map.of("limit", PAGE)));
        measure("dead letters: newest first", () -> api.deadLetters(REGION, Map.of("limit", PAGE, "sort", "newest")));
        measure("dead letters: every state", () -> api.deadLetters(REGION, Map.of("limit", PAGE, "state", "all")));
        measure("dead letters: stage = execute", () -> api.deadLetters(REGION, Map.of("limit", PAGE, "stage", "execute")));
        measure("dead letters: kind = input", () -> api.deadLetters(REGION, Map.of("limit", PAGE, "kind", "input")));
        measure("dead letters: q = code prefix", () -> api.deadLetters(REGION, Map.of("limit", PAGE, "q", "440000-2027-0999")));
        measure("dead letters: q = reason text", () -> api.deadLetters(REGION, Map.of("limit", PAGE, "q", "locked")));
        measure("dead letters: sort = subject", () -> api.deadLetters(REGION, Map.of("limit", PAGE, "sort", "subject")));
        measure("audit: newest first", () -> api.audit(Map.of("limit", PAGE)));
        measure("audit: oldest first", () -> api.audit(Map.of("limit", PAGE, "sort", "oldest")));
        measure("audit: actor = user7", () -> api.audit(Map.of("limit", PAGE, "actor", "user7")));
        measure("audit: action = perflink:run", () -> api.audit(Map.of("limit", PAGE, "action", "perflink:run")));
        measure("audit: region = 440005", () -> api.audit(Map.of("limit", PAGE, "region", "440005")));
        String today = java.time.LocalDate.now(ZoneOffset.ofHours(8)).toString(); // the entries were recorded now
        measure("audit: one day (today)", () -> api.audit(Map.of("limit", PAGE, "from", today, "to", today)));
        measure("audit: to = 2027-01-01", () -> api.audit(Map.of("limit", PAGE, "to", "2027-01-01")));
        measure("audit: q = text", () -> api.audit(Map.of("limit", PAGE, "q", "cursor=77")));
        measure("ranking: by rank", () -> api.ranking(REGION, Map.of("limit", PAGE)));
        measure("ranking: sort = score", () -> api.ranking(REGION, Map.of("limit", PAGE, "sort", "score")));
        measure("ranking: grade = POOR", () -> api.ranking(REGION, Map.of("limit", PAGE, "grade", "POOR")));
        measure("ranking: q = D09", () -> api.ranking(REGION, Map.of("limit", PAGE, "q", "D09")));
    }

    private static void fill(JdbcStore store) throws Exception {
        int n = 0;
        for (OutboxItem item : store.outbox().pending(REGION, Instant.now(), Integer.MAX_VALUE)) {
            if (n++ % 5 == 0) {
                store.outbox().deadLetter(item.seq(), 422, "项目已锁定 locked for review: " + item.resultId());
            }
        }
        OffsetDateTime at = OffsetDateTime.of(2027, 9, 30, 9, 0, 0, 0, ZoneOffset.ofHours(8));
        store.eventLedger().handle(REGION, Stage.EXECUTE, new StageEvent(1, "ev-x-1", REGION, 2027, Stage.EXECUTE,
                Phase.MONITOR, List.of(), at, null), store.eventLedger().cursor(REGION, Stage.EXECUTE), "1", tx -> {
                    for (int i = 0; i < 1000; i++) {
                        tx.reject("monitoring#" + i, "EXECUTE/MONITOR event without asOf", "{}");
                    }
                });
        ObjectMapper json = HostJson.newMapper();
        store.eventLedger().handle(REGION, Stage.CLOSE, new StageEvent(1, "ev-c-1", REGION, 2027, Stage.CLOSE,
                Phase.EVALUATE, List.of(), at, null), store.eventLedger().cursor(REGION, Stage.CLOSE), "1", tx -> {
                    for (int i = 0; i < 1020; i++) {
                        boolean region = i >= 1000;
                        String code = region ? String.valueOf(440001 + i - 1000) : String.format("D%04d", i);
                        BigDecimal total = BigDecimal.valueOf(100_00 - (i * 37L % 5000), 2);
                        Assessment a = new Assessment("440000-2027." + (region ? "REGION." : "DEPARTMENT.") + code, REGION,
                                2027, region ? Assessment.Scope.REGION : Assessment.Scope.DEPARTMENT, code, total,
                                Grade.of(total, BigDecimal.valueOf(90), BigDecimal.valueOf(80), BigDecimal.valueOf(60)),
                                region ? i - 999 : i + 1, region ? 20 : 1000, null, null, List.of(), "default", at);
                        try {
                            tx.add(HostResult.of(a), json.writeValueAsString(a), "a" + i);
                        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });
        for (int i = 0; i < 20_000; i++) {
            String target = String.valueOf(440000 + i % 21) + (i % 2 == 0 ? "/COMPILE" : "");
            store.auditLog().record("user" + i % 20, ACTIONS.get(i % ACTIONS.size()), target, "cursor=" + i,
                    "cursor=" + (i + 1));
        }
    }

    private static void measure(String name, Supplier<ObjectNode> page) {
        double[] ms = new double[7];
        ObjectNode answer = null;
        for (int i = 0; i < 3; i++) {
            page.get();
        }
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            answer = page.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%-36s %8.2f ms  (page of %d, total %s)%n", name, ms[ms.length / 2],
                answer.path("items").size(), answer.path("total").asText());
    }
}
