package org.perflink.systemtests;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.perflink.mockhost.Json;

/**
 * The cluster tests' single-node reference run (its results at the host, the items it parked, how long it took),
 * made once for every test JVM of one build of the module: the first JVM that needs it makes it while it holds a
 * file lock, writes it under {@code target/system-tests} (a temporary file moved into place), and the others wait on
 * the lock and read it. The file names the build and the data it was made from ({@code key}); a file of another
 * build or other data is made again. Without a key (a test started outside Maven) the run is made once per JVM.
 *
 * <p>Bodies are written and read with the mock host's own JSON ({@link Json#MAPPER}, exact decimals), so a body
 * read back equals the one the host held.
 */
record ClusterReference(Map<String, JsonNode> results, long deadLetters, long millis) {

    private static ClusterReference made;
    private static String madeFor;

    /** The reference of {@code key}: this JVM's, the file's, or {@code run}'s (then written for the others). */
    static synchronized ClusterReference shared(String key, Path folder, Callable<ClusterReference> run) throws Exception {
        if (made != null && key.equals(madeFor)) {
            return made;
        }
        ClusterReference r = key.isEmpty() ? run.call() : throughFile(key, folder, run);
        made = r;
        madeFor = key;
        return r;
    }

    /** The file's reference of {@code key}, or {@code run}'s, made and written while this JVM holds the lock. */
    static ClusterReference throughFile(String key, Path folder, Callable<ClusterReference> run) throws Exception {
        Files.createDirectories(folder);
        Path file = folder.resolve("cluster-reference.json");
        try (FileChannel lockFile = FileChannel.open(folder.resolve("cluster-reference.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
            ClusterReference stored = read(file, key);
            if (stored != null) {
                return stored;
            }
            ClusterReference r = run.call();
            write(r, file, key);
            return r;
        }
    }

    /** The file's reference when it was made for {@code key}, else null. */
    static ClusterReference read(Path file, String key) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        JsonNode doc = Json.MAPPER.readTree(file.toFile());
        if (!key.equals(doc.path("key").asText())) {
            return null;
        }
        Map<String, JsonNode> results = new TreeMap<>();
        doc.path("results").fields().forEachRemaining(e -> results.put(e.getKey(), e.getValue()));
        return new ClusterReference(results, doc.path("deadLetters").asLong(), doc.path("millis").asLong());
    }

    static void write(ClusterReference r, Path file, String key) throws IOException {
        ObjectNode doc = Json.object();
        doc.put("key", key);
        doc.put("deadLetters", r.deadLetters());
        doc.put("millis", r.millis());
        ObjectNode results = doc.putObject("results");
        r.results().forEach(results::set);
        Path tmp = Files.createTempFile(file.getParent(), "cluster-reference-", ".tmp");
        Files.write(tmp, Json.write(doc));
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
