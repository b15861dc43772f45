package org.perflink.host.sql.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
import org.osgi.service.metatype.annotations.Designate;
import org.perflink.api.host.HostGateway;
import org.perflink.core.HostRouting;
import org.perflink.host.sql.ExchangeSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance per exchange-database host ({@code etc/org.perflink.host.sql-<name>.cfg}): its own HikariCP pool over
 * the configured driver's {@link DataSourceFactory}, and a {@link HostGateway} registered with
 * {@link HostGateway#HOST_PROPERTY} = the name, which regions select with {@code host = <name>}. The pool is made
 * without touching the database ({@code initializationFailTimeout = -1}): a database that is down at start is a host
 * outage like any other, met by the engine's retries, not a component that fails to activate.
 */
@Component(name = SqlHostComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = SqlHostConfig.class, factory = true)
public final class SqlHostComponent {

    static final String PID = "org.perflink.host.sql";
    private static final Logger LOG = LoggerFactory.getLogger(SqlHostComponent.class);

    private final HikariDataSource pool;
    private final ServiceRegistration<HostGateway> registration;

    @Activate
    public SqlHostComponent(BundleContext context,
            @Reference(name = "DataSourceFactory", target = "(osgi.jdbc.driver.class=org.h2.Driver)")
            Map.Entry<Map<String, Object>, DataSourceFactory> factory,
            SqlHostConfig config, Map<String, Object> properties) throws SQLException {
        String name = HostRouting.hostName(properties, PID);
        Object boundDriver = factory.getKey().get(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS);
        if (!config.driver().equals(boundDriver)) {
            throw new IllegalStateException("host " + name + ": driver = " + config.driver() + " but the bound "
                    + "DataSourceFactory is of " + boundDriver + ": set DataSourceFactory.target = (osgi.jdbc.driver.class="
                    + config.driver() + ")");
        }
        if (config.url() == null || config.url().isBlank()) {
            throw new IllegalArgumentException("host " + name + ": 'url' (the exchange database's JDBC URL) is required");
        }
        if (config.pageSize() < 1 || config.pageSize() > 1000) {
            throw new IllegalArgumentException("host " + name + ": 'pageSize' must be 1..1000, got " + config.pageSize());
        }
        String contract = config.contract().trim();
        if (!HostGateway.CONTRACT_1_0.equals(contract) && !HostGateway.CONTRACT_1_1.equals(contract)) {
            throw new IllegalArgumentException("host " + name + ": 'contract' must be 1.0 or 1.1, got '" + contract + "'");
        }
        ExchangeSchema schema = ExchangeSchema.mapped(List.of(config.tables()), List.of(config.columns()));
        this.pool = new HikariDataSource(poolConfig(name, physical(factory.getValue(), config), config));
        if (config.createSchema()) {
            createSchema(name, pool, config.driver());
        }
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(HostGateway.HOST_PROPERTY, name);
        props.put("url", safeUrl(config.url()));
        registration = context.registerService(HostGateway.class,
                new SqlHostGateway(pool, schema, contract, config.pageSize(), Clock.systemUTC()), props);
        LOG.info("Host {} over the exchange database {} registered", name, safeUrl(config.url()));
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        pool.close();
    }

    private static DataSource physical(DataSourceFactory factory, SqlHostConfig config) throws SQLException {
        Properties props = new Properties();
        props.setProperty(DataSourceFactory.JDBC_URL, config.url());
        if (!config.user().isEmpty()) {
            props.setProperty(DataSourceFactory.JDBC_USER, config.user());
        }
        if (!config._password().isEmpty()) {
            props.setProperty(DataSourceFactory.JDBC_PASSWORD, config._password());
        }
        return factory.createDataSource(props);
    }

    static HikariConfig poolConfig(String name, DataSource physical, SqlHostConfig config) {
        if (config.pool_maximumSize() < 1 || config.pool_connectionTimeoutSeconds() < 1) {
            throw new IllegalArgumentException("host " + name + ": pool.maximumSize and pool.connectionTimeoutSeconds must be positive");
        }
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("perflink-host-sql-" + name);
        hikari.setDataSource(physical);
        hikari.setMaximumPoolSize(config.pool_maximumSize());
        hikari.setMinimumIdle(0);
        hikari.setConnectionTimeout(TimeUnit.SECONDS.toMillis(config.pool_connectionTimeoutSeconds()));
        hikari.setInitializationFailTimeout(-1);
        hikari.setAutoCommit(true);
        return hikari;
    }

    /** The standard tables, for a test or demo database; a failure is logged (the tables may exist already). */
    static void createSchema(String name, DataSource dataSource, String driver) {
        String dialect = driver.contains("postgresql") || driver.contains("kingbase") ? "postgresql" : "h2";
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (String sql : ExchangeSchema.statements(ExchangeSchema.ddl(dialect))) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            LOG.warn("Host {}: could not create the exchange tables now ({}); they must exist before the first pull",
                    name, e.getMessage());
        }
    }

    /** The URL without what may follow a ';' or '?' (options, sometimes a password). */
    static String safeUrl(String url) {
        int cut = url.length();
        for (char c : new char[] {';', '?'}) {
            int i = url.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return url.substring(0, cut);
    }
}
