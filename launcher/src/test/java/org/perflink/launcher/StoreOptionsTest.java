package org.perflink.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreOptionsTest {

    private static final String PG = "jdbc:postgresql://127.0.0.1:55441/perflink_test";

    @TempDir
    Path dir;

    private Main.UsageException refused(String... args) {
        Main main = new Main(dir, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        return assertThrows(Main.UsageException.class, () -> main.run(args));
    }

    @Test
    void clusterWithoutAStoreUrlOrOnH2IsAUsageErrorBeforeAnythingIsWritten() {
        Path data = dir.resolve("node");
        Main.UsageException none = refused("start", "--host-url", "http://127.0.0.1:1", "--region", "440000", "--cluster",
                "--data", data.toString());
        assertTrue(none.getMessage().startsWith("--cluster:") && none.getMessage().contains("PostgreSQL"), none.getMessage());
        Main.UsageException h2 = refused("start", "--host-url", "http://127.0.0.1:1", "--region", "440000", "--cluster",
                "--store-url", "jdbc:h2:tcp://localhost/~/store;PASSWORD=x", "--data", data.toString());
        assertTrue(h2.getMessage().contains("H2") && h2.getMessage().contains("jdbc:h2:tcp://localhost/~/store"), h2.getMessage());
        assertFalse(h2.getMessage().contains("PASSWORD=x"), "the URL's settings may hold a secret: " + h2.getMessage());
        assertFalse(Files.exists(data), "nothing written for a refused start");
    }

    @Test
    void storeOptionsAreCheckedTogether() {
        assertThrows(Main.UsageException.class, () -> StoreOptions.of("jdbc:mysql://db/x", null, null, false, null));
        assertThrows(Main.UsageException.class, () -> StoreOptions.of(null, "perflink", null, false, null));
        assertThrows(Main.UsageException.class, () -> StoreOptions.of(PG + "?x=${karaf.home}", null, null, false, null));
        assertThrows(Main.UsageException.class, () -> StoreOptions.of(PG, null, null, true, " a"));
        Main.UsageException secret = assertThrows(Main.UsageException.class,
                () -> StoreOptions.of(PG, "perflink", "$[secret:x]", true, "a"));
        assertTrue(secret.getMessage().contains("PERFLINK_STORE_PASSWORD") && !secret.getMessage().contains("secret:x"),
                secret.getMessage());
        // --store-url alone: one node on PostgreSQL, cluster mode written off
        StoreOptions single = StoreOptions.of(PG, "perflink", "pw", false, null);
        assertEquals(Map.of("enabled", "false"), single.clusterProperties());
        assertEquals("org.postgresql.Driver", single.storeProperties().get("driver"));
        assertEquals("(osgi.jdbc.driver.class=org.postgresql.Driver)", single.storeProperties().get("DataSourceFactory.target"));
        assertFalse(single.toString().contains("pw"));
        // nothing about the store: the instance keeps its store
        assertEquals(Map.of(), StoreOptions.of(null, null, null, false, null).storeProperties());
    }

    @Test
    void clusterStartWritesTheStoreOwnerOnlyWithThePasswordAndTheClusterConfiguration() throws Exception {
        KarafInstance karaf = new KarafInstance(dir.resolve("node-a"));
        Files.createDirectories(karaf.home().resolve("etc"));
        Files.writeString(karaf.home().resolve("etc/org.apache.karaf.features.cfg"),
                "featuresBoot = \\\n    perflink-all\n", StandardCharsets.UTF_8);
        Files.writeString(karaf.home().resolve(StoreOptions.STORE_CFG), "driver = org.h2.Driver\nuser = sa\n");
        StartCommand.configureStore(karaf, StoreOptions.of(PG, "perflink", "p\\w", true, "node-a"));

        Path store = karaf.home().resolve(StoreOptions.STORE_CFG);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store)));
        String text = Files.readString(store);
        assertTrue(text.contains("url = " + PG + "\n") && text.contains("user = perflink\n") && text.contains(".password = p\\\\w\n")
                && text.contains("driver = org.postgresql.Driver\n") && text.contains("node = node-a\n")
                && !text.contains("org.h2.Driver"), text);
        String cluster = Files.readString(karaf.home().resolve(StoreOptions.CLUSTER_CFG));
        assertTrue(cluster.contains("enabled = true\n") && cluster.contains("node = node-a\n"), cluster);
        assertTrue(Files.readString(karaf.home().resolve("etc/org.apache.karaf.features.cfg")).contains("perflink-store-postgresql"));
        assertFalse(Files.exists(store.resolveSibling(store.getFileName() + ".tmp")));
    }
}
