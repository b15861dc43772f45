package org.perflink.itests;

import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The open-data export PerfLink writes by itself into {@code ${karaf.data}/perflink/disclosure/{region}/{year}/}
 * (host-api-v1.md, "Disclosure export"), as the ITs running in Karaf read it.
 */
final class DisclosureFolder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DisclosureFolder() {
    }

    static Path of(String region, int year) {
        return Path.of(System.getProperty("karaf.data"), "perflink", "disclosure", region, String.valueOf(year));
    }

    /**
     * The folder's manifest once {@code done} holds for it (the writer follows the events within seconds), else
     * the last one read (null: none), after 60 seconds; each file it lists has its SHA-256.
     */
    static JsonNode awaitManifest(Path folder, Predicate<JsonNode> done) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JsonNode manifest = null;
        while (System.nanoTime() < until) {
            if (Files.exists(folder.resolve("manifest.json"))) {
                manifest = JSON.readTree(folder.resolve("manifest.json").toFile());
                if (done.test(manifest)) {
                    break;
                }
            }
            Thread.sleep(500);
        }
        if (manifest != null) {
            for (JsonNode f : manifest.path("files")) {
                byte[] bytes = Files.readAllBytes(folder.resolve(f.path("name").asText()));
                assertEquals(f.path("name").asText(), f.path("sha256").asText(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
            }
        }
        return manifest;
    }
}
