package org.perflink.camel.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.perflink.api.model.Stage;
import org.perflink.store.RegionStatus;
import org.perflink.store.StoreStatus;

/**
 * What each region's routes are doing right now, next to what the store knows (cursor, backlog, dead
 * letters), written atomically to {@code status.json} for operators and for {@code ./perflink start --once}.
 */
final class StatusBoard {

    /** The live state of one region's stage route. */
    record StageState(boolean caughtUp, String waitingFor, Instant lastPollAt) {
    }

    private final Map<String, Map<Stage, StageState>> stages = new ConcurrentHashMap<>();
    private final Map<String, String> lastErrors = new ConcurrentHashMap<>();
    private final Map<String, Boolean> regionsActive = new ConcurrentHashMap<>();
    /** The host each region names, and whether its gateway is there. */
    private final Map<String, HostState> hosts = new ConcurrentHashMap<>();
    /** Why delivery to a region's host is paused (the host refused PerfLink itself: 401, 403, 3xx). */
    private final Map<String, String> deliveryPaused = new ConcurrentHashMap<>();

    record HostState(String name, boolean present) {
    }

    /** The cluster as this node sees it (read once per snapshot: it may query the shared database). */
    private volatile java.util.function.Supplier<ClusterStatus> cluster = ClusterStatus::unknown;
    /** Why nothing runs at all (cluster mode refused), or null. */
    private volatile String refused;

    void cluster(java.util.function.Supplier<ClusterStatus> view) {
        this.cluster = view;
    }

    /** Nothing runs because of {@code reason} (null: runs again). */
    void refused(String reason) {
        this.refused = reason;
    }

    /** Per region and stage, the event the stage cannot get past (see {@link EventPoller#STUCK_AFTER}). */
    private final Map<String, Map<Stage, EventPoller.Stuck>> stuck = new ConcurrentHashMap<>();

    void stuck(String regionCode, Stage stage, EventPoller.Stuck event) {
        if (event == null) {
            stuck.computeIfPresent(regionCode, (r, m) -> {
                m.remove(stage);
                return m.isEmpty() ? null : m;
            });
        } else {
            stuck.computeIfAbsent(regionCode, r -> new ConcurrentHashMap<>()).put(stage, event);
        }
    }

    void region(String regionCode, boolean active) {
        regionsActive.put(regionCode, active);
        if (!active) {
            stages.remove(regionCode);
        }
    }

    void removeRegion(String regionCode) {
        regionsActive.remove(regionCode);
        stages.remove(regionCode);
        hosts.remove(regionCode);
        deliveryPaused.remove(regionCode);
        stuck.remove(regionCode);
    }

    void host(String regionCode, String hostName, boolean present) {
        hosts.put(regionCode, new HostState(hostName, present));
        if (!present) {
            stages.remove(regionCode);
        }
    }

    /** Delivery to the region's host paused for {@code reason}, or resumed (null). */
    void deliveryPaused(String regionCode, String reason) {
        if (reason == null) {
            deliveryPaused.remove(regionCode);
        } else {
            deliveryPaused.put(regionCode, reason);
        }
    }

    String deliveryPaused(String regionCode) {
        return deliveryPaused.get(regionCode);
    }

    void stage(String regionCode, Stage stage, boolean caughtUp, String waitingFor) {
        stages.computeIfAbsent(regionCode, r -> new ConcurrentHashMap<>())
                .put(stage, new StageState(caughtUp, waitingFor, Instant.now()));
    }

    void error(String regionCode, String error) {
        if (error == null) {
            lastErrors.remove(regionCode);
        } else {
            lastErrors.put(regionCode, error);
        }
    }

    String lastError(String regionCode) {
        return lastErrors.get(regionCode);
    }

    ObjectNode snapshot(ObjectMapper mapper, StoreStatus store) {
        return snapshot(mapper, store, new RouteStats());
    }

    ObjectNode snapshot(ObjectMapper mapper, StoreStatus store, RouteStats routeStats) {
        ObjectNode root = mapper.createObjectNode();
        root.put("updatedAt", Instant.now().toString());
        ClusterStatus clusterStatus = cluster.get();
        clusterStatus.write(root.putObject("cluster"));
        ObjectNode regions = root.putObject("regions");
        boolean idle = refused == null;
        for (String code : new TreeMap<>(regionsActive).keySet()) {
            ObjectNode r = regions.putObject(code);
            boolean active = regionsActive.getOrDefault(code, false);
            HostState host = hosts.get(code);
            r.put("state", !active ? "DISABLED" : refused != null ? "REFUSED"
                    : host != null && !host.present() ? "HOST_ABSENT" : "ACTIVE");
            clusterStatus.writeRegion(code, r);
            if (host != null) {
                r.put("host", host.name());
                r.put("hostPresent", host.present());
            }
            String paused = deliveryPaused.get(code);
            r.put("deliveryPaused", paused != null);
            if (paused != null) {
                r.put("deliveryPausedBecause", paused);
            }
            RegionStatus s = store.status(code);
            r.put("backlog", s.backlog());
            r.put("delivered", s.delivered());
            r.put("deadLetters", s.deadLetters());
            r.put("oldestUndelivered", s.oldestUndelivered() == null ? null : s.oldestUndelivered().toString());
            String error = active && refused != null ? refused : lastErrors.get(code);
            r.put("lastError", error != null ? error : s.lastError());
            ObjectNode st = r.putObject("stages");
            for (Map.Entry<Stage, StageState> e : stages.getOrDefault(code, Map.of()).entrySet()) {
                ObjectNode n = st.putObject(e.getKey().name());
                n.put("cursor", s.cursors().get(e.getKey()));
                n.put("caughtUp", e.getValue().caughtUp());
                n.put("waitingFor", e.getValue().waitingFor());
                n.put("lastPollAt", e.getValue().lastPollAt().toString());
                EventPoller.Stuck stuckEvent = stuck.getOrDefault(code, Map.of()).get(e.getKey());
                if (stuckEvent != null) {
                    ObjectNode se = n.putObject("stuckEvent");
                    se.put("seq", stuckEvent.event().seq());
                    se.put("eventId", stuckEvent.event().eventId());
                    se.put("failures", stuckEvent.failures());
                    se.put("error", stuckEvent.error());
                    se.put("skip", "perflink:skip-event " + code + " " + e.getKey().name().toLowerCase(java.util.Locale.ROOT));
                }
                idle &= e.getValue().caughtUp();
            }
            idle &= s.backlog() == 0;
            ObjectNode routes = r.putObject("routes");
            routeStats.ofRegion(code).forEach((id, f) -> {
                ObjectNode n = routes.putObject(id);
                n.put("exchangesTotal", f.exchangesTotal());
                n.put("exchangesFailed", f.exchangesFailed());
                n.put("lastProcessingTimeMs", f.lastProcessingMillis());
                n.put("lastCompletedAt", f.lastCompletedAt() == null ? null : f.lastCompletedAt().toString());
                if (f.lastFailure() != null) {
                    n.put("lastFailure", f.lastFailure());
                }
            });
        }
        root.put("idle", idle);
        return root;
    }

    void write(Path file, ObjectMapper mapper, StoreStatus store, RouteStats routeStats) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        OwnerOnlyFiles.recreate(tmp); // names hosts and errors: readable by the owner only
        Files.writeString(tmp, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(snapshot(mapper, store, routeStats)),
                StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
