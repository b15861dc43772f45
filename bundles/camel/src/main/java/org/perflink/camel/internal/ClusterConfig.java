package org.perflink.camel.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.perflink.core.ClusterKeys;

/**
 * {@code etc/org.perflink.cluster.cfg}: whether this node is one of several sharing the store's PostgreSQL, its name,
 * and the clustered scheduler's timing (docs/cluster.md). Keys in {@link ClusterKeys}.
 */
@ObjectClassDefinition(id = ClusterKeys.PID, name = "PerfLink cluster",
        description = "Several PerfLink nodes on one shared PostgreSQL store: each region's stage polls and deliveries "
                + "fire from Quartz's clustered JDBC job store, one node at a time, taken over when a node stops")
public @interface ClusterConfig {

    @AttributeDefinition(name = "Enabled", description = "Off: one node with timers (embedded H2 or PostgreSQL)")
    boolean enabled() default false;

    @AttributeDefinition(name = "Node name", description = "Unique in the cluster; empty: the store's node name "
            + "(by default the host name)")
    String node() default "";

    @AttributeDefinition(name = "Check-in interval (ms)",
            description = "A node silent for this plus 7.5 s is taken to be dead and its jobs are recovered")
    long checkinInterval() default ClusterKeys.DEFAULT_CHECKIN_INTERVAL_MS;

    @AttributeDefinition(name = "Misfire threshold (ms)",
            description = "A firing later than this is a misfire: it fires once now instead of catching up")
    long misfireThreshold() default ClusterKeys.DEFAULT_MISFIRE_THRESHOLD_MS;

    @AttributeDefinition(name = "Jobs at once", description = "Stage polls and deliveries this node runs at the same time")
    int threadCount() default ClusterKeys.DEFAULT_THREAD_COUNT;
}
