package org.perflink.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./perflink demo [--serve] [--host http|sql]}: a copy of the distribution in {@code .perflink/demo} with the mock host and the
 * demo regions, a full compile → execute → close cycle, then a summary per region ({@link DemoSummary}).
 */
@Command(name = "demo", description = {
    "模拟预算管理一体化系统 + 演示地区 440000、440100、440300、440400（含下级 440402、440403）、440500、460100：完整的编制 → 执行 → 决算（含跟踪问效），并按地区汇总。",
    "Karaf + the mock budget system + demo regions 440000, 440100, 440300, 440400 (with its lower regions 440402, 440403), 440500 and 460100: a full compile → execute → close cycle,"
            + " then a summary per region."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--serve", description = {"结束后保持运行 (keep it running afterwards; stop with ./perflink stop)"})
    boolean serve;

    @Option(names = "--host", defaultValue = "http", paramLabel = "http|sql|files", description = {
        "演示用的接入方式：http（默认，接口）、sql（中间库，内嵌 H2）或 files（文件交换：工作簿和 CSV，docs/host-files.md）",
        "How the demo reaches the budget system: http (default, host contract v1 over HTTP), sql (an exchange database,"
                + " embedded H2) or files (the demo dataset as workbooks and CSV in a drop folder, docs/host-files.md)"})
    String host;

    private final Path projectHome;
    private final PrintStream out;
    private final InstanceWatch watch = new InstanceWatch();
    /** The exchange-database host of {@code --host sql}, else null. */
    private SqlDemoHost sql;

    DemoCommand(Path projectHome, PrintStream out) {
        this.projectHome = projectHome;
        this.out = out;
    }

    /** The mock host's dataset, which the file-drop demo writes into the folder too. */
    static final String DEMO_DATASET = "demo+lower-regions";

    /**
     * The demo's regions: a province, a city, 440300 showing the rules v2 monitoring and library, and 440400 the host
     * contract v1.1 (library entries, graded reviews, an adjusted target, evaluators), 440500 the work assessment and
     * ranking of rules.md §6 (v1.1 too: ties, one department praised, one criticised), 440402 and 440403 the lower regions
     * of 440400 (rules.md §4.3), and 460100 the follow-up of
     * notices (feedback, FOLLOW_UP events, escalations; host contract v1.1).
     */
    private static final List<String> DEMO_REGIONS = List.of("440000", "440100", "440300", "440400", "440402", "440403",
            "440500", "460100");

    @Override
    public Integer call() throws Exception {
        if (!List.of("http", "sql", FilesDemo.HOST_NAME).contains(host)) {
            throw new Main.UsageException("--host 须为 http、sql 或 files (must be http, sql or files), got '" + host + "'");
        }
        Path dir = projectHome.resolve(".perflink/demo");
        KarafInstance previous = new KarafInstance(dir);
        if (previous.exists() && previous.running()) {
            previous.stop();
        }
        KarafInstance.deleteTree(dir);
        KarafInstance karaf = new KarafInstance(dir);
        karaf.install(Main.distribution(projectHome));
        int mockPort = KarafInstance.freePort();
        String mockUrl = "http://127.0.0.1:" + mockPort;
        karaf.addMockHostRepository();
        karaf.addBootFeature("perflink-mock-host");
        karaf.writeConfig("org.perflink.mockhost.cfg", "port = " + mockPort + "\nbind = 127.0.0.1\ndataset = " + DEMO_DATASET + "\nbatch = true\n");
        karaf.writeConfig("org.perflink.host.cfg", "url = " + mockUrl + "\nauth = NONE\npageSize = 200\nbatch = true\n");
        for (String region : DEMO_REGIONS) {
            Files.copy(projectHome.resolve("config/demo/org.perflink.region-" + region + ".cfg"),
                    karaf.home().resolve("etc/org.perflink.region-" + region + ".cfg"));
        }
        FilesDemo files = FilesDemo.HOST_NAME.equals(host) ? new FilesDemo(dir.resolve("drop")) : null;
        if (files != null) {
            // the same regions, reached through the file-drop host "files" instead of the mock's HTTP
            karaf.addBootFeature("perflink-host-files");
            karaf.writeConfig("org.perflink.host.files-" + FilesDemo.HOST_NAME + ".cfg", files.hostConfig());
            for (String region : DEMO_REGIONS) {
                Files.writeString(karaf.home().resolve("etc/org.perflink.region-" + region + ".cfg"),
                        "host = " + FilesDemo.HOST_NAME + "\n", java.nio.file.StandardOpenOption.APPEND);
            }
        }
        // 440300's own rule pack and indicator library (the rules v2 showcase)
        for (String file : List.of("org.perflink.rulepack-sz-demo.cfg", "perflink-indicator-library-440300.json")) {
            Files.copy(projectHome.resolve("config/demo/" + file), karaf.home().resolve("etc/" + file));
        }
        // sql: the mock host stays the data's source; the regions read and write the exchange database
        sql = host.equals("sql") ? new SqlDemoHost(dir) : null;
        if (sql != null) {
            sql.configure(karaf, DEMO_REGIONS);
        }
        out.println("PerfLink demo in " + dir);
        if (sql != null) {
            out.println("  host adapter: " + sql.describe());
        }
        out.println("  log: " + karaf.log());
        Instant t0 = Instant.now();
        karaf.start();
        try {
            watch.awaitHttp(mockUrl + "/mock/stats");
            if (sql != null) {
                sql.copyInitial(mockUrl, DEMO_REGIONS, watch.get(mockUrl + "/mock/dataset"));
            }
            watch.awaitStatus(karaf, DEMO_REGIONS.size());
            out.printf("  Karaf, PerfLink and the mock host are up (%d s)%n%n", Duration.between(t0, Instant.now()).toSeconds());

            DemoSummary summary = new DemoSummary(out);
            if (files != null) {
                return filesDemo(karaf, files, summary, t0);
            }
            runStage(karaf, mockUrl, "COMPILE");
            summary.verdicts(received(mockUrl, "verdict"));
            out.println();
            runStage(karaf, mockUrl, "EXECUTE");
            summary.warnings(received(mockUrl, "warning"));
            out.println();
            runStage(karaf, mockUrl, "CLOSE");
            summary.scores(received(mockUrl, "score"));
            JsonNode adjustments = received(mockUrl, "adjustment");
            JsonNode notices = received(mockUrl, "notice");
            summary.adjustments(adjustments, notices);
            summary.composites(adjustments);
            summary.escalations(notices);
            summary.ranking(received(mockUrl, "assessment"));
            out.println();
            JsonNode stats = watch.get(mockUrl + "/mock/stats");
            StatusView status = StatusView.read(karaf.statusFile());
            if (sql != null) {
                out.printf("Exchange database holds %d results (one row per result id); dead letters: %d%n",
                        sql.resultRows(), status == null ? -1 : status.deadLetters());
            } else {
                out.printf("Host received %d writes for %d result ids; ids written with two different bodies: %d; dead letters: %d%n",
                        stats.path("writes").asLong(), stats.path("ids").asLong(),
                        stats.path("idsWithDifferentBodiesIgnoringTimestamps").asLong(), status == null ? -1 : status.deadLetters());
            }
            out.printf("Demo finished in %d s.%n", Duration.between(t0, Instant.now()).toSeconds());
            if (serve) {
                out.println("Serving: mock host " + mockUrl + ", status " + karaf.statusFile() + ". Stop with ./perflink stop --data " + dir);
                return 0;
            }
        } finally {
            if (!serve) {
                karaf.stop();
            }
            if (sql != null) {
                sql.close();
            }
        }
        return 0;
    }

    /** What the host received of a kind: the mock's record, or the exchange database's results table. */
    private JsonNode received(String mockUrl, String kind) throws Exception {
        return sql != null ? sql.received(kind) : watch.received(mockUrl, kind);
    }

    /** The same year through the drop folder: each stage's files dropped, then what came back beside them. */
    private int filesDemo(KarafInstance karaf, FilesDemo files, DemoSummary summary, Instant t0) throws Exception {
        out.println("  host: file drop (文件交换) " + files.drop() + "\n");
        // what the mock serves from the start (the lower regions' evaluation), handled before the first stage as there
        Instant start = Instant.now();
        for (Map.Entry<String, Map<String, Long>> initial : files.writeInitial(DEMO_REGIONS).entrySet()) {
            if (!watch.awaitIdle(karaf, start, s -> s.reached(initial.getKey(), initial.getValue()))) {
                throw new IOException("the initial events did not finish within " + InstanceWatch.STEP_TIMEOUT.toMinutes()
                        + " min; see " + karaf.log());
            }
        }
        for (String stage : List.of("COMPILE", "EXECUTE", "CLOSE")) {
            Instant since = Instant.now();
            Map<String, Long> lastSeq = files.writeStage(stage, DEMO_REGIONS);
            if (!watch.awaitIdle(karaf, since, s -> s.reached(stage, lastSeq))) {
                throw new IOException(stage + " stage did not finish within " + InstanceWatch.STEP_TIMEOUT.toMinutes() + " min; see " + karaf.log());
            }
            switch (stage) {
                case "COMPILE" -> summary.verdicts(files.received("verdict"));
                case "EXECUTE" -> summary.warnings(files.received("warning"));
                default -> {
                    summary.scores(files.received("score"));
                    JsonNode adjustments = files.received("adjustment");
                    JsonNode notices = files.received("notice");
                    summary.adjustments(adjustments, notices);
                    summary.composites(adjustments);
                    summary.escalations(notices);
                    summary.ranking(files.received("assessment"));
                }
            }
            out.println();
        }
        StatusView status = StatusView.read(karaf.statusFile());
        int ids = 0;
        for (String kind : List.of("verdict", "score", "warning", "adjustment", "notice", "assessment")) {
            ids += files.received(kind).path("items").size();
        }
        out.printf("Folder received %d result ids (beside the files in done/); dead letters: %d%n", ids,
                status == null ? -1 : status.deadLetters());
        out.printf("Demo finished in %d s.%n", Duration.between(t0, Instant.now()).toSeconds());
        if (serve) {
            out.println("Serving: drop folder " + files.drop() + ", status " + karaf.statusFile()
                    + ". Stop with ./perflink stop --data " + karaf.home());
        }
        return 0; // stopped by call() unless --serve
    }

    private void runStage(KarafInstance karaf, String mockUrl, String stage) throws Exception {
        Instant since = Instant.now();
        JsonNode appended = watch.post(mockUrl + "/mock/script?stage=" + stage).path("appended");
        if (sql != null) {
            sql.copyStage(mockUrl, appended);
        }
        // idle is not enough: a poll that ended just after the script may have started before it
        Map<String, Long> lastSeq = new HashMap<>();
        for (JsonNode e : appended) {
            lastSeq.merge(e.path("regionCode").asText(), e.path("seq").asLong(), Math::max);
        }
        if (!watch.awaitIdle(karaf, since, s -> s.reached(stage, lastSeq))) {
            throw new IOException(stage + " stage did not finish within " + InstanceWatch.STEP_TIMEOUT.toMinutes() + " min; see " + karaf.log());
        }
    }
}
