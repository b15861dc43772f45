package org.perflink.camel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.perflink.host.http.HostJson;
import org.perflink.store.RegionStatus;
import org.perflink.store.StoreStatus;

/** The cluster fields of status.json: this node, the nodes alive, and which node has each region since when. */
class StatusBoardClusterTest {

    private static final StoreStatus EMPTY = new StoreStatus() {
        @Override
        public RegionStatus status(String regionCode) {
            return new RegionStatus(regionCode, Map.of(), 0, null, 0, 0, null, null, null);
        }

        @Override
        public List<String> regions() {
            return List.of();
        }
    };

    @Test
    void eachRegionShowsTheNodeOfItsLastStagePollAndWhenItMoved() {
        Instant t0 = Instant.parse("2027-03-01T08:00:00Z");
        WorkTracker.Local a = new WorkTracker.Local("node-a", Clock.fixed(t0, ZoneOffset.UTC));
        a.fired("440000", "deliver-440000", false);
        a.fired("440000", "compile-events-440000", true);
        Map<String, WorkTracker.Work> work = new java.util.HashMap<>(a.snapshot());
        // the same route fired later on node-b (as SharedWork reads it back): the region moved there
        Instant t1 = t0.plusSeconds(30);
        work.put(WorkTracker.regionKey("440000"), new WorkTracker.Work("440000", "node-b", t1, t1));
        StatusBoard board = new StatusBoard();
        board.region("440000", true);
        board.region("440100", true);
        board.cluster(() -> new ClusterStatus(true, ClusterStatus.CLUSTERED, "node-a", null, 1000L,
                List.of(new ClusterScheduler.NodeSeen("node-a", t1, 1000, true),
                        new ClusterScheduler.NodeSeen("node-c", t0, 1000, false)), work));

        JsonNode root = board.snapshot(HostJson.newMapper(), EMPTY);
        JsonNode cluster = root.path("cluster");
        assertEquals("CLUSTERED", cluster.path("state").asText());
        assertEquals("node-a", cluster.path("node").asText());
        assertEquals("[\"node-a\"]", cluster.path("nodesAlive").toString(), "node-c stopped checking in");
        assertFalse(cluster.path("nodes").get(1).path("alive").asBoolean());
        JsonNode region = root.path("regions").path("440000");
        assertEquals("node-b", region.path("node").asText());
        assertEquals(t1.toString(), region.path("nodeSince").asText());
        assertEquals("node-a", region.path("routeNodes").path("deliver-440000").path("node").asText());
        assertEquals(t0.toString(), region.path("routeNodes").path("compile-events-440000").path("since").asText());
        assertTrue(root.path("regions").path("440100").path("node").isNull(), "no firing yet: no node");
    }

    @Test
    void aRefusedClusterStopsEveryRegionWithTheReason() {
        StatusBoard board = new StatusBoard();
        board.region("440000", true);
        String reason = ClusterMode.of(ClusterModeTest.config(true, "a", 5000), "jdbc:h2:file:/x", "a").refusal();
        board.refused(reason);
        board.cluster(() -> new ClusterStatus(true, ClusterStatus.REFUSED, "a", reason, null, List.of(), Map.of()));
        JsonNode root = board.snapshot(HostJson.newMapper(), EMPTY);
        assertEquals("REFUSED", root.path("regions").path("440000").path("state").asText());
        assertEquals(reason, root.path("regions").path("440000").path("lastError").asText());
        assertEquals(reason, root.path("cluster").path("problem").asText());
        assertFalse(root.path("idle").asBoolean(), "a refused node never reports idle");
    }

    @Test
    void aSingleNodeNamesItselfAndMovesNothing() {
        Instant t0 = Instant.parse("2027-03-01T08:00:00Z");
        WorkTracker.Local local = new WorkTracker.Local("host-1", Clock.fixed(t0, ZoneOffset.UTC));
        local.fired("440000", "compile-events-440000", true);
        local.fired("440000", "compile-events-440000", true);
        assertEquals(new WorkTracker.Work("440000", "host-1", t0, t0), local.snapshot().get(WorkTracker.regionKey("440000")));
    }
}
