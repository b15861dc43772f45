package org.perflink.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.perflink.launcher.KarafProcess;

/**
 * Issue 6, crash safety: the container killed with {@code kill -9} mid-run and restarted, again and again,
 * ends with exactly the results a clean run leaves at the host (same ids, same bodies), no id ever written
 * with two different bodies, and nothing parked.
 *
 * <p>The demo year (compile, execute, close; both demo regions) runs twice against the same mock host: once
 * cleanly, once with the Karaf JVM SIGKILLed at six moments and restarted after each (bin/start on the same
 * instance, so the same H2 store). The moments are chosen by what the host sees, so they land inside the
 * work: while events are being read and projects pulled (reads held 1 s by the host), as the first batch
 * of verdicts lands while other events are still being checked, in the middle of a run of single PUTs (the
 * host without batch support, each PUT held 100 ms), as the first scores land while the LINK event is
 * handled, and as the first delivery after a restart drains what the previous kill left in the outbox.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class KillNineIT extends SystemTestSupport {

    /** One kill: where the run stood when the JVM died. */
    record Kill(int n, String stage, String moment, boolean triggered, long atMillis, long stageIdsAtHost,
            long stageTotal, JsonNode lastStatus) {

        boolean midRun() {
            return stageIdsAtHost < stageTotal;
        }

        @Override
        public String toString() {
            return String.format("kill %d %-7s %-68s %s t+%5d ms, stage results at host %3d/%3d%s", n, stage, moment,
                    triggered ? "         " : "(timeout)", atMillis, stageIdsAtHost, stageTotal, midRun() ? "  MID-RUN" : "");
        }
    }

    private final List<Kill> kills = new ArrayList<>();

    @Test
    void killedMidRunAndRestartedTheHostEndsWithExactlyTheCleanRunsResults(@TempDir Path dir) throws Exception {
        Instant t0 = Instant.now();

        // --- 1. the clean run -------------------------------------------------------------------------
        KarafProcess clean = karaf(dir, "clean", REGIONS);
        start(clean, REGIONS);
        Map<String, Long> totals = new LinkedHashMap<>();
        for (String stage : STAGES) {
            script(stage);
            await("clean run, " + stage, STAGE, clean, () -> done(clean));
            totals.put(stage, ids(null, KINDS.get(stage)));
        }
        Map<String, JsonNode> expected = results();
        JsonNode cleanStats = stats();
        assertEquals(0, clean.deadLetters(), "the clean run parks nothing");
        assertEquals(0, cleanStats.path("idsWithDifferentBodies").asLong());
        clean.close();
        long cleanMillis = millisSince(t0);
        totals.forEach((stage, n) -> assertTrue(n > 0, stage + " writes results in the clean run"));

        // --- 2. the same run, killed ------------------------------------------------------------------
        host.reset(demo);
        lastSeq.clear();
        Instant t1 = Instant.now();
        KarafProcess k = karaf(dir, "killed", REGIONS);
        start(k, REGIONS);

        // COMPILE: killed while reading events and pulling projects, restarted; killed again as the first verdicts land.
        // (Every read held 1 s: no verdict can be written within 1 s of the events' arrival.)
        faults("{\"delayMillis\": 1000, \"methods\": [\"GET\"]}");
        Instant posted = Instant.now();
        script("COMPILE");
        kill(k, "COMPILE", "mid-fetch: events/projects being read (GETs held 1 s)", posted, totals,
                () -> millisSince(posted) >= 1000);
        noFaults();
        long verdictsBefore = ids(null, KINDS.get("COMPILE"));
        k.start();
        kill(k, "COMPILE", "mid-check/mid-write: first verdicts landed (batch)", posted, totals,
                () -> ids(null, KINDS.get("COMPILE")) > verdictsBefore);
        k.start();
        await("COMPILE after 2 kills", STAGE, k, () -> done(k));

        // EXECUTE: single PUTs (no batch at the host), 100 ms each; killed twice in the middle of them.
        faults("{\"batch\": false, \"delayMillis\": 100, \"methods\": [\"PUT\"]}");
        Instant posted2 = Instant.now();
        script("EXECUTE");
        long warnings = totals.get("EXECUTE");
        kill(k, "EXECUTE", "mid-write: 30 % of the warnings PUT one by one", posted2, totals,
                () -> ids(null, KINDS.get("EXECUTE")) * 10 >= warnings * 3);
        k.start();
        kill(k, "EXECUTE", "mid-write: 70 % of the warnings PUT one by one", posted2, totals,
                () -> ids(null, KINDS.get("EXECUTE")) * 10 >= warnings * 7);
        noFaults();
        k.start();
        await("EXECUTE after 2 kills", STAGE, k, () -> done(k));

        // CLOSE: killed as the first scores land (EVALUATE delivered, LINK being handled), then right after a restart.
        Instant posted3 = Instant.now();
        script("CLOSE");
        kill(k, "CLOSE", "mid-check: first scores landed (EVALUATE), LINK under way", posted3, totals,
                () -> ids(null, KINDS.get("CLOSE")) >= 1);
        long closeWritesBefore = writes(null, KINDS.get("CLOSE"));
        k.start();
        kill(k, "CLOSE", "mid-write: the first delivery after a restart (draining the outbox)", posted3, totals,
                () -> writes(null, KINDS.get("CLOSE")) > closeWritesBefore);
        k.start();
        await("CLOSE after 2 kills", STAGE, k, () -> done(k));
        long killedMillis = millisSince(t1);

        // --- 3. the host holds exactly what the clean run left --------------------------------------
        Map<String, JsonNode> got = results();
        JsonNode s = stats();
        ResultDiff diff = ResultDiff.of(expected, got);
        long writes = s.path("writes").asLong();
        report(String.format("KillNineIT: clean run %d results (%d writes, %d ms); killed run %d results, %d writes "
                + "(%d repeated writes of %d ids, all with the same body), %d kills (%d mid-run), %d lost, %d extra, "
                + "%d with another body than the clean run, idsWithDifferentBodies %d, ignoring timestamps %d, "
                + "dead letters %d (%d ms)",
                expected.size(), cleanStats.path("writes").asLong(), cleanMillis, got.size(), writes,
                writes - got.size(), s.path("repeatedIds").asLong(), kills.size(),
                kills.stream().filter(Kill::midRun).count(), diff.missing().size(), diff.extra().size(),
                diff.differing().size(),
                s.path("idsWithDifferentBodies").asLong(), s.path("idsWithDifferentBodiesIgnoringTimestamps").asLong(),
                k.deadLetters(), killedMillis));
        kills.forEach(x -> report("  " + x));

        if (!diff.same()) {
            fail(diff.describe("the killed run's results differ from the clean run's", "clean", "killed", expected, got,
                    Integer.MAX_VALUE));
        }
        assertEquals(0, s.path("idsWithDifferentBodiesIgnoringTimestamps").asLong(), "no id written with two bodies");
        assertEquals(0, k.deadLetters(), "nothing parked");
        assertEquals(6, kills.size());
        assertTrue(kills.stream().filter(Kill::midRun).count() >= 4,
                "most kills landed while the stage's results were still on their way: " + kills);
    }

    /**
     * Waits (at most 60 s, polling every 5 ms) for {@code trigger}, then SIGKILLs the Karaf JVM and records
     * where the run stood.
     */
    private void kill(KarafProcess k, String stage, String moment, Instant posted, Map<String, Long> totals,
            BooleanSupplier trigger) throws Exception {
        boolean fired = poll(Duration.ofSeconds(60), trigger);
        JsonNode lastStatus = k.status();
        long atHost = ids(null, KINDS.get(stage));
        k.kill9();
        kills.add(new Kill(kills.size() + 1, stage, moment, fired, millisSince(posted), atHost, totals.get(stage), lastStatus));
    }
}
