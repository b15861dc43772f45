package org.perflink.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.h2.util.OsgiDataSourceFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.jdbc.DataSourceFactory;
import org.perflink.api.model.Stage;
import org.perflink.store.AuditLog;
import org.perflink.store.DeadLetters;
import org.perflink.store.EventLedger;
import org.perflink.store.Outbox;
import org.perflink.store.PublicRecords;
import org.perflink.store.ResultLedger;
import org.perflink.store.StoreDatabase;
import org.perflink.store.StoreStatus;

class StoreComponentTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The component's retry delay in the test that has it try again (its own 10 s would only be waited out). */
    private static final Duration RETRY = Duration.ofMillis(200);

    @Test
    void theDefaultUrlLivesUnderKarafDataWithH2sDurabilitySettings() {
        assertEquals("jdbc:h2:file:/opt/karaf/data/perflink/store;WRITE_DELAY=0;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE",
                StoreComponent.effectiveUrl(StoreComponent.DEFAULT_URL, "/opt/karaf/data"));
        assertEquals("jdbc:h2:file:./data/perflink/store;WRITE_DELAY=0;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE",
                StoreComponent.effectiveUrl(StoreComponent.DEFAULT_URL, null));
    }

    @Test
    void settingsTheUrlNamesAreKeptAndOtherDatabasesAreLeftAlone() {
        assertEquals("jdbc:h2:file:/x;write_delay=100;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE",
                JdbcStore.h2Url("jdbc:h2:file:/x;write_delay=100"));
        assertEquals("jdbc:postgresql://db:5432/perflink", JdbcStore.h2Url("jdbc:postgresql://db:5432/perflink"));
        assertEquals("jdbc:h2:tcp://db/perflink", JdbcStore.h2Url("jdbc:h2:tcp://db/perflink"));
    }

    @Test
    void onlyEmbeddedH2IsShutDownByTheComponent() {
        assertTrue(JdbcStore.isEmbeddedH2("jdbc:h2:file:/x"));
        assertTrue(JdbcStore.isEmbeddedH2("jdbc:h2:mem:x"));
        assertFalse(JdbcStore.isEmbeddedH2("jdbc:h2:tcp://db/x"));
        assertFalse(JdbcStore.isEmbeddedH2("jdbc:postgresql://db/x"));
    }

    @Test
    void loggedUrlsCarryNoSettingsOrParameters() {
        assertEquals("jdbc:postgresql://db:5432/perflink",
                StoreComponent.safeUrl("jdbc:postgresql://db:5432/perflink?user=u&password=secret"));
        assertEquals("jdbc:h2:file:/x", StoreComponent.safeUrl("jdbc:h2:file:/x;PASSWORD=secret;WRITE_DELAY=0"));
    }

    @Test
    void schemaScriptsSplitIntoStatements() {
        assertEquals(List.of("CREATE TABLE a (x INT)", "CREATE INDEX i ON a (x)"),
                Migrations.statements("-- comment\nCREATE TABLE a (x INT);\n\n-- more\nCREATE INDEX i ON a (x);\n"));
    }

    @Test
    void theComponentOpensItsH2DatabaseUnderKarafDataAndShutsItDown(@TempDir Path data) throws Exception {
        String before = System.getProperty("karaf.data");
        System.setProperty("karaf.data", data.toString());
        try {
            StoreComponent component = new StoreComponent(null, h2Factory(), config(Map.of()));
            component.store(WAIT).eventLedger().advance("440000", Stage.COMPILE, null, "5");
            component.deactivate();

            assertTrue(Files.exists(data.resolve("perflink/store.mv.db")));
            StoreComponent again = new StoreComponent(null, h2Factory(), config(Map.of()));
            assertEquals("5", again.store(WAIT).eventLedger().cursor("440000", Stage.COMPILE));
            again.deactivate();
        } finally {
            if (before == null) {
                System.clearProperty("karaf.data");
            } else {
                System.setProperty("karaf.data", before);
            }
        }
    }

    @Test
    void aDriverThatTheBoundFactoryDoesNotServeIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new StoreComponent(null, h2Factory(), config(Map.of("driver", "org.postgresql.Driver"))));

        assertTrue(e.getMessage().contains("DataSourceFactory.target = (osgi.jdbc.driver.class=org.postgresql.Driver)"),
                e.getMessage());
    }

    @Test
    void eachPartIsAServiceOfItsOwnUntilTheComponentDeactivates(@TempDir Path data) throws Exception {
        Map<Class<?>, Object> registered = new LinkedHashMap<>();
        List<Object> unregistered = new ArrayList<>();
        BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("registerService") || !(args[0] instanceof Class<?> type)) {
                        throw new UnsupportedOperationException(method.toString());
                    }
                    registered.put(type, args[1]);
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ServiceRegistration.class},
                            (p, m, a) -> m.getName().equals("unregister") ? unregistered.add(type) : null);
                });
        StoreComponent component = new StoreComponent(context, h2Factory(),
                config(Map.of("url", "jdbc:h2:file:" + data.resolve("s"), "node", "node-7")));
        component.store(WAIT); // registered on the component's own thread once the database is open

        assertEquals(List.of(EventLedger.class, Outbox.class, DeadLetters.class, ResultLedger.class, AuditLog.class,
                StoreStatus.class, PublicRecords.class, StoreDatabase.class), List.copyOf(registered.keySet()));
        registered.forEach((type, part) -> assertTrue(type.isInstance(part), type + ": " + part));
        StoreDatabase database = (StoreDatabase) registered.get(StoreDatabase.class);
        assertTrue(database.embedded(), "an H2 file is embedded: single node only");
        assertEquals("node-7", database.node());
        assertEquals("jdbc:h2:file:" + data.resolve("s"), database.url());
        try (java.sql.Connection c = database.dataSource().getConnection()) {
            assertTrue(c.isValid(1));
        }
        EventLedger ledger = (EventLedger) registered.get(EventLedger.class);
        ledger.handle("440000", Stage.COMPILE, null, null, "1", tx -> {
        });
        assertEquals("node-7", ledger.handled("440000", 1).get(0).node());
        assertEquals("1", ((StoreStatus) registered.get(StoreStatus.class)).status("440000").cursors().get(Stage.COMPILE));

        component.deactivate();
        assertEquals(List.copyOf(registered.keySet()), unregistered);
    }

    @Test
    void aDatabaseThatCannotBeReachedYetIsTriedAgain(@TempDir Path data) throws Exception {
        AtomicInteger refused = new AtomicInteger();
        DataSourceFactory h2 = new OsgiDataSourceFactory(new org.h2.Driver());
        DataSourceFactory slowToStart = (DataSourceFactory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSourceFactory.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("createDataSource")) {
                        throw new UnsupportedOperationException(method.toString());
                    }
                    DataSource real = h2.createDataSource((Properties) args[0]);
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                            (p, m, a) -> {
                                if (m.getName().equals("getConnection") && refused.getAndIncrement() == 0) {
                                    throw new SQLException("database is starting up", "08001");
                                }
                                try {
                                    return m.invoke(real, a);
                                } catch (InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                });
        StoreComponent component = new StoreComponent(null,
                new SimpleEntry<>(Map.of(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS, "org.h2.Driver"), slowToStart),
                config(Map.of("url", "jdbc:h2:file:" + data.resolve("s"))), RETRY);
        try {
            JdbcStore store = component.store(RETRY.plus(WAIT));

            assertTrue(refused.get() > 1, "refused once, then opened: " + refused.get());
            assertEquals(List.of(), store.status().regions());
        } finally {
            component.deactivate();
        }
    }

    @Test
    void aPostgreSqlSessionEndsATransactionItsNodeLeftIdleWhileH2IsLeftAlone() throws Exception {
        StoreComponent h2 = new StoreComponent(null, h2Factory(), config(Map.of("url", "jdbc:h2:mem:idle-h2")));
        // the H2 driver under PostgreSQL's name: only the pool's settings are looked at, the database is never opened
        StoreComponent postgres = new StoreComponent(null,
                new SimpleEntry<>(Map.of(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS, "org.postgresql.Driver"),
                        new OsgiDataSourceFactory(new org.h2.Driver())),
                config(Map.of("driver", "org.postgresql.Driver", "url", "jdbc:h2:mem:idle-pg",
                        "idleInTransactionTimeoutSeconds", 12)));
        try {
            assertEquals(null, h2.poolConfig().getConnectionInitSql());
            assertEquals("SET idle_in_transaction_session_timeout = 12000", postgres.poolConfig().getConnectionInitSql());
            assertEquals("SET idle_in_transaction_session_timeout = 30000", StoreComponent.idleInTransactionTimeout(30));
            assertThrows(IllegalArgumentException.class, () -> StoreComponent.idleInTransactionTimeout(0));
        } finally {
            h2.deactivate();
            postgres.deactivate();
        }
    }

    @Test
    void theNodeNameDefaultsToTheHostName() throws Exception {
        assertEquals(InetAddress.getLocalHost().getHostName(), StoreComponent.nodeName(""));
        assertEquals("node-1", StoreComponent.nodeName(" node-1 "));
    }

    @Test
    void aPoolTooSmallForTheReservedConnectionsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StoreComponent(null, h2Factory(), config(Map.of("pool_maximumSize", 4))));

        assertTrue(e.getMessage().contains("pool.maximumSize"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new StoreComponent(null, h2Factory(), config(Map.of("outbox_retentionDays", 0))));
    }

    /** H2's own DataSourceFactory with the service properties its bundle activator registers. */
    private static Map.Entry<Map<String, Object>, DataSourceFactory> h2Factory() {
        return new SimpleEntry<>(Map.of(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS, "org.h2.Driver"),
                new OsgiDataSourceFactory(new org.h2.Driver()));
    }

    /** The component's configuration: the annotation's defaults, overridden by {@code values}. */
    private static StoreComponent.Config config(Map<String, Object> values) {
        return (StoreComponent.Config) Proxy.newProxyInstance(StoreComponent.Config.class.getClassLoader(),
                new Class<?>[] {StoreComponent.Config.class},
                (proxy, method, args) -> values.getOrDefault(method.getName(), method.getDefaultValue()));
    }
}
