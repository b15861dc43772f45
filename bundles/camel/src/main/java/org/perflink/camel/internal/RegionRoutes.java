package org.perflink.camel.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.RoutePolicy;
import org.perflink.api.host.HostException;
import org.perflink.api.model.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes of one region: for each stage switched on, a timer that polls the host's stage-event feed
 * from that stage's stored cursor and hands each event to the hooks, whose results go to the outbox
 * ({@code compile-events-440000}); and one timer that drains the region's outbox to the host
 * ({@code deliver-440000}). The processors do the work; the routes pace and name it, count it (a
 * {@link RoutePolicy} such as {@link RouteStats}), and an exception of a processor reaches the route's
 * error handler (logged, counted as failed; the next tick retries).
 *
 * <p>A stage's first poll is not left to the timer: Camel's timer skips a tick that fires while its
 * consumer is still starting (its task checks {@code isStarted()}), and with {@code delay=0} the first tick
 * does exactly that when the machine is busy; the next one then comes an interval later (an hour in
 * some tests). So the timers wait one interval, and {@link #pollNow} runs each stage route once as soon as
 * it has started.
 *
 * <p>In a cluster ({@link #CLUSTERED}) the same routes fire from camel-quartz endpoints on the clustered scheduler
 * instead: the same job name on every node, one node at a time (stateful jobs), and Quartz fires the first time
 * itself, so {@link #pollNow} is not needed. Each firing tells the {@link WorkTracker} which node has the route.
 */
public class RegionRoutes extends RouteBuilder {

    /** What a route is consumed from: its pace, given the route id, the interval and the first delay. */
    public interface Pace {
        String uri(String routeId, Duration interval, Duration firstDelay);
    }

    /** How soon a newly scheduled clustered job fires the first time. */
    static final long CLUSTERED_FIRST_DELAY_MS = 500;

    /** One node: Camel's timer; the next round starts a full interval after the previous one finished. */
    public static final Pace TIMER = (id, interval, firstDelay) -> "timer:" + id + "?period=" + interval.toMillis()
            + "&delay=" + firstDelay.toMillis() + "&fixedRate=false";

    /**
     * Several nodes: a Quartz job of the clustered scheduler named after the route, stateful (never two firings of
     * it at once in the cluster), first fired half a second after it is scheduled.
     */
    public static final Pace CLUSTERED = (id, interval, firstDelay) -> "quartz:" + ClusterScheduler.NAME + "/" + id
            + "?stateful=true&triggerStartDelay=" + CLUSTERED_FIRST_DELAY_MS + "&trigger.repeatInterval="
            + interval.toMillis();


    private static final Logger LOG = LoggerFactory.getLogger(RegionRoutes.class);

    /** Pulls and handles the events of one stage; returns when the feed has nothing new. */
    public interface StagePoller {
        void poll(Stage stage) throws Exception;
    }

    private final String regionCode;
    private final Set<Stage> stages;
    private final Duration pollInterval;
    private final Duration deliveryInterval;
    private final StagePoller poller;
    private final Processor deliverer;
    private RoutePolicy policy;
    private Pace pace = TIMER;
    private WorkTracker tracker;

    public RegionRoutes(String regionCode, Set<Stage> stages, Duration pollInterval, Duration deliveryInterval,
            StagePoller poller, Processor deliverer) {
        this.regionCode = regionCode;
        this.stages = Set.copyOf(stages);
        this.pollInterval = pollInterval;
        this.deliveryInterval = deliveryInterval;
        this.poller = poller;
        this.deliverer = deliverer;
    }

    /** Counts every exchange of these routes (see {@link RouteStats}). */
    public RegionRoutes withPolicy(RoutePolicy routePolicy) {
        this.policy = routePolicy;
        return this;
    }

    /** Paces the routes with {@code routePace} instead of {@link #TIMER}. */
    public RegionRoutes withPace(Pace routePace) {
        this.pace = routePace;
        return this;
    }

    /** Tells {@code workTracker} of every firing (which node has which route). */
    RegionRoutes withTracker(WorkTracker workTracker) {
        this.tracker = workTracker;
        return this;
    }

    public static String eventRouteId(Stage stage, String regionCode) {
        return stage.name().toLowerCase(Locale.ROOT) + "-events-" + regionCode;
    }

    public static String deliveryRouteId(String regionCode) {
        return "deliver-" + regionCode;
    }

    @Override
    public void configure() {
        // A failed poll or delivery round is counted; the stage's cursor (or the outbox row) did not move, so
        // the next tick is the retry: no redelivery of a timer tick. A host that cannot answer is expected
        // (the poller put it in the status, logged once per new message); anything else is logged here.
        errorHandler(defaultErrorHandler().maximumRedeliveries(0).logRetryAttempted(false));
        // (matched with a predicate, not by class: Camel resolves onException classes by name through its own
        // bundle's class loader, which does not see PerfLink's API)
        onException(Exception.class).onWhen(RegionRoutes::hostFailure).handled(true);
        for (Stage stage : stages) {
            String id = eventRouteId(stage, regionCode);
            var route = from(pace.uri(id, pollInterval, pollInterval)).routeId(id);
            if (policy != null) {
                route.routePolicy(policy);
            }
            if (tracker != null) {
                route.process(exchange -> tracker.fired(regionCode, id, true));
            }
            route.process(exchange -> poller.poll(stage));
        }
        String deliveryId = deliveryRouteId(regionCode);
        var delivery = from(pace.uri(deliveryId, deliveryInterval, Duration.ZERO)).routeId(deliveryId);
        if (policy != null) {
            delivery.routePolicy(policy);
        }
        if (tracker != null) {
            delivery.process(exchange -> tracker.fired(regionCode, deliveryId, false));
        }
        delivery.process(deliverer);
    }

    private static boolean hostFailure(Exchange exchange) {
        Throwable e = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return e instanceof HostException;
    }

    /**
     * Runs each of this region's stage routes once, now, through the route (its policy, error handler and
     * in-flight accounting), each on its own thread of {@code executor}. Call after the routes started.
     */
    public void pollNow(CamelContext camel, Executor executor) {
        for (Stage stage : stages) {
            Route route = camel.getRoute(eventRouteId(stage, regionCode));
            if (route == null) {
                continue;
            }
            Consumer consumer = route.getConsumer();
            executor.execute(() -> {
                Exchange exchange = consumer.createExchange(false);
                try {
                    consumer.getProcessor().process(exchange);
                } catch (Exception e) {
                    LOG.warn("Region {} {}: first poll failed: {}", regionCode, stage, e.toString());
                } finally {
                    consumer.releaseExchange(exchange, false);
                }
            });
        }
    }
}
