package org.perflink.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.Verdict;
import org.perflink.compile.internal.TargetChecker;

/** Each benchmark's setup and one operation with a tiny pool; nothing is measured here. */
class SmokeTest {

    private static final int N = 400;

    @Test
    void dataIsTheMockHostsAndParsesCleanly() {
        BenchData data = new BenchData(N);
        List<Parsed<Project>> parsed = data.parsedProjects();
        assertEquals(N, parsed.size());
        assertTrue(parsed.stream().allMatch(Parsed::valid), "every generated project binds to Project");
        assertEquals("440000-2027-000001", parsed.get(0).key());
        assertFalse(BenchData.library().isEmpty());
        assertFalse(data.snapshots(BenchData.MONITOR_AS_OF).isEmpty());
        assertEquals(N, data.evaluations().size());
    }

    @Test
    void compileCheck() {
        CompileCheckBenchmark b = new CompileCheckBenchmark();
        b.projects = N;
        b.phase = Phase.PUBLISHED;
        b.setup();
        try {
            boolean blocked = false;
            boolean passed = false;
            for (int i = 0; i < N; i++) {
                Verdict v = b.check();
                blocked |= v.outcome() == Verdict.Outcome.BLOCK;
                passed |= v.outcome() == Verdict.Outcome.PASS;
            }
            assertTrue(blocked && passed, "a realistic mix: some projects pass, some are blocked");
        } finally {
            b.tearDown();
        }
    }

    @Test
    void monitor() {
        MonitorBenchmark b = new MonitorBenchmark();
        b.projects = N;
        b.setup();
        assertNotNull(b.assess());
    }

    @Test
    void score() {
        ScoreBenchmark b = new ScoreBenchmark();
        b.projects = N;
        b.setup();
        assertNotNull(b.score());
    }

    @Test
    void parse() {
        ParseBenchmark b = new ParseBenchmark();
        b.projects = N;
        b.setup();
        assertEquals(BenchData.PAGE, b.parsePage().size());
    }

    @Test
    void bareLimit() throws Exception {
        try (TargetChecker checker = new TargetChecker(BenchData.library())) {
            BareLimit.Result r = BareLimit.run(new BenchData(N), checker, Phase.PUBLISHED, true,
                    new BareLimit.HeapWatch());
            assertEquals(N, r.outcomes().values().stream().mapToInt(Integer::intValue).sum());
            assertTrue(r.wallNanos() > 0);
        }
    }

    @Test
    void stageBareLimits() {
        BenchData data = new BenchData(N);
        StageBareLimit.Result execute = StageBareLimit.run("execute", data, BenchData.MONITOR_AS_OF,
                new BareLimit.HeapWatch());
        assertEquals(data.executionCount(BenchData.MONITOR_AS_OF), execute.items());
        assertTrue(execute.results() > 0 && execute.mix().keySet().stream().anyMatch(k -> k.startsWith("NO_DATA/")),
                "warnings, NO_DATA among them: " + execute.mix());
        StageBareLimit.Result close = StageBareLimit.run("close", data, null, null);
        assertTrue(close.results() > N * 9 / 10, "most projects scored: " + close.mix());
        StageBareLimit.Result link = StageBareLimit.run("link", data, null, null);
        assertTrue(link.mix().keySet().stream().anyMatch(k -> k.startsWith("adjustment DEPARTMENT/")), "" + link.mix());
        assertTrue(link.results() > N / 2, "adjustments and notices: " + link.mix());
    }
}
