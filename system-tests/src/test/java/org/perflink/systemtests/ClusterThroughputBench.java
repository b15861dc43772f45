package org.perflink.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.perflink.launcher.KarafProcess;

/**
 * Issue 16's throughput figure, a measurement and not a test of the suite (no {@code IT} suffix: failsafe runs it only
 * when named, {@code benchmarks/cluster.sh} does): the same year of 20 generated regions
 * ({@code -Dperflink.bench.projects}, default 500 projects each) on one node, then on two, both in cluster mode
 * on the same PostgreSQL, the mock host in this JVM. Per stage, the wall time from the stage's events to the cluster
 * being done with them (every cursor at the end, the outbox empty). The only assertion is that both runs leave the
 * same results at the host; the times are reported, never asserted.
 */
@Timeout(value = 60, unit = TimeUnit.MINUTES)
class ClusterThroughputBench extends ClusterTestSupport {

    static final int PROJECTS = Integer.getInteger("perflink.bench.projects", 500);

    @Override
    int projects(String region) {
        return PROJECTS;
    }

    @Test
    void oneNodeAgainstTwoOnTheSameYear(@TempDir Path dir) throws Exception {
        Map<String, Long> one = year(dir.resolve("one"), 1);
        Map<String, JsonNode> oneResults = resultsWithoutInstancePaths();
        long results = oneResults.size();
        newRun();
        Map<String, Long> two = year(dir.resolve("two"), 2);
        assertEquals(oneResults, resultsWithoutInstancePaths(), "one node and two leave the same results at the host");

        long projectEvents = (long) CITIES.size() * PROJECTS * 8; // 4 COMPILE, 2 EXECUTE, 2 CLOSE events per region
        StringBuilder t = new StringBuilder(String.format("ClusterThroughputBench: 20 regions x %d projects, one year "
                + "(%d project-events, %d results), check-in %d s, load average at the end %s%n", PROJECTS,
                projectEvents, results, CHECKIN.toSeconds(), loadAverage()));
        t.append("| stage | 1 node (ms) | 2 nodes (ms) | 2 nodes / 1 node throughput |\n|---|---|---|---|\n");
        for (String stage : one.keySet()) {
            t.append(String.format("| %s | %d | %d | %.2f |%n", stage, one.get(stage), two.get(stage),
                    (double) one.get(stage) / two.get(stage)));
        }
        report(t.toString().strip());
        report(String.format("ClusterThroughputBench: project-events/s: 1 node %.0f, 2 nodes %.0f", projectEvents * 1000.0
                / one.get("year"), projectEvents * 1000.0 / two.get("year")));
    }

    /** Boots {@code n} nodes, runs the year, returns the wall time of each stage and of the year. */
    private Map<String, Long> year(Path dir, int n) throws Exception {
        KarafProcess[] nodes = new KarafProcess[n];
        for (int i = 0; i < n; i++) {
            nodes[i] = node(dir, i + 1);
        }
        startAll(nodes);
        Map<String, Long> times = new LinkedHashMap<>();
        Instant year = Instant.now();
        for (String stage : STAGES) {
            Instant t = Instant.now();
            stage(stage, nodes[0]);
            times.put(stage, millisSince(t));
        }
        times.put("year", millisSince(year));
        return times;
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
