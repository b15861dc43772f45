package org.perflink.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.perflink.launcher.KarafProcess;

/**
 * Issue 17 item 9, recovery after an outage. First the fault-free figure: region 440100 runs its year
 * (compile, execute, close at once) against a healthy host. Then region 440000 runs its year while the host
 * refuses every write for 20 s (503, reads still served, so results queue and fail) and after that refuses
 * one write in five. Every result of 440000 arrives, with the body PerfLink computed, no dead letter; the
 * time from the end of the outage to the last acknowledged result is reported, against the target of
 * 2 × the fault-free delivery time + 5 s.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class OutageRecoveryIT extends SystemTestSupport {

    static final String FAULTED = "440000";
    static final String BASELINE = "440100";
    static final List<String> ALL_KINDS = List.of("verdict", "warning", "score", "adjustment", "notice");
    static final Duration OUTAGE = Duration.ofSeconds(20);

    @Test
    void afterAnOutageAndWithOneWriteInFiveRefusedEveryResultArrivesOnceAndSoon(@TempDir Path dir) throws Exception {
        KarafProcess k = karaf(dir, "outage", REGIONS);
        start(k, REGIONS);

        Instant b0 = Instant.now();
        STAGES.forEach(stage -> script(BASELINE, stage));
        await(BASELINE + " fault-free", Duration.ofMinutes(2), k, () -> done(k, BASELINE));
        long baselineMillis = lastAcknowledged(BASELINE, b0);
        long baselineIds = ids(BASELINE, ALL_KINDS);

        faults("{\"down\": true, \"methods\": [\"PUT\", \"POST\"], \"regions\": [\"" + FAULTED + "\"]}");
        Instant t0 = Instant.now();
        STAGES.forEach(stage -> script(FAULTED, stage));
        Thread.sleep(OUTAGE.toMillis());
        long refusedDuringOutage = k.status().path("regions").path(FAULTED).path("backlog").asLong();
        faults("{\"status\": 503, \"everyNth\": 5, \"methods\": [\"PUT\", \"POST\"], \"regions\": [\"" + FAULTED + "\"]}");
        Instant outageEnd = Instant.now();
        await(FAULTED + " after the outage, one write in five refused", Duration.ofMinutes(4), k, () -> done(k, FAULTED));
        long recoveryMillis = Math.max(0, lastAcknowledged(FAULTED, outageEnd));
        JsonNode s = stats();
        JsonNode byKinds = s.path("byRegion").path(FAULTED);
        long repeated = 0;
        for (JsonNode kind : byKinds) {
            repeated += kind.path("repeatedIds").asLong();
        }
        long faultedIds = ids(FAULTED, ALL_KINDS);
        long target = 2 * baselineMillis * Math.max(1, faultedIds) / Math.max(1, baselineIds) + 5_000;
        report(String.format("OutageRecoveryIT: fault-free %s delivered %d results in %d ms; %s: writes refused for "
                + "%d s (backlog at its end %d), then one write in five refused: its %d results were all acknowledged %d ms after "
                + "the outage ended (%d ms after its events; target for its size 2 × fault-free + 5 s = %d ms); "
                + "%d writes in all, repeated ids %d, ids with different bodies %d, dead letters %d",
                BASELINE, baselineIds, baselineMillis, FAULTED, OUTAGE.toSeconds(), refusedDuringOutage, faultedIds,
                recoveryMillis, millisSince(t0), target, s.path("writes").asLong(), repeated,
                s.path("idsWithDifferentBodiesIgnoringTimestamps").asLong(), k.deadLetters()));

        assertTrue(refusedDuringOutage > 0, "results queued and failed during the outage");
        assertEquals(faultedIds, k.status().path("regions").path(FAULTED).path("delivered").asLong(),
                "every result of " + FAULTED + " acknowledged");
        assertEquals(0, s.path("idsWithDifferentBodiesIgnoringTimestamps").asLong(), "each id with one body");
        assertEquals(0, repeated, "each result stored once");
        assertEquals(0, k.deadLetters(), "a refused write is retried, never parked");
        assertTrue(recoveryMillis <= target, "recovered in " + recoveryMillis + " ms, target " + target + " ms");
    }

    /** Milliseconds from {@code since} to the region's last write the host acknowledged (2xx). */
    private long lastAcknowledged(String region, Instant since) {
        Instant last = since;
        for (JsonNode row : host.received().log(region, null, 0, Integer.MAX_VALUE).path("items")) {
            int status = row.path("status").asInt();
            Instant at = Instant.parse(row.path("at").asText());
            if (status >= 200 && status < 300 && at.isAfter(last)) {
                last = at;
            }
        }
        return Duration.between(since, last).toMillis();
    }
}
