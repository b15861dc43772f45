package org.perflink.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code ./perflink demo | start | stop | user-add | check | simulate}. Each instance is a copy of the distribution in a
 * directory of its own ({@code --data}); the launcher writes its configuration files into {@code etc/} and reads
 * its {@code status.json} to know when every event is handled and every result delivered. {@code check} and
 * {@code simulate} run in this JVM without Karaf ({@link CheckCommand}, {@link SimulateCommand}).
 */
public final class Main {

    static final String USAGE = """
            Usage:
              ./perflink demo [--serve]
                  Karaf + the mock budget system + demo regions 440000 and 440100: a full compile → execute →
                  close cycle, then a summary per region. --serve keeps it running afterwards.
              ./perflink start --host-url URL --region CODE[,CODE...] [--stages compile,execute,close] [--data DIR] [--once]
                               [--host-contract 1.0|1.1]
                  Run PerfLink against an existing host (--host-contract: the host contract it speaks, default
                  1.0: only v1 calls and result kinds; 1.1 adds the v1.1 ones). --once: handle every pending stage event, deliver
                  every result, then stop (exit 0; exit 3 if the host stays unreachable, state kept in DIR).
              ./perflink stop [--data DIR]
              ./perflink user-add NAME --roles ROLE[,ROLE...] [--data DIR]
                  Create (or replace) a user of the instance's Karaf realm (etc/users.properties: SSH, shell, admin
                  page and API), before or after start; the distribution has none. Roles: perflink-viewer (read),
                  perflink-operator (also replay), perflink-admin (also switch and configure); admin for Karaf's
                  own commands, ssh for the shell over SSH. The password comes from $PERFLINK_PASSWORD, else is
                  asked on the terminal (not echoed), else read as one line from stdin; never from the command line.
                  It is stored as Karaf's SHA-512 digest. Exit 0: done; 2: a usage error or an unusable password.
              ./perflink check FILE [--phase P] [--region R] [--rule-pack FILE] [--library FILE] [--json]
                  Dry run of the compile-stage check of one project JSON file (host contract v1), without Karaf
                  or a host. Exit 0: PASS or WARN; 3: BLOCK; 2: the file, an option or a pack is unusable.
              ./perflink simulate --host-url URL --region R --year Y --rule-pack FILE [--current-pack FILE]
                                  [--csv OUT.csv] [--page-size N]
                  What-if simulation: scores, adjustments and notices of the region's evaluated year under the
                  current pack (built-in default, or --current-pack) and the candidate (--rule-pack, laid over
                  it); prints the differences, writes them as CSV. Reads the host only, writes nothing back.
                  Bearer token from $PERFLINK_HOST_TOKEN. Exit 0: done; 2: an option, a pack file or the CSV
                  file is unusable; 3: the host could not be read.
            """;

    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration UNREACHABLE_BUDGET = Duration.ofMinutes(2);

    /** Options that take no value: they never take the next argument. */
    static final Set<String> FLAGS = Set.of("json", "once", "serve");

    private final Path projectHome;
    private final PrintStream out;
    private final PrintStream err;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();

    Main(Path projectHome, PrintStream out) {
        this(projectHome, out, System.err);
    }

    Main(Path projectHome, PrintStream out, PrintStream err) {
        this.projectHome = projectHome;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) throws Exception {
        // check and simulate run PerfLink's rules here: their libraries log warnings only, to stderr
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.jboss.logging.provider", System.getProperty("org.jboss.logging.provider", "slf4j"));
        Path home = Path.of(System.getProperty("perflink.home", ".")).toAbsolutePath().normalize();
        int code;
        try {
            code = new Main(home, System.out).run(args);
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            code = 2;
        }
        System.exit(code);
    }

    int run(String[] args) throws Exception {
        if (args.length == 0) {
            throw new UsageException("no command given");
        }
        Arguments parsed = parse(args);
        switch (args[0]) {
            case "check":
                return new CheckCommand(projectHome, out, err).run(parsed);
            case "simulate":
                return new SimulateCommand(out, err, System.getenv(SimulateCommand.TOKEN_ENV)).run(parsed);
            case "user-add":
                return new UserAddCommand(out, err, System.getenv(UserAddCommand.PASSWORD_ENV), terminal(), System.in)
                        .run(parsed, dataDir(parsed.options()), distribution());
            default:
                break;
        }
        parsed.noPositional();
        Map<String, String> opts = parsed.options();
        return switch (args[0]) {
            case "demo" -> demo(opts.containsKey("serve"));
            case "start" -> start(opts);
            case "stop" -> stop(opts);
            case "help", "--help", "-h" -> {
                out.print(USAGE);
                yield 0;
            }
            default -> throw new UsageException("unknown command '" + args[0] + "'");
        };
    }

    // --- demo ---------------------------------------------------------------------------------------

    private int demo(boolean serve) throws Exception {
        Path dir = projectHome.resolve(".perflink/demo");
        KarafInstance previous = new KarafInstance(dir);
        if (previous.exists() && previous.running()) {
            previous.stop();
        }
        KarafInstance.deleteTree(dir);
        KarafInstance karaf = new KarafInstance(dir);
        karaf.install(distribution());
        int mockPort = KarafInstance.freePort();
        String mockUrl = "http://127.0.0.1:" + mockPort;
        karaf.addBootFeature("perflink-mock-host");
        karaf.writeConfig("org.perflink.mockhost.cfg", "port = " + mockPort + "\nbind = 127.0.0.1\ndataset = demo\nbatch = true\n");
        karaf.writeConfig("org.perflink.host.cfg", "url = " + mockUrl + "\nauth = NONE\npageSize = 200\nbatch = true\n");
        for (String region : List.of("440000", "440100")) {
            Files.copy(projectHome.resolve("config/demo/org.perflink.region-" + region + ".cfg"),
                    karaf.home().resolve("etc/org.perflink.region-" + region + ".cfg"));
        }
        out.println("PerfLink demo in " + dir);
        out.println("  log: " + karaf.log());
        Instant t0 = Instant.now();
        karaf.start();
        try {
            awaitHttp(mockUrl + "/mock/stats");
            awaitStatus(karaf, 2);
            out.printf("  Karaf, PerfLink and the mock host are up (%d s)%n%n", Duration.between(t0, Instant.now()).toSeconds());

            DemoSummary summary = new DemoSummary(out);
            runStage(karaf, mockUrl, "COMPILE");
            summary.verdicts(received(mockUrl, "verdict"));
            out.println();
            runStage(karaf, mockUrl, "EXECUTE");
            summary.warnings(received(mockUrl, "warning"));
            out.println();
            runStage(karaf, mockUrl, "CLOSE");
            summary.scores(received(mockUrl, "score"));
            summary.adjustments(received(mockUrl, "adjustment"), received(mockUrl, "notice"));
            out.println();
            JsonNode stats = get(mockUrl + "/mock/stats");
            StatusView status = StatusView.read(karaf.statusFile());
            out.printf("Host received %d writes for %d result ids; ids written with two different bodies: %d; dead letters: %d%n",
                    stats.path("writes").asLong(), stats.path("ids").asLong(),
                    stats.path("idsWithDifferentBodiesIgnoringTimestamps").asLong(), status == null ? -1 : status.deadLetters());
            out.printf("Demo finished in %d s.%n", Duration.between(t0, Instant.now()).toSeconds());
            if (serve) {
                out.println("Serving: mock host " + mockUrl + ", status " + karaf.statusFile() + ". Stop with ./perflink stop --data " + dir);
                return 0;
            }
        } finally {
            if (!serve) {
                karaf.stop();
            }
        }
        return 0;
    }

    private void runStage(KarafInstance karaf, String mockUrl, String stage) throws Exception {
        Instant since = Instant.now();
        post(mockUrl + "/mock/script?stage=" + stage);
        if (!awaitIdle(karaf, since)) {
            throw new IOException(stage + " stage did not finish within " + STEP_TIMEOUT.toMinutes() + " min; see " + karaf.log());
        }
    }

    // --- start / stop --------------------------------------------------------------------------------

    private int start(Map<String, String> opts) throws Exception {
        String hostUrl = require(opts, "host-url");
        List<String> regions = new ArrayList<>();
        for (String region : require(opts, "region").split(",")) {
            String code = region.trim();
            if (!code.matches("^[1-9][0-9]{5}$")) {
                throw new UsageException("--region: '" + code + "' is not a 6-digit region code");
            }
            regions.add(code);
        }
        Set<String> stages = Set.of(opts.getOrDefault("stages", "compile,execute,close").toLowerCase(Locale.ROOT).split(","));
        for (String stage : stages) {
            if (!Set.of("compile", "execute", "close").contains(stage)) {
                throw new UsageException("--stages: '" + stage + "' is not one of compile, execute, close");
            }
        }
        String contract = opts.getOrDefault("host-contract", "1.0");
        if (!Set.of("1.0", "1.1").contains(contract)) {
            throw new UsageException("--host-contract: '" + contract + "' is not 1.0 or 1.1");
        }
        // everything checked: only now touch the instance
        KarafInstance karaf = new KarafInstance(dataDir(opts));
        karaf.install(distribution());
        karaf.setProperty("etc/org.perflink.host.cfg", "url", hostUrl);
        karaf.setProperty("etc/org.perflink.host.cfg", "contract", contract);
        for (String code : regions) {
            karaf.writeConfig("org.perflink.region-" + code + ".cfg", "regionCode = " + code + "\n"
                    + "compileEnabled = " + stages.contains("compile") + "\n"
                    + "executeEnabled = " + stages.contains("execute") + "\n"
                    + "closeEnabled = " + stages.contains("close") + "\n"
                    + "pollIntervalSeconds = " + (opts.containsKey("once") ? 1 : 5) + "\n");
        }
        if (karaf.running()) {
            out.println("PerfLink is already running in " + karaf.home() + " (configuration updated live)");
        } else {
            karaf.start();
        }
        out.println("PerfLink running in " + karaf.home() + "\n  log: " + karaf.log() + "\n  status: " + karaf.statusFile()
                + "\n  admin page: " + karaf.adminUrl() + " (log in as a user made with ./perflink user-add)");
        if (!opts.containsKey("once")) {
            return 0;
        }
        awaitStatus(karaf, regions.size());
        boolean idle = awaitIdle(karaf, Instant.now());
        StatusView status = StatusView.read(karaf.statusFile());
        karaf.stop();
        if (!idle) {
            out.println("Host unreachable or not answering: " + (status == null ? "?" : status.firstError()));
            out.println("Everything handled so far is kept in " + karaf.home() + "; run again to resume.");
            return 3;
        }
        out.printf("Done: every pending event handled, every result delivered (dead letters: %d).%n", status.deadLetters());
        return 0;
    }

    /** Stops the instance in --data, or without it every instance the launcher starts by default. */
    private int stop(Map<String, String> opts) throws Exception {
        List<Path> homes = opts.containsKey("data") ? List.of(dataDir(opts))
                : List.of(dataDir(opts), projectHome.resolve(".perflink/demo"));
        for (Path home : homes) {
            KarafInstance karaf = new KarafInstance(home);
            if (karaf.exists() && karaf.running()) {
                karaf.stop();
                out.println("PerfLink stopped (" + karaf.home() + ")");
            } else {
                out.println("PerfLink is not running in " + karaf.home());
            }
        }
        return 0;
    }

    // --- waiting -------------------------------------------------------------------------------------

    /** Waits until every region has handled every event and delivered every result, or the host stays down. */
    private boolean awaitIdle(KarafInstance karaf, Instant since) throws InterruptedException {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        Instant errorSince = null;
        while (System.nanoTime() < deadline) {
            StatusView s = StatusView.read(karaf.statusFile());
            if (s != null) {
                if (s.idleSince(since)) {
                    return true;
                }
                if (s.firstError() == null) {
                    errorSince = null;
                } else if (errorSince == null) {
                    errorSince = Instant.now();
                } else if (Duration.between(errorSince, Instant.now()).compareTo(UNREACHABLE_BUDGET) > 0) {
                    return false;
                }
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        return false;
    }

    private void awaitStatus(KarafInstance karaf, int regions) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            StatusView s = StatusView.read(karaf.statusFile());
            if (s != null && s.hasRegions(regions)) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IOException("PerfLink did not report its regions within 3 min; see " + karaf.log());
    }

    private void awaitHttp(String url) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IOException(url + " did not answer within 3 min");
    }

    // --- plumbing ------------------------------------------------------------------------------------

    private JsonNode received(String mockUrl, String kind) throws IOException, InterruptedException {
        return get(mockUrl + "/mock/received?kind=" + kind + "&bodies=true");
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new IOException("GET " + url + " answered " + r.statusCode());
        }
        return mapper.readTree(r.body());
    }

    private void post(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() / 100 != 2) {
            throw new IOException("POST " + url + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    /** The console to ask a password on without echo, or null when stdin or stdout is not a terminal. */
    private static UserAddCommand.Terminal terminal() {
        java.io.Console console = System.console();
        return console == null ? null : prompt -> console.readPassword("%s", prompt);
    }

    private Path distribution() {
        return projectHome.resolve("distribution/target/perflink-" + version() + "/perflink-" + version());
    }

    private static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v != null ? v : "1.0.0-SNAPSHOT";
    }

    private Path dataDir(Map<String, String> opts) {
        // --data is relative to where the command was typed; the default lives in the project.
        return opts.containsKey("data") ? Path.of(opts.get("data")).toAbsolutePath().normalize()
                : projectHome.resolve(".perflink/server");
    }

    static String require(Map<String, String> opts, String key) {
        String v = opts.get(key);
        if (v == null || v.isBlank()) {
            throw new UsageException("--" + key + " is required");
        }
        return v;
    }

    /** The options of a command that takes no positional argument. */
    static Map<String, String> options(String[] args) {
        Arguments parsed = parse(args);
        parsed.noPositional();
        return parsed.options();
    }

    /** The arguments after the command: {@code --key value}, {@code --key=value}, {@link #FLAGS}, and the rest. */
    static Arguments parse(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            if (!a.startsWith("--")) {
                positional.add(a);
                continue;
            }
            String key = a.substring(2);
            int eq = key.indexOf('=');
            if (eq > 0) {
                opts.put(key.substring(0, eq), key.substring(eq + 1));
            } else if (!FLAGS.contains(key) && i + 1 < rest.size() && !rest.get(i + 1).startsWith("--")) {
                opts.put(key, rest.get(++i));
            } else {
                opts.put(key, "true");
            }
        }
        return new Arguments(positional, opts);
    }

    record Arguments(List<String> positional, Map<String, String> options) {

        void noPositional() {
            if (!positional.isEmpty()) {
                throw new UsageException("unexpected argument '" + positional.get(0) + "'");
            }
        }

        /** Refuses an option the command does not know (a typo would otherwise be ignored). */
        void only(Set<String> known) {
            for (String key : options.keySet()) {
                if (!known.contains(key)) {
                    throw new UsageException("unknown option --" + key);
                }
            }
        }
    }

    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
