package org.perflink.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The built PerfLink distribution run as a separate Karaf process, for the system tests. Copying, ports,
 * configuration files, {@code bin/start}, {@code bin/stop} and {@code status.json} are the launcher's own
 * ({@link KarafInstance}, {@link StatusView}: this class sits in their package to use them as they are);
 * it adds what only a test does: {@code kill -9} of the Karaf JVM, a shell user, and {@code bin/client}.
 */
public final class KarafProcess implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final KarafInstance karaf;
    private Thread reaper;
    private String user;
    private String password;
    /** The pid frozen by {@link #pause}, 0 when none. */
    private long paused;

    private KarafProcess(KarafInstance karaf) {
        this.karaf = karaf;
    }

    /** A copy of {@code distribution} in {@code home}, with SSH and JMX ports of its own. */
    public static KarafProcess install(Path distribution, Path home) throws IOException {
        KarafInstance k = new KarafInstance(home);
        k.install(distribution);
        return new KarafProcess(k);
    }

    public Path home() {
        return karaf.home();
    }

    public Path log() {
        return karaf.log();
    }

    /** Points PerfLink at the host ({@code etc/org.perflink.host.cfg}). */
    public void host(URI url, boolean batch) throws IOException {
        karaf.writeConfig("org.perflink.host.cfg", "url = " + url + "\nauth = NONE\nrequestTimeoutSeconds = 30\nbatch = " + batch + "\n");
    }

    /** This copy with an exchange-database host for {@code regions}, as {@code ./perflink demo --host sql} makes it. */
    public SqlDemoHost exchangeHost(java.util.List<String> regions) throws IOException, java.sql.SQLException {
        SqlDemoHost exchange = new SqlDemoHost(karaf.home());
        exchange.configure(karaf, regions);
        return exchange;
    }

    /**
     * The store on a shared PostgreSQL database ({@code etc/org.perflink.store.cfg}, as {@code StoreComponent}
     * reads it), the PostgreSQL driver's feature added to the boot features, and {@code node} recorded with every
     * handled event and delivery.
     */
    public void postgresStore(String url, String user, String secret, String node) throws IOException {
        karaf.writeConfig("org.perflink.store.cfg", "driver = org.postgresql.Driver\n"
                + "DataSourceFactory.target = (osgi.jdbc.driver.class=org.postgresql.Driver)\n"
                + "url = " + url + "\nuser = " + user + "\n.password = " + secret + "\nnode = " + node + "\n"
                // a node frozen inside a transaction loses its session after 5 s here (30 s by default)
                + "idleInTransactionTimeoutSeconds = 5\n");
        Path features = karaf.home().resolve("etc/org.apache.karaf.features.cfg");
        String text = Files.readString(features, StandardCharsets.UTF_8);
        if (!text.contains("perflink-store-postgresql")) {
            Files.writeString(features, text.replaceFirst("(?m)^(\\s*)perflink-all\\s*$", "$1perflink-all, \\\\\n$1perflink-store-postgresql"),
                    StandardCharsets.UTF_8);
        }
    }

    /** Cluster mode ({@code etc/org.perflink.cluster.cfg}): this node's name and how often it checks in. */
    public void cluster(String node, Duration checkinInterval) throws IOException {
        karaf.writeConfig("org.perflink.cluster.cfg", "enabled = true\nnode = " + node + "\ncheckinInterval = "
                + checkinInterval.toMillis() + "\n");
    }

    /** Writes {@code etc/FILE} (a region's configuration, say). */
    public void config(String fileName, String content) throws IOException {
        karaf.writeConfig(fileName, content);
    }

    public void copyConfig(Path file) throws IOException {
        Files.copy(file, karaf.home().resolve("etc").resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Adds a shell user to this copy's {@code etc/users.properties} (the distribution ships none): a random
     * password, the {@code ssh} role to log in and the given roles.
     */
    public void addShellUser(String name, String secret, String... roles) throws IOException {
        this.user = name;
        this.password = secret;
        Files.writeString(karaf.home().resolve("etc/users.properties"),
                "\n" + name + " = " + secret + ",ssh," + String.join(",", roles) + "\n",
                StandardCharsets.ISO_8859_1, java.nio.file.StandardOpenOption.APPEND);
    }

    /**
     * Adds a user as {@code ./perflink user-add} does (its {@code UserAddCommand}): the hash the instance's
     * {@code etc/org.apache.karaf.jaas.cfg} asks for (argon2 in the distribution), the {@code ssh} role and the given
     * roles. Returns that user's line of {@code etc/users.properties}.
     */
    public String addHashedUser(String name, String secret, String... roles) throws IOException {
        this.user = name;
        this.password = secret;
        List<String> all = new ArrayList<>(List.of("ssh"));
        all.addAll(List.of(roles));
        UserAddCommand.add(karaf.home(), name, all, secret.toCharArray());
        return Files.readAllLines(karaf.home().resolve("etc/users.properties"), StandardCharsets.ISO_8859_1).stream()
                .filter(l -> l.startsWith(name + " ")).findFirst().orElseThrow();
    }

    /** The admin page of this copy, {@code http://127.0.0.1:PORT/admin/} (its port is chosen at install). */
    public String adminUrl() throws IOException {
        return karaf.adminUrl();
    }

    public int sshPort() throws IOException {
        return Integer.parseInt(property("etc/org.apache.karaf.shell.cfg", "sshPort"));
    }

    // --- lifecycle -----------------------------------------------------------------------------------

    /** {@code bin/start}, then waits until the new JVM has written its {@code karaf.pid}. */
    public long start() throws IOException, InterruptedException {
        // what a killed JVM left behind must not be taken for the new one's
        Files.deleteIfExists(pidFile());
        Files.deleteIfExists(karaf.statusFile());
        karaf.start();
        try {
            ProcessHandle p = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(this::process, Optional::isPresent).get();
            armReaper();
            return p.pid();
        } catch (ConditionTimeoutException e) {
            throw new IOException("Karaf wrote no karaf.pid of a live JVM within 60 s; see " + log(), e);
        }
    }

    /** The Karaf JVM of this instance, when it runs: the pid of {@code karaf.pid}, checked against its command line. */
    public Optional<ProcessHandle> process() throws IOException {
        if (!Files.isRegularFile(pidFile())) {
            return Optional.empty();
        }
        String text = Files.readString(pidFile(), StandardCharsets.US_ASCII).strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<ProcessHandle> p = ProcessHandle.of(Long.parseLong(text));
        // never signal a process that is not this instance's Karaf (a reused pid)
        return p.filter(ProcessHandle::isAlive).filter(this::isThisKaraf);
    }

    private boolean isThisKaraf(ProcessHandle h) {
        Optional<String[]> args = h.info().arguments();
        if (args.isEmpty()) {
            return true; // not visible here: karaf.pid is all there is to go by
        }
        for (String a : args.get()) {
            if (a.startsWith("-Dkaraf.home=")) {
                try {
                    return Path.of(a.substring("-Dkaraf.home=".length())).toRealPath().equals(karaf.home().toRealPath());
                } catch (IOException e) {
                    return false;
                }
            }
        }
        return false;
    }

    /** The CPU time the running Karaf JVM has used so far (user and system), empty when none runs or it cannot be read. */
    public Optional<Duration> cpu() throws IOException {
        return process().flatMap(h -> h.info().totalCpuDuration());
    }

    public boolean alive() throws IOException {
        return process().isPresent();
    }

    /**
     * {@code kill -9}: SIGKILL to the Karaf JVM ({@link ProcessHandle#destroyForcibly()} is SIGKILL on Unix),
     * then waits until it is gone. No shutdown hook, no {@code finally}, no flush runs in it.
     */
    public long kill9() throws IOException, InterruptedException {
        ProcessHandle p = process().orElseThrow(() -> new IOException("Karaf is not running in " + home()));
        long pid = p.pid();
        if (!p.destroyForcibly()) {
            throw new IOException("could not SIGKILL pid " + pid);
        }
        try {
            p.onExit().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("pid " + pid + " still alive 30 s after SIGKILL", e);
        }
        return pid;
    }

    /** {@code kill -STOP}: the JVM freezes (no thread runs, its connections stay open) until {@link #resume}. */
    public long pause() throws IOException, InterruptedException {
        long pid = process().orElseThrow(() -> new IOException("Karaf is not running in " + home())).pid();
        signal("STOP", pid);
        paused = pid;
        return pid;
    }

    /** {@code kill -CONT}: the paused JVM runs on, unaware of the time it lost. */
    public void resume() throws IOException, InterruptedException {
        if (paused != 0) {
            signal("CONT", paused);
            paused = 0;
        }
    }

    private static void signal(String name, long pid) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).redirectErrorStream(true).start();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("kill -" + name + " " + pid + " failed: " + new String(p.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8));
        }
    }

    /**
     * {@code bin/stop}, waiting (bounded) for the JVM to end. With the JVM's pid at hand, this waits on the process
     * itself; the launcher's {@code stop} asks {@code bin/status} (a JVM each time) every 500 ms instead.
     */
    public void stop() throws IOException, InterruptedException {
        Optional<ProcessHandle> p = process();
        if (p.isEmpty()) {
            karaf.stop();
            return;
        }
        Process stop = new ProcessBuilder(home().resolve("bin/stop").toString()).directory(home().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home().resolve("launcher.out").toFile())).start();
        if (!stop.waitFor(120, TimeUnit.SECONDS)) {
            stop.destroyForcibly();
            throw new IOException("bin/stop did not return within 120 s; see " + log());
        }
        try {
            p.get().onExit().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("Karaf still running 60 s after bin/stop (exit " + stop.exitValue() + "); see " + log(), e);
        }
    }

    /** Stops Karaf if it still runs (bounded), else kills it: a test never leaves a JVM behind. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            resume(); // a frozen JVM would never answer bin/stop
            if (alive()) {
                try {
                    stop();
                } catch (IOException e) {
                    if (alive()) {
                        kill9();
                    }
                }
            }
        } finally {
            if (reaper != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(reaper);
                } catch (IllegalStateException e) {
                    // the JVM is shutting down: the hook runs anyway
                }
                reaper = null;
            }
        }
    }

    /** If the test JVM dies (a timeout, Ctrl-C), the Karaf it started goes with it. */
    private void armReaper() {
        if (reaper == null) {
            reaper = new Thread(() -> {
                try {
                    process().ifPresent(ProcessHandle::destroyForcibly);
                } catch (IOException e) {
                    // nothing more to do
                }
            }, "karaf-reaper");
            Runtime.getRuntime().addShutdownHook(reaper);
        }
    }

    private Path pidFile() {
        return karaf.home().resolve("karaf.pid");
    }

    // --- status.json ---------------------------------------------------------------------------------

    /** {@code data/perflink/status.json}, or null while it is missing or being rewritten. */
    public JsonNode status() {
        try {
            return Files.exists(karaf.statusFile()) ? MAPPER.readTree(karaf.statusFile().toFile()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    public long deadLetters() {
        StatusView s = StatusView.read(karaf.statusFile());
        return s == null ? -1 : s.deadLetters();
    }

    // --- shell ---------------------------------------------------------------------------------------

    /**
     * Runs shell commands through {@code bin/client} over SSH as the user of {@link #addShellUser}; the
     * commands are piped in with {@code -b} (with a command argument the 4.4 client may print nothing).
     * Retries the connection while the SSH server comes up.
     */
    public String shell(Duration timeout, String... commands) throws IOException, InterruptedException {
        if (user == null) {
            throw new IllegalStateException("no shell user: call addShellUser before start");
        }
        return shellAs(user, password, timeout, commands);
    }

    /** {@link #shell} as another user of {@link #addShellUser} (the last one added is the default). */
    public String shellAs(String user, String password, Duration timeout, String... commands)
            throws IOException, InterruptedException {
        Path in = Files.createTempFile(home(), "client-", ".in");
        Files.writeString(in, String.join("\n", commands) + "\n", StandardCharsets.UTF_8);
        Path out = Files.createTempFile(home(), "client-", ".out");
        List<String> cmd = new ArrayList<>(List.of(home().resolve("bin/client").toString(), "-h", "127.0.0.1",
                "-a", Integer.toString(sshPort()), "-u", user, "-p", password, "-r", "10", "-d", "2", "-b"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home().toFile())
                .redirectInput(in.toFile()).redirectErrorStream(true).redirectOutput(out.toFile());
        // the client keeps known hosts under user.home: keep them in the instance, not in the real home
        pb.environment().put("KARAF_OPTS", "-Duser.home=" + home().resolve("client-home"));
        pb.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IOException("bin/client did not finish within " + timeout + ": " + Files.readString(out));
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException("bin/client exited " + p.exitValue() + ": " + text);
        }
        return text;
    }

    private String property(String relativeFile, String key) throws IOException {
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(karaf.home().resolve(relativeFile), StandardCharsets.ISO_8859_1)) {
            p.load(r);
        }
        String v = p.getProperty(key);
        if (v == null) {
            throw new IOException(key + " not set in " + relativeFile);
        }
        return v.strip();
    }

    /** A free local port, as the launcher picks them. */
    public static int freePort() {
        return KarafInstance.freePort();
    }
}
