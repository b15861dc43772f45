package org.perflink.camel.routes;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.perflink.api.model.Stage;

/**
 * The routes of one region: for each stage switched on, a timer that polls the host's stage-event feed
 * from that stage's stored cursor and hands each event to the hooks ({@code compile-events-440000});
 * and one timer that drains the region's outbox to the host ({@code deliver-440000}).
 * The processors do the work; the routes only pace and name it.
 */
public class RegionRoutes extends RouteBuilder {

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

    public RegionRoutes(String regionCode, Set<Stage> stages, Duration pollInterval, Duration deliveryInterval,
            StagePoller poller, Processor deliverer) {
        this.regionCode = regionCode;
        this.stages = Set.copyOf(stages);
        this.pollInterval = pollInterval;
        this.deliveryInterval = deliveryInterval;
        this.poller = poller;
        this.deliverer = deliverer;
    }

    public static String eventRouteId(Stage stage, String regionCode) {
        return stage.name().toLowerCase(Locale.ROOT) + "-events-" + regionCode;
    }

    public static String deliveryRouteId(String regionCode) {
        return "deliver-" + regionCode;
    }

    @Override
    public void configure() {
        for (Stage stage : stages) {
            String id = eventRouteId(stage, regionCode);
            // fixedRate=false: the next poll starts a full interval after the previous one finished.
            from("timer:" + id + "?period=" + pollInterval.toMillis() + "&delay=0&fixedRate=false")
                    .routeId(id)
                    .process(exchange -> poller.poll(stage));
        }
        String deliveryId = deliveryRouteId(regionCode);
        from("timer:" + deliveryId + "?period=" + deliveryInterval.toMillis() + "&delay=0&fixedRate=false")
                .routeId(deliveryId)
                .process(deliverer);
    }
}
