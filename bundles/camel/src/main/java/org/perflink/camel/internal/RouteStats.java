package org.perflink.camel.internal;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;

/**
 * Counts the exchanges of PerfLink's routes: total, failed (the exception reached the error handler) and
 * the last one's processing time, per route id, for {@code status.json} and the admin page.
 */
final class RouteStats extends RoutePolicySupport {

    /** One route's figures. */
    record Figures(long exchangesTotal, long exchangesFailed, Long lastProcessingMillis, Instant lastCompletedAt,
            String lastFailure) {
    }

    private static final class Counters {
        final AtomicLong total = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        volatile Long lastMillis;
        volatile Instant lastAt;
        volatile String lastFailure;
    }

    private final Map<String, Counters> routes = new ConcurrentHashMap<>();

    @Override
    public void onExchangeDone(Route route, Exchange exchange) {
        Counters c = routes.computeIfAbsent(route.getRouteId(), k -> new Counters());
        c.total.incrementAndGet();
        Exception failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (failure != null) {
            c.failed.incrementAndGet();
            c.lastFailure = failure.getClass().getSimpleName();
        }
        long created = exchange.getClock().getCreated();
        c.lastMillis = Math.max(0, System.currentTimeMillis() - created);
        c.lastAt = Instant.now();
    }

    /** Forgets the figures of removed routes. */
    void forget(Iterable<String> routeIds) {
        for (String id : routeIds) {
            routes.remove(id);
        }
    }

    /** The figures of the routes whose id ends with {@code -<regionCode>}, by route id. */
    Map<String, Figures> ofRegion(String regionCode) {
        Map<String, Figures> out = new TreeMap<>();
        routes.forEach((id, c) -> {
            if (id.endsWith("-" + regionCode)) {
                out.put(id, new Figures(c.total.get(), c.failed.get(), c.lastMillis, c.lastAt, c.lastFailure));
            }
        });
        return out;
    }

}
