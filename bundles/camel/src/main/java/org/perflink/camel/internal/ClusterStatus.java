package org.perflink.camel.internal;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The cluster as one node sees it, for {@code status.json}: whether cluster mode is on ({@code state} SINGLE, CLUSTERED
 * or REFUSED, with the reason), this node's name, the nodes in the cluster's state table and which node last fired each
 * region and route ({@link WorkTracker}).
 */
record ClusterStatus(boolean enabled, String state, String node, String problem, Long checkinIntervalMs,
        List<ClusterScheduler.NodeSeen> nodes, Map<String, WorkTracker.Work> work) {

    static final String SINGLE = "SINGLE";
    static final String CLUSTERED = "CLUSTERED";
    static final String REFUSED = "REFUSED";

    ClusterStatus {
        nodes = List.copyOf(nodes);
        work = Map.copyOf(work);
    }

    /** Before the engine knows anything: one node, unnamed. */
    static ClusterStatus unknown() {
        return new ClusterStatus(false, SINGLE, null, null, null, List.of(), Map.of());
    }

    /** The {@code cluster} object of status.json. */
    void write(ObjectNode cluster) {
        cluster.put("enabled", enabled);
        cluster.put("state", state);
        cluster.put("node", node);
        cluster.put("problem", problem);
        if (checkinIntervalMs != null) {
            cluster.put("checkinIntervalMs", checkinIntervalMs);
        }
        ArrayNode alive = cluster.putArray("nodesAlive");
        ArrayNode all = cluster.putArray("nodes");
        for (ClusterScheduler.NodeSeen n : nodes) {
            if (n.alive()) {
                alive.add(n.node());
            }
            ObjectNode o = all.addObject();
            o.put("node", n.node());
            o.put("lastCheckin", n.lastCheckin().toString());
            o.put("checkinIntervalMs", n.checkinIntervalMs());
            o.put("alive", n.alive());
        }
    }

    /** A region's {@code node}, {@code nodeSince} and {@code routeNodes} in status.json. */
    void writeRegion(String regionCode, ObjectNode region) {
        Map<String, WorkTracker.Work> rows = WorkTracker.ofRegion(work, regionCode);
        WorkTracker.Work own = rows.get("");
        if (own == null) {
            own = rows.get(RegionRoutes.deliveryRouteId(regionCode));
        }
        region.put("node", own == null ? null : own.node());
        region.put("nodeSince", own == null ? null : own.since().toString());
        ObjectNode routes = region.putObject("routeNodes");
        rows.forEach((id, w) -> {
            if (!id.isEmpty()) {
                ObjectNode n = routes.putObject(id);
                n.put("node", w.node());
                n.put("since", w.since().toString());
                n.put("lastFiredAt", w.lastFiredAt().toString());
            }
        });
    }
}
