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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.StageEvent;
import org.perflink.api.model.Verdict;
import org.perflink.api.rules.RulePack;
import org.perflink.compile.internal.TargetChecker;

/**
 * Compile-stage target checks (issue 3's measure): one operation = one project checked with
 * {@link TargetChecker#check(Parsed, StageEvent, RulePack)}, the entry point the compile hook calls, cycling
 * through a pool of {@code projects} generated projects (10 indicators each, ~18 % with a compile defect),
 * phase PUBLISHED (every phase's rules run), the built-in rule pack (every rule on) and the distribution's
 * indicator library (LIBRARY_UNKNOWN_INDICATOR runs). ops/s = projects/s; {@code -prof gc} gives
 * {@code gc.alloc.rate.norm} = bytes allocated per project.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CompileCheckBenchmark {

    @Param("10000")
    public int projects;

    @Param("PUBLISHED")
    public Phase phase;

    private Parsed<Project>[] pool;
    private TargetChecker checker;
    private StageEvent event;
    private RulePack pack;
    private int next;

    @Setup
    @SuppressWarnings("unchecked")
    public void setup() {
        BenchData data = new BenchData(projects);
        List<Parsed<Project>> parsed = data.parsedProjects();
        pool = parsed.toArray(new Parsed[0]);
        checker = new TargetChecker(BenchData.library());
        event = data.compileEvent(phase);
        pack = RulePack.DEFAULT;
        Map<Verdict.Outcome, Integer> mix = new EnumMap<>(Verdict.Outcome.class);
        long findings = 0;
        for (Parsed<Project> p : pool) {
            Verdict v = checker.check(p, event, pack);
            mix.merge(v.outcome(), 1, Integer::sum);
            findings += v.findings().size();
        }
        System.err.printf("%n[compile] %d projects, phase %s: outcomes %s, %.2f findings/project%n", pool.length,
                phase, mix, findings / (double) pool.length);
    }

    @TearDown
    public void tearDown() {
        checker.close();
    }

    @Benchmark
    public Verdict check() {
        Parsed<Project> p = pool[next];
        if (++next == pool.length) {
            next = 0;
        }
        return checker.check(p, event, pack);
    }
}
