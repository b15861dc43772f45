package org.perflink.bench;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.ExecutionSnapshot;
import org.perflink.api.model.Project;
import org.perflink.api.model.Warning;
import org.perflink.api.rules.RulePack;
import org.perflink.execute.internal.DualMonitor;

/**
 * Dual monitoring (双监控): one operation = one project assessed with {@link DualMonitor#assess} for the round of
 * {@link BenchData#MONITOR_AS_OF} (after 31 August: the key-project rule runs too), built-in rule pack. The
 * generator's snapshots lag, run behind on indicators, grade qualitative rows C/D, carry 1 % zero budgets, and
 * 2.5 % of projects have none (NO_DATA). ops/s = projects/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class MonitorBenchmark {

    @Param("10000")
    public int projects;

    private Project[] pool;
    private ExecutionSnapshot[] snapshots;
    private DualMonitor monitor;
    private int next;

    @Setup
    public void setup() {
        BenchData data = new BenchData(projects);
        List<Parsed<Project>> parsed = data.parsedProjects();
        Map<String, ExecutionSnapshot> byCode = data.snapshots(BenchData.MONITOR_AS_OF);
        pool = new Project[parsed.size()];
        snapshots = new ExecutionSnapshot[parsed.size()];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = parsed.get(i).value();
            snapshots[i] = byCode.get(parsed.get(i).key());
        }
        monitor = new DualMonitor(data.regionCode(), data.year(), BenchData.MONITOR_AS_OF, RulePack.DEFAULT);
        Map<Warning.Type, Integer> mix = new EnumMap<>(Warning.Type.class);
        int withWarning = 0;
        for (int i = 0; i < pool.length; i++) {
            List<Warning> w = monitor.assess(pool[i], snapshots[i]);
            w.forEach(x -> mix.merge(x.type(), 1, Integer::sum));
            withWarning += w.isEmpty() ? 0 : 1;
        }
        System.err.printf("%n[monitor] %d projects (%d snapshots) at %s: %d with warnings, by type %s%n", pool.length,
                byCode.size(), BenchData.MONITOR_AS_OF, withWarning, mix);
    }

    @Benchmark
    public List<Warning> assess() {
        int i = next;
        if (++next == pool.length) {
            next = 0;
        }
        return monitor.assess(pool[i], snapshots[i]);
    }
}
