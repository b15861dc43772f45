package org.perflink.camel.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.perflink.api.model.Stage;

/**
 * Two nodes, each its own {@link ClusterScheduler} and Camel context with the engine's {@link RegionRoutes} paced by
 * {@link RegionRoutes#CLUSTERED}, on one shared database: the regions spread over both nodes, one region's job never
 * runs on two nodes at once, and the job of a node that stops checking in (its database connections fail, as for a
 * killed or partitioned process) is fired by the other within Quartz's check-in interval plus 7.5 s.
 */
abstract class TwoNodeClusterContract {

    static final Duration CHECKIN = Duration.ofMillis(500);

    /** An empty database both nodes share (the Quartz tables are created by the first node). */
    abstract DataSource emptyDatabase() throws Exception;

    private final List<Node> nodes = new ArrayList<>();
    /** Firings by node: "node region stage". */
    private final List<String> firings = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    private final List<String> overlaps = new CopyOnWriteArrayList<>();

    /** A node whose connections can be cut, as for a killed or partitioned process. */
    static final class Node implements AutoCloseable {
        final String name;
        volatile boolean cut;
        final ClusterScheduler scheduler;
        final DefaultCamelContext camel = new DefaultCamelContext();
        final SharedWork work;

        Node(String name, DataSource shared) throws Exception {
            this.name = name;
            DataSource ds = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                    (proxy, method, args) -> {
                        if (cut && method.getName().equals("getConnection")) {
                            throw new SQLException("node " + name + " cut off");
                        }
                        try {
                            return method.invoke(shared, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            ClusterMode mode = ClusterMode.of(ClusterModeTest.config(true, name, CHECKIN.toMillis()),
                    "jdbc:postgresql://shared/db", name);
            scheduler = new ClusterScheduler(mode, ds, Clock.systemUTC());
            work = new SharedWork(ds, name, Clock.systemUTC());
            camel.disableJMX();
            camel.getCamelContextExtension().setName(PerfLinkCamel.CONTEXT_NAME);
            QuartzComponent quartz = new QuartzComponent();
            quartz.setScheduler(scheduler.scheduler());
            camel.addComponent("quartz", quartz);
        }

        @Override
        public void close() throws Exception {
            cut = false;
            scheduler.standby();
            camel.stop();
            scheduler.shutdown();
        }
    }

    private Node node(String name, DataSource shared, int regions, Duration interval, RegionRoutes.StagePoller poller)
            throws Exception {
        Node n = new Node(name, shared);
        nodes.add(n);
        for (int i = 0; i < regions; i++) {
            String code = region(i);
            n.camel.addRoutes(new RegionRoutes(code, Set.of(Stage.COMPILE), interval, interval, poller, exchange -> { })
                    .withPace(RegionRoutes.CLUSTERED).withTracker(n.work));
        }
        return n;
    }

    private static String region(int i) {
        return String.format("44%02d00", i + 1);
    }

    /** A poller that records which node fired and whether another node was in the same job at the same time. */
    private RegionRoutes.StagePoller recording(String node, String region, Duration busy) {
        return stage -> {
            String job = region + " " + stage;
            if (running.computeIfAbsent(job, k -> new AtomicInteger()).incrementAndGet() > 1) {
                overlaps.add(job + " on " + node);
            }
            firings.add(node + " " + job);
            try {
                TimeUnit.MILLISECONDS.sleep(busy.toMillis());
            } finally {
                running.get(job).decrementAndGet();
            }
        };
    }

    @AfterEach
    void stopNodes() throws Exception {
        for (Node n : nodes) {
            n.close();
        }
    }

    @Test
    void twentyRegionsSpreadOverTwoNodesAndNoJobRunsOnBothAtOnce() throws Exception {
        DataSource db = emptyDatabase();
        Duration interval = Duration.ofMillis(400);
        // each node's poller is its own, as in two processes; the overlap check is shared
        Node a = new Node("node-a", db);
        Node b = new Node("node-b", db);
        nodes.add(a);
        nodes.add(b);
        for (Node n : List.of(a, b)) {
            for (int i = 0; i < 20; i++) {
                String code = region(i);
                RegionRoutes.StagePoller poller = recording(n.name, code, Duration.ofMillis(60));
                n.camel.addRoutes(new RegionRoutes(code, Set.of(Stage.COMPILE), interval, interval, poller, exchange -> { })
                        .withPace(RegionRoutes.CLUSTERED).withTracker(n.work));
            }
        }
        a.camel.start();
        b.camel.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> regionsOf("node-a").size() >= 1 && regionsOf("node-b").size() >= 1
                && regionsOf("node-a").size() + regionsOf("node-b").size() >= 20
                && union().size() == 20 && firings.size() >= 100);
        assertEquals(List.of(), overlaps, "one region's job ran on two nodes at once");
        Set<String> onA = regionsOf("node-a");
        Set<String> onB = regionsOf("node-b");
        assertTrue(!onA.isEmpty() && !onB.isEmpty(), "both nodes handle some regions: a " + onA + ", b " + onB);

        // which node has which region, as status.json shows it: one of the two, for every region
        Map<String, WorkTracker.Work> work = a.work.snapshot();
        for (int i = 0; i < 20; i++) {
            WorkTracker.Work region = work.get(WorkTracker.regionKey(region(i)));
            assertTrue(region != null && Set.of("node-a", "node-b").contains(region.node()), region(i) + ": " + region);
        }
        assertEquals(List.of("node-a", "node-b"), a.scheduler.nodes().stream().filter(ClusterScheduler.NodeSeen::alive)
                .map(ClusterScheduler.NodeSeen::node).toList(), "both nodes alive in the cluster's state table");
    }

    @Test
    void aJobStuckOnANodeThatStopsCheckingInIsFiredByTheOtherNodeAndNeverWhileItIsAlive() throws Exception {
        DataSource db = emptyDatabase();
        CountDownLatch release = new CountDownLatch(1);
        List<String> holders = new CopyOnWriteArrayList<>();
        Map<String, Long> firstFiring = new ConcurrentHashMap<>();
        String region = region(0);
        Node[] both = new Node[2];
        for (int k = 0; k < 2; k++) {
            String name = k == 0 ? "node-a" : "node-b";
            both[k] = node(name, db, 1, Duration.ofMillis(300), stage -> {
                firings.add(name + " " + region + " " + stage);
                firstFiring.putIfAbsent(name, System.nanoTime());
                if (holders.isEmpty()) {
                    holders.add(name);
                    release.await(); // a large event: this node holds the region's stage job
                }
            });
        }
        for (Node n : both) {
            n.camel.start();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !holders.isEmpty());
        String holder = holders.get(0);
        Node dying = holder.equals("node-a") ? both[0] : both[1];
        Node survivor = dying == both[0] ? both[1] : both[0];
        // alive and busy: the other node never fires the same job (it is blocked in the cluster)
        TimeUnit.SECONDS.sleep(3);
        assertEquals(List.of(), firings.stream().filter(f -> f.startsWith(survivor.name) && f.contains(Stage.COMPILE.name()))
                .toList(), "the stage job ran on a second node while its holder was alive");

        long cutAt = System.nanoTime();
        dying.cut = true; // no more check-ins: as kill -9 (or a partition) looks to the cluster
        await().atMost(CHECKIN.plusMillis(ClusterScheduler.QUARTZ_GRACE_MS).plusSeconds(20))
                .until(() -> firstFiring.containsKey(survivor.name));
        long takeoverMs = TimeUnit.NANOSECONDS.toMillis(firstFiring.get(survivor.name) - cutAt);
        System.out.printf("takeover of %s's job by %s after %d ms (check-in %d ms)%n", dying.name, survivor.name,
                takeoverMs, CHECKIN.toMillis());
        assertTrue(takeoverMs >= CHECKIN.toMillis(), "taken over before the holder could be known dead: " + takeoverMs);
        assertNotEquals(dying.name, survivor.name);
        await().atMost(Duration.ofSeconds(10)).until(() -> survivor.scheduler.nodes().stream()
                .noneMatch(n -> n.node().equals(dying.name) && n.alive()));
        // reconnected before its job ends: a job that completes while its node is cut off has Quartz retry the
        // completion every dbRetryInterval (15 s), and the node's stop waits for that
        dying.cut = false;
        release.countDown();
    }

    private Set<String> regionsOf(String node) {
        return firings.stream().filter(f -> f.startsWith(node + " ")).map(f -> f.split(" ")[1])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private Set<String> union() {
        return firings.stream().map(f -> f.split(" ")[1]).collect(Collectors.toCollection(TreeSet::new));
    }
}
