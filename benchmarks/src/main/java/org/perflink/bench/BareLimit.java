package org.perflink.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.GarbageCollectionNotificationInfo;

import org.perflink.api.host.Parsed;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.StageEvent;
import org.perflink.api.model.Verdict;
import org.perflink.api.rules.RulePack;
import org.perflink.compile.internal.TargetChecker;

/**
 * The bare limit of the compile stage (issue 8): N projects as the mock host serves them (JSON pages of 200,
 * made by the mock's own generator), each page read with the contract's mapper into {@code Parsed<Project>}
 * exactly as HttpHostGateway does, each project checked with the same {@link TargetChecker} entry point the
 * compile hook calls, in a plain loop on one thread. No HTTP, Camel, store or result encoding (unless
 * {@code --encode}).
 *
 * <pre>
 * java -Xmx512m -cp target/benchmarks.jar org.perflink.bench.BareLimit [--projects 100000] [--phase PUBLISHED]
 *      [--region 440000] [--year 2027] [--seed 1] [--warmup 0] [--encode]
 *      [--stage compile|execute|close|link] [--as-of 2027-09-30]
 * </pre>
 * {@code --stage execute|close|link} runs the other stages' bare limits instead ({@link StageBareLimit}).
 * The wall time counts reading and checking only; making the page bytes (the mock's side) is timed apart. The
 * JIT starts cold (as in a freshly started container) unless {@code --warmup N} checks N projects first.
 * The last line is machine-readable ({@code BARE key=value ...}) for e2e.sh.
 */
public final class BareLimit {

    private BareLimit() {
    }

    public record Result(int projects, long parseNanos, long checkNanos, long generateNanos,
            Map<Verdict.Outcome, Integer> outcomes, long findings, long peakHeapBytes, long maxLiveBytes,
            long gcCount, long gcMillis) {

        public long wallNanos() {
            return parseNanos + checkNanos;
        }

        public double perSecond() {
            return projects / (wallNanos() / 1e9);
        }
    }

    public static void main(String[] args) throws Exception {
        int projects = 100_000;
        Phase phase = Phase.PUBLISHED;
        String region = BenchData.REGION;
        int year = BenchData.YEAR;
        long seed = BenchData.SEED;
        int warmup = 0;
        boolean encode = false;
        String stage = "compile";
        java.time.LocalDate asOf = BenchData.MONITOR_AS_OF;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--projects", "-n" -> projects = Integer.parseInt(args[++i]);
                case "--phase" -> phase = Phase.valueOf(args[++i].toUpperCase(Locale.ROOT));
                case "--region" -> region = args[++i];
                case "--year" -> year = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--encode" -> encode = true;
                case "--stage" -> stage = args[++i].toLowerCase(Locale.ROOT);
                case "--as-of" -> asOf = java.time.LocalDate.parse(args[++i]);
                case "--help", "-h" -> {
                    System.out.println("usage: BareLimit [--projects N] [--phase P] [--region R] [--year Y] [--seed S]"
                            + " [--warmup N] [--encode] [--stage compile|execute|close|link] [--as-of YYYY-MM-DD]");
                    return;
                }
                default -> {
                    if (args[i].matches("\\d+")) {
                        projects = Integer.parseInt(args[i]);
                    } else {
                        throw new IllegalArgumentException("unknown option " + args[i]);
                    }
                }
            }
        }
        if (!stage.equals("compile")) {
            StageBareLimit.main(stage, projects, region, year, seed, asOf, warmup);
            return;
        }
        long t0 = System.nanoTime();
        TargetChecker checker = new TargetChecker(BenchData.library());
        long bootNanos = System.nanoTime() - t0;
        if (warmup > 0) {
            run(new BenchData(region, year, warmup, seed + 1), checker, phase, encode, null);
        }
        BenchData data = new BenchData(region, year, projects, seed);
        System.gc();
        HeapWatch heap = new HeapWatch();
        long cpu0 = processCpuNanos();
        Result r = run(data, checker, phase, encode, heap);
        long cpu = processCpuNanos() - cpu0;
        checker.close();

        System.out.printf(Locale.ROOT, "Bare limit: %d projects of region %s/%d (seed %d), phase %s, %s, %s%n",
                projects, region, year, seed, phase, warmup > 0 ? "after " + warmup + " warm-up projects" : "cold JIT",
                encode ? "verdicts encoded to JSON" : "verdicts not encoded");
        System.out.printf(Locale.ROOT, "  wall (parse + check)  %8.2f s   %,10.0f projects/s%n", r.wallNanos() / 1e9,
                r.perSecond());
        System.out.printf(Locale.ROOT, "    parse (Jackson)     %8.2f s   %5.1f µs/project%n", r.parseNanos() / 1e9,
                r.parseNanos() / 1e3 / projects);
        System.out.printf(Locale.ROOT, "    check%s     %8.2f s   %5.1f µs/project%n", encode ? "+encode" : "       ",
                r.checkNanos() / 1e9, r.checkNanos() / 1e3 / projects);
        System.out.printf(Locale.ROOT, "  (not counted: making the pages %.2f s, TargetChecker bootstrap %.2f s)%n",
                r.generateNanos() / 1e9, bootNanos / 1e9);
        System.out.printf(Locale.ROOT, "  outcomes %s, %.2f findings/project%n", r.outcomes(),
                r.findings() / (double) Math.max(1, projects));
        System.out.printf(Locale.ROOT, "  peak heap %.0f MB (largest heap occupancy before a GC), ≤ %.0f MB after a GC,"
                + " max heap %.0f MB; GC %d collections, %d ms%n", r.peakHeapBytes() / 1048576.0,
                r.maxLiveBytes() / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0, r.gcCount(), r.gcMillis());
        System.out.printf(Locale.ROOT, "  process CPU %.2f s (incl. making the pages, JIT and GC threads)%n", cpu / 1e9);
        System.out.printf(Locale.ROOT, "BARE projects=%d wall_s=%.3f per_s=%.0f parse_s=%.3f check_s=%.3f "
                + "peak_heap_mb=%.0f after_gc_heap_mb=%.0f gc_ms=%d cpu_s=%.2f%n", projects, r.wallNanos() / 1e9,
                r.perSecond(), r.parseNanos() / 1e9, r.checkNanos() / 1e9, r.peakHeapBytes() / 1048576.0,
                r.maxLiveBytes() / 1048576.0, r.gcMillis(), cpu / 1e9);
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** Reads and checks every project of {@code data}, page by page. */
    public static Result run(BenchData data, TargetChecker checker, Phase phase, boolean encode, HeapWatch heap)
            throws Exception {
        StageEvent event = data.compileEvent(phase);
        RulePack pack = RulePack.DEFAULT;
        ObjectMapper mapper = data.mapper();
        Map<Verdict.Outcome, Integer> outcomes = new EnumMap<>(Verdict.Outcome.class);
        long parse = 0;
        long check = 0;
        long generate = 0;
        long findings = 0;
        long encodedBytes = 0;
        int n = data.size();
        for (int from = 0; from < n; from += BenchData.PAGE) {
            long a = System.nanoTime();
            byte[] page = data.projectPage(from, BenchData.PAGE);
            long b = System.nanoTime();
            List<Parsed<Project>> items = data.parseProjects(page);
            long c = System.nanoTime();
            for (Parsed<Project> item : items) {
                Verdict v = checker.check(item, event, pack);
                if (encode) {
                    encodedBytes += mapper.writeValueAsBytes(v).length;
                }
                outcomes.merge(v.outcome(), 1, Integer::sum);
                findings += v.findings().size();
            }
            long d = System.nanoTime();
            generate += b - a;
            parse += c - b;
            check += d - c;
        }
        if (encodedBytes < 0) {
            System.out.println(); // keeps the encoding alive
        }
        return heap == null ? new Result(n, parse, check, generate, outcomes, findings, 0, 0, 0, 0)
                : heap.finish(n, parse, check, generate, outcomes, findings);
    }

    /** Heap occupancy seen by the GC notifications (before and after each collection) and the pools' peaks. */
    public static final class HeapWatch {
        private final Set<String> heapPools;
        private final AtomicLong peakBefore = new AtomicLong();
        private final AtomicLong maxAfter = new AtomicLong();
        private final long gcCount0;
        private final long gcMillis0;

        public HeapWatch() {
            List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            heapPools = pools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
            pools.forEach(MemoryPoolMXBean::resetPeakUsage);
            long c = 0;
            long m = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                c += gc.getCollectionCount();
                m += gc.getCollectionTime();
                ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        return;
                    }
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                            .getGcInfo();
                    peakBefore.accumulateAndGet(sum(info.getMemoryUsageBeforeGc()), Math::max);
                    maxAfter.accumulateAndGet(sum(info.getMemoryUsageAfterGc()), Math::max);
                }, null, null);
            }
            gcCount0 = c;
            gcMillis0 = m;
        }

        private long sum(Map<String, MemoryUsage> usage) {
            long s = 0;
            for (Map.Entry<String, MemoryUsage> e : usage.entrySet()) {
                if (heapPools.contains(e.getKey())) {
                    s += e.getValue().getUsed();
                }
            }
            return s;
        }

        /** Peak occupancy before a GC (or now, if higher), max after a GC, GCs and their time since creation. */
        public record Heap(long peakBytes, long maxAfterGcBytes, long gcCount, long gcMillis) {
        }

        public Heap heap() {
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long c = 0;
            long m = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                c += gc.getCollectionCount();
                m += gc.getCollectionTime();
            }
            return new Heap(Math.max(peakBefore.get(), now), maxAfter.get(), c - gcCount0, m - gcMillis0);
        }

        Result finish(int n, long parse, long check, long generate, Map<Verdict.Outcome, Integer> outcomes,
                long findings) {
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long c = 0;
            long m = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                c += gc.getCollectionCount();
                m += gc.getCollectionTime();
            }
            return new Result(n, parse, check, generate, outcomes, findings, Math.max(peakBefore.get(), now),
                    maxAfter.get(), c - gcCount0, m - gcMillis0);
        }
    }
}
