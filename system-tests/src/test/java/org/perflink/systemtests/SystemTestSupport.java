package org.perflink.systemtests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.perflink.launcher.KarafProcess;
import org.perflink.mockhost.Dataset;
import org.perflink.mockhost.Faults;
import org.perflink.mockhost.MockHost;

/**
 * The built distribution as a separate Karaf process against the mock host in this JVM (demo dataset,
 * ephemeral port on 127.0.0.1). Each test gets a fresh host; every Karaf it starts is stopped (or killed)
 * after it, and its log is kept in {@code target/system-tests/}.
 */
abstract class SystemTestSupport {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Path DISTRIBUTION = Path.of(System.getProperty("perflink.distribution",
            "../distribution/target/perflink-1.0.0-SNAPSHOT/perflink-1.0.0-SNAPSHOT")).toAbsolutePath().normalize();
    static final Path DEMO_CONFIG = Path.of(System.getProperty("perflink.demoConfig", "../config/demo")).toAbsolutePath().normalize();
    static final Path OUT = Path.of(System.getProperty("perflink.systemtests.out", "target/system-tests")).toAbsolutePath().normalize();

    static final List<String> REGIONS = List.of("440000", "440100");
    static final List<String> STAGES = List.of("COMPILE", "EXECUTE", "CLOSE");
    /** The result kinds each stage writes back. */
    static final Map<String, List<String>> KINDS = Map.of("COMPILE", List.of("verdict"), "EXECUTE", List.of("warning"),
            "CLOSE", List.of("score", "adjustment", "notice"));

    /** A boot takes about 10 s; two test JVMs boot at once, and a busy machine slows each a lot more than 2×. */
    static final Duration BOOT = Duration.ofSeconds(180);
    static final Duration STAGE = Duration.ofSeconds(90);

    Dataset demo;
    MockHost host;
    /** Per region, the seq of the last event appended to its feed. */
    final Map<String, Long> lastSeq = new TreeMap<>();
    private final List<KarafProcess> instances = new ArrayList<>();
    private final Map<KarafProcess, String> names = new LinkedHashMap<>();
    private String testName;

    @BeforeEach
    void startHost(TestInfo info) throws IOException {
        testName = info.getTestClass().map(Class::getSimpleName).orElse("test");
        demo = dataset();
        host = new MockHost(MockHost.Options.defaults().withBind("127.0.0.1").withPort(0), demo).start();
    }

    /** The host's dataset: the demo's, unless a test needs another. */
    Dataset dataset() throws IOException {
        return Dataset.demo();
    }

    @AfterEach
    void stopEverything() throws Exception {
        try {
            stopInstances();
        } finally {
            host.stop();
        }
    }

    /** Stops (or kills) every Karaf this test started and keeps its log; again, it does nothing. */
    void stopInstances() throws Exception {
        try {
            for (KarafProcess k : instances) {
                Optional<Duration> cpu = k.cpu();
                try {
                    k.close();
                } finally {
                    keepLog(k);
                    cpu.ifPresent(c -> figure("karaf-cpu.txt", testName + " " + names.get(k) + ": " + c.toMillis()
                            + " ms of CPU (the JVM last started, up to its stop)"));
                }
            }
        } finally {
            instances.clear();
        }
    }

    private void keepLog(KarafProcess k) throws IOException {
        Files.createDirectories(OUT);
        if (Files.exists(k.log())) {
            Files.copy(k.log(), OUT.resolve(testName + "-" + names.get(k) + "-karaf.log"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A copy of the distribution in {@code dir}, pointed at the mock host, with the demo regions' files. */
    KarafProcess karaf(Path dir, String name, List<String> regions) throws IOException {
        KarafProcess k = KarafProcess.install(DISTRIBUTION, dir.resolve(name));
        instances.add(k);
        names.put(k, name);
        k.host(URI.create("http://127.0.0.1:" + host.port()), true);
        for (String region : regions) {
            k.copyConfig(DEMO_CONFIG.resolve("org.perflink.region-" + region + ".cfg"));
        }
        return k;
    }

    /** Starts Karaf and waits until PerfLink reports every one of {@code regions}. */
    long start(KarafProcess k, List<String> regions) throws Exception {
        long pid = k.start();
        await("PerfLink reporting regions " + regions, BOOT, k, () -> {
            JsonNode s = k.status();
            return s != null && regions.stream().allMatch(r -> s.path("regions").has(r));
        });
        return pid;
    }

    // --- the host ------------------------------------------------------------------------------------

    void faults(String json) throws IOException {
        host.faults(Faults.parse(MAPPER.readTree(json)));
    }

    void noFaults() {
        host.faults(Faults.NONE);
    }

    /** Appends a region's scripted events of a stage (the demo dataset's), as {@code POST /mock/script} does. */
    void script(String region, String stage) {
        for (ObjectNode e : host.script(region, stage, null)) {
            lastSeq.merge(region, e.path("seq").asLong(), Math::max);
        }
    }

    /** The region's scripted events of one stage and phase (e.g. COMPILE, DECLARED); returns them. */
    List<ObjectNode> script(String region, String stage, String phase) {
        List<ObjectNode> events = host.script(region, stage, phase);
        for (ObjectNode e : events) {
            lastSeq.merge(region, e.path("seq").asLong(), Math::max);
        }
        return events;
    }

    void script(String stage) {
        REGIONS.forEach(r -> script(r, stage));
    }

    /** Every result at the host: region/kind/id → latest body (top-level {@code ...At} timestamps left out). */
    Map<String, JsonNode> results() {
        Map<String, JsonNode> out = new TreeMap<>();
        for (JsonNode row : host.received().received(null, null, null, true).path("items")) {
            out.put(row.path("region").asText() + "/" + row.path("kind").asText() + "/" + row.path("id").asText(),
                    withoutTimestamps(row.path("body")));
        }
        return out;
    }

    static JsonNode withoutTimestamps(JsonNode body) {
        ObjectNode copy = body.deepCopy();
        for (Iterator<String> it = copy.fieldNames(); it.hasNext();) {
            if (it.next().endsWith("At")) {
                it.remove();
            }
        }
        return copy;
    }

    /** Result ids at the host of these kinds (all regions, or one when {@code region} is not null). */
    long ids(String region, List<String> kinds) {
        long n = 0;
        for (String kind : kinds) {
            n += host.received().received(region, kind, null, false).path("ids").asLong();
        }
        return n;
    }

    long writes(String region, List<String> kinds) {
        long n = 0;
        for (String kind : kinds) {
            n += host.received().received(region, kind, null, false).path("writes").asLong();
        }
        return n;
    }

    JsonNode stats() {
        return host.received().stats();
    }

    // --- waiting on PerfLink -------------------------------------------------------------------------

    /**
     * A region is done when, in {@code status.json}, every stage's cursor stands at the last event of its feed
     * (every event handled: its results are in the outbox), the poll found nothing new, and the outbox is
     * empty (everything delivered or parked as a dead letter). Read from the store, so a status written before
     * the work ended never passes.
     */
    boolean done(KarafProcess k, String region) {
        Long last = lastSeq.get(region);
        JsonNode s = k.status();
        if (last == null || s == null) {
            return false;
        }
        JsonNode r = s.path("regions").path(region);
        if (!"ACTIVE".equals(r.path("state").asText()) || r.path("backlog").asLong(-1) != 0) {
            return false;
        }
        JsonNode stages = r.path("stages");
        for (String stage : STAGES) {
            JsonNode st = stages.path(stage);
            if (!st.path("caughtUp").asBoolean(false) || !Long.toString(last).equals(st.path("cursor").asText())) {
                return false;
            }
        }
        return true;
    }

    boolean done(KarafProcess k) {
        return lastSeq.keySet().stream().allMatch(r -> done(k, r));
    }

    /** Waits (bounded) for {@code condition}; fails with the last status and the log's place when it never holds. */
    static void await(String what, Duration timeout, KarafProcess k, BooleanSupplier condition) throws Exception {
        try {
            Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            fail(what + ": not within " + timeout.toSeconds() + " s; status " + (k == null ? "-" : k.status())
                    + (k == null ? "" : "; log " + k.log()));
        }
    }

    /**
     * Waits (bounded) until the assertions hold on the file's text: FileInstall writes a configuration change back to
     * its etc/ file after the command has returned, later still on a busy machine.
     */
    static void awaitFile(Path file, Duration timeout, java.util.function.Consumer<String> assertion) {
        Awaitility.await(file + " rewritten").atMost(timeout).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertion.accept(Files.readString(file, StandardCharsets.ISO_8859_1)));
    }

    /** Asserts that {@code condition} holds all along {@code window} (e.g. nothing is written while a stage is off). */
    static void holdsDuring(String what, Duration window, BooleanSupplier condition) {
        Awaitility.await(what).during(window).atMost(window.plusSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(condition::getAsBoolean);
    }

    /** Polls fast (5 ms) until {@code condition}, at most {@code timeout}; true when it held. */
    static boolean poll(Duration timeout, BooleanSupplier condition) {
        try {
            Awaitility.await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                    .until(condition::getAsBoolean);
            return true;
        } catch (ConditionTimeoutException e) {
            return condition.getAsBoolean();
        }
    }

    static long millisSince(Instant t) {
        return Duration.between(t, Instant.now()).toMillis();
    }

    static void report(String text) {
        System.out.println(text);
        figure("figures.txt", text);
    }

    /** Appends a line to {@code target/system-tests/FILE} (the figures are in the test output too). */
    private static void figure(String file, String text) {
        try {
            Files.createDirectories(OUT);
            Files.writeString(OUT.resolve(file), text + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            // a figure only: the test goes on
        }
    }
}
