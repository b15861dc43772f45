package org.perflink.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads {@code data/perflink/status.json}, which the running instance rewrites every second. */
final class StatusView {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode root;

    private StatusView(JsonNode root) {
        this.root = root;
    }

    static StatusView read(Path file) {
        try {
            return Files.exists(file) ? new StatusView(MAPPER.readTree(file.toFile())) : null;
        } catch (IOException e) {
            return null; // being rewritten: read it at the next beat
        }
    }

    boolean hasRegions(int count) {
        return root.path("regions").size() >= count;
    }

    /**
     * Every active region polled all its stages after {@code since}, found nothing new and has an empty
     * outbox.
     */
    boolean idleSince(Instant since) {
        JsonNode regions = root.path("regions");
        if (regions.isEmpty() || !root.path("idle").asBoolean(false)) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = regions.fields(); it.hasNext();) {
            JsonNode region = it.next().getValue();
            if (!"ACTIVE".equals(region.path("state").asText())) {
                continue;
            }
            JsonNode stages = region.path("stages");
            if (stages.isEmpty()) {
                return false;
            }
            for (JsonNode stage : stages) {
                if (!stage.path("caughtUp").asBoolean() || Instant.parse(stage.path("lastPollAt").asText()).isBefore(since)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Every region's cursor of {@code stage} has reached the given event seq (regions not listed here pass). */
    boolean reached(String stage, Map<String, Long> seqByRegion) {
        for (Map.Entry<String, Long> e : seqByRegion.entrySet()) {
            JsonNode region = root.path("regions").path(e.getKey());
            if (region.isMissingNode()) {
                continue; // a region of the dataset that PerfLink is not configured for
            }
            String cursor = region.path("stages").path(stage).path("cursor").asText("");
            if (!cursor.matches("\\d+") || Long.parseLong(cursor) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** The first region error, if any region reports one. */
    String firstError() {
        for (JsonNode region : root.path("regions")) {
            String error = region.path("lastError").asText(null);
            if (error != null && !error.isEmpty() && !"null".equals(error)) {
                return error;
            }
        }
        return null;
    }

    long backlog() {
        long total = 0;
        for (JsonNode region : root.path("regions")) {
            total += region.path("backlog").asLong();
        }
        return total;
    }

    long deadLetters() {
        long total = 0;
        for (JsonNode region : root.path("regions")) {
            total += region.path("deadLetters").asLong();
        }
        return total;
    }
}
