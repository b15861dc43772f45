package org.perflink.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perflink.api.model.Finding;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Severity;
import org.perflink.api.model.Verdict;
import org.perflink.host.http.HostJson;

class ProjectCheckTest {

    /** Reads the verdict JSON back, as the contract's mapper does. */
    private static final com.fasterxml.jackson.databind.ObjectMapper VERDICTS = HostJson.newMapper();

    private static final OffsetDateTime AT = OffsetDateTime.parse("2027-03-01T10:00:00+08:00");

    @TempDir
    Path dir;

    /** 440100 lowers the ex-ante threshold below the demo project's budget; 440000 keeps the default. */
    private final FakeRulePacks packs = new FakeRulePacks()
            .define("gz", "3", Map.of("exAnte.threshold", "3000000"))
            .assign("440100", "gz");

    private static Path project(String name) {
        try {
            return Path.of(ProjectCheckTest.class.getResource("/projects/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private ProjectCheck.Result check(String file, String phase, String region) throws CheckInputException {
        return ProjectCheck.check(Loaded.codec(), Loaded.checks(dir.resolve("none.json")), project(file), phase, region, packs, AT);
    }

    private static List<String> ruleIds(Verdict v) {
        return v.findings().stream().map(Finding::ruleId).toList();
    }

    @Test
    void aCompleteProjectPassesUnderItsOwnRegionsPack() throws CheckInputException {
        ProjectCheck.Result r = check("project-pass.json", null, null);

        assertEquals("440000", r.regionCode(), "the project's regionCode by default");
        assertEquals(Phase.DECLARED, r.phase(), "the project's budgetPhase by default");
        assertEquals("default@1", r.verdict().rulePack());
        assertFalse(r.verdict().outcome() == Verdict.Outcome.BLOCK, ruleIds(r.verdict()).toString());
        assertFalse(ruleIds(r.verdict()).contains("EX_ANTE_REQUIRED"));
        String out = VerdictTable.render(r);
        assertTrue(out.contains("440000-2027-000101 r1 义务教育薄弱环节改善"), out);
        assertTrue(out.contains("规则包 (rule pack)") && out.contains("default@1"), out);
        assertTrue(out.contains("LIBRARY_UNKNOWN_INDICATOR 不触发 (stays silent)"), out);
    }

    @Test
    void anotherRegionsPackChangesTheVerdict() throws CheckInputException {
        ProjectCheck.Result r = check("project-pass.json", null, "440106");

        assertEquals("gz@3", r.verdict().rulePack(), "a county inherits its city's pack");
        assertEquals(Verdict.Outcome.BLOCK, r.verdict().outcome());
        Finding f = r.verdict().findings().stream().filter(x -> x.ruleId().equals("EX_ANTE_REQUIRED")).findFirst().orElseThrow();
        assertEquals(Severity.BLOCK, f.severity());
        String out = VerdictTable.render(r);
        assertTrue(out.contains("BLOCK 阻断"), out);
        assertTrue(out.lines().anyMatch(l -> l.contains("EX_ANTE_REQUIRED") && l.contains("BLOCK 阻断")), out);
        for (Map.Entry<String, String> e : f.figures().entrySet()) {
            assertTrue(out.contains(e.getKey() + " = " + e.getValue()), "figure " + e + " in\n" + out);
        }
        assertTrue(out.contains(f.message().substring(0, Math.min(6, f.message().length()))), "the zh message:\n" + out);
    }

    @Test
    void aCostAboveTheBudgetBlocksWithTheFiguresItCompared() throws CheckInputException {
        ProjectCheck.Result r = check("project-cost-over.json", null, null);
        assertEquals("440100", r.regionCode());
        assertTrue(ruleIds(r.verdict()).contains("COST_EXCEEDS_BUDGET"), ruleIds(r.verdict()).toString());
        assertEquals(Verdict.Outcome.BLOCK, r.verdict().outcome());
        String out = VerdictTable.render(r);
        assertTrue(out.lines().anyMatch(l -> l.contains("COST_EXCEEDS_BUDGET") && l.contains("target.indicators")), out);
    }

    @Test
    void aLaterPhaseRunsTheEarlierPhasesChecksToo() throws CheckInputException {
        ProjectCheck.Result r = check("project-pass.json", "approved", null);
        assertEquals(Phase.APPROVED, r.phase());
        assertTrue(ruleIds(r.verdict()).contains("SYNC_APPROVE_TARGET_NOT_APPROVED"), ruleIds(r.verdict()).toString());
        assertTrue(VerdictTable.render(r).contains("APPROVED 批复"));
    }

    @Test
    void theIndicatorLibraryOfTheCompileHookIsUsed() throws CheckInputException, IOException {
        Path library = Files.writeString(dir.resolve("library.json"),
                "{\"2050202\": [{\"name\": \"新增学位数\", \"unit\": \"个\"}]}");
        ProjectCheck.Result r = ProjectCheck.check(Loaded.codec(), Loaded.checks(library), project("project-pass.json"), null, null,
                packs, AT);
        assertTrue(r.libraryLoaded());
        assertTrue(ruleIds(r.verdict()).contains("LIBRARY_UNKNOWN_INDICATOR"), ruleIds(r.verdict()).toString());
        assertTrue(VerdictTable.render(r).contains(library.toString()));
    }

    @Test
    void jsonOutputIsTheVerdictOfTheContract() throws Exception {
        String json = ProjectCheck.run(Loaded.codec(), Loaded.checks(dir.resolve("none.json")), project("project-cost-over.json"), null, null, true, packs, AT);
        Verdict v = VERDICTS.readValue(json, Verdict.class);
        assertEquals("440100-2027-000909.DECLARED.r1", v.verdictId());
        assertEquals(Verdict.Outcome.BLOCK, v.outcome());
        assertEquals(AT.toInstant(), v.checkedAt().toInstant());
        assertTrue(json.startsWith("{\n"), "pretty-printed: " + json);
        String text = ProjectCheck.run(Loaded.codec(), Loaded.checks(dir.resolve("none.json")), project("project-cost-over.json"), null, null, false, packs, AT);
        assertTrue(text.startsWith("干运行检查，未连接主机 (dry run, no host)"), text);
    }

    @Test
    void anUnbindableFileNamesTheField() {
        CheckInputException e = assertThrows(CheckInputException.class, () -> check("project-bad-operator.json", null, null));
        assertTrue(e.getMessage().contains("'target.indicators[1].operator'") && e.getMessage().contains("ABOUT"), e.getMessage());
        assertTrue(e.getMessage().contains("host contract v1"), e.getMessage());
    }

    @Test
    void brokenJsonAPageAMissingFileAndBadOptionsAreClearErrors() throws IOException {
        String broken = assertThrows(CheckInputException.class, () -> check("broken.json", null, null)).getMessage();
        assertTrue(broken.contains("not valid JSON") && broken.contains("line 5, column 1"), broken);
        String page = assertThrows(CheckInputException.class, () -> check("page.json", null, null)).getMessage();
        assertTrue(page.contains("page of projects"), page);
        String missing = assertThrows(CheckInputException.class,
                () -> ProjectCheck.check(Loaded.codec(), Loaded.checks(null), dir.resolve("nope.json"), null, null, packs, AT)).getMessage();
        assertTrue(missing.contains("no such file"), missing);
        Path array = Files.writeString(dir.resolve("array.json"), "[]");
        String notObject = assertThrows(CheckInputException.class,
                () -> ProjectCheck.check(Loaded.codec(), Loaded.checks(null), array, null, null, packs, AT)).getMessage();
        assertTrue(notObject.contains("one Project JSON object") && notObject.contains("array"), notObject);
        Path noRevision = Files.writeString(dir.resolve("norevision.json"), "{\"projectCode\": \"p1\"}");
        String revision = assertThrows(CheckInputException.class,
                () -> ProjectCheck.check(Loaded.codec(), Loaded.checks(null), noRevision, null, null, packs, AT)).getMessage();
        assertTrue(revision.contains("'revision'"), "the contract's mapper refuses a missing number: " + revision);
        Path noCode = Files.writeString(dir.resolve("nocode.json"),
                "{\"regionCode\": \"440000\", \"revision\": 1, \"year\": 2027, \"isNew\": false, \"isMajor\": false}");
        String code = assertThrows(CheckInputException.class,
                () -> ProjectCheck.check(Loaded.codec(), Loaded.checks(null), noCode, null, null, packs, AT)).getMessage();
        assertTrue(code.contains("'projectCode'"), code);

        String phase = assertThrows(CheckInputException.class, () -> check("project-pass.json", "MONITOR", null)).getMessage();
        assertTrue(phase.contains("DECLARED|REVIEWED|APPROVED|PUBLISHED") && phase.contains("'MONITOR'"), phase);
        String region = assertThrows(CheckInputException.class, () -> check("project-pass.json", null, "44")).getMessage();
        assertTrue(region.contains("'44'"), region);
    }

    @Test
    void onlyJsonFilesAreReadAndParseErrorsDoNotQuoteTheFile() throws IOException {
        Path secrets = Files.writeString(dir.resolve("users.properties"), "karaf = s3cret,admin\n");
        String notJson = assertThrows(CheckInputException.class,
                () -> ProjectCheck.check(Loaded.codec(), Loaded.checks(null), secrets, null, null, packs, AT)).getMessage();
        assertTrue(notJson.contains("must be a .json file"), notJson);

        Path disguised = Files.writeString(dir.resolve("secret.json"), "s3cret-token\n");
        String parse = assertThrows(CheckInputException.class,
                () -> ProjectCheck.check(Loaded.codec(), Loaded.checks(null), disguised, null, null, packs, AT)).getMessage();
        assertTrue(parse.contains("not valid JSON") && parse.contains("line 1"), parse);
        assertFalse(parse.contains("s3cret"), "the file's content is not echoed: " + parse);
        assertEquals("Unexpected character ('…' ): expected a value", ProjectCheck.quoteless(
                "Unexpected character ('}' (code 125)): expected a value"));
    }

    @Test
    void aMalformedPackParameterIsNamed() {
        FakeRulePacks bad = new FakeRulePacks().define("x", "1", Map.of("exAnte.threshold", "lots")).assign("440000", "x");
        CheckInputException e = assertThrows(CheckInputException.class, () -> ProjectCheck.check(Loaded.codec(), Loaded.checks(null), project("project-pass.json"), null, null, bad, AT));
        assertTrue(e.getMessage().contains("exAnte.threshold"), e.getMessage());
    }

    @Test
    void aLibraryEntryIsCheckedOfflineForTheLibraryPhase() throws CheckInputException {
        // the project's budgetPhase LIBRARY by default: a new 6 000 000 project with only a department
        // assessment, and an annual value above its period value (40 > 36)
        ProjectCheck.Result r = check("project-library.json", null, null);
        assertEquals(Phase.LIBRARY, r.phase());
        assertEquals("440000-2028-000045.LIBRARY.r1", r.verdict().verdictId());
        assertEquals(List.of("LIBRARY_EX_ANTE_FINANCE_REQUIRED", "LIBRARY_PERIOD_TARGET_INCONSISTENT"), ruleIds(r.verdict()));
        assertEquals(Phase.LIBRARY, check("project-library.json", "library", null).phase());
    }
}
