package org.perflink.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.perflink.core.ClusterKeys;
import org.perflink.core.RegionCode;
import org.perflink.core.RegionKeys;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./perflink start --host-url URL --region CODE[,CODE...] [--stages …] [--data DIR] [--once]
 * [--host-contract 1.0|1.1] [--store-url JDBC_URL [--store-user USER]] [--cluster [--node NAME]]}: runs the
 * distribution as an instance of its own against an existing host; with {@code --once} until every pending event
 * is handled and every result delivered (exit 0), or the host stays unreachable (exit 3, state kept).
 * {@code --store-url} puts the store on PostgreSQL (password from {@code $PERFLINK_STORE_PASSWORD}); {@code --cluster}
 * makes this instance one node of a cluster on that database (docs/cluster.md), see {@link StoreOptions}.
 */
@Command(name = "start", description = {
    "对接现有主机运行 PerfLink；--once：处理完全部待处理事件并送达全部结果后停止（主机持续不可达时退出码 3，状态保留在 DIR）。",
    "Run PerfLink against an existing host. --once: handle every pending stage event, deliver every result, then"
            + " stop (exit 0; exit 3 if the host stays unreachable, state kept in DIR)."})
final class StartCommand implements Callable<Integer> {

    @Option(names = "--host-url", paramLabel = "URL", description = "主机地址 (the host's base URL)")
    String hostUrl;

    @Option(names = "--region", paramLabel = "CODE[,CODE...]", description = "6位区划代码 (6-digit region codes)")
    String region;

    @Option(names = "--stages", paramLabel = "compile,execute,close", description = "开启的阶段 (stages on; default: all)")
    String stages = "compile,execute,close";

    @Option(names = "--data", paramLabel = "DIR", description = "实例目录 (instance directory; default .perflink/server)")
    String data;

    @Option(names = "--host-contract", paramLabel = "1.0|1.1",
            description = "主机遵循的接口契约版本 (the host contract it speaks; default 1.0: only v1 calls and result kinds;"
                    + " 1.1 adds the v1.1 ones)")
    String hostContract = "1.0";

    @Option(names = "--once", description = "处理完积压后停止 (stop once the backlog is handled)")
    boolean once;

    @Option(names = "--store-url", paramLabel = "JDBC_URL",
            description = "共享存储 PostgreSQL 地址 (the store on PostgreSQL: jdbc:postgresql://HOST:PORT/DB; password from $"
                    + StoreOptions.PASSWORD_ENV + "; default: the instance's embedded H2)")
    String storeUrl;

    @Option(names = "--store-user", paramLabel = "USER", description = "存储数据库用户 (the store's database user)")
    String storeUser;

    @Option(names = "--cluster", description = "作为集群节点运行，需 --store-url (run as one node of a cluster on the"
            + " --store-url database; docs/cluster.md)")
    boolean cluster;

    @Option(names = "--node", paramLabel = "NAME", description = "本节点名称 (this node's name; default: the host name)")
    String node;

    private final Path projectHome;
    private final PrintStream out;
    private final String storePassword;
    private final InstanceWatch watch = new InstanceWatch();

    StartCommand(Path projectHome, PrintStream out) {
        this(projectHome, out, System.getenv(StoreOptions.PASSWORD_ENV));
    }

    StartCommand(Path projectHome, PrintStream out, String storePassword) {
        this.projectHome = projectHome;
        this.out = out;
        this.storePassword = storePassword;
    }

    @Override
    public Integer call() throws Exception {
        String url = Main.literal("--host-url", Main.require(hostUrl, "host-url"));
        List<String> regions = new ArrayList<>();
        for (String r : Main.require(region, "region").split(",")) {
            String code = r.trim();
            if (!RegionCode.valid(code)) {
                throw new Main.UsageException("--region: '" + code + "' is not a 6-digit region code");
            }
            regions.add(code);
        }
        Set<String> on = Set.of(stages.toLowerCase(Locale.ROOT).split(","));
        for (String stage : on) {
            if (!Set.of("compile", "execute", "close").contains(stage)) {
                throw new Main.UsageException("--stages: '" + stage + "' is not one of compile, execute, close");
            }
        }
        if (!Set.of("1.0", "1.1").contains(hostContract)) {
            throw new Main.UsageException("--host-contract: '" + hostContract + "' is not 1.0 or 1.1");
        }
        StoreOptions store = StoreOptions.of(storeUrl, storeUser, storePassword, cluster, node);
        // everything checked: only now touch the instance
        KarafInstance karaf = new KarafInstance(Main.dataDir(projectHome, data));
        karaf.install(Main.distribution(projectHome));
        karaf.setProperty("etc/org.perflink.host.cfg", "url", url);
        karaf.setProperty("etc/org.perflink.host.cfg", "contract", hostContract);
        configureStore(karaf, store);
        for (String code : regions) {
            karaf.writeConfig(RegionKeys.FACTORY_PID + "-" + code + ".cfg", RegionKeys.REGION_CODE + " = " + code + "\n"
                    + RegionKeys.COMPILE_ENABLED + " = " + on.contains("compile") + "\n"
                    + RegionKeys.EXECUTE_ENABLED + " = " + on.contains("execute") + "\n"
                    + RegionKeys.CLOSE_ENABLED + " = " + on.contains("close") + "\n"
                    + RegionKeys.POLL_INTERVAL_SECONDS + " = " + (once ? 1 : 5) + "\n");
        }
        if (karaf.running()) {
            out.println("PerfLink is already running in " + karaf.home() + " (configuration updated live)");
        } else {
            karaf.start();
        }
        if (store.cluster()) {
            out.println("Cluster node " + (store.node() == null ? "(host name)" : store.node()) + " on " + store.url());
        }
        out.println("PerfLink running in " + karaf.home() + "\n  log: " + karaf.log() + "\n  status: " + karaf.statusFile()
                + "\n  admin page: " + karaf.adminUrl() + " (log in as a user made with ./perflink user-add)");
        if (!once) {
            return 0;
        }
        watch.awaitStatus(karaf, regions.size());
        boolean idle = watch.awaitIdle(karaf, Instant.now());
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

    /** The store and cluster configuration; the store file holds the password, so it is the owner's only. */
    static void configureStore(KarafInstance karaf, StoreOptions store) throws java.io.IOException {
        Map<String, String> storeProperties = store.storeProperties();
        if (!storeProperties.isEmpty()) {
            karaf.setPrivateProperties(StoreOptions.STORE_CFG, storeProperties);
        }
        if (store.postgres()) {
            karaf.addBootFeature(StoreOptions.POSTGRESQL_FEATURE);
        }
        karaf.writeConfig(ClusterKeys.PID + ".cfg", "# written by ./perflink start (docs/cluster.md)\n"
                + store.clusterProperties().entrySet().stream().map(e -> e.getKey() + " = " + e.getValue() + "\n")
                        .collect(java.util.stream.Collectors.joining()));
    }
}
