package org.perflink.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.launcher.CheckCommandTest.resource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perflink.reports.SimulationCsv;
import org.perflink.mockhost.Dataset;
import org.perflink.mockhost.MockHost;

/** {@code ./perflink simulate} against a real mock host serving the demo dataset. */
class SimulateCommandTest {

    @TempDir
    Path dir;

    private MockHost mock;
    private String url;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Main main;

    @BeforeEach
    void start() throws Exception {
        mock = new MockHost(MockHost.Options.defaults().withPort(0), Dataset.demo()).start();
        url = "http://127.0.0.1:" + mock.port();
        main = new Main(dir, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        mock.close();
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private void assertNothingWrittenToTheHost() {
        assertEquals(0, mock.received().log(null, null, 0, 10).path("size").asInt(), "the host's received log");
        assertEquals(0, mock.received().stats().path("writes").asLong());
    }

    @Test
    void raisingTheMediumReductionChangesExactlyTheMediumProjectsOfTheDemoRegion() throws Exception {
        Path csv = dir.resolve("sim.csv");
        int code = main.run(new String[] {"simulate", "--host-url", url + "/", "--region", "440000", "--year", "2027",
                "--rule-pack", resource("packs/medium20.cfg"), "--csv", csv.toString(), "--page-size", "5"});
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        String table = out();

        assertTrue(table.contains("挂钩结果变化的项目 (projects whose linkage changes): 4"), table);
        Map<String, String> expected = Map.of(
                "440000-2027-000118", "-210,000.00 → -420,000.00",
                "440000-2027-000123", "-262,500.00 → -525,000.00",
                "440000-2027-000124", "-189,000.00 → -378,000.00",
                "440000-2027-000128", "-147,000.00 → -294,000.00");
        List<String> projectRows = table.lines().filter(l -> l.matches("^\\s*\\d+ \\| 440000-2027-\\d{6} .*")).toList();
        assertEquals(4, projectRows.size(), table);
        expected.forEach((project, amounts) -> assertTrue(projectRows.stream().anyMatch(l -> l.contains(project)
                && l.contains("MEDIUM") && l.contains("REDUCE") && l.contains("-0.10 → -0.20") && l.contains(amounts)),
                project + " " + amounts + " in\n" + table));
        assertTrue(table.lines().anyMatch(l -> l.startsWith("101 ") && l.contains("-451,500.00")), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("104 ") && l.contains(" 0.00")), table);
        assertTrue(table.contains("-130,044,750.00 → -130,853,250.00 元"), table);
        assertTrue(table.contains("预算影响合计 (total budget effect)") && table.contains("-808,500.00 元"), table);
        assertTrue(table.contains("medium20@1 < default@1"), table);
        assertTrue(table.contains("CSV: " + csv), table);

        byte[] bytes = Files.readAllBytes(csv);
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]), "UTF-8 BOM");
        List<String> lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertEquals(String.join(",", SimulationCsv.COLUMNS), lines.get(0));
        Map<String, String> projectChange = lines.stream().filter(l -> l.contains(",PROJECT,440000-"))
                .map(l -> l.split(",", -1))
                .collect(Collectors.toMap(c -> c[5], c -> c[15] + " " + c[16] + " " + c[17]));
        assertEquals(Map.of(
                "440000-2027-000118", "-210000.00 -420000.00 -210000.00",
                "440000-2027-000123", "-262500.00 -525000.00 -262500.00",
                "440000-2027-000124", "-189000.00 -378000.00 -189000.00",
                "440000-2027-000128", "-147000.00 -294000.00 -147000.00"), projectChange);
        assertTrue(lines.contains("440000,2027,default@1,medium20@1,TOTAL,440000,,,,,,,,,,-130044750.00,-130853250.00,-808500.00,,,"),
                String.join("\n", lines));
        assertEquals(4, lines.stream().filter(l -> l.contains(",DEPARTMENT,")).count());
        assertTrue(lines.stream().anyMatch(l -> l.contains(",DEPARTMENT,102,省卫生健康委,102,")), String.join("\n", lines));

        assertNothingWrittenToTheHost();
    }

    @Test
    void theCurrentPackCanComeFromAFileToo() throws Exception {
        Path current = Files.writeString(dir.resolve("gd.cfg"), "name = gd\nversion = 3\nlink.project.mediumRatio = -0.15\n");
        assertEquals(0, main.run(new String[] {"simulate", "--host-url", url, "--region", "440000", "--year", "2027",
                "--rule-pack", resource("packs/medium20.cfg"), "--current-pack", current.toString()}));
        String table = out();
        assertTrue(table.contains("medium20@1 < gd@3"), table);
        assertTrue(table.contains("-404,250.00 元"), "four MEDIUM projects × −5 %:\n" + table);
        assertFalse(table.contains("CSV:"), table);
        assertNothingWrittenToTheHost();
    }

    @Test
    void aHostThatCannotBeReadExitsThreeAndBadOptionsAreRefused() throws Exception {
        String pack = resource("packs/medium20.cfg");
        assertEquals(3, main.run(new String[] {"simulate", "--host-url", "http://127.0.0.1:1", "--region", "440000",
                "--year", "2027", "--rule-pack", pack}));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("the host could not be read"), err.toString(StandardCharsets.UTF_8));
        assertEquals(2, main.run(new String[] {"simulate", "--host-url", url, "--region", "440000", "--year", "2027",
                "--rule-pack", dir.resolve("none.cfg").toString()}));
        for (String[] bad : List.of(
                new String[] {"simulate", "--host-url", url, "--region", "4400", "--year", "2027", "--rule-pack", pack},
                new String[] {"simulate", "--host-url", url, "--region", "440000", "--year", "27", "--rule-pack", pack},
                new String[] {"simulate", "--host-url", "ftp://x", "--region", "440000", "--year", "2027", "--rule-pack", pack},
                new String[] {"simulate", "--host-url", url, "--region", "440000", "--year", "2027"},
                new String[] {"simulate", "--host-url", url, "--region", "440000", "--year", "2027", "--rule-pack", pack, "--csvfile", "x.csv"})) {
            assertThrows(Main.UsageException.class, () -> main.run(bad), String.join(" ", bad));
        }
        assertNothingWrittenToTheHost();
    }
}
