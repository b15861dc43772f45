package org.perflink.bench;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.perflink.api.host.Parsed;
import org.perflink.api.model.Adjustment;
import org.perflink.api.model.DepartmentEvaluationInput;
import org.perflink.api.model.ExecutionSnapshot;
import org.perflink.api.model.Notice;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectEvaluationInput;
import org.perflink.api.model.Score;
import org.perflink.api.model.Warning;
import org.perflink.api.rules.RulePack;
import org.perflink.close.internal.DepartmentComposite.DepartmentResult;
import org.perflink.close.internal.ProjectScorer;
import org.perflink.close.internal.YearLinkage;
import org.perflink.execute.internal.DualMonitor;

/**
 * The bare limit of the execute and close stages (issue 8), the counterpart of {@link BareLimit} for compile:
 * the generated region's data as the mock serves it (JSON pages made by the mock's generator), read with the
 * contract's mapper the way HttpHostGateway reads a page, and run through the same rule code the hooks call, in a
 * plain loop on one thread of one JVM. No HTTP, Camel, store or result encoding. Making the page bytes (the mock's
 * side) is timed apart and not counted.
 *
 * <ul>
 * <li>{@code execute}: as MonitorHook does for one region-wide MONITOR round: execution snapshots at {@code asOf}
 *     in pages of 200, the projects (targets) of each page in one lookup page ({@code codes=}, limit 1000),
 *     {@link DualMonitor#assess} per snapshot; then {@link DualMonitor#noSnapshot} for every project without a
 *     snapshot. Every project is read once (the hook reads all of them a second time to find those without a
 *     snapshot: the bare limit does not).</li>
 * <li>{@code close} (EVALUATE): evaluation inputs in pages of 200, the projects of each page in one lookup page,
 *     {@link ProjectScorer#score} per project (a refusal costs its exception, as in CloseHook).</li>
 * <li>{@code link} (LINK): the same, plus {@link YearLinkage#project} per project, then every department input
 *     ({@link YearLinkage#department}) and the notices ({@link YearLinkage#notices}).</li>
 * </ul>
 * The result counts are what the end-to-end run should find at the host (e2e.sh compares them): warnings (a fresh
 * instance has no earlier round, so nothing is cleared), scores, adjustments + notices.
 */
public final class StageBareLimit {

    /** StageInputs.LOOKUP_SIZE (EvaluationFeed.PROJECT_PAGE): one lookup covers a page of inputs. */
    static final int LOOKUP = 1000;

    private StageBareLimit() {
    }

    /** Counts of one run: the results by kind and a breakdown for the report. */
    public record Result(String stage, int projects, int items, long parseNanos, long ruleNanos, long generateNanos,
            long results, Map<String, Integer> mix, BareLimit.HeapWatch.Heap heap) {

        public long wallNanos() {
            return parseNanos + ruleNanos;
        }

        public double perSecond() {
            return projects / (wallNanos() / 1e9);
        }
    }

    static void main(String stage, int projects, String region, int year, long seed, LocalDate asOf, int warmup)
            throws Exception {
        if (!Set.of("execute", "close", "link").contains(stage)) {
            throw new IllegalArgumentException("--stage: " + stage + " is not one of compile, execute, close, link");
        }
        if (warmup > 0) {
            run(stage, new BenchData(region, year, warmup, seed + 1), asOf, null);
        }
        BenchData data = new BenchData(region, year, projects, seed);
        System.gc();
        BareLimit.HeapWatch heap = new BareLimit.HeapWatch();
        long cpu0 = processCpuNanos();
        Result r = run(stage, data, asOf, heap);
        long cpu = processCpuNanos() - cpu0;

        String what = switch (stage) {
            case "execute" -> "EXECUTE/MONITOR at " + asOf + ": DualMonitor.assess (+ noSnapshot)";
            case "close" -> "CLOSE/EVALUATE: ProjectScorer.score";
            default -> "CLOSE/LINK: ProjectScorer.evaluate + YearLinkage (projects, departments, notices)";
        };
        String resultKind = switch (stage) {
            case "execute" -> "warnings";
            case "close" -> "scores";
            default -> "adjustments + notices";
        };
        System.out.printf(Locale.ROOT, "Bare limit: %d projects of region %s/%d (seed %d), %s, %s%n", projects, region,
                year, seed, what, warmup > 0 ? "after " + warmup + " warm-up projects" : "cold JIT");
        System.out.printf(Locale.ROOT, "  wall (parse + rules)  %8.2f s   %,10.0f projects/s   %d %s (%,.0f/s)%n",
                r.wallNanos() / 1e9, r.perSecond(), r.results(), resultKind, r.results() / (r.wallNanos() / 1e9));
        System.out.printf(Locale.ROOT, "    parse (Jackson)     %8.2f s   %5.1f µs/project (%d items and their projects)%n",
                r.parseNanos() / 1e9, r.parseNanos() / 1e3 / projects, r.items());
        System.out.printf(Locale.ROOT, "    rules               %8.2f s   %5.1f µs/project%n", r.ruleNanos() / 1e9,
                r.ruleNanos() / 1e3 / projects);
        System.out.printf(Locale.ROOT, "  (not counted: making the pages %.2f s)%n", r.generateNanos() / 1e9);
        System.out.printf(Locale.ROOT, "  results %s%n", r.mix());
        System.out.printf(Locale.ROOT, "  peak heap %.0f MB (largest heap occupancy before a GC), ≤ %.0f MB after a GC,"
                + " max heap %.0f MB; GC %d collections, %d ms%n", r.heap().peakBytes() / 1048576.0,
                r.heap().maxAfterGcBytes() / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0,
                r.heap().gcCount(), r.heap().gcMillis());
        System.out.printf(Locale.ROOT, "  process CPU %.2f s (incl. making the pages, JIT and GC threads)%n", cpu / 1e9);
        System.out.printf(Locale.ROOT, "BARE stage=%s projects=%d results=%d wall_s=%.3f per_s=%.0f parse_s=%.3f "
                + "rules_s=%.3f peak_heap_mb=%.0f after_gc_heap_mb=%.0f gc_ms=%d cpu_s=%.2f%n", stage, projects,
                r.results(), r.wallNanos() / 1e9, r.perSecond(), r.parseNanos() / 1e9, r.ruleNanos() / 1e9,
                r.heap().peakBytes() / 1048576.0, r.heap().maxAfterGcBytes() / 1048576.0, r.heap().gcMillis(),
                cpu / 1e9);
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    public static Result run(String stage, BenchData data, LocalDate asOf, BareLimit.HeapWatch heap) {
        return switch (stage) {
            case "execute" -> execute(data, asOf, heap);
            case "close" -> close(data, false, heap);
            case "link" -> close(data, true, heap);
            default -> throw new IllegalArgumentException("stage " + stage);
        };
    }

    /** Times the three parts of a loop: making pages (not counted), parsing, rules. */
    private static final class Clock {
        long generate;
        long parse;
        long rules;
        long mark = System.nanoTime();

        void generated() {
            long t = System.nanoTime();
            generate += t - mark;
            mark = t;
        }

        void parsed() {
            long t = System.nanoTime();
            parse += t - mark;
            mark = t;
        }

        void ruled() {
            long t = System.nanoTime();
            rules += t - mark;
            mark = t;
        }
    }

    /** Projects by code from one lookup page of {@code codes}. */
    private static Map<String, Project> lookup(BenchData data, List<String> codes, Clock clock) {
        byte[] page = data.projectPageByCodes(codes, LOOKUP);
        clock.generated();
        Map<String, Project> out = new HashMap<>(codes.size() * 2);
        for (Parsed<Project> p : data.parseProjects(page)) {
            if (p.valid()) {
                out.putIfAbsent(p.key(), p.value());
            }
        }
        clock.parsed();
        return out;
    }

    private static Result execute(BenchData data, LocalDate asOf, BareLimit.HeapWatch heap) {
        DualMonitor monitor = new DualMonitor(data.regionCode(), data.year(), asOf, RulePack.DEFAULT);
        Map<String, Integer> mix = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        long results = 0;
        int snapshots = data.executionCount(asOf);
        Clock clock = new Clock();
        for (int from = 0; from < snapshots; from += BenchData.PAGE) {
            clock.mark = System.nanoTime();
            byte[] page = data.executionPage(asOf, from, BenchData.PAGE);
            clock.generated();
            List<ExecutionSnapshot> items = new ArrayList<>(BenchData.PAGE);
            for (Parsed<ExecutionSnapshot> p : data.parsePage(page, ExecutionSnapshot.class, "projectCode")) {
                if (p.valid()) {
                    items.add(p.value());
                    seen.add(p.key());
                }
            }
            clock.parsed();
            Map<String, Project> projects = lookup(data, items.stream().map(ExecutionSnapshot::projectCode).toList(),
                    clock);
            for (ExecutionSnapshot s : items) {
                results += count(monitor.assess(projects.get(s.projectCode()), s), mix);
            }
            clock.ruled();
        }
        clock.mark = System.nanoTime();
        for (int i = 0; i < data.size(); i++) {
            String code = data.projectCode(i);
            if (!seen.contains(code)) {
                results += count(monitor.noSnapshot(code), mix);
            }
        }
        clock.ruled();
        return new Result("execute", data.size(), snapshots, clock.parse, clock.rules, clock.generate, results, mix,
                heap == null ? null : heap.heap());
    }

    private static int count(List<Warning> warnings, Map<String, Integer> mix) {
        for (Warning w : warnings) {
            mix.merge(w.type() + "/" + w.level(), 1, Integer::sum);
        }
        return warnings.size();
    }

    private static Result close(BenchData data, boolean link, BareLimit.HeapWatch heap) {
        String region = data.regionCode();
        ProjectScorer scorer = new ProjectScorer(RulePack.DEFAULT);
        YearLinkage linkage = new YearLinkage(region, data.year(), RulePack.DEFAULT);
        Map<String, Integer> mix = new TreeMap<>();
        long results = 0;
        Clock clock = new Clock();
        for (int from = 0; from < data.size(); from += BenchData.PAGE) {
            clock.mark = System.nanoTime();
            byte[] page = data.evaluationPage(from, BenchData.PAGE);
            clock.generated();
            List<ProjectEvaluationInput> inputs = new ArrayList<>(BenchData.PAGE);
            for (Parsed<ProjectEvaluationInput> p : data.parsePage(page, ProjectEvaluationInput.class, "projectCode")) {
                if (p.valid() && p.value().projectCode() != null) {
                    inputs.add(p.value());
                }
            }
            clock.parsed();
            Map<String, Project> projects = lookup(data, inputs.stream().map(ProjectEvaluationInput::projectCode)
                    .distinct().toList(), clock);
            for (ProjectEvaluationInput input : inputs) {
                Project project = projects.get(input.projectCode());
                if (project == null) {
                    mix.merge("no project", 1, Integer::sum);
                    continue;
                }
                try {
                    if (link) {
                        Optional<Adjustment> a = linkage.project(scorer.evaluate(region, project, input), 0);
                        if (a.isPresent()) {
                            results++;
                            mix.merge("adjustment " + a.get().scope() + "/" + a.get().action(), 1, Integer::sum);
                        }
                    } else {
                        Score s = scorer.score(region, project, input);
                        results++;
                        mix.merge("score " + s.grade(), 1, Integer::sum);
                    }
                } catch (RuntimeException e) {
                    mix.merge("refused", 1, Integer::sum); // CloseHook rejects the project
                }
            }
            clock.ruled();
        }
        if (link) {
            int departments = data.departmentCount();
            for (int from = 0; from < departments; from += BenchData.PAGE) {
                clock.mark = System.nanoTime();
                byte[] page = data.departmentPage(from, BenchData.PAGE);
                clock.generated();
                List<Parsed<DepartmentEvaluationInput>> items = data.parsePage(page, DepartmentEvaluationInput.class,
                        "departmentCode");
                clock.parsed();
                for (Parsed<DepartmentEvaluationInput> item : items) {
                    if (!item.valid()) {
                        mix.merge("department rejected", 1, Integer::sum);
                        continue;
                    }
                    try {
                        DepartmentResult r = linkage.department(item.value());
                        if (r.adjustment().isPresent()) {
                            results++;
                            mix.merge("adjustment DEPARTMENT/" + r.adjustment().get().action(), 1, Integer::sum);
                        }
                    } catch (RuntimeException e) {
                        mix.merge("department refused", 1, Integer::sum);
                    }
                }
                clock.ruled();
            }
            clock.mark = System.nanoTime();
            // CloseHook dates the notices by the event's occurredAt; the generator's scripted LINK is on Y+1-04-15
            for (Notice n : linkage.notices(LocalDate.of(data.year() + 1, 4, 15))) {
                results++;
                mix.merge("notice " + n.type(), 1, Integer::sum);
            }
            clock.ruled();
        }
        return new Result(link ? "link" : "close", data.size(), data.size(), clock.parse, clock.rules, clock.generate,
                results, mix, heap == null ? null : heap.heap());
    }
}
