package org.perflink.camel.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.perflink.api.model.Stage;

/** The routes of one region with camel-test-junit5: their ids, and that they drive the poller and the writer. */
class RegionRoutesTest extends CamelTestSupport {

    private final Set<Stage> polled = ConcurrentHashMap.newKeySet();
    private final AtomicInteger deliveries = new AtomicInteger();

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] {
            new RegionRoutes("440000", Set.of(Stage.COMPILE, Stage.EXECUTE), Duration.ofMillis(50), Duration.ofMillis(50),
                    polled::add, exchange -> deliveries.incrementAndGet()),
            new StatusRoute(Duration.ofMillis(50), exchange -> { })
        };
    }

    @Test
    void routeIdsNameTheStageAndTheRegion() {
        Set<String> ids = new TreeSet<>();
        for (Route r : context.getRoutes()) {
            ids.add(r.getRouteId());
        }
        assertEquals(new TreeSet<>(Set.of("compile-events-440000", "execute-events-440000", "deliver-440000",
                StatusRoute.ROUTE_ID)), ids);
        assertEquals("compile-events-440000", RegionRoutes.eventRouteId(Stage.COMPILE, "440000"));
        assertEquals("close-events-440100", RegionRoutes.eventRouteId(Stage.CLOSE, "440100"));
        assertEquals("deliver-440000", RegionRoutes.deliveryRouteId("440000"));
        assertNotNull(context.getRoute("compile-events-440000"));
        assertNull(context.getRoute("close-events-440000"), "a stage switched off has no route");
    }

    @Test
    void eachStageRoutePollsItsStageAndTheDeliveryRouteDrains() {
        await().atMost(Duration.ofSeconds(10)).until(() -> polled.size() == 2 && deliveries.get() >= 2);
        assertEquals(Set.of(Stage.COMPILE, Stage.EXECUTE), polled);
    }
}
