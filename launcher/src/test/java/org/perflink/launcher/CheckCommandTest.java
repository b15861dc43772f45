package org.perflink.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.Verdict;
import org.perflink.host.http.HostJson;

/** {@code ./perflink check}: the dry run in this JVM, with the table of perflink:check. */
class CheckCommandTest {

    /** The repository root: its config/indicator-library.json is the default library. */
    private static final Path PROJECT_HOME = Path.of("..").toAbsolutePath().normalize();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Main main = new Main(PROJECT_HOME, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    static String resource(String name) {
        try {
            return Path.of(CheckCommandTest.class.getResource("/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aPassingProjectExitsZeroWithTheTableOfPerflinkCheck() throws Exception {
        assertEquals(0, main.run(new String[] {"check", resource("projects/pass.json")}), err());
        String table = out();
        assertTrue(table.startsWith("干运行检查，未连接主机 (dry run, no host)"), table);
        assertTrue(table.contains("440000-2027-000101 r1 义务教育薄弱环节改善"), table);
        assertTrue(table.contains("DECLARED 编制申报") && table.contains("default@1"), table);
        assertTrue(table.contains(PROJECT_HOME.resolve("config/indicator-library.json").toString()),
                "the project's library by default:\n" + table);
        assertFalse(table.contains("BLOCK 阻断"), table);
        assertEquals("", err());
    }

    @Test
    void aBlockingProjectExitsThreeAndNamesTheRuleAndFigures() throws Exception {
        assertEquals(3, main.run(new String[] {"check", resource("projects/block.json"), "--phase", "declared"}));
        String table = out();
        assertTrue(table.contains("BLOCK 阻断"), table);
        assertTrue(table.lines().anyMatch(l -> l.contains("COST_EXCEEDS_BUDGET") && l.contains("target.indicators")), table);
    }

    @Test
    void aRulePackFileAndARegionApply() throws Exception {
        // the pass sample (new, 4 999 999.99) needs an ex-ante assessment under a 3 000 000 threshold
        assertEquals(3, main.run(new String[] {"check", "--region", "440106", "--rule-pack", resource("packs/exante3m.cfg"),
                resource("projects/pass.json")}));
        String table = out();
        assertTrue(table.contains("strict@2") && table.contains("440106"), table);
        assertTrue(table.lines().anyMatch(l -> l.contains("EX_ANTE_REQUIRED") && l.contains("BLOCK")), table);
    }

    @Test
    void jsonPrintsTheVerdictOfTheContract() throws Exception {
        assertEquals(3, main.run(new String[] {"check", "--json", resource("projects/block.json"), "--library", "none.json"}));
        Verdict v = HostJson.newMapper().readValue(out(), Verdict.class);
        assertEquals("440100-2027-000909.DECLARED.r1", v.verdictId());
        assertEquals(Verdict.Outcome.BLOCK, v.outcome());
    }

    @Test
    void aWrongEnumIsAClearErrorNamingTheFieldExitTwo() throws Exception {
        assertEquals(2, main.run(new String[] {"check", resource("projects/wrong-enum.json")}));
        assertEquals("", out());
        String message = err();
        assertTrue(message.contains("'target.indicators[1].operator'") && message.contains("ABOUT")
                && message.contains("host contract v1"), message);
    }

    @Test
    void unusableInputsAndUsageErrors() throws Exception {
        assertEquals(2, main.run(new String[] {"check", "missing.json"}));
        assertTrue(err().contains("no such file"), err());
        assertEquals(2, main.run(new String[] {"check", resource("projects/pass.json"), "--rule-pack", "nope.cfg"}));
        assertTrue(err().contains("no such rule pack file"), err());
        assertEquals(2, main.run(new String[] {"check", resource("projects/pass.json"), "--phase", "MONITOR"}));
        assertTrue(err().contains("'MONITOR'"), err());
        assertThrows(Main.UsageException.class, () -> main.run(new String[] {"check"}));
        assertThrows(Main.UsageException.class, () -> main.run(new String[] {"check", "a.json", "b.json"}));
        Main.UsageException typo = assertThrows(Main.UsageException.class,
                () -> main.run(new String[] {"check", "a.json", "--rulepack", "x.cfg"}));
        assertTrue(typo.getMessage().contains("--rulepack"), typo.getMessage());
    }
}
