package org.perflink.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perflink.host.http.HostJson;

/** The cluster fields of status.json (docs/cluster.md) as perflink:regions and the admin API read them. */
class LiveStatusClusterTest {

    @TempDir
    Path dir;

    static final String STATUS = """
            { "updatedAt" : "2027-03-01T08:00:05Z",
              "cluster" : { "enabled" : true, "state" : "CLUSTERED", "node" : "node-a", "problem" : null,
                            "checkinIntervalMs" : 1000, "nodesAlive" : [ "node-a", "node-b" ],
                            "nodes" : [ { "node" : "node-a", "lastCheckin" : "2027-03-01T08:00:05Z", "alive" : true },
                                        { "node" : "node-b", "lastCheckin" : "2027-03-01T08:00:04Z", "alive" : true },
                                        { "node" : "node-c", "lastCheckin" : "2027-03-01T07:00:00Z", "alive" : false } ] },
              "regions" : {
                "440000" : { "state" : "ACTIVE", "lastError" : null, "node" : "node-b",
                             "nodeSince" : "2027-03-01T07:59:30Z", "routeNodes" : { } },
                "440100" : { "state" : "ACTIVE", "lastError" : null, "node" : null, "nodeSince" : null } } }
            """;

    @Test
    void readsTheNodeOfEachRegionAndTheNodesAlive() throws Exception {
        LiveStatus live = LiveStatus.read(Files.writeString(dir.resolve("status.json"), STATUS), HostJson.newMapper());
        assertEquals(new LiveStatus.Cluster(true, "CLUSTERED", "node-a", null, List.of("node-a", "node-b")), live.cluster());
        LiveStatus.Region region = live.regions().get("440000");
        assertEquals("node-b", region.node());
        assertEquals(Instant.parse("2027-03-01T07:59:30Z"), region.nodeSince());
        assertNull(live.regions().get("440100").node());
    }

    @Test
    void aStatusWithoutClusterFieldsHasNoNode() throws Exception {
        LiveStatus live = LiveStatus.read(Files.writeString(dir.resolve("status.json"), LiveStatusTest.STATUS),
                HostJson.newMapper());
        assertFalse(live.cluster().enabled());
        assertNull(live.cluster().node());
        assertEquals("", RegionTable.nodes(new RegionTable.Overview(List.of(), 0, 0, 0, null), live, ZoneId.of("UTC")));
    }

    @Test
    void theRegionsTableNamesThisNodeTheNodesAliveAndEachRegionsNode() throws Exception {
        LiveStatus live = LiveStatus.read(Files.writeString(dir.resolve("status.json"), STATUS), HostJson.newMapper());
        RegionTable.Row row = new RegionTable.Row("440000", null, RegionTable.STATE_UNCONFIGURED, null, null, null,
                live.regions().get("440000"));
        String text = RegionTable.nodes(new RegionTable.Overview(List.of(row), 0, 0, 0, null), live, ZoneId.of("UTC"));
        assertTrue(text.contains("本节点 (this node) node-a") && text.contains("在线 (alive) node-a, node-b"), text);
        assertTrue(text.contains("440000") && text.contains("node-b") && text.contains("2027-03-01 07:59:30"), text);
    }
}
