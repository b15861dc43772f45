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
import org.perflink.api.model.Grade;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectEvaluationInput;
import org.perflink.api.model.Score;
import org.perflink.api.rules.RulePack;
import org.perflink.close.internal.ProjectScorer;

/**
 * Close-stage scoring: one operation = one project scored with {@link ProjectScorer#score}, built-in rule pack,
 * from the generator's evaluation inputs (forms' spellings {@code 98%}, {@code ≥266米}, some key evaluations,
 * missing self-scores). A project the scorer refuses (no applicable indicator and no key evaluation: the close
 * hook rejects it) costs its exception, as in the hook. ops/s = projects/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ScoreBenchmark {

    @Param("10000")
    public int projects;

    private Project[] pool;
    private ProjectEvaluationInput[] inputs;
    private ProjectScorer scorer;
    private String region;
    private int next;

    @Setup
    public void setup() {
        BenchData data = new BenchData(projects);
        List<Parsed<Project>> parsed = data.parsedProjects();
        Map<String, ProjectEvaluationInput> byCode = data.evaluations();
        pool = new Project[parsed.size()];
        inputs = new ProjectEvaluationInput[parsed.size()];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = parsed.get(i).value();
            inputs[i] = byCode.get(parsed.get(i).key());
        }
        region = data.regionCode();
        scorer = new ProjectScorer(RulePack.DEFAULT);
        Map<Grade, Integer> grades = new EnumMap<>(Grade.class);
        int refused = 0;
        for (int i = 0; i < pool.length; i++) {
            Object s = score(i);
            if (s instanceof Score sc) {
                grades.merge(sc.grade(), 1, Integer::sum);
            } else {
                refused++;
            }
        }
        System.err.printf("%n[score] %d projects: grades %s, %d refused by the scorer%n", pool.length, grades, refused);
    }

    private Object score(int i) {
        try {
            return scorer.score(region, pool[i], inputs[i]);
        } catch (RuntimeException e) {
            return e; // the close hook rejects the project with the exception's message
        }
    }

    @Benchmark
    public Object score() {
        int i = next;
        if (++next == pool.length) {
            next = 0;
        }
        return score(i);
    }
}
