package org.perflink.camel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class ClusterModeTest {

    static ClusterConfig config(boolean enabled, String node, long checkin) {
        return new ClusterConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ClusterConfig.class;
            }

            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public String node() {
                return node;
            }

            @Override
            public long checkinInterval() {
                return checkin;
            }

            @Override
            public long misfireThreshold() {
                return 1000;
            }

            @Override
            public int threadCount() {
                return 4;
            }
        };
    }

    @Test
    void offByDefaultAndTheNodeNameDefaultsToTheStores() {
        ClusterMode off = ClusterMode.of(config(false, "", 5000), "jdbc:h2:file:/data/perflink/store", "host-1");
        assertFalse(off.enabled() || off.clustered() || off.refused());
        assertEquals("host-1", off.node(), "empty node: the store's node (the host name unless the store names one)");
        assertEquals("node-a", ClusterMode.of(config(false, " node-a ", 5000), null, "host-1").node());
    }

    @Test
    void clusterModeOnAnH2StoreOrWithoutAStoreUrlIsRefusedWithAReasonInBothLanguages() {
        ClusterMode h2 = ClusterMode.of(config(true, "a", 5000), "jdbc:h2:file:/data/perflink/store", "a");
        assertTrue(h2.refused() && !h2.clustered());
        assertTrue(h2.refusal().contains("集群模式不能使用 H2") && h2.refusal().contains("cannot run on an H2 store"),
                h2.refusal());
        ClusterMode none = ClusterMode.of(config(true, "a", 5000), " ", "a");
        assertTrue(none.refused() && none.refusal().contains("PostgreSQL"), none.refusal());
    }

    @Test
    void clusterModeOnPostgresqlRunsWithItsTiming() {
        ClusterMode on = ClusterMode.of(config(true, "node-b", 750), "jdbc:postgresql://db:5432/perflink", "host-1");
        assertTrue(on.clustered());
        assertNull(on.refusal());
        assertEquals(Duration.ofMillis(750), on.checkinInterval());
        assertEquals(4, on.threadCount());
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
                () -> ClusterMode.of(config(true, "a", 10), "jdbc:postgresql://db/p", "a"));
        assertTrue(tooShort.getMessage().contains("checkinInterval"), tooShort.getMessage());
    }

    @Test
    void quartzIsClusteredOnTheStoresConnectionsAndTakesOneTriggerAtATime() {
        ClusterMode on = ClusterMode.of(config(true, "node-b", 750), "jdbc:postgresql://db:5432/perflink", "host-1");
        var p = ClusterScheduler.properties(on, "ds");
        assertEquals("perflink", p.getProperty("org.quartz.scheduler.instanceName"));
        assertEquals("node-b", p.getProperty("org.quartz.scheduler.instanceId"));
        assertEquals("true", p.getProperty("org.quartz.jobStore.isClustered"));
        assertEquals("750", p.getProperty("org.quartz.jobStore.clusterCheckinInterval"));
        assertEquals("ds", p.getProperty("org.quartz.jobStore.dataSource"));
        assertEquals("1", p.getProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount"));
        assertNull(p.getProperty("org.quartz.dataSource.ds.URL"), "no pool of Quartz's own");
    }

    @Test
    void quartzScriptBecomesIdempotentStatements() {
        var statements = ClusterSchema.quartzStatements();
        assertTrue(statements.stream().noneMatch(s -> s.toUpperCase().startsWith("DROP")), "never drops a table");
        assertTrue(statements.stream().filter(s -> s.toUpperCase().startsWith("CREATE TABLE"))
                .allMatch(s -> s.startsWith("CREATE TABLE IF NOT EXISTS")));
        assertTrue(statements.stream().anyMatch(s -> s.contains("QRTZ_SCHEDULER_STATE")));
    }
}
