package org.perflink.camel.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.perflink.api.model.Stage;
import org.perflink.core.RegionSettings;
import org.perflink.core.RulePacks;
import org.perflink.host.http.HostJson;
import org.perflink.store.StoreDatabase;
import org.perflink.store.internal.JdbcStore;

/** Cluster mode on the embedded H2 store: the engine starts no region route, and its status and log say why. */
class ClusterRefusalTest {

    @TempDir
    Path data;

    @Test
    void clusterModeOnEmbeddedH2StartsNoRegionRouteAndSaysWhyInTheStatus() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        String url = "jdbc:h2:file:" + data.resolve("store");
        ds.setURL(url + JdbcStore.H2_SETTINGS);
        JdbcStore store = JdbcStore.open(ds, Clock.systemUTC());
        String before = System.getProperty("karaf.data");
        System.setProperty("karaf.data", data.toString());
        PerfLinkCamel engine;
        try {
            engine = new PerfLinkCamel(store.eventLedger(), store.resultLedger(), store.outbox(), store.status(),
                    proxy(RulePacks.class), database(ds, url), ClusterModeTest.config(true, "node-a", 1000));
        } finally {
            if (before == null) {
                System.clearProperty("karaf.data");
            } else {
                System.setProperty("karaf.data", before);
            }
        }
        engine.start(bundleContext());
        try {
            engine.addRegion(new RegionSettings("440000", "广东", true, EnumSet.allOf(Stage.class), "", Duration.ofSeconds(1),
                    null));
            Path status = data.resolve("perflink/status.json");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(status)
                    && HostJson.newMapper().readTree(status.toFile()).path("regions").has("440000"));
            JsonNode root = HostJson.newMapper().readTree(status.toFile());
            assertEquals("REFUSED", root.path("cluster").path("state").asText());
            assertTrue(root.path("cluster").path("problem").asText().contains("H2"), root.toString());
            assertEquals("REFUSED", root.path("regions").path("440000").path("state").asText());
            assertFalse(engine.runNow("440000", Stage.COMPILE), "nothing runs for the region");
            CamelContext camel = camelOf(engine);
            assertEquals(List.of(StatusRoute.ROUTE_ID), camel.getRoutes().stream().map(Route::getRouteId).toList());
        } finally {
            engine.stop();
        }
    }

    private static CamelContext camelOf(PerfLinkCamel engine) throws Exception {
        var field = PerfLinkCamel.class.getDeclaredField("camel");
        field.setAccessible(true);
        return (CamelContext) field.get(engine);
    }

    private static StoreDatabase database(DataSource ds, String url) {
        return new StoreDatabase() {
            @Override
            public DataSource dataSource() {
                return ds;
            }

            @Override
            public String url() {
                return url;
            }

            @Override
            public boolean embedded() {
                return true;
            }

            @Override
            public String node() {
                return "node-a";
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type) {
        return (T) Proxy.newProxyInstance(ClusterRefusalTest.class.getClassLoader(), new Class<?>[] {type},
                (p, m, a) -> {
                    throw new UnsupportedOperationException(m.toString());
                });
    }

    private static BundleContext bundleContext() {
        return (BundleContext) Proxy.newProxyInstance(ClusterRefusalTest.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (p, m, a) -> m.getName().equals("registerService")
                        ? Proxy.newProxyInstance(ClusterRefusalTest.class.getClassLoader(),
                                new Class<?>[] {ServiceRegistration.class}, (p2, m2, a2) -> null)
                        : null);
    }
}
