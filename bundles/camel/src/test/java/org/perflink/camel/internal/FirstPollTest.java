package org.perflink.camel.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perflink.api.host.HostException;
import org.perflink.api.model.Stage;
import org.perflink.host.http.HostJson;
import org.perflink.store.internal.JdbcStore;

/**
 * Issue 17 item 14: a region's three stage routes, started together with a poll interval of an hour, each
 * poll once at start. Camel's timer skips a tick that fires while its consumer is still starting, so a
 * first poll left to {@code delay=0} could be lost (the next an hour later); the routes' timers now wait
 * a full interval and {@link RegionRoutes#pollNow} runs each stage once after start. Without pollNow no
 * stage would be polled at all here, so the test fails deterministically if the first polls are left to
 * the timer again; and a poll that blocks does not hold the others (each runs on its own thread).
 */
class FirstPollTest {

    private static final Duration HOUR = Duration.ofHours(1);

    private DefaultCamelContext camel;
    private ExecutorService executor;
    private final Map<Stage, AtomicInteger> polls = new ConcurrentHashMap<>();

    @BeforeEach
    void start() {
        camel = new DefaultCamelContext();
        camel.start();
        executor = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stop() {
        camel.stop();
        executor.shutdownNow();
    }

    private static JdbcStore store() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(JdbcStore.h2Url("jdbc:h2:mem:first-poll-" + System.nanoTime()));
        return JdbcStore.open(ds, Clock.systemUTC());
    }

    @Test
    void everyStageRoutePollsOnceAtStartWithAnHourlyInterval() throws Exception {
        CountDownLatch compileMayFinish = new CountDownLatch(1);
        RegionRoutes routes = new RegionRoutes("440000", EnumSet.allOf(Stage.class), HOUR, HOUR, stage -> {
            polls.computeIfAbsent(stage, s -> new AtomicInteger()).incrementAndGet();
            if (stage == Stage.COMPILE) {
                compileMayFinish.await(10, TimeUnit.SECONDS); // a long first poll must not hold the others
            }
        }, exchange -> { });
        camel.addRoutes(routes);

        // the timers wait a full interval: no tick races the start
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(polls::isEmpty);

        routes.pollNow(camel, executor);
        await().atMost(Duration.ofSeconds(10)).until(() -> polls.keySet().containsAll(EnumSet.of(Stage.EXECUTE, Stage.CLOSE))
                && polls.containsKey(Stage.COMPILE));
        compileMayFinish.countDown();
        // and no second poll follows the first ones
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2))
                .until(() -> Stream.of(Stage.values()).allMatch(s -> polls.get(s).get() == 1));
        for (Stage s : Stage.values()) {
            assertEquals(1, polls.get(s).get(), s + " polled exactly once");
        }
    }

    @Test
    void routeFiguresCountExchangesAndFailuresAndReachTheStatus() throws Exception {
        RouteStats stats = new RouteStats();
        AtomicInteger closePolls = new AtomicInteger();
        RegionRoutes routes = new RegionRoutes("440000", Set.of(Stage.COMPILE, Stage.CLOSE), HOUR, HOUR, stage -> {
            if (stage == Stage.CLOSE) {
                closePolls.incrementAndGet();
                throw new HostException("host unreachable"); // reaches the route's error handler
            }
        }, exchange -> { }).withPolicy(stats);
        camel.addRoutes(routes);
        routes.pollNow(camel, executor);
        routes.pollNow(camel, executor);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Map<String, RouteStats.Figures> f = stats.ofRegion("440000");
            return f.containsKey("compile-events-440000") && f.get("compile-events-440000").exchangesTotal() == 2
                    && f.containsKey("close-events-440000") && f.get("close-events-440000").exchangesTotal() == 2;
        });
        RouteStats.Figures close = stats.ofRegion("440000").get("close-events-440000");
        assertEquals(2, close.exchangesFailed());
        assertEquals("HostException", close.lastFailure());
        assertEquals(0, stats.ofRegion("440000").get("compile-events-440000").exchangesFailed());
        assertTrue(stats.ofRegion("440100").isEmpty());

        StatusBoard board = new StatusBoard();
        board.region("440000", true);
        JsonNode status = board.snapshot(HostJson.newMapper(), store().status(), stats).path("regions").path("440000");
        JsonNode route = status.path("routes").path("close-events-440000");
        assertEquals(2, route.path("exchangesTotal").asLong());
        assertEquals(2, route.path("exchangesFailed").asLong());
        assertTrue(route.path("lastProcessingTimeMs").isNumber());
    }

    @Test
    void concurrentStageUpdatesOfANewRegionKeepEveryStage() throws Exception {
        JdbcStore store = store();
        for (int round = 0; round < 200; round++) {
            StatusBoard board = new StatusBoard();
            String region = "44" + String.format("%04d", round);
            board.region(region, true);
            CountDownLatch go = new CountDownLatch(1);
            Thread[] threads = new Thread[3];
            for (Stage s : Stage.values()) {
                threads[s.ordinal()] = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    board.stage(region, s, true, null);
                });
                threads[s.ordinal()].start();
            }
            go.countDown();
            for (Thread t : threads) {
                t.join();
            }
            JsonNode stages = board.snapshot(HostJson.newMapper(), store.status()).path("regions").path(region).path("stages");
            for (Stage s : Stage.values()) {
                assertTrue(stages.has(s.name()), "round " + round + ": " + s + " kept");
            }
        }
    }
}
