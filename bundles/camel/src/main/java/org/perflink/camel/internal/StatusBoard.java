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

    void region(String regionCode, boolean active) {
        regionsActive.put(regionCode, active);
        if (!active) {
            stages.remove(regionCode);
        }
    }

    void removeRegion(String regionCode) {
        regionsActive.remove(regionCode);
        stages.remove(regionCode);
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
        ObjectNode root = mapper.createObjectNode();
        root.put("updatedAt", Instant.now().toString());
        ObjectNode regions = root.putObject("regions");
        boolean idle = true;
        for (String code : new TreeMap<>(regionsActive).keySet()) {
            ObjectNode r = regions.putObject(code);
            boolean active = regionsActive.getOrDefault(code, false);
            r.put("state", active ? "ACTIVE" : "DISABLED");
            RegionStatus s = store.status(code);
            r.put("backlog", s.backlog());
            r.put("delivered", s.delivered());
            r.put("deadLetters", s.deadLetters());
            r.put("oldestUndelivered", s.oldestUndelivered() == null ? null : s.oldestUndelivered().toString());
            String error = lastErrors.get(code);
            r.put("lastError", error != null ? error : s.lastError());
            ObjectNode st = r.putObject("stages");
            for (Map.Entry<Stage, StageState> e : stages.getOrDefault(code, Map.of()).entrySet()) {
                ObjectNode n = st.putObject(e.getKey().name());
                n.put("cursor", s.cursors().get(e.getKey()));
                n.put("caughtUp", e.getValue().caughtUp());
                n.put("waitingFor", e.getValue().waitingFor());
                n.put("lastPollAt", e.getValue().lastPollAt().toString());
                idle &= e.getValue().caughtUp();
            }
            idle &= s.backlog() == 0;
        }
        root.put("idle", idle);
        return root;
    }

    void write(Path file, ObjectMapper mapper, StoreStatus store) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(snapshot(mapper, store)),
                StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
