package org.perflink.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

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
import org.perflink.reports.SimulationTable;

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
final class SimulateCommand {

    static final int DONE = 0;
    static final int UNUSABLE = 2;
    static final int HOST_FAILED = 3;

    static final String TOKEN_ENV = "PERFLINK_HOST_TOKEN";

    private static final Set<String> OPTIONS = Set.of("host-url", "region", "year", "rule-pack", "current-pack", "csv",
            "page-size");

    private final PrintStream out;
    private final PrintStream err;
    private final String token;

    /** @param token a bearer token for the host ({@code $PERFLINK_HOST_TOKEN}), or null */
    SimulateCommand(PrintStream out, PrintStream err, String token) {
        this.out = out;
        this.err = err;
        this.token = token == null || token.isBlank() ? null : token.strip();
    }

    int run(Main.Arguments args) {
        args.noPositional();
        args.only(OPTIONS);
        Map<String, String> opts = args.options();
        String url = Main.require(opts, "host-url").strip();
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new Main.UsageException("--host-url: '" + url + "' is not an http(s) URL");
        }
        url = url.replaceAll("/+$", "");
        String region = Main.require(opts, "region").strip();
        if (!RegionCode.valid(region)) {
            throw new Main.UsageException("--region: '" + region + "' is not a 6-digit region code");
        }
        String yearArg = Main.require(opts, "year").strip();
        if (!yearArg.matches("^(19|20|21)[0-9]{2}$")) {
            throw new Main.UsageException("--year: '" + yearArg + "' is not a year such as 2027");
        }
        int year = Integer.parseInt(yearArg);
        int pageSize = pageSize(opts.getOrDefault("page-size", "200"));
        Path candidateFile = Path.of(Main.require(opts, "rule-pack")).toAbsolutePath().normalize();
        Path csv = opts.containsKey("csv") ? Path.of(opts.get("csv")).toAbsolutePath().normalize() : null;
        try {
            RulePack current = opts.containsKey("current-pack")
                    ? RulePackFile.load(Path.of(opts.get("current-pack")).toAbsolutePath().normalize())
                    : RulePack.DEFAULT;
            RulePack candidate = RulePackFile.load(candidateFile).withParent(current);
            if (csv != null && csv.getParent() != null && !Files.isDirectory(csv.getParent())) {
                throw new CheckInputException("--csv: 目录不存在 (no such directory): " + csv.getParent());
            }
            HostSettings settings = new HostSettings(url, token == null ? HostSettings.Auth.NONE : HostSettings.Auth.BEARER,
                    null, token, Duration.ofSeconds(5), Duration.ofSeconds(60), pageSize, false);
            HostSimulation.CloseStage close = new HostSimulation.CloseStage(StageJars.one(LinkSimulation.class),
                    StageJars.catalog(Stage.CLOSE));
            HostSimulation.Result result = HostSimulation.run(close, HttpHosts.gateway(settings),
                    url, region, year, current, candidate, LinkSimulation.NO_HISTORY, false, pageSize);
            out.print(SimulationTable.render(result));
            if (csv != null) {
                SimulationCsv.write(result, csv);
                out.println("\nCSV: " + csv);
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
            err.println("CSV 写入失败 (could not write the CSV) " + csv + ": " + e.getMessage());
            return UNUSABLE;
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
