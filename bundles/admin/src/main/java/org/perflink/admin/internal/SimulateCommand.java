package org.perflink.admin.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.perflink.admin.report.CheckInputException;
import org.perflink.admin.report.HostSimulation;
import org.perflink.admin.report.RulePackFile;
import org.perflink.admin.report.SimulationCsv;
import org.perflink.admin.report.SimulationTable;
import org.perflink.api.host.HostException;
import org.perflink.api.rules.RulePack;
import org.perflink.camel.host.HostJson;
import org.perflink.camel.host.HttpHostGateway;
import org.perflink.camel.host.StoredResultHistory;
import org.perflink.close.WarningHistory;
import org.perflink.core.HostSettings;
import org.perflink.core.RegionCode;
import org.perflink.core.RegionSettings;
import org.perflink.core.RulePacks;
import org.perflink.store.ResultLedger;

/**
 * {@code perflink:simulate REGION YEAR RULEPACK_FILE [--csv FILE]}: the what-if simulation against the running
 * host settings (the region's own host URL when its file names one), the region's current effective pack
 * against the file's pack laid over it, with the year's RED warnings from the store, as LINK would see them.
 * Nothing is written back to the host. Only loaded when the close and camel bundles are wired (see
 * {@link StageCatalogs}); callers check first.
 */
public final class SimulateCommand {

    private SimulateCommand() {
    }

    /**
     * @param csv where to write the CSV, or null; it must end in {@code .csv} (the command runs with the
     *        container's permissions: it must not overwrite configuration)
     * @return the table, with where the CSV went
     */
    public static String run(String regionArg, String yearArg, Path packFile, Path csv, HostSettings settings,
            Collection<RegionSettings> regions, RulePacks packs, ResultLedger store)
            throws CheckInputException, HostException, IOException {
        String region = regionArg == null ? "" : regionArg.strip();
        if (!RegionCode.valid(region)) {
            throw new CheckInputException("区划代码须为6位数字 (region code must be 6 digits): '" + region + "'");
        }
        int year = year(yearArg);
        Path csvFile = csv == null ? null : csvFile(csv);
        RulePack current = packs.effective(region);
        RulePack candidate = RulePackFile.load(packFile).withParent(current);
        HostSettings host = settings;
        for (RegionSettings r : regions) {
            if (r.regionCode().equals(region) && r.hostUrl() != null && !r.hostUrl().isBlank()) {
                host = settings.withUrl(r.hostUrl());
            }
        }
        ObjectMapper mapper = HostJson.newMapper();
        HostSimulation.Result result = HostSimulation.run(new HttpHostGateway(host, mapper), host.url(), region, year,
                current, candidate, WarningHistory.of(new StoredResultHistory(region, store, mapper)), true, host.pageSize());
        String table = SimulationTable.render(result);
        if (csvFile == null) {
            return table;
        }
        SimulationCsv.write(result, csvFile);
        return table + "\nCSV: " + csvFile + "\n";
    }

    static int year(String arg) throws CheckInputException {
        String y = arg == null ? "" : arg.strip();
        if (!y.matches("^(19|20|21)[0-9]{2}$")) {
            throw new CheckInputException("年度须为4位数字 (year must be 4 digits, e.g. 2027): '" + y + "'");
        }
        return Integer.parseInt(y);
    }

    static Path csvFile(Path csv) throws CheckInputException {
        Path file = csv.toAbsolutePath().normalize();
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            throw new CheckInputException("--csv 须为 .csv 文件 (--csv must name a .csv file): " + file);
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
