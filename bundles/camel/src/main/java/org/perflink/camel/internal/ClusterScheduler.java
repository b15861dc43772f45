package org.perflink.camel.internal;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.sql.DataSource;

import org.apache.camel.component.quartz.StatefulCamelJob;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * One node's Quartz scheduler on the clustered JDBC job store in the store's own database: every node uses the same
 * scheduler name ({@value #NAME}) and job names, and its node name as Quartz's instance id. Quartz fires each trigger
 * on one node only, runs a stateful job (camel-quartz's {@code stateful=true}) on one node at a time, and a node that
 * has not checked in for its check-in interval plus 7.5 s is taken to be dead: another node releases its triggers and
 * fires them. Connections come from the store's pool; Quartz's own pool (c3p0) is not used.
 */
final class ClusterScheduler {

    static final String NAME = "perflink";
    /** Quartz's own margin on top of a node's check-in interval before it is taken to be dead. */
    static final long QUARTZ_GRACE_MS = 7500;

    /** A node as the cluster's state table shows it. */
    record NodeSeen(String node, Instant lastCheckin, long checkinIntervalMs, boolean alive) {
    }

    private final Scheduler scheduler;
    private final DataSource dataSource;
    private final String node;
    private final Clock clock;

    ClusterScheduler(ClusterMode mode, DataSource dataSource, Clock clock) throws SchedulerException, SQLException {
        this.dataSource = dataSource;
        this.node = mode.node();
        this.clock = clock;
        ClusterSchema.ensure(dataSource);
        // one provider name per node: two schedulers in one JVM (tests) must not share Quartz's static registry
        String provider = "perflink-store-" + node;
        DBConnectionManager.getInstance().addConnectionProvider(provider, new StorePool(dataSource));
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        // Quartz loads its job store, delegate and thread pool, and later the job class (camel-quartz's), by name
        // through the context class loader it finds at start: give it one that sees both bundles.
        thread.setContextClassLoader(new QuartzAndCamel(Scheduler.class.getClassLoader(),
                StatefulCamelJob.class.getClassLoader()));
        try {
            this.scheduler = new StdSchedulerFactory(properties(mode, provider)).getScheduler();
        } finally {
            thread.setContextClassLoader(before);
        }
        // The repository hands the same scheduler to whoever asks by name in this JVM; this one is ours alone.
        SchedulerRepository.getInstance().remove(NAME);
    }

    static Properties properties(ClusterMode mode, String dataSourceName) {
        Properties p = new Properties();
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, NAME);
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, mode.node());
        p.setProperty(StdSchedulerFactory.PROP_SCHED_SCHEDULER_THREADS_INHERIT_CONTEXT_CLASS_LOADER_OF_INITIALIZING_THREAD,
                "true");
        p.setProperty(StdSchedulerFactory.PROP_SCHED_JMX_EXPORT, "false");
        // Quartz's shortest idle wait: a trigger another node scheduled is seen within a second
        p.setProperty(StdSchedulerFactory.PROP_SCHED_IDLE_WAIT_TIME, "1000");
        // one trigger per acquisition: each node takes one due job and comes back, so the jobs spread over the
        // nodes instead of the first node to wake taking every due trigger at once (docs/cluster.md)
        p.setProperty(StdSchedulerFactory.PROP_SCHED_MAX_BATCH_SIZE, "1");
        p.setProperty(StdSchedulerFactory.PROP_THREAD_POOL_CLASS, "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(mode.threadCount()));
        p.setProperty("org.quartz.threadPool.threadNamePrefix", "perflink-cluster-" + mode.node());
        p.setProperty("org.quartz.threadPool.threadsInheritContextClassLoaderOfInitializingThread", "true");
        p.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(mode.checkinInterval().toMillis()));
        p.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(mode.misfireThreshold().toMillis()));
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        return p;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    String node() {
        return node;
    }

    /** Every node in the cluster's state table, alive or not (Quartz's rule: check-in interval plus 7.5 s). */
    List<NodeSeen> nodes() throws SQLException {
        List<NodeSeen> out = new ArrayList<>();
        long now = clock.millis();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT instance_name, last_checkin_time, checkin_interval FROM qrtz_scheduler_state"
                        + " WHERE sched_name = ? ORDER BY instance_name")) {
            s.setString(1, NAME);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long last = rs.getLong(2);
                    long interval = rs.getLong(3);
                    out.add(new NodeSeen(rs.getString(1), Instant.ofEpochMilli(last), interval,
                            now <= last + interval + QUARTZ_GRACE_MS));
                }
            }
        }
        return out;
    }

    /** Starts taking triggers (call once this node's routes are there: a firing without its route does nothing). */
    void start() throws SchedulerException {
        scheduler.start();
    }

    /** Stops taking triggers; jobs running now go on (the routes drain them). */
    void standby() {
        try {
            scheduler.standby();
        } catch (SchedulerException e) {
            // shutting down anyway
        }
    }

    /** Stops the scheduler after the jobs running now completed; this node's check-in row goes with it. */
    void shutdown() throws SchedulerException {
        scheduler.shutdown(true);
    }

    /** Quartz's connections from the store's pool; the pool is the store's to close. */
    private record StorePool(DataSource dataSource) implements ConnectionProvider {

        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // the store owns the pool
        }

        @Override
        public void initialize() {
            // nothing to set up
        }
    }

    /** Quartz's bundle first (its job store, delegate, thread pool), then Camel's (camel-quartz's job classes). */
    private static final class QuartzAndCamel extends ClassLoader {

        private final ClassLoader camel;

        QuartzAndCamel(ClassLoader quartz, ClassLoader camel) {
            super(quartz);
            this.camel = camel;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            return camel.loadClass(name);
        }

        @Override
        protected URL findResource(String name) {
            return camel.getResource(name);
        }
    }
}
