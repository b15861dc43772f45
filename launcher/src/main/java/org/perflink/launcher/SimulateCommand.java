package org.perflink.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.perflink.api.host.HostException;
import org.perflink.api.model.Stage;
import org.perflink.api.rules.RulePack;
import org.perflink.api.stage.LinkSimulation;
import org.perflink.api.stage.RuleCatalog;
import org.perflink.host.http.HttpHosts;
import org.perflink.core.HostSettings;
import org.perflink.core.RegionCode;
import org.perflink.reports.CheckInputException;
import org.perflink.reports.HostSimulation;
import org.perflink.reports.RulePackFile;
import org.perflink.reports.SimulationCsv;
import org.perflink.reports.SimulationXlsx;
import org.perflink.reports.SimulationTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./perflink simulate --host-url URL --region R --year Y --rule-pack FILE [--current-pack FILE]
 * [--csv OUT.csv] [--page-size N]}: the what-if simulation of {@code perflink:simulate} without Karaf
 * ({@link HostSimulation}, same table and CSV). The current pack is the built-in {@code default} or
 * {@code --current-pack}; the candidate is {@code --rule-pack} laid over it. The host is only read
 * ({@link HttpHosts#gateway}, pages of {@code --page-size}); PerfLink's store is not here, so the year's RED
 * warnings are taken as none (the table says so).
 * <p>
 * Exit codes: {@value #DONE} done (whether or not anything changes), {@value #UNUSABLE} an option or a pack
 * file is unusable, {@value #HOST_FAILED} the host could not be read (as {@code start --once}).
 */
@Command(name = "simulate", description = {
    "测算：当前规则包与候选规则包下的评价、调整与通知之差，只读主机，不回写。",
    "What-if simulation: scores, adjustments and notices of the region's evaluated year under the current pack and"
            + " the candidate laid over it. Reads the host only, writes nothing back. Bearer token from $PERFLINK_HOST_TOKEN.",
    "Exit 0: done; 2: an option, a pack file or the CSV file is unusable; 3: the host could not be read."})
final class SimulateCommand implements Callable<Integer> {

    static final int DONE = 0;
    static final int UNUSABLE = 2;
    static final int HOST_FAILED = 3;

    static final String TOKEN_ENV = "PERFLINK_HOST_TOKEN";

    @Option(names = "--host-url", paramLabel = "URL", description = "主机地址 (the host's base URL)")
    String hostUrl;

    @Option(names = "--region", paramLabel = "R", description = "6位区划代码 (6-digit region code)")
    String region;

    @Option(names = "--year", paramLabel = "Y", description = "评价年度 (evaluated year), e.g. 2027")
    String year;

    @Option(names = "--rule-pack", paramLabel = "FILE", description = "候选规则包文件 (candidate rule pack file)")
    String rulePack;

    @Option(names = "--current-pack", paramLabel = "FILE", description = "当前规则包文件 (current pack; default: built-in default)")
    String currentPack;

    @Option(names = "--csv", paramLabel = "OUT.csv", description = "另写 CSV (also write the differences as CSV; a name ending in .xlsx writes an Excel workbook)")
    String csv;

    @Option(names = "--page-size", paramLabel = "N", description = "每页条数 (items per page, 1..1000; default 200)")
    String pageSize = "200";

    private final PrintStream out;
    private final PrintStream err;
    private final String token;

    /** @param token a bearer token for the host ({@code $PERFLINK_HOST_TOKEN}), or null */
    SimulateCommand(PrintStream out, PrintStream err, String token) {
        this.out = out;
        this.err = err;
        this.token = token == null || token.isBlank() ? null : token.strip();
    }

    @Override
    public Integer call() {
        String url = Main.require(hostUrl, "host-url").strip();
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new Main.UsageException("--host-url: '" + url + "' is not an http(s) URL");
        }
        url = url.replaceAll("/+$", "");
        String regionCode = Main.require(region, "region").strip();
        if (!RegionCode.valid(regionCode)) {
            throw new Main.UsageException("--region: '" + regionCode + "' is not a 6-digit region code");
        }
        String yearArg = Main.require(year, "year").strip();
        if (!yearArg.matches("^(19|20|21)[0-9]{2}$")) {
            throw new Main.UsageException("--year: '" + yearArg + "' is not a year such as 2027");
        }
        int evaluatedYear = Integer.parseInt(yearArg);
        int size = pageSize(pageSize);
        Path candidateFile = Path.of(Main.require(rulePack, "rule-pack")).toAbsolutePath().normalize();
        Path csvFile = csv != null ? Path.of(csv).toAbsolutePath().normalize() : null;
        try {
            RulePack current = currentPack != null
                    ? RulePackFile.load(Path.of(currentPack).toAbsolutePath().normalize())
                    : RulePack.DEFAULT;
            RulePack candidate = RulePackFile.load(candidateFile).withParent(current);
            if (csvFile != null && csvFile.getParent() != null && !Files.isDirectory(csvFile.getParent())) {
                throw new CheckInputException("--csv: 目录不存在 (no such directory): " + csvFile.getParent());
            }
            HostSettings settings = hostSettings(url, size);
            HostSimulation.CloseStage close = new HostSimulation.CloseStage(StageJars.one(LinkSimulation.class),
                    StageJars.catalog(Stage.CLOSE));
            HostSimulation.Result result = HostSimulation.run(close, HttpHosts.gateway(settings), url,
                    regionCode, evaluatedYear, current, candidate, LinkSimulation.NO_HISTORY, false, size);
            out.print(SimulationTable.render(result));
            if (csvFile != null && csvFile.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
                try (java.io.OutputStream xlsx = Files.newOutputStream(csvFile)) {
                    SimulationXlsx.write(result, xlsx); // Chinese columns, numbers as numbers
                }
                out.println("\nExcel: " + csvFile);
            } else if (csvFile != null) {
                SimulationCsv.write(result, csvFile);
                out.println("\nCSV: " + csvFile);
            }
            out.flush();
            return DONE;
        } catch (CheckInputException e) {
            err.println(e.getMessage());
            return UNUSABLE;
        } catch (HostException e) {
            err.println("主机读取失败，未测算 (the host could not be read, nothing simulated): " + e.getMessage());
            return HOST_FAILED;
        } catch (IOException e) {
            err.println("CSV 写入失败 (could not write the CSV) " + csvFile + ": " + e.getMessage());
            return UNUSABLE;
        }
    }

    /** A bearer token over plain HTTP to another machine is refused, as in Karaf (HostSettings). */
    private HostSettings hostSettings(String url, int size) throws CheckInputException {
        try {
            return new HostSettings(url, token == null ? HostSettings.Auth.NONE : HostSettings.Auth.BEARER,
                    null, token, Duration.ofSeconds(5), Duration.ofSeconds(60), size, false);
        } catch (IllegalArgumentException e) {
            throw new CheckInputException("--host-url: " + e.getMessage());
        }
    }

    private static int pageSize(String value) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= 1000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new Main.UsageException("--page-size: '" + value + "' is not 1..1000");
    }
}
