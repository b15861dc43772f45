package org.perflink.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.perflink.launcher.KarafProcess;
import org.perflink.mockhost.Dataset;
import org.perflink.mockhost.GeneratedRegion;
import org.perflink.mockhost.MockHost;
import org.perflink.mockhost.RegionData;

/**
 * Issue 16: N PerfLink nodes (separate Karaf processes) in cluster mode on one PostgreSQL database, against the
 * mock host in this JVM serving 20 generated regions (one large, {@link #LARGE}). Each test gets a schema of its
 * own in {@code $PERFLINK_TEST_PG_URL} (dropped after it), so tests never see each other's rows.
 *
 * <p>Who did what is read from three places: the host's request log (every node reaches the mock under a host
 * name of its own, {@link #HOST_NAMES}, so the {@code Host} header tells the nodes apart), the store's event log
 * ({@code pl_event_log.node}), and each node's {@code status.json}. The single-node reference run (embedded H2,
 * no cluster, the same data) is made once per build of the module (the first test JVM that needs it makes it, the
 * others read it: {@link ClusterReference}) and compared with what the cluster leaves at the host.
 */
abstract class ClusterTestSupport extends SystemTestSupport {

    /** 20 cities of Guangdong; the first is the large one. */
    static final List<String> CITIES = List.of("440100", "440200", "440300", "440400", "440500", "440600", "440700",
            "440800", "440900", "441200", "441300", "441400", "441500", "441600", "441700", "441800", "441900",
            "442000", "445100", "445200");
    static final String LARGE = "440100";
    static final int LARGE_PROJECTS = 300;
    static final int SMALL_PROJECTS = 30;
    static final int YEAR = 2027;
    /** A short check-in, so a dead node's regions move within seconds (a real site keeps Quartz's 7.5-20 s). */
    static final Duration CHECKIN = Duration.ofSeconds(1);
    static final Duration CLUSTER_STAGE = Duration.ofSeconds(600);
    /** Boots of several Karafs at once on a small shared machine: generous, the wait polls fast. */
    static final Duration CLUSTER_BOOT = Duration.ofSeconds(300);
    /** Node n reaches the mock as http://HOST_NAMES[n]:port (both resolve to 127.0.0.1, where the mock listens). */
    static final List<String> HOST_NAMES = List.of("127.0.0.1", "localhost");

    /**
     * The single-node reference run (every cluster test compares with it): its results, and the items it parked (the
     * generated data has projects no rule can score: rejected inputs).
     */
    private static ClusterReference reference;

    /** Every {@code /api/} request the host has seen in this test, in arrival order. */
    final ConcurrentLinkedQueue<MockHost.Request> requests = new ConcurrentLinkedQueue<>();
    /** Per region, the events appended to its feed in this run (with their seq and stage). */
    final Map<String, List<ObjectNode>> scripted = new TreeMap<>();
    final Map<KarafProcess, String> nodeNames = new LinkedHashMap<>();
    private String schema;

    @Override
    Dataset dataset() {
        Map<String, RegionData> regions = new LinkedHashMap<>();
        for (String code : CITIES) {
            regions.put(code, new GeneratedRegion(code, null, YEAR, projects(code), Long.parseLong(code)));
        }
        return new Dataset("cluster-20", regions);
    }

    /** Projects of a generated region: the tests' one large region and 19 small ones. */
    int projects(String region) {
        return region.equals(LARGE) ? LARGE_PROJECTS : SMALL_PROJECTS;
    }

    @BeforeEach
    void openSchema(TestInfo info) throws SQLException {
        schema = ("it_" + info.getTestClass().map(Class::getSimpleName).orElse("x") + "_"
                + Integer.toHexString(info.getDisplayName().hashCode())).toLowerCase(java.util.Locale.ROOT);
        recreateSchema();
        host.onRequest(requests::add);
    }

    /** The test's schema, empty. */
    void recreateSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(pgUrl(), pgUser(), pgPassword()); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        }
    }

    @AfterEach
    void dropSchema() throws Exception {
        host.onRequest(null);
        stopInstances(); // before the drop: no node may hold the schema's locks
        try (Connection c = DriverManager.getConnection(pgUrl(), pgUser(), pgPassword()); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    // --- PostgreSQL ----------------------------------------------------------------------------------

    /** The database of {@code .ci/postgres.sh}; without it a cluster test fails (it cannot be proven on H2). */
    static String pgUrl() {
        String url = System.getenv("PERFLINK_TEST_PG_URL");
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            fail("集群系统测试需要 PostgreSQL (the cluster system tests need PostgreSQL): PERFLINK_TEST_PG_URL is "
                    + (url == null ? "not set" : "'" + url + "', not a jdbc:postgresql: URL")
                    + "; start one with eval \"$(bash .ci/postgres.sh)\" (.ci/run does) and export "
                    + "PERFLINK_TEST_PG_URL, PERFLINK_TEST_PG_USER, PERFLINK_TEST_PG_PASSWORD");
        }
        return url;
    }

    static String pgUser() {
        return System.getenv().getOrDefault("PERFLINK_TEST_PG_USER", "perflink");
    }

    static String pgPassword() {
        return System.getenv().getOrDefault("PERFLINK_TEST_PG_PASSWORD", "");
    }

    /** The test's schema in the shared database: every node's store URL. */
    String storeUrl() {
        String base = pgUrl();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    Connection jdbc() throws SQLException {
        return DriverManager.getConnection(storeUrl(), pgUser(), pgPassword());
    }

    // --- nodes ---------------------------------------------------------------------------------------

    /**
     * Node {@code n} ({@code node-1}, {@code node-2}, ...): a copy of the distribution on the shared store in cluster
     * mode, with the 20 regions' configuration, reaching the host as {@link #HOST_NAMES}{@code [n-1]}.
     */
    KarafProcess node(Path dir, int n) throws IOException {
        String name = "node-" + n;
        KarafProcess k = karaf(dir, name, List.of());
        // a long request timeout: a node frozen past it would find its reads failed, not its commit refused
        k.config("org.perflink.host.cfg", "url = http://" + HOST_NAMES.get(n - 1) + ":" + host.port()
                + "\nauth = NONE\nrequestTimeoutSeconds = 300\nbatch = true\n");
        regionConfigs(k);
        k.postgresStore(storeUrl(), pgUser(), pgPassword(), name);
        k.cluster(name, CHECKIN);
        nodeNames.put(k, name);
        return k;
    }

    /** The node that reaches the host under {@code hostHeader}'s name. */
    KarafProcess byHostHeader(String hostHeader) {
        String name = hostHeader == null ? "" : hostHeader.replaceFirst(":\\d+$", "");
        int i = HOST_NAMES.indexOf(name);
        return nodeNames.entrySet().stream().filter(e -> e.getValue().equals("node-" + (i + 1))).findFirst()
                .map(Map.Entry::getKey).orElseThrow(() -> new AssertionError("no node reaches the host as " + hostHeader));
    }

    String hostHeaderOf(KarafProcess k) {
        int n = Integer.parseInt(nodeNames.get(k).substring("node-".length()));
        return HOST_NAMES.get(n - 1) + ":" + host.port();
    }

    private static void regionConfigs(KarafProcess k) throws IOException {
        for (String code : CITIES) {
            k.config("org.perflink.region-" + code + ".cfg", "regionCode = " + code + "\nname = gen-" + code
                    + "\nenabled = true\ncompileEnabled = true\nexecuteEnabled = true\ncloseEnabled = true\n"
                    + "rulePack =\npollIntervalSeconds = 1\n");
        }
    }

    /** Starts every node at once (boots overlap) and waits until each reports the 20 regions. */
    void startAll(KarafProcess... nodes) throws Exception {
        for (KarafProcess k : nodes) {
            k.start();
        }
        for (KarafProcess k : nodes) {
            awaitRegions(k);
        }
    }

    void awaitRegions(KarafProcess k) throws Exception {
        await(nodeNames.get(k) + " reporting the 20 regions", CLUSTER_BOOT, k, () -> {
            JsonNode s = k.status();
            return s != null && CITIES.stream().allMatch(r -> s.path("regions").has(r));
        });
    }

    /** What a node's {@code status.json} says about who handles {@code region} now, when it says it. */
    static Optional<String> handlerInStatus(KarafProcess k, String region) {
        JsonNode s = k.status();
        String node = s == null ? "" : s.path("regions").path(region).path("node").asText("");
        return node.isEmpty() ? Optional.empty() : Optional.of(node);
    }

    // --- the year ------------------------------------------------------------------------------------

    /** Appends the scripted events of {@code stage} (one {@code phase}, or all when null) of every region. */
    Instant script20(String stage, String phase) {
        Instant at = Instant.now();
        for (String region : CITIES) {
            for (ObjectNode e : host.script(region, stage, phase)) {
                lastSeq.merge(region, e.path("seq").asLong(), Math::max);
                scripted.computeIfAbsent(region, r -> new ArrayList<>()).add(e);
            }
        }
        return at;
    }

    /** Scripts one stage of every region and waits until the cluster has finished it ({@link #clusterDone}). */
    void stage(String stage, KarafProcess anyLive) throws Exception {
        script20(stage, null);
        awaitClusterDone(stage, anyLive);
    }

    void awaitClusterDone(String what, KarafProcess anyLive) throws Exception {
        await("cluster done with " + what, CLUSTER_STAGE, anyLive, this::clusterDone);
    }

    /**
     * Done, read from the shared store: every region's three cursors stand at the last event of its feed and no
     * outbox row is pending (everything delivered or parked).
     */
    boolean clusterDone() {
        try (Connection c = jdbc()) {
            int atEnd = 0;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM pl_cursor WHERE region_code = ? AND cursor_value = ?")) {
                for (Map.Entry<String, Long> e : lastSeq.entrySet()) {
                    ps.setString(1, e.getKey());
                    ps.setString(2, Long.toString(e.getValue()));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        atEnd += rs.getInt(1) == STAGES.size() ? 1 : 0;
                    }
                }
            }
            return atEnd == lastSeq.size() && count(c, "SELECT COUNT(*) FROM pl_outbox WHERE state = 'PENDING'") == 0;
        } catch (SQLException e) {
            return false; // not migrated yet, or the database is busy: ask again
        }
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    long openDeadLetters() throws SQLException {
        try (Connection c = jdbc()) {
            return count(c, "SELECT COUNT(*) FROM pl_dead_letter WHERE replayed_at IS NULL");
        }
    }

    // --- the event log -------------------------------------------------------------------------------

    /**
     * One row of {@code pl_event_log}. A checkpoint (the execute and close hooks commit each page's results as they
     * go) writes a row too, with the cursor left before the event; the row that completes the event moves it past.
     */
    record Handled(long id, String region, String stage, long seq, String phase, String node, Instant at,
            String newCursor) {

        boolean completion() {
            return newCursor != null && newCursor.matches("\\d+") && Long.parseLong(newCursor) >= seq;
        }
    }

    List<Handled> eventLog() throws SQLException {
        List<Handled> out = new ArrayList<>();
        try (Connection c = jdbc(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id, region_code, stage, event_seq, phase, node, handled_at, new_cursor FROM pl_event_log "
                        + "WHERE event_seq IS NOT NULL ORDER BY id")) {
            while (rs.next()) {
                out.add(new Handled(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8)));
            }
        }
        return out;
    }

    /** Per node, the regions whose events it handled (event log rows of events of their own stage). */
    Map<String, TreeSet<String>> regionsByNode(List<Handled> log) {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        for (Handled h : log) {
            if (isScriptedOfItsStage(h)) {
                out.computeIfAbsent(String.valueOf(h.node()), n -> new TreeSet<>()).add(h.region());
            }
        }
        return out;
    }

    private boolean isScriptedOfItsStage(Handled h) {
        return scripted.getOrDefault(h.region(), List.of()).stream()
                .anyMatch(e -> e.path("seq").asLong() == h.seq() && e.path("stage").asText().equals(h.stage()));
    }

    /**
     * Each (region, stage, event) handled to completion exactly once: no two completing event-log rows for one
     * (checkpoint rows left aside), and every scripted event has its completing row in its own stage.
     */
    void assertEachEventHandledOnce(List<Handled> log) {
        Map<String, List<Handled>> byEvent = new TreeMap<>();
        for (Handled h : log.stream().filter(Handled::completion).toList()) {
            byEvent.computeIfAbsent(h.region() + "/" + h.stage() + "/" + h.seq(), x -> new ArrayList<>()).add(h);
        }
        List<String> twice = new ArrayList<>();
        byEvent.forEach((key, rows) -> {
            if (rows.size() > 1) {
                twice.add(key + " by " + rows.stream().map(Handled::node).toList());
            }
        });
        List<String> missing = new ArrayList<>();
        scripted.forEach((region, events) -> events.forEach(e -> {
            String key = region + "/" + e.path("stage").asText() + "/" + e.path("seq").asLong();
            if (!byEvent.containsKey(key)) {
                missing.add(key + " (" + e.path("phase").asText() + ")");
            }
        }));
        if (!twice.isEmpty() || !missing.isEmpty()) {
            fail("each (region, stage, event) must be handled to completion once; handled twice: " + twice
                    + "; never handled: " + missing);
        }
    }

    // --- the host ------------------------------------------------------------------------------------

    /** The first request for {@code region} from the node reaching the host as {@code hostHeader}, after {@code t}. */
    Optional<MockHost.Request> firstRequest(String region, String hostHeader, Instant t) {
        return requests.stream().filter(r -> region.equals(r.region()) && hostHeader.equals(r.host())
                && r.at().isAfter(t)).findFirst();
    }

    /** The first request for {@code region}'s collection ({@code /projects}, {@code /execution}) after {@code t}. */
    Optional<MockHost.Request> firstRead(String region, String collection, Instant t) {
        return requests.stream().filter(r -> region.equals(r.region()) && r.path().endsWith(collection)
                && r.at().isAfter(t)).findFirst();
    }

    /** Requests from {@code hostHeader} after {@code t} (any region). */
    long requestsFrom(String hostHeader, Instant t) {
        return requests.stream().filter(r -> hostHeader.equals(r.host()) && r.at().isAfter(t)).count();
    }

    /**
     * The single-node run on the same data (embedded H2, no cluster): its results at the host, made once for the
     * module's test JVMs of this build ({@link ClusterReference}). Leaves the host reset for the test's own run.
     */
    Map<String, JsonNode> reference(Path dir) throws Exception {
        reference = ClusterReference.shared(referenceKey(), OUT, () -> singleNodeRun(dir));
        newRun();
        return reference.results();
    }

    /** What the reference depends on: this build of the module ({@code perflink.systemtests.build}) and the data. */
    private String referenceKey() {
        String build = System.getProperty("perflink.systemtests.build", "");
        if (build.isEmpty()) {
            return "";
        }
        StringBuilder key = new StringBuilder(build).append(' ').append(demo.name()).append(' ').append(YEAR);
        CITIES.forEach(c -> key.append(' ').append(c).append(':').append(projects(c)));
        return key.toString();
    }

    private ClusterReference singleNodeRun(Path dir) throws Exception {
        Instant t0 = Instant.now();
        KarafProcess single = karaf(dir, "single", List.of());
        regionConfigs(single);
        single.start();
        await("the single node reporting the 20 regions", CLUSTER_BOOT, single, () -> {
            JsonNode s = single.status();
            return s != null && CITIES.stream().allMatch(r -> s.path("regions").has(r));
        });
        for (String stage : STAGES) {
            script20(stage, null);
            await("single-node reference run, " + stage, CLUSTER_STAGE, single, () -> done(single));
        }
        Map<String, JsonNode> got = resultsWithoutInstancePaths();
        assertEquals(0, stats().path("idsWithDifferentBodiesIgnoringTimestamps").asLong(), "reference run: one body per id");
        long deadLetters = single.deadLetters();
        stopInstances(); // the single node: its log and CPU time kept
        return new ClusterReference(got, deadLetters, millisSince(t0));
    }

    /** A fresh start for another run in the same test: no node, a fresh host, an empty schema. */
    void newRun() throws Exception {
        stopInstances();
        host.reset(demo);
        lastSeq.clear();
        scripted.clear();
        requests.clear();
        nodeNames.clear();
        recreateSchema();
    }

    static long referenceMillis() {
        return reference.millis();
    }

    /** The cluster parked exactly what the single node did (the data's rejected inputs, each once). */
    void assertSameDeadLettersAsTheReference() throws SQLException {
        assertEquals(reference.deadLetters(), openDeadLetters(), "the cluster parks what the single node parked, once");
    }

    /**
     * {@link #results()} with each instance's own folder in a body (the indicator library's {@code librarySource}
     * figure names the file under the instance's {@code etc/}) written as {@code ${karaf.home}}: the nodes of this
     * machine cannot share one install path, the nodes of a real cluster are installed alike.
     */
    Map<String, JsonNode> resultsWithoutInstancePaths() {
        Map<String, JsonNode> out = new TreeMap<>();
        results().forEach((key, body) -> {
            String text = body.toString();
            String plain = INSTANCE_HOME.matcher(text).replaceAll("\\${karaf.home}/etc/");
            try {
                out.put(key, plain.equals(text) ? body : org.perflink.mockhost.Json.MAPPER.readTree(plain));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return out;
    }

    /** An instance folder of these tests (a JUnit temporary folder, then the instance's name) up to its etc/. */
    private static final java.util.regex.Pattern INSTANCE_HOME =
            java.util.regex.Pattern.compile("/[^\"]*?/(?:single|node-\\d+)/etc/");

    /** The host holds exactly the reference run's ids and bodies, and no id was ever written with two bodies. */
    void assertHostHoldsTheReference(Map<String, JsonNode> expected) {
        Map<String, JsonNode> got = resultsWithoutInstancePaths();
        ResultDiff diff = ResultDiff.of(expected, got);
        if (!diff.same()) {
            fail(diff.describe("the cluster's results differ from the single node's", "single", "cluster", expected,
                    got, 20));
        }
        assertEquals(0, stats().path("idsWithDifferentBodiesIgnoringTimestamps").asLong(),
                "no id written with two different bodies");
    }

    /** Whether a node's Karaf log says a commit was refused because the cursor had moved (the fencing). */
    static boolean logShowsStaleCursor(KarafProcess k) throws IOException {
        if (!Files.exists(k.log())) {
            return false;
        }
        String text = Files.readString(k.log(), StandardCharsets.UTF_8);
        return text.contains("StaleCursorException") || text.contains("cursor moved by another writer");
    }
}
