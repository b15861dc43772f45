package org.perflink.host.files.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a region's folder has delivered so far: every item read (the latest per key), the stage events numbered in
 * arrival order, and the files taken. Kept in {@code .perflink/state.json} inside the region's folder, written to a
 * temporary file and moved over the old one atomically, so a restart resumes where it stopped.
 */
final class FolderState {

    /**
     * One stored item: its kind, key, year (and cut-off date), the done/ file it came from, its JSON when it bound,
     * else the field (a cell) and reason it was refused, and the cell of each field.
     */
    record Stored(FormItem.Kind kind, String key, Integer year, String asOf, String file, long revision, JsonNode json,
            String errorPath, String error, Map<String, String> cells) {

        String storeKey() {
            return kind + "|" + key + "|" + year + "|" + (asOf == null ? "" : asOf) + submission();
        }

        /** A notice has several feedback submissions (the latest submittedOn counts, host-api v1.1): each is kept. */
        private String submission() {
            return kind == FormItem.Kind.FEEDBACK && json != null && json.hasNonNull("submittedOn")
                    ? "|" + json.path("submittedOn").asText() : "";
        }
    }

    private final Path file;
    private final ObjectMapper mapper;
    private final Map<String, Stored> items = new LinkedHashMap<>();
    private final List<ObjectNode> events = new ArrayList<>();
    /** done/ file name → the reading problems of that file. */
    private final Map<String, List<Submission.Problem>> files = new LinkedHashMap<>();
    private long seq;

    FolderState(Path file, ObjectMapper mapper) {
        this.file = file;
        this.mapper = mapper;
    }

    void load() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        JsonNode root = mapper.readTree(Files.readAllBytes(file));
        seq = root.path("seq").asLong();
        for (JsonNode e : root.path("events")) {
            events.add((ObjectNode) e);
        }
        for (JsonNode i : root.path("items")) {
            Stored s = mapper.treeToValue(i, Stored.class);
            items.put(s.storeKey(), s);
        }
        root.path("files").fields().forEachRemaining(f -> {
            List<Submission.Problem> problems = new ArrayList<>();
            f.getValue().forEach(p -> problems.add(new Submission.Problem(p.path("where").asText(), p.path("message").asText())));
            files.put(f.getKey(), problems);
        });
    }

    void save() throws IOException {
        ObjectNode root = mapper.createObjectNode();
        root.put("seq", seq);
        ArrayNode ev = root.putArray("events");
        events.forEach(ev::add);
        ArrayNode it = root.putArray("items");
        items.values().forEach(s -> it.add(mapper.valueToTree(s)));
        ObjectNode fs = root.putObject("files");
        files.forEach((name, problems) -> fs.set(name, mapper.valueToTree(problems)));
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Adds or replaces (in place) the item of the same kind, key and year. */
    void put(Stored s) {
        items.put(s.storeKey(), s);
    }

    /** Numbers an event: seq and eventId ({@code file-<region>-<seq>}). */
    ObjectNode addEvent(String regionCode, ObjectNode event) {
        seq++;
        ObjectNode e = mapper.createObjectNode();
        e.put("seq", seq);
        e.put("eventId", "file-" + regionCode + "-" + seq);
        e.put("regionCode", regionCode);
        e.setAll(event);
        events.add(e);
        return e;
    }

    void addFile(String name, List<Submission.Problem> problems) {
        files.put(name, List.copyOf(problems));
    }

    List<Submission.Problem> problems(String name) {
        return files.getOrDefault(name, List.of());
    }

    List<ObjectNode> events() {
        return events;
    }

    List<Stored> items(FormItem.Kind kind) {
        return items.values().stream().filter(s -> s.kind() == kind).toList();
    }

    /** The latest stored item of a kind with that key (any year), or null. */
    Stored latest(FormItem.Kind kind, String key) {
        Stored found = null;
        for (Stored s : items.values()) {
            if (s.kind() == kind && key.equals(s.key())) {
                found = s;
            }
        }
        return found;
    }
}
