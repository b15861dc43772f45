package org.perflink.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap.SimpleEntry;
import java.util.List;
import java.util.Map;

import org.h2.util.OsgiDataSourceFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.jdbc.DataSourceFactory;
import org.perflink.api.model.Stage;
import org.perflink.store.jdbc.JdbcStores;

class StoreComponentTest {

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
                JdbcStores.h2Url("jdbc:h2:file:/x;write_delay=100"));
        assertEquals("jdbc:postgresql://db:5432/perflink", JdbcStores.h2Url("jdbc:postgresql://db:5432/perflink"));
        assertEquals("jdbc:h2:tcp://db/perflink", JdbcStores.h2Url("jdbc:h2:tcp://db/perflink"));
    }

    @Test
    void onlyEmbeddedH2IsShutDownByTheComponent() {
        assertTrue(StoreComponent.isEmbeddedH2("jdbc:h2:file:/x"));
        assertTrue(StoreComponent.isEmbeddedH2("jdbc:h2:mem:x"));
        assertFalse(StoreComponent.isEmbeddedH2("jdbc:h2:tcp://db/x"));
        assertFalse(StoreComponent.isEmbeddedH2("jdbc:postgresql://db/x"));
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
            StoreComponent component = new StoreComponent(h2Factory(), config(Map.of()));
            component.advanceCursor("440000", Stage.COMPILE, "5");
            component.deactivate();

            assertTrue(Files.exists(data.resolve("perflink/store.mv.db")));
            StoreComponent again = new StoreComponent(h2Factory(), config(Map.of()));
            assertEquals("5", again.cursor("440000", Stage.COMPILE));
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
                () -> new StoreComponent(h2Factory(), config(Map.of("driver", "org.postgresql.Driver"))));

        assertTrue(e.getMessage().contains("DataSourceFactory.target = (osgi.jdbc.driver.class=org.postgresql.Driver)"),
                e.getMessage());
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
