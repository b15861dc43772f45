package org.perflink.camel.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which node fired each of a region's routes last, and since when that node has it: {@link Local} on a single node
 * (always this node), {@link SharedWork} in a cluster (a table every node writes and reads). A region's node is the
 * node of its last stage poll (the work on events), else of its last delivery.
 */
interface WorkTracker {

    /** One route's (or, under the region's code, the region's) node, since when it has it, and its last firing. */
    record Work(String regionCode, String node, Instant since, Instant lastFiredAt) {
    }

    /** Key of a region's own row: its stage polls. */
    static String regionKey(String regionCode) {
        return "region:" + regionCode;
    }

    /** This node fires the route now; {@code stagePoll}: it is one of the region's stage polls. */
    void fired(String regionCode, String routeId, boolean stagePoll);

    /** Every row by key (route id, or {@link #regionKey}), as of now. */
    Map<String, Work> snapshot();

    /** The rows of one region from a snapshot: its own under {@code ""}, then its routes by id. */
    static Map<String, Work> ofRegion(Map<String, Work> snapshot, String regionCode) {
        Map<String, Work> out = new TreeMap<>();
        snapshot.forEach((key, work) -> {
            if (work.regionCode().equals(regionCode)) {
                out.put(key.equals(regionKey(regionCode)) ? "" : key, work);
            }
        });
        return out;
    }

    /** One node: every firing is this node's. */
    final class Local implements WorkTracker {

        private final String node;
        private final Clock clock;
        private final Map<String, Work> rows = new ConcurrentHashMap<>();

        Local(String node, Clock clock) {
            this.node = node;
            this.clock = clock;
        }

        @Override
        public void fired(String regionCode, String routeId, boolean stagePoll) {
            Instant now = clock.instant();
            rows.compute(routeId, (k, w) -> new Work(regionCode, node, w == null ? now : w.since(), now));
            if (stagePoll) {
                rows.compute(regionKey(regionCode), (k, w) -> new Work(regionCode, node, w == null ? now : w.since(), now));
            }
        }

        @Override
        public Map<String, Work> snapshot() {
            return Map.copyOf(rows);
        }
    }
}
