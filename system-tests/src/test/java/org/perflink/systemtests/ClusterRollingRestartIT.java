package org.perflink.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.perflink.launcher.KarafProcess;

/**
 * Issue 16, the rolling restart: two nodes run a year of 20 regions; while COMPILE's results are landing node 1 is
 * stopped ({@code bin/stop}) and started again, while EXECUTE's are landing node 2 is. Nothing is lost and nothing
 * doubled: the host ends with exactly the single-node run's ids and bodies, no id written with two bodies, each
 * (region, stage, event) handled to completion once, the same items parked as by the single node, and each
 * restarted node works again (it handles events after its restart).
 */
@Timeout(value = 25, unit = TimeUnit.MINUTES)
class ClusterRollingRestartIT extends ClusterTestSupport {

    @Test
    void eachNodeStoppedAndStartedInTurnDuringAYearLosesNothingAndDoublesNothing(@TempDir Path dir) throws Exception {
        Map<String, JsonNode> expected = reference(dir);
        KarafProcess a = node(dir, 1);
        KarafProcess b = node(dir, 2);
        startAll(a, b);
        List<String> steps = new ArrayList<>();

        Instant aBack = restartDuring("COMPILE", "verdict", a, b, steps);
        Instant bBack = restartDuring("EXECUTE", "warning", b, a, steps);
        stage("CLOSE", a);

        List<Handled> log = eventLog();
        report("ClusterRollingRestartIT: " + String.join("; ", steps) + "; regions per node " + regionsByNode(log)
                + "; " + expected.size() + " results, " + stats().path("writes").asLong() + " writes");
        assertHostHoldsTheReference(expected);
        assertEachEventHandledOnce(log);
        assertSameDeadLettersAsTheReference();
        assertTrue(log.stream().anyMatch(h -> "node-1".equals(h.node()) && h.at().isAfter(aBack)),
                "node-1 handles events again after its restart");
        assertTrue(log.stream().anyMatch(h -> "node-2".equals(h.node()) && h.at().isAfter(bBack)),
                "node-2 handles events again after its restart");
    }

    /**
     * Scripts {@code stage}, stops {@code restarted} as its first results of {@code kind} reach the host, starts it
     * again, and waits until the cluster is done with the stage. Returns when the restarted node was back.
     */
    private Instant restartDuring(String stage, String kind, KarafProcess restarted, KarafProcess other,
            List<String> steps) throws Exception {
        long before = ids(null, List.of(kind));
        Instant posted = script20(stage, null);
        if (!poll(Duration.ofSeconds(120), () -> ids(null, List.of(kind)) > before)) {
            fail("no " + kind + " reached the host within 120 s of the " + stage + " events");
        }
        long atStop = ids(null, List.of(kind));
        Instant stopping = Instant.now();
        restarted.stop();
        long stopMillis = millisSince(stopping);
        restarted.start();
        awaitRegions(restarted);
        Instant back = Instant.now();
        awaitClusterDone(stage + " after " + nodeNames.get(restarted) + "'s restart", other);
        steps.add(String.format("%s: %s stopped at %d %ss at the host (%d ms after the events; bin/stop %d ms), back "
                + "after %d ms, stage done %d ms after the events", stage, nodeNames.get(restarted), atStop, kind,
                Duration.between(posted, stopping).toMillis(), stopMillis, Duration.between(stopping, back).toMillis(),
                millisSince(posted)));
        return back;
    }
}
