package org.perflink.admin.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the routes reported last in {@code ${karaf.data}/perflink/status.json} (written every second by the
 * camel bundle): per region its live state and the last error the routes saw, which may be newer than the
 * store's. Absent when the routes do not run.
 */
public record LiveStatus(Path file, Instant updatedAt, Map<String, Region> regions, String problem, Cluster cluster) {

    /**
     * One region as the routes see it, with its routes' statistics by route id (in id order), and the node that fired
     * its stage polls last (in a cluster: any node's) with when the region last moved to it (null when unknown).
     */
    public record Region(String state, String lastError, Map<String, Route> routes, String node, Instant nodeSince) {

        public Region {
            routes = Collections.unmodifiableMap(new TreeMap<>(routes));
        }

        /** A region whose routes reported no statistics. */
        public Region(String state, String lastError) {
            this(state, lastError, Map.of());
        }

        /** A region with no node reported. */
        public Region(String state, String lastError, Map<String, Route> routes) {
            this(state, lastError, routes, null, null);
        }
    }

    /**
     * The cluster as the node that wrote the file sees it: cluster mode on or off, its state (SINGLE, CLUSTERED,
     * REFUSED), why not (refused, unreadable), this node's name and the nodes it sees alive (docs/cluster.md).
     */
    public record Cluster(boolean enabled, String state, String node, String problem, List<String> nodesAlive) {

        public Cluster {
            nodesAlive = List.copyOf(nodesAlive);
        }

        static final Cluster UNKNOWN = new Cluster(false, null, null, null, List.of());
    }

    /** A status without cluster information (written before cluster mode existed). */
    public LiveStatus(Path file, Instant updatedAt, Map<String, Region> regions, String problem) {
        this(file, updatedAt, regions, problem, Cluster.UNKNOWN);
    }

    /**
     * One route's statistics as the camel bundle counts them: exchanges, failed exchanges, the last exchange's
     * processing time (null before the first) and when it completed, and the last failure's exception name.
     */
    public record Route(long exchangesTotal, long exchangesFailed, Long lastProcessingTimeMs, Instant lastCompletedAt,
            String lastFailure) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public LiveStatus {
        regions = Map.copyOf(regions);
    }

    /** The default location: {@code ${karaf.data}/perflink/status.json}. */
    public static Path defaultFile() {
        return Path.of(System.getProperty("karaf.data", "data"), "perflink", "status.json");
    }

    public static LiveStatus none(Path file, String problem) {
        return new LiveStatus(file, null, Map.of(), problem, Cluster.UNKNOWN);
    }

    public boolean present() {
        return updatedAt != null;
    }

    /** Reads the file with a plain mapper (it holds only strings, numbers and ISO instants). */
    public static LiveStatus read(Path file) {
        return read(file, MAPPER);
    }

    /** Reads the file; a missing or unreadable file gives a status with no regions that says why. */
    public static LiveStatus read(Path file, ObjectMapper mapper) {
        if (mapper == null) {
            return none(file, "未安装 camel 包，无实时状态 (camel bundle not installed: no live status)");
        }
        if (!Files.isRegularFile(file)) {
            return none(file, "无实时状态文件 (no live status file): " + file + " — 路由未运行？(routes not running?)");
        }
        try {
            JsonNode root = mapper.readTree(file.toFile());
            Map<String, Region> regions = new HashMap<>();
            for (Map.Entry<String, JsonNode> e : root.path("regions").properties()) {
                JsonNode r = e.getValue();
                String since = text(r.path("nodeSince"));
                regions.put(e.getKey(), new Region(text(r.path("state")), text(r.path("lastError")), routes(r.path("routes")),
                        text(r.path("node")), since == null ? null : Instant.parse(since)));
            }
            Instant updatedAt = Instant.parse(root.path("updatedAt").asText());
            return new LiveStatus(file, updatedAt, regions, null, cluster(root.path("cluster")));
        } catch (IOException | DateTimeParseException e) {
            return none(file, "实时状态文件不可读 (live status file unreadable): " + file + ": " + e.getMessage());
        }
    }

    private static Cluster cluster(JsonNode c) {
        if (c.isMissingNode() || c.isNull()) {
            return Cluster.UNKNOWN;
        }
        List<String> alive = new ArrayList<>();
        c.path("nodesAlive").forEach(n -> alive.add(n.asText()));
        return new Cluster(c.path("enabled").asBoolean(), text(c.path("state")), text(c.path("node")),
                text(c.path("problem")), alive);
    }

    private static Map<String, Route> routes(JsonNode routes) {
        Map<String, Route> out = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : routes.properties()) {
            JsonNode n = e.getValue();
            String completed = text(n.path("lastCompletedAt"));
            JsonNode millis = n.path("lastProcessingTimeMs");
            out.put(e.getKey(), new Route(n.path("exchangesTotal").asLong(), n.path("exchangesFailed").asLong(),
                    millis.isNumber() ? millis.asLong() : null, completed == null ? null : Instant.parse(completed),
                    text(n.path("lastFailure"))));
        }
        return out;
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }
}
