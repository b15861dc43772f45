package org.perflink.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.perflink.launcher.KarafProcess;

/**
 * Issue 16, the zombie: the node reading the large region's execution for a MONITOR event is frozen with
 * {@code kill -STOP} (its JVM, its open connections and its Quartz lease all stand still), far past the takeover
 * time: the other node takes its regions and finishes the stage. Then {@code kill -CONT}: the zombie goes on
 * with the event it was in, and its late commit is refused by the fencing (the cursor moved: a
 * {@code StaleCursorException} in its log). Asserted: no (region, stage, event) completed twice, the large
 * region's event completed by the survivor, the host ends with the single-node run's ids and bodies, no id written
 * with two bodies (nothing from the zombie contradicts the survivor), and the zombie rejoins for CLOSE.
 */
@Timeout(value = 25, unit = TimeUnit.MINUTES)
class ClusterZombieIT extends ClusterTestSupport {

    @Test
    void aNodeFrozenPastTheTakeoverHasItsLateCommitRefusedAndContradictsNothingAtTheHost(@TempDir Path dir)
            throws Exception {
        Map<String, JsonNode> expected = reference(dir);
        KarafProcess a = node(dir, 1);
        KarafProcess b = node(dir, 2);
        startAll(a, b);
        stage("COMPILE", a);

        // EXECUTE: freeze the node that reads the large region's execution (reads held 400 ms by the host)
        // only the large region is held: 80 polling routes whose every read waited would fill both nodes' Quartz threads
        // and starve a route for longer than the wait below (seen once: no read of the large region within 90 s)
        faults("{\"delayMillis\": 400, \"methods\": [\"GET\"], \"regions\": [\"" + LARGE + "\"]}");
        Instant posted = script20("EXECUTE", null);
        long firstMonitor = scripted.get(LARGE).stream().filter(e -> e.path("stage").asText().equals("EXECUTE"))
                .mapToLong(e -> e.path("seq").asLong()).min().orElseThrow();
        if (!poll(Duration.ofSeconds(90), () -> firstRead(LARGE, "/execution", posted).isPresent())) {
            fail("no node read " + LARGE + "'s execution within 90 s of the MONITOR events");
        }
        KarafProcess zombie = byHostHeader(firstRead(LARGE, "/execution", posted).get().host());
        KarafProcess survivor = zombie == a ? b : a;
        String zombieName = nodeNames.get(zombie);
        String survivorName = nodeNames.get(survivor);
        Instant pausedAt = Instant.now();
        zombie.pause();
        noFaults();

        String survivorHost = hostHeaderOf(survivor);
        if (!poll(Duration.ofSeconds(120), () -> firstRequest(LARGE, survivorHost, pausedAt).isPresent())) {
            fail(survivorName + " never took " + LARGE + " over from the frozen " + zombieName + " (120 s)");
        }
        long takeoverMillis = Duration.between(pausedAt, firstRequest(LARGE, survivorHost, pausedAt).get().at()).toMillis();
        awaitClusterDone("EXECUTE on " + survivorName + " while " + zombieName + " is frozen", survivor);
        // frozen well past the takeover, so the zombie wakes up believing it still holds what it held
        Thread.sleep(Math.max(0, 3 * takeoverMillis - millisSince(pausedAt)));
        long frozenMillis = millisSince(pausedAt);
        List<Handled> beforeResume = eventLog();

        Instant resumedAt = Instant.now();
        zombie.resume();
        boolean refused = poll(Duration.ofSeconds(60), () -> {
            try {
                return logShowsStaleCursor(zombie);
            } catch (java.io.IOException e) {
                return false;
            }
        });
        String zombieHost = hostHeaderOf(zombie);
        long zombieRequests = requestsFrom(zombieHost, resumedAt);
        List<Handled> afterResume = eventLog();

        // the zombie rejoins: CLOSE on both nodes
        stage("CLOSE", survivor);
        List<Handled> log = eventLog();
        report(String.format("ClusterZombieIT: kill -STOP of %s while it read %s's execution; takeover %d ms (pause -> "
                + "%s's first request for %s); frozen %d ms; after kill -CONT: commit refused in its log %s, %d requests "
                + "from it within %d ms, event-log rows %d -> %d (%d by %s after the resume)",
                zombieName, LARGE, takeoverMillis, survivorName, LARGE, frozenMillis, refused, zombieRequests,
                millisSince(resumedAt), beforeResume.size(), afterResume.size(),
                afterResume.stream().filter(h -> zombieName.equals(h.node()) && h.at().isAfter(resumedAt)).count(),
                zombieName));

        assertEachEventHandledOnce(log);
        Handled large = log.stream().filter(h -> h.region().equals(LARGE) && h.stage().equals("EXECUTE")
                && h.seq() == firstMonitor && h.completion()).findFirst().orElseThrow();
        assertEquals(survivorName, large.node(), "the survivor completed the event the zombie was frozen in");
        assertTrue(refused, zombieName + "'s late commit is refused by the fencing: its log names the moved cursor"
                + " (StaleCursorException); see " + zombie.log());
        assertHostHoldsTheReference(expected);
        assertSameDeadLettersAsTheReference();
        assertTrue(requestsFrom(zombieHost, resumedAt) > 0, zombieName + " works again after kill -CONT");
    }
}
