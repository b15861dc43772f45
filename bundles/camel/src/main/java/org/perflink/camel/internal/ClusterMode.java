package org.perflink.camel.internal;

import java.time.Duration;

import org.perflink.core.ClusterKeys;

/**
 * The cluster configuration as the engine uses it: off (one node, timers), on, or refused because the store cannot be
 * shared (embedded H2, or no store URL). The node name defaults to the store's (the host name unless the store names it).
 */
record ClusterMode(boolean enabled, String node, Duration checkinInterval, Duration misfireThreshold, int threadCount,
        String refusal) {

    static ClusterMode of(ClusterConfig config, String storeUrl, String storeNode) {
        String node = config.node() == null || config.node().isBlank() ? storeNode : config.node().strip();
        if (!config.enabled()) {
            return new ClusterMode(false, node, null, null, 0, null);
        }
        String refusal = ClusterKeys.refusal(storeUrl); // embedded H2 is a jdbc:h2: URL
        return new ClusterMode(true, node,
                Duration.ofMillis(atLeast(config.checkinInterval(), 100, ClusterKeys.CHECKIN_INTERVAL)),
                Duration.ofMillis(atLeast(config.misfireThreshold(), 1, ClusterKeys.MISFIRE_THRESHOLD)),
                (int) atLeast(config.threadCount(), 1, ClusterKeys.THREAD_COUNT), refusal);
    }

    /** Enabled and the store can be shared: the routes fire from the clustered scheduler. */
    boolean clustered() {
        return enabled && refusal == null;
    }

    /** Enabled but the store cannot be shared: nothing runs, the status says why. */
    boolean refused() {
        return enabled && refusal != null;
    }

    private static long atLeast(long value, long minimum, String key) {
        if (value < minimum) {
            throw new IllegalArgumentException("集群配置 (cluster configuration) " + ClusterKeys.PID + " " + key
                    + " 须不小于 (must be at least) " + minimum + ": " + value);
        }
        return value;
    }
}
