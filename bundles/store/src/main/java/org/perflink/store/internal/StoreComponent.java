package org.perflink.store.internal;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.perflink.store.AuditLog;
import org.perflink.store.PublicRecords;
import org.perflink.store.DeadLetters;
import org.perflink.store.EventLedger;
import org.perflink.store.Outbox;
import org.perflink.store.ResultLedger;
import org.perflink.store.StoreDatabase;
import org.perflink.store.StoreStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the store's pooled {@link DataSource} and registers each part of the store ({@link EventLedger},
 * {@link Outbox}, {@link DeadLetters}, {@link ResultLedger}, {@link AuditLog}, {@link StoreStatus}, and the
 * {@link StoreDatabase} itself for the clustered scheduler) as a service
 * of its own, so that a consumer references only the parts it uses. Migrates the schema at start and prunes
 * delivered outbox rows at start and then periodically. Opening (pool, migrations) runs on the component's own
 * thread, not on the one that starts bundles: the parts are registered once the database is open, and a
 * database that cannot be reached yet is tried again every {@link #RETRY}.
 * <p>
 * The physical connections come from the {@link DataSourceFactory} service of the configured driver (H2 and the
 * PostgreSQL driver are OSGi bundles that register one each), pooled by HikariCP, created here from this
 * component's own configuration rather than by pax-jdbc-config: the store keeps one configuration
 * ({@code etc/org.perflink.store.cfg}, what the launcher and operators already write), shuts embedded H2 down
 * itself before the pool closes, and needs no second factory configuration to keep in step.
 * <p>
 * Without a configuration the store is an embedded H2 file database under {@code ${karaf.data}/perflink/}. The
 * factory is chosen by the DS target property {@code DataSourceFactory.target}, which must name the same driver
 * as {@code driver}; for PostgreSQL:
 * <pre>
 * driver = org.postgresql.Driver
 * DataSourceFactory.target = (osgi.jdbc.driver.class=${driver})
 * url = jdbc:postgresql://db.example:5432/perflink
 * user = perflink
 * .password = $[secret:perflink.store.password]
 * </pre>
 * The password is the private property {@code .password} (leading full stop): DS hands it to the component but,
 * unlike other component properties, never copies it into service properties. It is never logged. An embedded H2
 * URL gets the durability settings of {@link JdbcStore#h2Url(String)}, and the database is shut down cleanly when
 * the component deactivates.
 */
@Component(name = StoreComponent.PID, service = {}, immediate = true,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = StoreComponent.Config.class)
public final class StoreComponent {

    static final String PID = "org.perflink.store";
    static final String DEFAULT_URL = "jdbc:h2:file:${karaf.data}/perflink/store";
    static final String H2_DRIVER = "org.h2.Driver";
    static final String POSTGRESQL_DRIVER = "org.postgresql.Driver";
    /** Connections kept for short transactions whatever the events hold (see {@link Jdbc}). */
    static final int RESERVED_CONNECTIONS = 4;

    private static final Logger LOG = LoggerFactory.getLogger(StoreComponent.class);

    @ObjectClassDefinition(id = PID, name = "PerfLink store",
            description = "Durable state of PerfLink (cursors, outbox, result ledger, dead letters, audit log) "
                    + "in a JDBC database")
    public @interface Config {

        @AttributeDefinition(name = "JDBC URL",
                description = "Database URL; ${karaf.data} is replaced by the container's data folder")
        String url() default DEFAULT_URL;

        @AttributeDefinition(name = "User")
        String user() default "sa";

        /** {@code .password}: a private property, not propagated to the service registration. */
        @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
        String _password() default "";

        @AttributeDefinition(name = "JDBC driver class",
                description = "org.h2.Driver (embedded, default) or org.postgresql.Driver; "
                        + "DataSourceFactory.target must select the same driver")
        String driver() default H2_DRIVER;

        @AttributeDefinition(name = "DataSourceFactory target",
                description = "Filter selecting the driver's DataSourceFactory service: "
                        + "(osgi.jdbc.driver.class=<driver>)")
        String DataSourceFactory_target() default "(osgi.jdbc.driver.class=" + H2_DRIVER + ")";

        @AttributeDefinition(name = "Node name",
                description = "Recorded with every handled event and delivery; empty: the host name")
        String node() default "";

        @AttributeDefinition(name = "Pool: maximum connections",
                description = "Event transactions use at most this minus " + RESERVED_CONNECTIONS + " at once")
        int pool_maximumSize() default 16;

        @AttributeDefinition(name = "Pool: minimum idle connections")
        int pool_minimumIdle() default 2;

        @AttributeDefinition(name = "Pool: connection timeout (seconds)",
                description = "How long a transaction waits for a free connection before it fails")
        int pool_connectionTimeoutSeconds() default 30;

        @AttributeDefinition(name = "PostgreSQL: idle-in-transaction timeout (seconds)",
                description = "The database ends a session whose transaction waits this long for its node, so a "
                        + "frozen node (kill -STOP, a long GC pause) cannot hold the other nodes' locks for ever")
        int idleInTransactionTimeoutSeconds() default 30;

        @AttributeDefinition(name = "Outbox retention (days)",
                description = "Delivered outbox rows older than this are deleted; the result ledger keeps "
                        + "the latest body of every result")
        int outbox_retentionDays() default 30;

        @AttributeDefinition(name = "Outbox pruning interval (hours)")
        int outbox_pruneIntervalHours() default 6;
    }

    /** How long to wait before trying again to open a database that could not be reached or migrated. */
    static final Duration RETRY = Duration.ofSeconds(10);

    private final BundleContext context;
    private final HikariConfig poolConfig;
    private final String driver;
    private final String node;
    private final int eventConnections;
    private final Duration retention;
    private final long pruneIntervalHours;
    private final boolean embeddedH2;
    private final String safeUrl;
    /** Opens the store, then prunes the outbox: off the thread that starts bundles, which a slow database would hold. */
    private final ScheduledExecutorService worker;
    private final CompletableFuture<JdbcStore> opened = new CompletableFuture<>();
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private volatile HikariDataSource pool;
    private final Duration retry;

    @Activate
    public StoreComponent(BundleContext context,
            @Reference(name = "DataSourceFactory", target = "(osgi.jdbc.driver.class=" + H2_DRIVER + ")")
            Map.Entry<Map<String, Object>, DataSourceFactory> factory,
            Config config) throws SQLException {
        this(context, factory, config, RETRY);
    }

    /** As the component, trying an unreachable database again after {@code retry} (tests: not {@link #RETRY}'s 10 s). */
    StoreComponent(BundleContext context, Map.Entry<Map<String, Object>, DataSourceFactory> factory, Config config,
            Duration retry) throws SQLException {
        Object boundDriver = factory.getKey().get(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS);
        if (!config.driver().equals(boundDriver)) {
            throw new IllegalStateException("driver = " + config.driver() + " but the bound DataSourceFactory is of "
                    + boundDriver + ": set DataSourceFactory.target = (osgi.jdbc.driver.class=" + config.driver()
                    + ")");
        }
        this.context = context;
        this.retry = retry;
        this.retention = Duration.ofDays(positive(config.outbox_retentionDays(), "outbox.retentionDays"));
        this.pruneIntervalHours = positive(config.outbox_pruneIntervalHours(), "outbox.pruneIntervalHours");
        String url = effectiveUrl(config.url(), System.getProperty("karaf.data"));
        this.safeUrl = safeUrl(url);
        this.embeddedH2 = JdbcStore.isEmbeddedH2(url);
        Properties props = new Properties();
        props.setProperty(DataSourceFactory.JDBC_URL, url);
        if (!config.user().isEmpty()) {
            props.setProperty(DataSourceFactory.JDBC_USER, config.user());
        }
        if (!config._password().isEmpty()) {
            props.setProperty(DataSourceFactory.JDBC_PASSWORD, config._password());
        }
        this.poolConfig = poolConfig(factory.getValue().createDataSource(props), config);
        if (POSTGRESQL_DRIVER.equals(config.driver())) {
            poolConfig.setConnectionInitSql(idleInTransactionTimeout(config.idleInTransactionTimeoutSeconds()));
        }
        this.driver = config.driver();
        this.node = nodeName(config.node());
        this.eventConnections = config.pool_maximumSize() - RESERVED_CONNECTIONS;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "perflink-store");
            t.setDaemon(true);
            return t;
        });
        worker.execute(this::open);
    }

    /**
     * Opens the pool, migrates the schema, registers the parts and starts pruning; when the database cannot be
     * reached or migrated, says so and tries again after {@link #RETRY} (the parts appear once it is open).
     */
    private void open() {
        HikariDataSource candidate = null;
        try {
            candidate = new HikariDataSource(poolConfig);
            JdbcStore store = JdbcStore.open(candidate, Clock.systemUTC(), node, eventConnections);
            pool = candidate;
            register(EventLedger.class, store.eventLedger());
            register(Outbox.class, store.outbox());
            register(DeadLetters.class, store.deadLetters());
            register(ResultLedger.class, store.resultLedger());
            register(AuditLog.class, store.auditLog());
            register(StoreStatus.class, store.status());
            register(PublicRecords.class, store.publicRecords());
            register(StoreDatabase.class, database(candidate));
            LOG.info("PerfLink store open at {} ({}), node {}, pool of {}, outbox kept {} days", safeUrl, driver, node,
                    poolConfig.getMaximumPoolSize(), retention.toDays());
            opened.complete(store);
            worker.scheduleWithFixedDelay(() -> prune(store), 0, pruneIntervalHours, TimeUnit.HOURS);
        } catch (RuntimeException e) {
            if (candidate != null && pool != candidate) {
                candidate.close();
            }
            LOG.error("存储无法打开 (PerfLink store cannot be opened) at {}: {}; retrying in {} s", safeUrl,
                    e.getMessage(), BigDecimal.valueOf(retry.toMillis(), 3).stripTrailingZeros().toPlainString());
            try {
                worker.schedule(this::open, retry.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                // deactivated meanwhile: nothing to retry
            }
        }
    }

    private StoreDatabase database(DataSource dataSource) {
        boolean embedded = embeddedH2;
        String url = safeUrl;
        String nodeName = node;
        return new StoreDatabase() {
            @Override
            public DataSource dataSource() {
                return dataSource;
            }

            @Override
            public String url() {
                return url;
            }

            @Override
            public boolean embedded() {
                return embedded;
            }

            @Override
            public String node() {
                return nodeName;
            }
        };
    }

    /** The parts once they are registered (tests wait for them). */
    JdbcStore store(Duration timeout) throws Exception {
        return opened.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static HikariConfig poolConfig(DataSource physical, Config config) {
        int max = positive(config.pool_maximumSize(), "pool.maximumSize");
        if (max <= RESERVED_CONNECTIONS) {
            throw new IllegalArgumentException("存储配置 (store configuration) pool.maximumSize 须大于 (must be more than) "
                    + RESERVED_CONNECTIONS + ": " + max);
        }
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("perflink-store");
        hikari.setDataSource(physical);
        hikari.setMaximumPoolSize(max);
        hikari.setMinimumIdle(Math.min(max, Math.max(0, config.pool_minimumIdle())));
        hikari.setConnectionTimeout(TimeUnit.SECONDS.toMillis(
                positive(config.pool_connectionTimeoutSeconds(), "pool.connectionTimeoutSeconds")));
        hikari.setAutoCommit(true);
        return hikari;
    }

    /**
     * The session setting each pooled PostgreSQL connection starts with. A node frozen inside a transaction (the
     * clustered scheduler's row lock on {@code QRTZ_LOCKS}, or a store commit) would otherwise stall every other
     * node's scheduler until it woke up; ended by the database, its late work fails and the fencing refuses it.
     */
    static String idleInTransactionTimeout(int seconds) {
        return "SET idle_in_transaction_session_timeout = "
                + TimeUnit.SECONDS.toMillis(positive(seconds, "idleInTransactionTimeoutSeconds"));
    }

    HikariConfig poolConfig() {
        return poolConfig;
    }

    private static int positive(int value, String key) {
        if (value <= 0) {
            throw new IllegalArgumentException("存储配置 (store configuration) " + key + " 须为正数 (must be positive): "
                    + value);
        }
        return value;
    }

    private <T> void register(Class<T> type, T part) {
        if (context != null) {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("perflink.store.url", safeUrl);
            registrations.add(context.registerService(type, part, props));
        }
    }

    private void prune(JdbcStore store) {
        try {
            store.pruneOutbox(retention);
        } catch (RuntimeException e) {
            LOG.warn("PerfLink store: pruning the outbox failed (will try again): {}", e.getMessage());
        }
    }

    /** The configured node name, else the host name. */
    static String nodeName(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "localhost" : env;
        }
    }

    /** The configured URL with ${karaf.data} expanded (fallback ./data) and H2's durability settings. */
    static String effectiveUrl(String configured, String karafData) {
        String data = karafData == null || karafData.isBlank() ? "./data" : karafData;
        return JdbcStore.h2Url(configured.replace("${karaf.data}", data));
    }

    /** The URL without anything that may carry a secret (query parameters, H2 settings). */
    static String safeUrl(String url) {
        int cut = url.length();
        for (char c : new char[] {'?', ';'}) {
            int i = url.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return url.substring(0, cut);
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
        try {
            if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("PerfLink store: opening or pruning did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException e) {
                // unregistered already (the bundle is stopping)
            }
        }
        registrations.clear();
        HikariDataSource pool = this.pool;
        if (pool == null) {
            return; // never opened
        }
        try {
            if (embeddedH2) {
                // DB_CLOSE_DELAY=-1 keeps the database open: close it, so the file is compacted and unlocked.
                try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                    LOG.info("PerfLink store at {} shut down", safeUrl);
                } catch (SQLException e) {
                    LOG.warn("PerfLink store at {} did not shut down cleanly: {}", safeUrl, e.getMessage());
                }
            }
        } finally {
            pool.close();
        }
    }
}
