package org.perflink.camel.internal;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.perflink.api.hook.StageHook;
import org.perflink.api.model.Stage;
import org.perflink.api.rules.RulePack;
import org.perflink.host.http.HostJson;
import org.perflink.host.http.HttpHosts;
import org.perflink.compile.internal.CompileHook;
import org.perflink.core.HostSettings;
import org.perflink.mockhost.MockHost;
import org.perflink.store.RegionStatus;
import org.perflink.store.internal.JdbcStore;

/**
 * One PerfLink "process" for tier-2 tests: a real H2 file store in a directory, a real
 * {@link DefaultCamelContext} with {@link RegionRoutes} for one region, wired as {@link PerfLinkCamel}
 * wires a region (EventPoller + OutboxWriter + StatusBoard + ResultEncoder over one HTTP gateway),
 * against a real {@link MockHost}. The gateway is wrapped in a {@link RecordingGateway} so tests can
 * see every delivery attempt and its answer. {@link #stopCamel()} / {@link #closeStore()} and a new
 * {@link #openStore()} / {@link #startCamel()} is a restart on the same store file.
 */
final class Harness implements AutoCloseable {

    static final String REGION = "440000";
    static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    final Path dir;
    final MockHost host;
    final boolean batch;
    final ObjectMapper mapper = HostJson.newMapper();
    final ResultEncoder encoder = new ResultEncoder(mapper);
    final List<CompileHook> compileHooks = new ArrayList<>();

    JdbcDataSource dataSource;
    JdbcStore store;
    DefaultCamelContext camel;
    StatusBoard status;
    RecordingGateway gateway;
    /** Lets a test wrap the compile hook (e.g. to fail once mid-event). */
    UnaryOperator<StageHook> hookDecorator = UnaryOperator.identity();

    Harness(Path dir, MockHost host, boolean batch) {
        this.dir = dir;
        this.host = host;
        this.batch = batch;
        openStore();
    }

    void openStore() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(JdbcStore.h2FileUrl(dir.resolve("perflink")));
        ds.setUser("sa");
        ds.setPassword("");
        dataSource = ds;
        store = JdbcStore.open(ds, Clock.systemUTC());
    }

    /** As the store component does on deactivation: the file is closed, the next open reads it again. */
    void closeStore() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
        store = null;
    }

    /** A new context with the region's routes, as {@code PerfLinkCamel.startRegion} builds them. */
    void startCamel() throws Exception {
        HostSettings settings = new HostSettings(host.baseUri().toString(), HostSettings.Auth.NONE, null, null,
                Duration.ofSeconds(2), Duration.ofSeconds(10), 200, batch);
        gateway = new RecordingGateway(HttpHosts.gateway(settings));
        status = new StatusBoard();
        Map<Stage, List<StageHook>> hooks = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            hooks.put(s, new CopyOnWriteArrayList<>());
        }
        CompileHook compile = newCompileHook(dir.resolve("no-indicator-library.json"));
        compileHooks.add(compile);
        hooks.get(Stage.COMPILE).add(hookDecorator.apply(compile));

        DefaultCamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName("perflink-test");
        context.getShutdownStrategy().setTimeout(PerfLinkCamel.DRAIN_TIMEOUT.toSeconds());
        context.start();
        status.region(REGION, true);
        EventPoller poller = new EventPoller(REGION, store.eventLedger(), store.resultLedger(), gateway, hooks::get,
                () -> RulePack.DEFAULT, encoder, status);
        OutboxWriter writer = new OutboxWriter(REGION, store.outbox(), gateway, settings.batch(), status, Clock.systemUTC());
        RegionRoutes routes = new RegionRoutes(REGION, Set.of(Stage.COMPILE), POLL_INTERVAL,
                PerfLinkCamel.DELIVERY_INTERVAL, poller::poll, exchange -> writer.drain());
        context.addRoutes(routes);
        routes.pollNow(context, context.getExecutorServiceManager().newCachedThreadPool(this, "first-poll"));
        camel = context;
    }

    void stopCamel() {
        if (camel != null) {
            camel.stop();
            camel = null;
        }
    }

    @Override
    public void close() throws Exception {
        stopCamel();
        if (store != null) {
            closeStore();
        }
    }

    /** The real compile hook, configured as DS would (an absent library file: an empty library). */
    static CompileHook newCompileHook(Path libraryFile) {
        return new CompileHook(new CompileHook.Config() {
            @Override
            public String file() {
                return libraryFile.toString();
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return CompileHook.Config.class;
            }
        });
    }

    // ------------------------------------------------------------------ what the host and the store hold

    RegionStatus regionStatus() {
        return store.status().status(REGION);
    }

    /** One row per verdict id the host received: id, count, differentBodies, body. */
    List<JsonNode> receivedVerdicts() {
        List<JsonNode> rows = new ArrayList<>();
        host.received().received(REGION, "verdict", null, true).path("items").forEach(rows::add);
        return rows;
    }

    Map<String, JsonNode> verdictBodies() {
        Map<String, JsonNode> out = new java.util.TreeMap<>();
        for (JsonNode row : receivedVerdicts()) {
            out.put(row.path("id").asText(), row.path("body"));
        }
        return out;
    }

    /** Every write attempt the host logged (accepted and refused), in arrival order. */
    List<JsonNode> writeLog() {
        List<JsonNode> rows = new ArrayList<>();
        host.received().log(REGION, "verdict", 0, Integer.MAX_VALUE).path("items").forEach(rows::add);
        return rows;
    }

    int verdictIdsAtHost() {
        return host.received().received(REGION, "verdict", null, false).path("ids").asInt();
    }

    /** Requests the mock answered with an injected fault ({@code GET /mock/stats}). */
    long faultedRequests() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        String body = client.send(java.net.http.HttpRequest.newBuilder(host.baseUri().resolve("/mock/stats")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        return mapper.readTree(body).path("requests").path("faulted").asLong();
    }

    void faults(String json) throws Exception {
        host.faults(org.perflink.mockhost.Faults.parse(mapper.readTree(json)));
    }

    /** Appends one COMPILE event for every project of the year (no projectCodes). */
    ObjectNode compileEventForAll(String phase) {
        ObjectNode e = mapper.createObjectNode();
        e.put("stage", "COMPILE");
        e.put("phase", phase);
        return host.appendEvents(REGION, e).get(0);
    }
}
