package org.perflink.host.files.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perflink.api.host.Delivery;
import org.perflink.api.host.HostException;
import org.perflink.api.host.Page;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.Finding;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.Severity;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.api.model.Subregion;
import org.perflink.api.model.Verdict;
import org.perflink.host.http.HostJson;

/** The folder as a host: complete files only, done/ and failed/, results beside, an unreadable folder is an outage. */
class FilesHostGatewayTest {

    private static final String REGION = "440106";
    private final ObjectMapper mapper = HostJson.newMapper();
    private final AtomicLong now = new AtomicLong(1_000_000);

    @TempDir
    Path root;

    private FilesHostGateway gateway() {
        return new FilesHostGateway(root, 1000, "1.0", now::get, mapper, new ConcurrentHashMap<>());
    }

    private Path inbox() throws Exception {
        return Files.createDirectories(root.resolve(REGION));
    }

    @Test
    void aFileIsTakenOnlyOnceItsSizeStaysTheSameAcrossTwoPolls() throws Exception {
        FilesHostGateway g = gateway();
        Path file = inbox().resolve("申报表.xlsx");
        Files.write(file, WorkbookReaderTest.countyDeclaration("500"));
        assertTrue(g.stageEvents(REGION, null, 100).items().isEmpty(), "first sight: maybe still being copied");
        now.addAndGet(300);
        assertTrue(g.stageEvents(REGION, null, 100).items().isEmpty(), "not stable for long enough yet");
        Files.write(file, WorkbookReaderTest.countyDeclaration("600")); // the copier goes on: size and time change
        now.addAndGet(2000);
        assertTrue(g.stageEvents(REGION, null, 100).items().isEmpty(), "changed since the last poll");
        assertTrue(Files.exists(file));
        now.addAndGet(2000);
        List<StageEvent> events = g.stageEvents(REGION, null, 100).items();
        assertEquals(1, events.size());
        StageEvent e = events.get(0);
        assertEquals(Stage.COMPILE, e.stage());
        assertEquals(Phase.DECLARED, e.phase());
        assertEquals(List.of("440106-2027-000001"), e.projectCodes());
        assertEquals("file-440106-1", e.eventId());
        assertFalse(Files.exists(file));
        assertTrue(Files.exists(root.resolve(REGION).resolve("done/申报表.xlsx")));
        Page<Parsed<Project>> page = g.projects(REGION, 2027, List.of(), null, 100);
        assertEquals("6000000", page.items().get(0).value().budgetAmount().toPlainString(), "the complete file was read");
        assertTrue(g.stageEvents(REGION, "1", 100).items().isEmpty());
    }

    @Test
    void aReadyMarkerTakesTheFileAtOnceAndResultsAreWrittenBesideIt() throws Exception {
        FilesHostGateway g = gateway();
        Files.write(inbox().resolve("a.xlsx"), WorkbookReaderTest.countyDeclaration("500"));
        Files.write(inbox().resolve("a.xlsx.ready"), new byte[0]);
        assertEquals(1, g.stageEvents(REGION, null, 100).items().size());
        assertFalse(Files.exists(inbox().resolve("a.xlsx.ready")));
        Verdict v = new Verdict("440106-2027-000001.DECLARED.r1", "440106-2027-000001", REGION, 2027, Phase.DECLARED, 1,
                Verdict.Outcome.BLOCK, List.of(new Finding("INDICATOR_QUANT_INCOMPLETE", Severity.BLOCK,
                        "target.indicators[0].value", "定量指标缺少比较符、指标值或计量单位", "quantitative indicator incomplete",
                        null)), "default@1",
                OffsetDateTime.parse("2026-10-10T10:00:00+08:00"));
        Delivery d = g.deliver(HostResult.of(v));
        assertEquals(Delivery.Status.STORED, d.status());
        Path json = inbox().resolve("done/a.xlsx.results.json");
        JsonNode written = mapper.readTree(Files.readAllBytes(json));
        JsonNode r = written.path("results").get(0);
        assertEquals("440106-2027-000001.DECLARED.r1", r.path("id").asText());
        assertEquals("BLOCK", r.path("body").path("outcome").asText());
        assertEquals("工作表「薄弱环节改善」第10行D列 (D10)", r.path("findingCells").get(0).asText());
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(
                Files.readAllBytes(inbox().resolve("done/a.xlsx.results.xlsx"))))) {
            var rows = wb.getFirstSheet().read();
            assertEquals("结论", rows.get(0).getCellText(3));
            assertEquals("不通过", rows.get(1).getCellText(3));
            assertEquals("INDICATOR_QUANT_INCOMPLETE", rows.get(1).getCellText(4));
            assertEquals("工作表「薄弱环节改善」第10行D列 (D10)", rows.get(1).getCellText(8));
        }
        assertEquals(Delivery.Status.STORED, g.deliver(HostResult.of(v)).status(), "idempotent by id");
        assertEquals(1, mapper.readTree(Files.readAllBytes(json)).path("results").size());
    }

    @Test
    void aFileNothingCanBeReadFromGoesToFailedWithItsReason() throws Exception {
        FilesHostGateway g = gateway();
        Files.writeString(inbox().resolve("b.xlsx"), "not a workbook");
        Files.write(inbox().resolve("b.xlsx.ready"), new byte[0]);
        Files.writeString(inbox().resolve("notes.txt"), "hello");
        Files.write(inbox().resolve("notes.txt.ready"), new byte[0]);
        assertTrue(g.stageEvents(REGION, null, 100).items().isEmpty());
        assertTrue(Files.exists(inbox().resolve("failed/b.xlsx")));
        assertTrue(Files.readString(inbox().resolve("failed/b.xlsx.error.json")).contains("文件无法读取"));
        assertTrue(Files.exists(inbox().resolve("failed/notes.txt")));
    }

    @Test
    void anUnreachableOrUnreadableFolderIsAnOutageAndNothingIsLost() throws Exception {
        FilesHostGateway g = gateway();
        assertTrue(g.stageEvents(REGION, null, 100).items().isEmpty());
        Files.write(inbox().resolve("a.xlsx"), WorkbookReaderTest.countyDeclaration("500"));
        Files.write(inbox().resolve("a.xlsx.ready"), new byte[0]);
        // a network share that went away: the folder is not there (and is not re-created empty)
        Path away = root.resolve("away");
        Files.move(inbox(), away);
        assertThrows(HostException.class, () -> g.stageEvents(REGION, null, 100));
        assertFalse(Files.exists(root.resolve(REGION)));
        Files.move(away, root.resolve(REGION));
        if (!"root".equals(System.getProperty("user.name"))) { // root reads a folder whatever its permissions say
            Files.setPosixFilePermissions(inbox(), PosixFilePermissions.fromString("-wx------"));
            try {
                assertThrows(HostException.class, () -> g.stageEvents(REGION, null, 100));
            } finally {
                Files.setPosixFilePermissions(inbox(), PosixFilePermissions.fromString("rwx------"));
            }
        }
        assertEquals(1, g.stageEvents(REGION, null, 100).items().size(), "taken once the folder is back");
        assertTrue(Files.exists(root.resolve(REGION).resolve("done/a.xlsx")));
    }

    @Test
    void theStateSurvivesARestart() throws Exception {
        Files.write(inbox().resolve("a.xlsx"), WorkbookReaderTest.countyDeclaration("500"));
        Files.write(inbox().resolve("a.xlsx.ready"), new byte[0]);
        assertEquals(1, gateway().stageEvents(REGION, null, 100).items().size());
        FilesHostGateway again = gateway();
        assertEquals(1, again.stageEvents(REGION, null, 100).items().size());
        assertEquals(1, again.projects(REGION, 2027, List.of("440106-2027-000001"), null, 10).items().size());
    }

    @Test
    void aBadCellBecomesAnInvalidItemNamingTheCell() throws Exception {
        FilesHostGateway g = gateway();
        Files.write(inbox().resolve("a.xlsx"), WorkbookReaderTest.countyDeclaration("五百万"));
        Files.write(inbox().resolve("a.xlsx.ready"), new byte[0]);
        assertEquals(1, g.stageEvents(REGION, null, 100).items().size());
        Parsed<Project> p = g.projects(REGION, 2027, List.of(), null, 10).items().get(0);
        assertFalse(p.valid());
        assertEquals("440106-2027-000001", p.key());
        assertEquals("工作表「薄弱环节改善」第6行C列 (C6)", p.errorPath());
        JsonNode written = mapper.readTree(Files.readAllBytes(inbox().resolve("done/a.xlsx.results.json")));
        assertEquals("工作表「薄弱环节改善」第6行C列 (C6)", written.path("problems").get(1).path("where").asText());
    }

    @Test
    void aSubregionsCsvServesTheV11PullByBudgetYearAndABadCellIsNamed() throws Exception {
        FilesHostGateway g = gateway();
        // as the demo writes it (the contract's names), and as a finance office would (Chinese headings, 万元)
        Files.writeString(inbox().resolve("k03-subregions.csv"), "regionCode,budgetYear,transferBaseline,deductions\n"
                + "440402,2028,600000000.00,\"[{\"\"source\"\":\"\"AUDIT\"\",\"\"points\"\":\"\"2\"\",\"\"ref\"\":\"\"审计报告\"\"}]\"\n"
                + "440403,2028,六亿,[]\n"
                + "440404,,1.00,[]\n");
        Files.writeString(inbox().resolve("k04-下级基数.csv"), "下级区划编码,基数年度,转移支付基数(万元)\n440403,2029,25000\n");
        Files.write(inbox().resolve("k03-subregions.csv.ready"), new byte[0]);
        Files.write(inbox().resolve("k04-下级基数.csv.ready"), new byte[0]);
        assertTrue(g.stageEvents(REGION, null, 100).items().isEmpty(), "data only: no event implied");
        assertTrue(g.subregions(REGION, 2027, 2028, null, 100).items().isEmpty(), "a 1.0 host is not asked");

        var v11 = g.forContract("1.1");
        List<Parsed<Subregion>> lower = v11.subregions(REGION, 2027, 2028, null, 100).items();
        assertEquals(List.of("440402", "440403"), lower.stream().map(Parsed::key).toList());
        Subregion xiangzhou = lower.get(0).value();
        assertEquals("600000000.00", xiangzhou.transferBaseline().toPlainString());
        assertEquals(2028, xiangzhou.budgetYear());
        assertEquals("AUDIT", xiangzhou.deductions().get(0).source().toString());
        Parsed<Subregion> bad = lower.get(1);
        assertFalse(bad.valid(), "the other line is still read");
        assertEquals("文件 k03-subregions.csv 第3行「transferBaseline」列", bad.errorPath());

        List<Parsed<Subregion>> next = v11.subregions(REGION, 2028, 2029, null, 100).items();
        assertEquals(1, next.size(), "by the budget year asked for");
        assertEquals("250000000", next.get(0).value().transferBaseline().toPlainString(), "万元 in the heading");
        JsonNode problems = mapper.readTree(Files.readAllBytes(inbox().resolve("done/k03-subregions.csv.results.json")));
        assertTrue(problems.toString().contains("budgetYear"), "the line without a budget year is named: " + problems);
    }

    @Test
    void everyFeedbackSubmissionOnANoticeIsServedNotOnlyTheLastLine() throws Exception {
        FilesHostGateway g = gateway();
        // newest first, as a host's export may list them: the stage, not the file's order, picks the latest
        Files.writeString(inbox().resolve("feedback.csv"), "noticeId,submittedOn,status,decidedOn\n"
                + "460100-2027.303.RECTIFICATION,2028-08-20,SUBMITTED,\n"
                + "460100-2027.303.RECTIFICATION,2028-07-28,REJECTED,2028-08-02\n"
                + "460100-2026.303.REMINDER,2027-07-01,ACCEPTED,2027-07-05\n");
        Files.write(inbox().resolve("feedback.csv.ready"), new byte[0]);
        assertTrue(g.stageEvents(REGION, null, 100).items().isEmpty());
        var fed = g.forContract("1.1").noticeFeedback(REGION, 2027, null, 100).items();
        assertEquals(List.of("2028-08-20", "2028-07-28"), fed.stream().map(p -> p.value().submittedOn().toString()).toList());
        assertTrue(fed.stream().allMatch(Parsed::valid));
        assertEquals(1, g.forContract("1.1").noticeFeedback(REGION, 2026, null, 100).items().size(), "by the notice's year");
    }
}
