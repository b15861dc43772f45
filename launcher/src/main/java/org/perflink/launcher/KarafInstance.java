package org.perflink.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One PerfLink Karaf instance: a copy of the distribution in a directory of its own, so every durable
 * file (H2 store, cursors, outbox, logs) lives under that directory and survives restarts.
 */
final class KarafInstance {

    /** Karaf's HTTP service configuration, and its key for the plain HTTP port. */
    static final String HTTP_CFG = "etc/org.ops4j.pax.web.cfg";
    static final String HTTP_PORT = "org.osgi.service.http.port";

    private final Path home;

    KarafInstance(Path home) {
        this.home = home;
    }

    Path home() {
        return home;
    }

    Path log() {
        return home.resolve("data/log/karaf.log");
    }

    Path statusFile() {
        return home.resolve("data/perflink/status.json");
    }

    boolean exists() {
        return Files.isRegularFile(home.resolve("bin/karaf"));
    }

    /** Copies the distribution here (once); an existing instance keeps its state. */
    void install(Path distribution) throws IOException {
        if (exists()) {
            return;
        }
        if (!Files.isRegularFile(distribution.resolve("bin/karaf"))) {
            throw new IOException("no PerfLink distribution at " + distribution + " (run: mvn -B install -DskipTests)");
        }
        copyTree(distribution, home);
        // Ports of its own, so an instance never collides with another Karaf on this machine.
        setProperty("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(freePort()));
        setProperty("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(freePort()));
        setProperty("etc/org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(freePort()));
        // the admin page is served by Karaf's HTTP service (Pax Web)
        setProperty(HTTP_CFG, "org.ops4j.pax.web.listening.addresses", "127.0.0.1");
        setProperty(HTTP_CFG, HTTP_PORT, Integer.toString(freePort()));
    }

    /** The admin page of this instance (its port is chosen at install). */
    String adminUrl() throws IOException {
        for (String line : Files.readAllLines(home.resolve(HTTP_CFG), StandardCharsets.UTF_8)) {
            String t = line.trim();
            if (t.startsWith(HTTP_PORT) && t.substring(HTTP_PORT.length()).trim().startsWith("=")) {
                return "http://127.0.0.1:" + t.substring(t.indexOf('=') + 1).trim() + "/admin/";
            }
        }
        return "http://127.0.0.1:8182/admin/";
    }

    void addBootFeature(String feature) throws IOException {
        Path cfg = home.resolve("etc/org.apache.karaf.features.cfg");
        String text = Files.readString(cfg, StandardCharsets.UTF_8);
        if (!text.contains(feature + ",") && !text.contains(feature + "\n")) {
            text = text.replace("    perflink-all", "    perflink-all, \\\n    " + feature);
            Files.writeString(cfg, text, StandardCharsets.UTF_8);
        }
    }

    /** Adds PerfLink's mock-host features repository (its own, demo and tests only) next to PerfLink's. */
    void addMockHostRepository() throws IOException {
        Path cfg = home.resolve("etc/org.apache.karaf.features.cfg");
        String text = Files.readString(cfg, StandardCharsets.UTF_8);
        if (!text.contains("/xml/mock-host")) {
            text = text.replaceFirst("(mvn:org\\.perflink/perflink-features/[^/\\s]+)/xml/features",
                    "$1/xml/features, \\\\\n    $1/xml/mock-host");
            Files.writeString(cfg, text, StandardCharsets.UTF_8);
        }
    }

    void writeConfig(String fileName, String content) throws IOException {
        Files.writeString(home.resolve("etc").resolve(fileName), content, StandardCharsets.UTF_8);
    }

    /** Sets {@code key = value} in a .cfg file, replacing the line that sets it or appending one. */
    void setProperty(String relativeFile, String key, String value) throws IOException {
        Path file = home.resolve(relativeFile);
        Files.write(file, withProperty(file, key, value), StandardCharsets.UTF_8);
    }

    /**
     * Sets each {@code key = value} in a .cfg file that holds a secret: the file is replaced at once by one
     * readable by its owner only (never world-readable, not even for a moment).
     */
    void setPrivateProperties(String relativeFile, Map<String, String> values) throws IOException {
        Path file = home.resolve(relativeFile);
        List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        for (Map.Entry<String, String> e : values.entrySet()) {
            Files.write(tmp, withProperty(tmp, e.getKey(), e.getValue()), StandardCharsets.UTF_8);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<String> withProperty(Path file, String key, String value) throws IOException {
        List<String> lines = Files.exists(file) ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8)) : new ArrayList<>();
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            String trimmed = lines.get(i).trim();
            if (trimmed.startsWith(key) && trimmed.substring(key.length()).trim().startsWith("=")) {
                lines.set(i, key + " = " + value);
                replaced = true;
            }
        }
        if (!replaced) {
            lines.add(key + " = " + value);
        }
        return lines;
    }

    boolean running() throws IOException, InterruptedException {
        return run("bin/status", Duration.ofSeconds(30)) == 0;
    }

    void start() throws IOException, InterruptedException {
        int code = run("bin/start", Duration.ofSeconds(60));
        if (code != 0) {
            throw new IOException("bin/start exited " + code + "; see " + log());
        }
    }

    void stop() throws IOException, InterruptedException {
        run("bin/stop", Duration.ofSeconds(120));
        // bin/stop returns once the shutdown is requested; wait for the JVM to go.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (running() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(500);
        }
    }

    private int run(String script, Duration timeout) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(home.resolve(script).toString())
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("launcher.out").toFile()))
                .start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
