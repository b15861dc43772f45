package org.perflink.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.perflink.launcher.KarafProcess;
import org.perflink.mockhost.MockHost;

/**
 * Issue 16, "prove it": two nodes in cluster mode on one PostgreSQL, 20 regions, a full year (compile, execute,
 * close). The regions spread over both nodes; then the node handling the large region's PUBLISHED event (300
 * projects, its project pages held 250 ms each by the host) is SIGKILLed while it reads them. The survivor takes
 * the region over and finishes the year alone. Measured: the takeover time, from the kill to the survivor's first
 * host request for that region. Asserted: the host ends with exactly the single-node run's ids and bodies, no id
 * written with two bodies, each (region, stage, event) handled to completion once in the event log (the large
 * event by the survivor: the kill landed inside it), the same items parked as by the single node.
 */
@Timeout(value = 25, unit = TimeUnit.MINUTES)
class ClusterFailoverIT extends ClusterTestSupport {

    @Test
    void regionsSpreadOverTwoNodesAndTheSurvivorOfAKillNineFinishesTheYearWithTheSingleNodesResults(@TempDir Path dir)
            throws Exception {
        Map<String, JsonNode> expected = reference(dir);
        Instant t0 = Instant.now();
        KarafProcess a = node(dir, 1);
        KarafProcess b = node(dir, 2);
        startAll(a, b);
        long bootMillis = millisSince(t0);

        // COMPILE's first three phases on both nodes: the regions spread
        for (String phase : List.of("DECLARED", "REVIEWED", "APPROVED")) {
            script20("COMPILE", phase);
        }
        awaitClusterDone("COMPILE DECLARED, REVIEWED, APPROVED on two nodes", a);
        Map<String, TreeSet<String>> spread = regionsByNode(eventLog());
        report("ClusterFailoverIT: regions handled per node before the kill: " + spread);
        for (String node : List.of("node-1", "node-2")) {
            assertTrue(spread.containsKey(node) && !spread.get(node).isEmpty(),
                    "with 20 regions and 2 nodes each node handles some; per node: " + spread);
        }

        // PUBLISHED: the node reading the large region's projects is killed while it reads them
        // only the large region is held: 80 polling routes whose every read waited would fill both nodes' Quartz threads
        // and starve a route for longer than the wait below (seen once: no read of the large region within 90 s)
        faults("{\"delayMillis\": 250, \"methods\": [\"GET\"], \"regions\": [\"" + LARGE + "\"]}");
        Instant posted = script20("COMPILE", "PUBLISHED");
        long publishedSeq = lastSeq.get(LARGE);
        boolean seen = poll(Duration.ofSeconds(90), () -> firstRead(LARGE, "/projects", posted).isPresent());
        Optional<MockHost.Request> reading = firstRead(LARGE, "/projects", posted);
        if (!seen || reading.isEmpty()) {
            fail("no node read " + LARGE + "'s projects within 90 s of the PUBLISHED event");
        }
        KarafProcess victim = byHostHeader(reading.get().host());
        KarafProcess survivor = victim == a ? b : a;
        String victimName = nodeNames.get(victim);
        String survivorName = nodeNames.get(survivor);
        Optional<String> statusSaid = handlerInStatus(victim, LARGE);
        Instant killedAt = Instant.now();
        victim.kill9();
        noFaults();

        String survivorHost = hostHeaderOf(survivor);
        if (!poll(Duration.ofSeconds(120), () -> firstRequest(LARGE, survivorHost, killedAt).isPresent())) {
            fail(survivorName + " sent no request for " + LARGE + " within 120 s of " + victimName + "'s kill");
        }
        long takeoverMillis = Duration.between(killedAt, firstRequest(LARGE, survivorHost, killedAt).get().at()).toMillis();
        awaitClusterDone("COMPILE PUBLISHED after the kill, on " + survivorName, survivor);
        long publishedDoneMillis = millisSince(killedAt);

        // the rest of the year on the survivor alone
        stage("EXECUTE", survivor);
        stage("CLOSE", survivor);
        long clusterMillis = millisSince(t0);

        List<Handled> log = eventLog();
        report(String.format("ClusterFailoverIT: kill -9 of %s while it read %s's projects for PUBLISHED (status said "
                + "handler %s); takeover %d ms (kill -> %s's first request for %s; check-in %d s); PUBLISHED done %d ms "
                + "after the kill; two-node boot %d ms, cluster year %d ms, single-node reference year %d ms; %d results, "
                + "%d writes, %d event-log rows",
                victimName, LARGE, statusSaid.orElse("-"), takeoverMillis, survivorName, LARGE, CHECKIN.toSeconds(),
                publishedDoneMillis, bootMillis, clusterMillis, referenceMillis(), expected.size(),
                stats().path("writes").asLong(), log.size()));

        assertHostHoldsTheReference(expected);
        assertEachEventHandledOnce(log);
        Handled large = log.stream().filter(h -> h.region().equals(LARGE) && h.stage().equals("COMPILE")
                && h.seq() == publishedSeq && h.completion()).findFirst().orElseThrow();
        assertEquals(survivorName, large.node(),
                "the kill landed inside the large event: the survivor completed it, not " + victimName);
        assertSameDeadLettersAsTheReference();
    }
}
