package org.perflink.admin.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.perflink.api.hook.ResultHistories;
import org.perflink.api.host.HostException;
import org.perflink.api.host.HostGateway;
import org.perflink.api.rules.RulePack;
import org.perflink.api.stage.LinkSimulation;
import org.perflink.core.HostRouting;
import org.perflink.core.RegionCode;
import org.perflink.core.RegionSettings;
import org.perflink.core.RulePacks;
import org.perflink.reports.CheckInputException;
import org.perflink.reports.HostSimulation;
import org.perflink.reports.RulePackFile;
import org.perflink.reports.SimulationCsv;
import org.perflink.reports.SimulationXlsx;
import org.perflink.reports.SimulationTable;

/**
 * {@code perflink:simulate REGION YEAR RULEPACK_FILE [--csv FILE.csv|FILE.xlsx]}: the what-if simulation against the region's
 * host, the {@link HostGateway} service its configuration selects ({@link HostRouting}), the region's current effective pack
 * against the file's pack laid over it, with the year's RED warnings from the store (the engine's
 * {@link ResultHistories} service), as LINK would see them; with the store, also the components from its records,
 * the lower regions' composites and transfer factors and the work assessment and ranking.
 * Nothing is written back to the host. The close stage's simulation and the host gateway come from the
 * service registry ({@link StageServices}); callers check they are there.
 */
public final class SimulateCommand {

    private SimulateCommand() {
    }

    /**
     * @param csv where to write the CSV, or null; it must end in {@code .csv} and is created as a new file, never
     *        overwritten nor reached through a link (the command runs with the container's permissions)
     * @param close the close stage's simulation and catalogue
     * @param gateways the host gateway services with their properties; the region's configuration selects one
     * @param histories the engine's result histories, for the year's RED warnings; null when the engine is not
     *        installed (then the RED warnings are not known, and the report says so)
     * @return the table, with where the CSV went
     */
    public static String run(String regionArg, String yearArg, Path packFile, Path csv, HostSimulation.CloseStage close,
            Map<HostGateway, Map<String, ?>> gateways, Collection<RegionSettings> regions, RulePacks packs,
            ResultHistories histories)
            throws CheckInputException, HostException, IOException {
        String region = regionArg == null ? "" : regionArg.strip();
        if (!RegionCode.valid(region)) {
            throw new CheckInputException("区划代码须为6位数字 (region code must be 6 digits): '" + region + "'");
        }
        int year = year(yearArg);
        Path csvFile = csv == null ? null : csvFile(csv);
        RulePack current = packs.effective(region);
        RulePack candidate = RulePackFile.load(packFile).withParent(current);
        RegionSettings settings = regions.stream().filter(r -> r.regionCode().equals(region)).findFirst()
                .orElse(new RegionSettings(region, "", true, Set.of(), "", Duration.ofSeconds(5), null));
        HostGateway host = HostRouting.select(settings, gateways);
        if (host == null) {
            throw new CheckInputException("区划的主机未配置 (the region's host '" + HostRouting.hostOf(settings)
                    + "' has no gateway): check etc/org.perflink.host*.cfg and feature:install perflink-host-http");
        }
        String url = String.valueOf(gateways.get(host).get("url"));
        HostSimulation.Result result;
        if (histories == null) {
            result = HostSimulation.run(close, host, url, region, year, current, candidate, LinkSimulation.NO_HISTORY,
                    false, MAX_PAGE);
        } else {
            // The store's whole record of the region: components from it (§4.1, §4.2), its lower regions (§4.3) and
            // the work assessment and ranking (§6), as LINK computes them.
            result = HostSimulation.run(close, ConfiguredLowerRegions.withContract(host, settings), url, region, year,
                    current, candidate, histories.of(region),
                    new ConfiguredLowerRegions(region, packs, histories, regions, gateways), true, MAX_PAGE);
        }
        String table = SimulationTable.render(result);
        if (csvFile == null) {
            return table;
        }
        boolean xlsx = isXlsx(csvFile);
        try (OutputStream out = WorkDirectory.create(csvFile)) {
            if (xlsx) {
                SimulationXlsx.write(result, out);
            } else {
                SimulationCsv.write(result, out);
            }
        }
        return table + (xlsx ? "\nExcel: " : "\nCSV: ") + csvFile + "\n";
    }

    /** A file named {@code *.xlsx} gets the Excel workbook (Chinese columns, numbers as numbers) instead of CSV. */
    static boolean isXlsx(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    /** The gateway pages at most its host's {@code pageSize}; ask for the contract's largest page. */
    private static final int MAX_PAGE = 1000;

    static int year(String arg) throws CheckInputException {
        String y = arg == null ? "" : arg.strip();
        if (!y.matches("^(19|20|21)[0-9]{2}$")) {
            throw new CheckInputException("年度须为4位数字 (year must be 4 digits, e.g. 2027): '" + y + "'");
        }
        return Integer.parseInt(y);
    }

    static Path csvFile(Path csv) throws CheckInputException {
        Path file = csv.toAbsolutePath().normalize();
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") && !isXlsx(file)) {
            throw new CheckInputException("--csv 须为 .csv 或 .xlsx 文件 (--csv must name a .csv file, or an .xlsx file for"
                    + " Excel): " + file);
        }
        if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
            throw new CheckInputException("目录不存在 (no such directory): " + file.getParent());
        }
        if (Files.isDirectory(file)) {
            throw new CheckInputException("--csv 是一个目录 (--csv is a directory): " + file);
        }
        return file;
    }
}
