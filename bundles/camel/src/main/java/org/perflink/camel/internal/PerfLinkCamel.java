package org.perflink.camel.internal;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.perflink.api.hook.StageHook;
import org.perflink.api.host.HostGateway;
import org.perflink.api.model.Stage;
import org.perflink.core.ClusterKeys;
import org.perflink.core.HostRouting;
import org.perflink.core.RegionSettings;
import org.perflink.core.RulePacks;
import org.perflink.core.StageRunner;
import org.perflink.host.http.HostJson;
import org.perflink.store.EventLedger;
import org.perflink.store.Outbox;
import org.perflink.store.ResultLedger;
import org.perflink.store.StoreDatabase;
import org.perflink.store.StoreStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PerfLink's one CamelContext ({@code perflink}), registered as a {@link CamelContext} service so that its
 * routes and their figures are visible. It follows the whiteboard: each {@link RegionSettings} service gets
 * its routes, each {@link StageHook} service is offered the events of its stage, and each region talks to
 * the {@link HostGateway} service its configuration names ({@link HostRouting}); a region whose host is
 * absent says so in its status and runs nothing until the host appears. A region whose configuration or
 * host changes or disappears has its routes stopped gracefully (in-flight events finish, undelivered
 * results stay in the outbox) before the new ones start.
 *
 * <p>With {@code org.perflink.cluster} enabled the routes fire from the clustered Quartz scheduler on the store's
 * database ({@link ClusterScheduler}, docs/cluster.md); on embedded H2 cluster mode is refused: nothing runs and the
 * status and the log say why.
 */
@Component(service = StageRunner.class, immediate = true, configurationPid = ClusterKeys.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ClusterConfig.class)
public class PerfLinkCamel implements StageRunner {

    private static final Logger LOG = LoggerFactory.getLogger(PerfLinkCamel.class);
    static final String CONTEXT_NAME = "perflink";
    static final Duration DELIVERY_INTERVAL = Duration.ofMillis(500);
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

    private final EventLedger ledger;
    private final ResultLedger results;
    private final Outbox outbox;
    private final StoreStatus store;
    private final RulePacks rulePacks;
    private final ObjectMapper mapper = HostJson.newMapper();
    private final ResultEncoder encoder = new ResultEncoder(mapper);
    private final StatusBoard status = new StatusBoard();
    private final RouteStats routeStats = new RouteStats();
    private final CamelContext camel;
    private final Path statusFile;

    private final Map<Stage, List<StageHook>> hooks = new EnumMap<>(Stage.class);
    private final Map<String, RegionSettings> regions = new ConcurrentHashMap<>();
    private final Map<HostGateway, Map<String, ?>> hosts = new LinkedHashMap<>();
    /** The gateway each running region was started with (absent: the region waits for its host). */
    private final Map<String, HostGateway> regionHosts = new ConcurrentHashMap<>();
    private final Map<String, List<String>> routeIds = new ConcurrentHashMap<>();
    private final Map<String, EventPoller> pollers = new ConcurrentHashMap<>();
    private final Map<String, OutboxWriter> writers = new ConcurrentHashMap<>();
    private final StoreDatabase database;
    private final ClusterMode mode;
    private ClusterScheduler clusterScheduler;
    private WorkTracker tracker;
    private ExecutorService firstPolls;
    private ServiceRegistration<CamelContext> camelRegistration;
    private boolean started;

    @Activate
    public PerfLinkCamel(@Reference EventLedger ledger, @Reference ResultLedger results, @Reference Outbox outbox,
            @Reference StoreStatus store, @Reference RulePacks rulePacks, @Reference StoreDatabase database,
            ClusterConfig clusterConfig) {
        this.database = database;
        this.mode = ClusterMode.of(clusterConfig, database.url(), database.node());
        this.ledger = ledger;
        this.results = results;
        this.outbox = outbox;
        this.store = store;
        this.rulePacks = rulePacks;
        for (Stage s : Stage.values()) {
            hooks.put(s, new CopyOnWriteArrayList<>());
        }
        // The Camel runtime bundle carries Camel's core with its components and type converters, so the
        // context finds them all through that bundle's class loader; camel-core-osgi's extender only serves
        // components packaged as bundles of their own, and is not needed (nor its boot race, pitfall 7).
        DefaultCamelContext context = new DefaultCamelContext();
        context.setApplicationContextClassLoader(DefaultCamelContext.class.getClassLoader());
        context.getCamelContextExtension().setName(CONTEXT_NAME);
        context.getShutdownStrategy().setTimeout(DRAIN_TIMEOUT.toSeconds());
        this.camel = context;
        this.statusFile = Path.of(System.getProperty("karaf.data", "data"), "perflink", "status.json");
    }

    @Activate
    synchronized void start(BundleContext bundleContext) throws Exception {
        if (mode.refused()) {
            LOG.error("{}: 区域路由不启动 (no region routes start)", mode.refusal());
            status.refused(mode.refusal());
            tracker = new WorkTracker.Local(mode.node(), Clock.systemUTC());
        } else if (mode.clustered()) {
            clusterScheduler = new ClusterScheduler(mode, database.dataSource(), Clock.systemUTC());
            QuartzComponent quartz = new QuartzComponent();
            quartz.setScheduler(clusterScheduler.scheduler());
            // started below, once the configured regions' routes are there (a firing without its route is lost)
            quartz.setAutoStartScheduler(false);
            camel.addComponent("quartz", quartz);
            tracker = new SharedWork(database.dataSource(), mode.node(), Clock.systemUTC());
            if (!mode.node().equals(database.node())) {
                LOG.warn("Cluster node {} but the store records node {}: set the same node in {} and {}", mode.node(),
                        database.node(), ClusterKeys.PID, ClusterKeys.STORE_PID);
            }
            LOG.info("Cluster mode: node {} on {}, check-in every {} ms", mode.node(), database.url(),
                    mode.checkinInterval().toMillis());
        } else {
            tracker = new WorkTracker.Local(mode.node(), Clock.systemUTC());
        }
        status.cluster(this::clusterStatus);
        camel.start();
        firstPolls = camel.getExecutorServiceManager().newCachedThreadPool(this, "perflink-first-poll");
        camel.addRoutes(new StatusRoute(Duration.ofSeconds(1),
                exchange -> status.write(statusFile, mapper, store, routeStats)));
        started = true;
        for (RegionSettings region : regions.values()) {
            startRegion(region);
        }
        if (clusterScheduler != null) {
            clusterScheduler.start();
        }
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("camel.context.name", CONTEXT_NAME);
        camelRegistration = bundleContext.registerService(CamelContext.class, camel, props);
        LOG.info("PerfLink started: {} host(s), {} region(s), status in {}", hosts.size(), regions.size(), statusFile);
    }

    @Deactivate
    synchronized void stop() throws Exception {
        started = false;
        if (camelRegistration != null) {
            camelRegistration.unregister();
            camelRegistration = null;
        }
        if (clusterScheduler != null) {
            clusterScheduler.standby(); // no new firings here; the other nodes take them
        }
        camel.stop();
        if (clusterScheduler != null) {
            clusterScheduler.shutdown();
            clusterScheduler = null;
        }
        routeIds.clear();
        regionHosts.clear();
    }

    /** The cluster for status.json: the nodes Quartz's state table shows, and which node has which region. */
    private ClusterStatus clusterStatus() {
        Map<String, WorkTracker.Work> work = tracker.snapshot();
        if (mode.refused()) {
            return new ClusterStatus(true, ClusterStatus.REFUSED, mode.node(), mode.refusal(), null, List.of(), work);
        }
        ClusterScheduler scheduler = clusterScheduler;
        if (scheduler == null) {
            return new ClusterStatus(false, ClusterStatus.SINGLE, mode.node(), null, null,
                    List.of(new ClusterScheduler.NodeSeen(mode.node(), Instant.now(), 0, true)), work);
        }
        try {
            return new ClusterStatus(true, ClusterStatus.CLUSTERED, mode.node(), null, mode.checkinInterval().toMillis(),
                    scheduler.nodes(), work);
        } catch (SQLException e) {
            return new ClusterStatus(true, ClusterStatus.CLUSTERED, mode.node(),
                    "集群状态不可读 (cluster state unreadable): " + e.getMessage(), mode.checkinInterval().toMillis(),
                    List.of(), work);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addHook(StageHook hook) {
        hooks.get(hook.stage()).add(hook);
        LOG.info("{} hook {} present", hook.stage(), hook.getClass().getName());
    }

    void removeHook(StageHook hook) {
        hooks.get(hook.stage()).remove(hook);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void addHost(HostGateway host, Map<String, Object> properties) throws Exception {
        hosts.put(host, Map.copyOf(properties));
        refreshHosts();
    }

    synchronized void removeHost(HostGateway host) throws Exception {
        hosts.remove(host);
        refreshHosts();
    }

    /** Restarts each region whose gateway is not the one it should now use. */
    private void refreshHosts() throws Exception {
        if (!started) {
            return;
        }
        for (RegionSettings region : regions.values()) {
            if (region.enabled() && HostRouting.select(region, hosts) != regionHosts.get(region.regionCode())) {
                startRegion(region);
            }
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void addRegion(RegionSettings region) throws Exception {
        regions.put(region.regionCode(), region);
        if (started) {
            startRegion(region);
        }
    }

    synchronized void removeRegion(RegionSettings region) throws Exception {
        if (regions.remove(region.regionCode(), region)) {
            stopRegion(region.regionCode());
            status.removeRegion(region.regionCode());
        }
    }

    private void startRegion(RegionSettings region) throws Exception {
        String code = region.regionCode();
        stopRegion(code);
        status.region(code, region.enabled());
        status.deliveryPaused(code, null); // a new configuration or host: try again at once
        if (mode.refused()) {
            return; // the status says why
        }
        if (!region.enabled()) {
            LOG.info("Region {} is DISABLED: nothing runs for it; undelivered results stay in the outbox", code);
            return;
        }
        HostGateway host = HostRouting.select(region, hosts);
        status.host(code, HostRouting.hostOf(region), host != null);
        if (host == null) {
            LOG.warn("Region {} waits for its host '{}'{}: no such HostGateway service", code, HostRouting.hostOf(region),
                    region.hostUrl() == null ? "" : " (for its hostUrl " + region.hostUrl() + ")");
            return;
        }
        if (region.hostContract() != null) {
            host = host.forContract(region.hostContract()); // the region's hostContract overrides its host's
        }
        EventPoller poller = new EventPoller(code, ledger, results, host, hooks::get, () -> rulePacks.effective(code),
                encoder, status).withLowerRegions(new StoredLowerRegions(code, rulePacks, results, mapper, regionHosts::get));
        // the gateway knows whether its host configuration wants the batch endpoint (null answer: single PUTs)
        OutboxWriter writer = new OutboxWriter(code, outbox, host, true, status, Clock.systemUTC());
        RegionRoutes routes = new RegionRoutes(code, region.stages(), region.pollInterval(), DELIVERY_INTERVAL,
                poller::poll, exchange -> writer.drain()).withPolicy(routeStats).withTracker(tracker)
                .withPace(mode.clustered() ? RegionRoutes.CLUSTERED : RegionRoutes.TIMER);
        List<String> before = camel.getRoutes().stream().map(Route::getRouteId).toList();
        camel.addRoutes(routes);
        List<String> added = new ArrayList<>();
        for (Route r : camel.getRoutes()) {
            if (!before.contains(r.getRouteId())) {
                added.add(r.getRouteId());
            }
        }
        routeIds.put(code, added);
        pollers.put(code, poller);
        writers.put(code, writer);
        regionHosts.put(code, host);
        if (!mode.clustered()) {
            routes.pollNow(camel, firstPolls); // in a cluster Quartz fires the first time itself, on one node
        }
        // the v1 wording first (operators and tests grep for it), the host after
        LOG.info("Region {} ({}) started: stages {}, routes {}, host {}", code, region.name(), region.stages(), added,
                HostRouting.hostOf(region));
    }

    @Override
    public boolean runNow(String regionCode, Stage stage) {
        RegionSettings region = regions.get(regionCode);
        EventPoller poller = pollers.get(regionCode);
        if (region == null || poller == null || !region.active(stage)) {
            return false;
        }
        try {
            poller.poll(stage);
        } catch (Exception e) {
            // already in the region's status; the operator sees it there
            LOG.debug("Region {} {}: run now failed: {}", regionCode, stage, e.toString());
        }
        return true;
    }

    @Override
    public String skipEvent(String regionCode, Stage stage) {
        EventPoller poller = pollers.get(regionCode);
        return poller == null ? null : poller.skipStuck(stage);
    }

    /** Stops a region's routes gracefully: an event being handled finishes (or rolls back) first. */
    private void stopRegion(String code) throws Exception {
        pollers.remove(code);
        writers.remove(code);
        regionHosts.remove(code);
        List<String> ids = routeIds.remove(code);
        if (ids == null) {
            return;
        }
        for (String id : ids) {
            camel.getRouteController().stopRoute(id, DRAIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            camel.removeRoute(id);
        }
        routeStats.forget(ids);
        LOG.info("Region {} stopped: routes {} drained and removed", code, ids);
    }
}
