package org.perflink.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.perflink.launcher.KarafProcess;

/**
 * The figures behind {@code perflink.st.karafJavaOpts} and {@code perflink.it.karafJavaOpts}, a measurement and not a
 * test of the suite (no {@code IT} suffix: failsafe runs it only when named, {@code -Dit.test=BootOptionsBench}): for
 * each set of JVM options ({@code -Dbench.variants}, separated by {@code ;}, a blank one is Karaf as shipped), in
 * {@code -Dbench.rounds} rounds, a Karaf with the demo regions is booted, runs their year and is stopped; the wall time
 * and the Karaf JVM's CPU time of the boot and of the year, and the stop's wall time, go to {@code figures.txt}. The only
 * assertion is that every variant leaves the same result ids at the host; the times are reported, never asserted.
 */
@Timeout(value = 60, unit = TimeUnit.MINUTES)
class BootOptionsBench extends SystemTestSupport {

    @Test
    void bootAndYearUnderEachSetOfJvmOptions(@TempDir Path dir) throws Exception {
        String[] variants = System.getProperty("bench.variants", " ;-XX:TieredStopAtLevel=1 -XX:+UseSerialGC").split(";");
        int rounds = Integer.getInteger("bench.rounds", 2);
        Set<String> first = null;
        for (int round = 0; round < rounds; round++) {
            for (int v = 0; v < variants.length; v++) {
                String opts = variants[v].strip();
                host.reset(demo);
                lastSeq.clear();
                KarafProcess k = karaf(dir, "v" + v + "r" + round, REGIONS);
                // bin/setenv's value wins over the one failsafe passes (EXTRA_JAVA_OPTS, perflink.st.karafJavaOpts)
                Files.writeString(k.home().resolve("bin/setenv"), "\nexport EXTRA_JAVA_OPTS=\"" + opts + "\"\n",
                        StandardOpenOption.APPEND);
                Instant t0 = Instant.now();
                start(k, REGIONS);
                long bootMillis = millisSince(t0);
                long bootCpu = k.cpu().orElseThrow().toMillis();
                Instant y0 = Instant.now();
                for (String stage : STAGES) {
                    script(stage);
                    await("the demo year, " + stage, Duration.ofMinutes(5), k, () -> done(k));
                }
                long yearMillis = millisSince(y0);
                long yearCpu = k.cpu().orElseThrow().toMillis() - bootCpu;
                Instant s0 = Instant.now();
                stopInstances();
                long stopMillis = millisSince(s0);
                Set<String> got = results().keySet();
                if (first == null) {
                    first = got;
                }
                assertEquals(first, got, "every variant leaves the same result ids at the host");
                report(String.format("BootOptionsBench round %d [%s]: boot %d ms (CPU %d ms), year %d ms (CPU %d ms), stop "
                        + "%d ms; load average %s", round, opts.isEmpty() ? "as shipped" : opts, bootMillis, bootCpu,
                        yearMillis, yearCpu, stopMillis, Files.readString(Path.of("/proc/loadavg")).strip()));
            }
        }
    }
}
