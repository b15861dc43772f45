package org.perflink.camel.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.impl.DefaultCamelContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.perflink.api.hook.StageHook;
import org.perflink.api.host.HostGateway;
import org.perflink.api.model.Stage;
import org.perflink.camel.host.HostJson;
import org.perflink.camel.host.HttpHostGateway;
import org.perflink.camel.routes.RegionRoutes;
import org.perflink.camel.routes.StatusRoute;
import org.perflink.core.HostSettings;
import org.perflink.core.RegionSettings;
import org.perflink.core.RulePacks;
import org.perflink.core.StageRunner;
import org.perflink.store.PerfLinkStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PerfLink's one CamelContext ({@code perflink}). It follows the whiteboard: each {@link RegionSettings}
 * service gets its routes, each {@link StageHook} service is offered the events of its stage. A region
 * whose configuration changes or disappears has its routes stopped gracefully (in-flight events finish,
 * undelivered results stay in the outbox) before the new ones start.
 */
@Component(service = StageRunner.class, immediate = true)
public class PerfLinkCamel implements StageRunner {

    private static final Logger LOG = LoggerFactory.getLogger(PerfLinkCamel.class);
    static final Duration DELIVERY_INTERVAL = Duration.ofMillis(500);
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

    private final HostSettings hostSettings;
    private final PerfLinkStore store;
    private final RulePacks rulePacks;
    private final ObjectMapper mapper = HostJson.newMapper();
    private final ResultEncoder encoder = new ResultEncoder(mapper);
    private final StatusBoard status = new StatusBoard();
    private final HostGateway defaultHost;
    private final CamelContext camel;
    private final Path statusFile;

    private final Map<Stage, List<StageHook>> hooks = new EnumMap<>(Stage.class);
    private final Map<String, RegionSettings> regions = new ConcurrentHashMap<>();
    private final Map<String, List<String>> routeIds = new ConcurrentHashMap<>();
    private final Map<String, EventPoller> pollers = new ConcurrentHashMap<>();
    private boolean started;

    @Activate
    public PerfLinkCamel(@Reference HostSettings hostSettings, @Reference PerfLinkStore store,
            @Reference RulePacks rulePacks) {
        this.hostSettings = hostSettings;
        this.store = store;
        this.rulePacks = rulePacks;
        this.defaultHost = new HttpHostGateway(hostSettings, mapper);
        for (Stage s : Stage.values()) {
            hooks.put(s, new CopyOnWriteArrayList<>());
        }
        // The Camel runtime bundle carries Camel's core with its components and type converters, so the
        // context finds them all through that bundle's class loader; camel-core-osgi's extender only serves
        // components packaged as bundles of their own, and is not needed (nor its boot race, pitfall 7).
        DefaultCamelContext context = new DefaultCamelContext();
        context.setApplicationContextClassLoader(DefaultCamelContext.class.getClassLoader());
        context.getCamelContextExtension().setName("perflink");
        context.getShutdownStrategy().setTimeout(DRAIN_TIMEOUT.toSeconds());
        this.camel = context;
        this.statusFile = Path.of(System.getProperty("karaf.data", "data"), "perflink", "status.json");
    }

    @Activate
    synchronized void start() throws Exception {
        camel.start();
        camel.addRoutes(new StatusRoute(Duration.ofSeconds(1), exchange -> status.write(statusFile, mapper, store)));
        started = true;
        for (RegionSettings region : regions.values()) {
            startRegion(region);
        }
        LOG.info("PerfLink started: host {}, {} region(s), status in {}", hostSettings.url(), regions.size(), statusFile);
    }

    @Deactivate
    synchronized void stop() {
        started = false;
        camel.stop();
        routeIds.clear();
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
        if (!region.enabled()) {
            LOG.info("Region {} is DISABLED: nothing runs for it; undelivered results stay in the outbox", code);
            return;
        }
        HostGateway host = region.hostUrl() == null ? defaultHost
                : new HttpHostGateway(hostSettings.withUrl(region.hostUrl()), mapper);
        EventPoller poller = new EventPoller(code, store, host, hooks::get, () -> rulePacks.effective(code), encoder, status)
                .hostContract(region.contract(hostSettings));
        OutboxWriter writer = new OutboxWriter(code, store, host, hostSettings.batch(), status, Clock.systemUTC());
        RegionRoutes routes = new RegionRoutes(code, region.stages(), region.pollInterval(), DELIVERY_INTERVAL,
                poller::poll, exchange -> writer.drain());
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
        LOG.info("Region {} ({}) started: stages {}, routes {}", code, region.name(), region.stages(), added);
    }

    @Override
    public boolean runNow(String regionCode, Stage stage) {
        RegionSettings region = regions.get(regionCode);
        EventPoller poller = pollers.get(regionCode);
        if (region == null || poller == null || !region.active(stage)) {
            return false;
        }
        poller.poll(stage);
        return true;
    }

    /** Stops a region's routes gracefully: an event being handled finishes (or rolls back) first. */
    private void stopRegion(String code) throws Exception {
        pollers.remove(code);
        List<String> ids = routeIds.remove(code);
        if (ids == null) {
            return;
        }
        for (String id : ids) {
            camel.getRouteController().stopRoute(id, DRAIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            camel.removeRoute(id);
        }
        LOG.info("Region {} stopped: routes {} drained and removed", code, ids);
    }
}
