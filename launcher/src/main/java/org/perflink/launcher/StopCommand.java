package org.perflink.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./perflink stop [--data DIR]}: stops the instance in DIR, or without it the default and the demo instance. */
@Command(name = "stop", description = {
    "停止 DIR 中的实例；不带 --data 时停止默认实例与演示实例。",
    "Stop the instance in DIR; without --data, the default instance and the demo's."})
final class StopCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", description = "实例目录 (instance directory)")
    String data;

    private final Path projectHome;
    private final PrintStream out;

    StopCommand(Path projectHome, PrintStream out) {
        this.projectHome = projectHome;
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        List<Path> homes = data != null ? List.of(Main.dataDir(projectHome, data))
                : List.of(Main.dataDir(projectHome, null), projectHome.resolve(".perflink/demo"));
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
}
