package org.perflink.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perflink.mockhost.Json;

/** The cluster tests' shared reference run: made once per key, read back exactly, made again for another key. */
class ClusterReferenceTest {

    private static ClusterReference sample() throws Exception {
        Map<String, JsonNode> results = new TreeMap<>();
        // exact decimals as the host holds them: 5000000.10 keeps its scale, 0.1 is not a double
        results.put("440100/score/440100-2027-000001", Json.read(
                "{\"score\": 87.50, \"budget\": 5000000.10, \"ratio\": 0.1, \"notes\": [\"a\", 1]}".getBytes()));
        results.put("440200/verdict/440200-2027-000002.DECLARED", Json.read("{\"passed\": true}".getBytes()));
        return new ClusterReference(results, 3, 61_234);
    }

    @Test
    void aReferenceWrittenForAKeyIsReadBackEqualAndAnotherKeyFindsNone(@TempDir Path dir) throws Exception {
        ClusterReference r = sample();
        Path file = dir.resolve("cluster-reference.json");
        ClusterReference.write(r, file, "build-1 data");

        ClusterReference back = ClusterReference.read(file, "build-1 data");
        assertEquals(r, back, "the same results (bodies equal as JSON nodes), parked items and time");
        assertEquals("5000000.10", back.results().get("440100/score/440100-2027-000001").path("budget").decimalValue()
                .toPlainString());
        assertNull(ClusterReference.read(file, "build-2 data"), "a file of another build or other data is not used");
        assertNull(ClusterReference.read(dir.resolve("none.json"), "build-1 data"));
        assertTrue(Files.list(dir).allMatch(p -> p.equals(file)), "no temporary file left behind");
    }

    @Test
    void theRunIsMadeOncePerKeyAndTheFileServesALaterJvm(@TempDir Path dir) throws Exception {
        AtomicInteger runs = new AtomicInteger();
        ClusterReference r = sample();
        ClusterReference first = ClusterReference.shared("k1", dir, () -> {
            runs.incrementAndGet();
            return r;
        });
        ClusterReference again = ClusterReference.shared("k1", dir, () -> {
            runs.incrementAndGet();
            return r;
        });
        assertEquals(1, runs.get(), "made once for its key");
        assertEquals(r, first);
        assertEquals(r, again);
        // another JVM of the same build takes the lock, finds the file and runs nothing
        assertEquals(r, ClusterReference.throughFile("k1", dir, () -> {
            throw new AssertionError("made again although the file holds it");
        }));

        ClusterReference other = new ClusterReference(Map.of(), 0, 1);
        assertEquals(other, ClusterReference.shared("k2", dir, () -> {
            runs.incrementAndGet();
            return other;
        }));
        assertEquals(2, runs.get(), "another key is made again");
        assertEquals(other, ClusterReference.read(dir.resolve("cluster-reference.json"), "k2"));
    }

    @Test
    void withoutAKeyTheRunIsMadeInThisJvmOnlyAndNoFileIsWritten(@TempDir Path dir) throws Exception {
        ClusterReference r = sample();
        assertEquals(r, ClusterReference.shared("", dir, () -> r));
        assertEquals(0, Files.list(dir).count());
    }
}
