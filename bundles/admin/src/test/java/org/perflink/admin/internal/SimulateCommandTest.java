package org.perflink.admin.internal;

import org.perflink.reports.FakeRulePacks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perflink.camel.internal.StoredResultHistories;
import org.junit.jupiter.api.io.TempDir;
import org.perflink.reports.CheckInputException;
import org.perflink.api.host.HostGateway;
import org.perflink.api.model.Stage;
import org.perflink.core.HostRouting;
import org.perflink.reports.Loaded;
import org.perflink.core.HostSettings;
import org.perflink.host.http.HttpHosts;
import org.perflink.core.RegionSettings;
import org.perflink.mockhost.Dataset;
import org.perflink.mockhost.MockHost;

/** perflink:simulate without Karaf: the running host settings, the region's effective pack, the store's warnings. */
class SimulateCommandTest {

    @TempDir
    Path dir;

    private MockHost mock;
    private Map<HostGateway, Map<String, ?>> settings;
    private final FakeStore store = new FakeStore();
    /** 440000 has its own pack: MEDIUM projects −15 % now. */
    private final FakeRulePacks packs = new FakeRulePacks()
            .define("gd", "4", Map.of("link.project.mediumRatio", "-0.15"))
            .assign("440000", "gd");

    @BeforeEach
    void start() throws Exception {
        mock = new MockHost(MockHost.Options.defaults().withPort(0), Dataset.demo()).start();
        // the gateways host-HTTP registers: the default host, and the one made for 440000's own hostUrl
        HostSettings nowhere = new HostSettings("http://127.0.0.1:1", HostSettings.Auth.NONE, null, null, Duration.ofSeconds(2),
                Duration.ofSeconds(30), 200, true);
        String own = mock.baseUri().toString().replaceAll("/$", "");
        settings = new LinkedHashMap<>();
        settings.put(HttpHosts.gateway(nowhere), Map.of(HostGateway.HOST_PROPERTY, HostRouting.DEFAULT_HOST, "url", nowhere.url()));
        settings.put(HttpHosts.gateway(nowhere.withUrl(own)), Map.of(HostGateway.HOST_PROPERTY, HostRouting.DEFAULT_HOST,
                "url", own, HostRouting.REGION_PROPERTY, "440000"));
    }

    @AfterEach
    void stop() {
        mock.close();
    }

    private List<RegionSettings> regionWithOwnHost() {
        // the default host URL leads nowhere: the region's own hostUrl must be used
        return List.of(new RegionSettings("440000", "广东", true, Set.of(Stage.CLOSE), "gd", Duration.ofSeconds(5),
                mock.baseUri().toString().replaceAll("/$", "")));
    }

    @Test
    void theCandidateIsLaidOverTheRegionsEffectivePackAndTheCsvIsWritten() throws Exception {
        Path pack = Files.writeString(dir.resolve("medium20.cfg"), "name = medium20\nlink.project.mediumRatio = -0.20\n");
        Path csv = dir.resolve("out.csv");
        String out = SimulateCommand.run("440000", "2027", pack, csv, Loaded.close(), settings, regionWithOwnHost(), packs, new StoredResultHistories(store));

        assertTrue(out.contains("gd@4 < default@1") && out.contains("medium20@1 < gd@4 < default@1"), out);
        assertTrue(out.lines().anyMatch(l -> l.contains("link.project.mediumRatio") && l.contains("-0.15") && l.contains("-0.20")), out);
        // 123: 2 625 000 × −0.15 = −393 750.00 → × −0.20 = −525 000.00
        assertTrue(out.lines().anyMatch(l -> l.contains("440000-2027-000123") && l.contains("-393,750.00 → -525,000.00")), out);
        // the four MEDIUM projects: (2 100 000 + 2 625 000 + 1 890 000 + 1 470 000) × −0.05
        assertTrue(out.contains("-404,250.00 元"), out);
        assertTrue(out.contains("CSV: " + csv), out);
        byte[] bytes = Files.readAllBytes(csv);
        assertEquals((byte) 0xEF, bytes[0]);
        assertTrue(new String(bytes, StandardCharsets.UTF_8).contains(",TOTAL,440000,"));
        assertEquals(0, mock.received().log(null, null, 0, 10).path("size").asInt(), "nothing written to the host");
    }

    @Test
    void aFileNamedXlsxGetsTheExcelWorkbook() throws Exception {
        Path pack = Files.writeString(dir.resolve("medium20.cfg"), "name = medium20\nlink.project.mediumRatio = -0.20\n");
        Path xlsx = dir.resolve("out.xlsx");
        String out = SimulateCommand.run("440000", "2027", pack, xlsx, Loaded.close(), settings, regionWithOwnHost(), packs, new StoredResultHistories(store));
        assertTrue(out.contains("Excel: " + xlsx), out);
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(xlsx.toFile())) {
            var rows = wb.getFirstSheet().read();
            assertEquals(org.perflink.reports.SimulationXlsx.COLUMNS_ZH, rows.get(0).stream().map(c -> c.getText()).toList());
            var total = rows.stream().filter(r -> "合计".equals(r.getCellText(4))).findFirst().orElseThrow();
            assertEquals(org.dhatim.fastexcel.reader.CellType.NUMBER, total.getCell(17).getType());
        }
    }

    @Test
    void theStoresRedWarningsFeedTheReminder() throws Exception {
        Path pack = storedRedWarningAndPack();
        String out = SimulateCommand.run("440000", "2027", pack, null, Loaded.close(), settings, regionWithOwnHost(), packs, new StoredResultHistories(store));
        assertTrue(out.contains("from PerfLink's stored results"), out);
        assertFalse(out.contains("CSV:"), out);
    }

    /** A RED warning of 2027 in the store, and a candidate pack; returns the pack file. */
    private Path storedRedWarningAndPack() throws IOException {
        store.results.put("440000/WARNING/440000-2027-000117", List.of("""
                {"warningId": "w1", "projectCode": "440000-2027-000117", "regionCode": "440000", "year": 2027,
                 "asOf": "2027-07-31", "type": "EXECUTION_LAG", "level": "RED", "ruleId": "EXECUTION_LAG"}"""));
        Path pack = Files.writeString(dir.resolve("p.cfg"), "link.project.mediumRatio = -0.20\n");
        return pack;
    }

    @Test
    void withoutTheEnginesResultHistoriesTheRedWarningsAreSaidToBeUnknown() throws Exception {
        Path pack = storedRedWarningAndPack();
        String out = SimulateCommand.run("440000", "2027", pack, null, Loaded.close(), settings, regionWithOwnHost(), packs, null);
        assertFalse(out.contains("from PerfLink's stored results"), out);
    }

    @Test
    void badArgumentsAreRefusedBeforeTheHostIsAsked() throws Exception {
        Path pack = Files.writeString(dir.resolve("p.cfg"), "link.project.mediumRatio = -0.20\n");
        List<RegionSettings> regions = regionWithOwnHost();
        String region = assertThrows(CheckInputException.class,
                () -> SimulateCommand.run("4400", "2027", pack, null, Loaded.close(), settings, regions, packs, new StoredResultHistories(store))).getMessage();
        assertTrue(region.contains("'4400'"), region);
        String year = assertThrows(CheckInputException.class,
                () -> SimulateCommand.run("440000", "27", pack, null, Loaded.close(), settings, regions, packs, new StoredResultHistories(store))).getMessage();
        assertTrue(year.contains("'27'"), year);
        String csv = assertThrows(CheckInputException.class, () -> SimulateCommand.run("440000", "2027", pack,
                dir.resolve("users.properties"), Loaded.close(), settings, regions, packs, new StoredResultHistories(store))).getMessage();
        assertTrue(csv.contains(".csv"), "never overwrites configuration: " + csv);
        String noDir = assertThrows(CheckInputException.class, () -> SimulateCommand.run("440000", "2027", pack,
                dir.resolve("missing/out.csv"), Loaded.close(), settings, regions, packs, new StoredResultHistories(store))).getMessage();
        assertTrue(noDir.contains("no such directory"), noDir);
        assertEquals(0, mock.received().stats().path("writes").asLong());
    }

    @Test
    void anExistingCsvIsNotOverwritten() throws Exception {
        Path pack = Files.writeString(dir.resolve("medium20.cfg"), "name = medium20\nlink.project.mediumRatio = -0.20\n");
        Path csv = Files.writeString(dir.resolve("out.csv"), "keep me");
        assertThrows(java.nio.file.FileAlreadyExistsException.class,
                () -> SimulateCommand.run("440000", "2027", pack, csv, Loaded.close(), settings, regionWithOwnHost(), packs, new StoredResultHistories(store)));
        assertEquals("keep me", Files.readString(csv));
    }

    /** With the store the departments' work assessment is simulated too (§6): the ranking table; without it, none. */
    @Test
    void withTheStoreTheRankingIsSimulated() throws Exception {
        Path pack = Files.writeString(dir.resolve("assess.cfg"), "assess.points.ASSESS_SELF_EVAL_COVERAGE = 0\n");
        String out = SimulateCommand.run("440000", "2027", pack, null, Loaded.close(), settings, regionWithOwnHost(), packs,
                new StoredResultHistories(store));
        assertTrue(out.contains("工作考核排名 (work assessment and ranking, rules.md §6)"), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("DEPARTMENT") && l.contains(" → ")), out);
        String without = SimulateCommand.run("440000", "2027", pack, null, Loaded.close(), settings, regionWithOwnHost(), packs,
                null);
        assertFalse(without.contains("工作考核排名"), without);
    }
}
