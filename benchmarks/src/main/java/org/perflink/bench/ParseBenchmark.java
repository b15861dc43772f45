package org.perflink.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.Project;

/**
 * The other half of the bare limit: reading a page of {@value BenchData#PAGE} projects as the mock serves it into
 * {@code Parsed<Project>} records with the contract's mapper, the way HttpHostGateway does (tree, then each
 * item bound). Normalised per project ({@code @OperationsPerInvocation}), so ops/s = projects/s and
 * {@code gc.alloc.rate.norm} = bytes per project.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ParseBenchmark {

    @Param("10000")
    public int projects;

    private BenchData data;
    private byte[][] pages;
    private int next;

    @Setup
    public void setup() {
        data = new BenchData(projects);
        pages = new byte[(projects + BenchData.PAGE - 1) / BenchData.PAGE][];
        long bytes = 0;
        for (int p = 0; p < pages.length; p++) {
            pages[p] = data.projectPage(p * BenchData.PAGE, BenchData.PAGE);
            bytes += pages[p].length;
        }
        System.err.printf("%n[parse] %d pages, %d bytes of JSON (%.0f bytes/project)%n", pages.length, bytes,
                bytes / (double) projects);
    }

    @Benchmark
    @OperationsPerInvocation(BenchData.PAGE)
    public List<Parsed<Project>> parsePage() {
        byte[] page = pages[next];
        if (++next == pages.length) {
            next = 0;
        }
        return data.parseProjects(page);
    }
}
