package org.perflink.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.perflink.launcher.KarafProcess;

/**
 * Issue 6, a slow host: the host answers every request of region 440000 two seconds late (the mock's
 * {@code delayMillis} limited to that region). Region 440100, served at normal speed by the same host and
 * handled by the same Karaf, runs its whole year (compile, execute, close, one stage after the other) and
 * finishes while 440000 is still being held; {@code status.json} keeps being rewritten every second (no
 * thread of the container is starved). Once the host is fast again, 440000 finishes too, with every result
 * delivered once.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SlowHostIT extends SystemTestSupport {

    static final String SLOW = "440000";
    static final String FAST = "440100";
    static final List<String> ALL_KINDS = List.of("verdict", "warning", "score", "adjustment", "notice");

    @Test
    void aRegionWhoseHostIsSlowHoldsUpOnlyItself(@TempDir Path dir) throws Exception {
        KarafProcess k = karaf(dir, "slow-host", REGIONS);
        start(k, REGIONS);

        faults("{\"delayMillis\": 2000, \"regions\": [\"" + SLOW + "\"]}");
        Instant t0 = Instant.now();
        // 440000 gets its whole year at once: every request it makes takes 2 s.
        STAGES.forEach(stage -> script(SLOW, stage));
        // 440100 runs its year stage by stage, as the demo does.
        Map<String, Long> fastAt = new LinkedHashMap<>();
        for (String stage : STAGES) {
            script(FAST, stage);
            await(FAST + " " + stage + " while " + SLOW + " is slow", STAGE, k, () -> done(k, FAST));
            fastAt.put(stage, millisSince(t0));
        }
        long fastMillis = millisSince(t0);
        JsonNode status = k.status();
        boolean slowDone = done(k, SLOW);
        long slowIdsThen = ids(SLOW, ALL_KINDS);
        long fastIds = ids(FAST, ALL_KINDS);
        long statusAge = Duration.between(Instant.parse(status.path("updatedAt").asText()), Instant.now()).toMillis();
        JsonNode slowStatusThen = status.path("regions").path(SLOW);

        assertFalse(slowDone, "440000 is still being held when 440100 has finished its year: " + slowStatusThen);
        assertTrue(statusAge < 5_000, "status.json is still rewritten every second (" + statusAge + " ms old)");
        assertEquals(fastIds, status.path("regions").path(FAST).path("delivered").asLong(),
                "every result of 440100 is at the host: " + status);

        // the host is fast again: 440000 finishes
        noFaults();
        Instant t1 = Instant.now();
        await(SLOW + " once the host is fast again", STAGE, k, () -> done(k, SLOW));
        long slowMillis = millisSince(t0);
        JsonNode end = k.status();
        JsonNode s = stats();
        long slowIds = ids(SLOW, ALL_KINDS);
        report(String.format("SlowHostIT: %s (host +2 s per request) vs %s: %s finished compile/execute/close at %s ms "
                + "(%d results) while %s had %d of its %d results and its cursors stood at %s; %s finished %d ms after "
                + "the host recovered (%d ms in all); %d writes for %d ids, repeated ids %d, ids with different bodies %d, "
                + "dead letters %d",
                SLOW, FAST, FAST, fastAt, fastIds, SLOW, slowIdsThen, slowIds, cursors(slowStatusThen), SLOW,
                millisSince(t1), slowMillis, s.path("writes").asLong(), s.path("ids").asLong(),
                s.path("repeatedIds").asLong(), s.path("idsWithDifferentBodiesIgnoringTimestamps").asLong(),
                k.deadLetters()));

        assertTrue(slowIdsThen < slowIds, "440000 had results still to deliver when 440100 was done");
        assertEquals(slowIds, end.path("regions").path(SLOW).path("delivered").asLong(), "every result of 440000 is at the host");
        assertEquals(0, s.path("idsWithDifferentBodiesIgnoringTimestamps").asLong());
        assertEquals(0, k.deadLetters());
    }

    private static String cursors(JsonNode region) {
        StringBuilder b = new StringBuilder("{");
        region.path("stages").fields().forEachRemaining(e -> b.append(b.length() > 1 ? ", " : "").append(e.getKey())
                .append('=').append(e.getValue().path("cursor").asText()));
        return b.append('}').toString();
    }
}
