package org.perflink.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perflink.api.host.Delivery;
import org.perflink.api.host.HostException;
import org.perflink.api.host.HostGateway;
import org.perflink.api.host.Page;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.DepartmentEvaluationInput;
import org.perflink.api.model.ExecutionSnapshot;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Notice;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectEvaluationInput;
import org.perflink.api.model.StageEvent;
import org.perflink.api.model.Warning;
import org.perflink.api.hook.LowerRegions;
import org.perflink.api.hook.ResultHistory;
import org.perflink.api.rules.RulePack;
import org.perflink.host.http.HttpHosts;
import org.perflink.api.stage.LinkSimulation;
import org.perflink.api.stage.LinkSimulation.DepartmentChange;
import org.perflink.api.stage.LinkSimulation.ProjectChange;
import org.perflink.core.HostSettings;
import org.perflink.host.http.HttpHosts;
import org.perflink.mockhost.Dataset;
import org.perflink.mockhost.MockHost;

/** The simulation against the mock host's demo dataset, read in small pages. */
class HostSimulationTest {

    private static final RulePack MEDIUM_20 = new RulePack("medium20", "1",
            Map.of("link.project.mediumRatio", "-0.20"), null);

    private MockHost mock;
    private CountingGateway host;

    @BeforeEach
    void start() throws Exception {
        mock = new MockHost(MockHost.Options.defaults().withPort(0), Dataset.demo()).start();
        HostSettings settings = new HostSettings(mock.baseUri().toString().replaceAll("/$", ""), HostSettings.Auth.NONE,
                null, null, Duration.ofSeconds(5), Duration.ofSeconds(30), 3, false);
        host = new CountingGateway(HttpHosts.gateway(settings));
    }

    @AfterEach
    void stop() {
        mock.close();
    }

    private HostSimulation.Result simulate(String region) throws Exception {
        return HostSimulation.run(Loaded.close(), host, "mock", region, 2027, RulePack.DEFAULT, MEDIUM_20.withParent(RulePack.DEFAULT),
                LinkSimulation.NO_HISTORY, false, 3);
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void raisingTheMediumReductionChangesExactlyTheMediumProjectsToTheCent() throws Exception {
        HostSimulation.Result r = simulate("440000");

        assertEquals(17, r.evaluations());
        assertEquals(4, r.departments());
        assertTrue(r.skipped().isEmpty(), r.skipped().toString());
        List<ProjectChange> changes = r.report().projects();
        assertEquals(List.of("440000-2027-000118", "440000-2027-000123", "440000-2027-000124", "440000-2027-000128"),
                changes.stream().map(ProjectChange::projectCode).toList(), "the MEDIUM projects (not the MEDIUM policy 129)");
        Map<String, String[]> amounts = Map.of(
                "440000-2027-000118", new String[] {"-210000.00", "-420000.00"},
                "440000-2027-000123", new String[] {"-262500.00", "-525000.00"},
                "440000-2027-000124", new String[] {"-189000.00", "-378000.00"},
                "440000-2027-000128", new String[] {"-147000.00", "-294000.00"});
        for (ProjectChange c : changes) {
            assertEquals(d(amounts.get(c.projectCode())[0]), c.deltaBefore(), c.projectCode());
            assertEquals(d(amounts.get(c.projectCode())[1]), c.deltaAfter(), c.projectCode());
            assertEquals(0, d("-0.10").compareTo(c.ratioBefore()));
            assertEquals(0, d("-0.20").compareTo(c.ratioAfter()));
            assertEquals(c.actionBefore(), c.actionAfter());
        }
        Map<String, String> expected = Map.of("101", "-451500.00", "102", "-210000.00", "103", "-147000.00", "104", "0");
        assertEquals(expected.keySet(), Set.copyOf(r.report().departments().stream().map(DepartmentChange::departmentCode).toList()));
        for (DepartmentChange dc : r.report().departments()) {
            assertEquals(0, d(expected.get(dc.departmentCode())).compareTo(dc.change()), dc.toString());
            assertEquals(dc.noticesBefore(), dc.noticesAfter(), "no notice changes: " + dc);
        }
        assertEquals(d("-808500.00"), r.report().budgetEffect());
        assertEquals(d("-130044750.00"), r.report().totalBefore());
        assertEquals(d("-130853250.00"), r.report().totalAfter());
        assertEquals("省教育厅", r.departmentNames().get("101"));
        assertEquals("中医药传承创新", r.projectNames().get("440000-2027-000118"));
        assertEquals(List.of(new HostSimulation.ParameterChange("link.project.mediumRatio", "-0.10", "-0.20")), r.parameters());

        assertEquals(0, host.writes.get(), "the gateway's deliver methods are never called");
        assertEquals(0, mock.received().log(null, null, 0, 10).path("size").asInt(), "the host received nothing");
        assertTrue(host.pages.get() > 6, "read in pages of 3: " + host.pages.get());

        String table = SimulationTable.render(r);
        assertTrue(table.contains("nothing written to the host"), table);
        assertTrue(table.lines().anyMatch(l -> l.contains("440000-2027-000123") && l.contains("-0.10 → -0.20")
                && l.contains("-262,500.00 → -525,000.00") && l.contains("-262,500.00")), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("101 ") && l.contains("-451,500.00")), table);
        assertTrue(table.contains("预算影响合计 (total budget effect)") && table.contains("-808,500.00 元"), table);
        assertTrue(table.contains("medium20@1 < default@1"), table);
        assertTrue(table.contains("unknown, taken as none"), table);
    }

    @Test
    void theCsvHasABomOneRowPerChangeAndDepartmentAndTheTotal() throws Exception {
        HostSimulation.Result r = simulate("440000");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SimulationCsv.write(r, bytes);
        byte[] b = bytes.toByteArray();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(b[0], b[1], b[2]));
        String csv = new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertTrue(csv.endsWith("\r\n") && csv.split("\r\n").length == lines.size(), "CRLF line ends");
        assertEquals(String.join(",", SimulationCsv.COLUMNS), lines.get(0));
        assertEquals(1 + 4 + 4 + 1, lines.size(), csv);
        assertTrue(lines.contains("440000,2027,default@1,medium20@1,PROJECT,440000-2027-000123,教育信息化建设,101,PROJECT,"
                + "MEDIUM,MEDIUM,REDUCE,REDUCE,-0.10,-0.20,-262500.00,-525000.00,-262500.00,,,"), csv);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("440000,2027,default@1,medium20@1,DEPARTMENT,101,省教育厅,101,")
                && l.contains(",-451500.00,") && l.contains("REMINDER")), csv);
        assertTrue(lines.contains("440000,2027,default@1,medium20@1,TOTAL,440000,,,,,,,,,,-130044750.00,-130853250.00,-808500.00,,,"), csv);
    }

    @Test
    void theXlsxHasChineseColumnsAndTheCsvsRowsWithAmountsAsNumbers() throws Exception {
        HostSimulation.Result r = simulate("440000");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SimulationXlsx.write(r, bytes);
        List<org.dhatim.fastexcel.reader.Row> rows;
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            rows = workbook.getFirstSheet().read();
        }
        assertEquals(1 + 4 + 4 + 1, rows.size());
        assertEquals(SimulationXlsx.COLUMNS_ZH, rows.get(0).stream().map(c -> c.getText()).toList());
        assertEquals("调整后金额(元)", rows.get(0).getCellText(16));
        var project = rows.stream().filter(row -> "440000-2027-000123".equals(row.getCellText(5))).findFirst().orElseThrow();
        assertEquals("项目", project.getCellText(4));
        assertEquals("教育信息化建设", project.getCellText(6));
        assertEquals(org.dhatim.fastexcel.reader.CellType.NUMBER, project.getCell(16).getType());
        assertEquals(0, d("-525000.00").compareTo(project.getCell(16).asNumber()));
        assertEquals(0, d("-0.20").compareTo(project.getCell(14).asNumber()));
        var total = rows.stream().filter(row -> "合计".equals(row.getCellText(4))).findFirst().orElseThrow();
        assertEquals(0, d("-808500.00").compareTo(total.getCell(17).asNumber()));
        assertEquals(org.dhatim.fastexcel.reader.CellType.NUMBER, total.getCell(1).getType(), "the year is a number");
    }

    @Test
    void unusableHostItemsAreSkippedAndListedTheRestIsSimulated() throws Exception {
        post("/mock/regions/440100/evaluations", """
                [{"projectCode": "440100-2027-000999", "year": 2027, "kind": "PROJECT", "recurrence": "CONTINUING",
                  "departmentCode": "201", "budgetAmount": "100.00", "paidAmount": "100.00", "indicators": []},
                 {"projectCode": "440100-2027-000998", "year": 2027, "kind": "GRANT"}]
                """);
        HostSimulation.Result r = simulate("440100");
        assertEquals(10, r.evaluations());
        assertTrue(r.skipped().get("440100-2027-000999").contains("no project"), r.skipped().toString());
        assertTrue(r.skipped().get("440100-2027-000998").contains("kind"), r.skipped().toString());
        assertEquals(List.of("440100-2027-000115"), r.report().projects().stream().map(ProjectChange::projectCode).toList(),
                "the MEDIUM project; the MEDIUM transfer 117 has its own ratio");
        assertEquals(d("-252000.00"), r.report().budgetEffect());
        String table = SimulationTable.render(r);
        assertTrue(table.contains("not simulated") && table.contains("440100-2027-000999"), table);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SimulationCsv.write(r, bytes);
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains(",SKIPPED,440100-2027-000998,"), bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void redWarningsOfTheYearBringTheReminderUnderBothPacks() throws Exception {
        // 201 市教育局 gets a REMINDER only for RED warnings in the year (EXPECTED.md)
        LocalDate asOf = LocalDate.of(2027, 7, 31);
        ResultHistory red = code -> code.equals("440100-2027-000112") ? List.of(new Warning(
                Warning.idOf(code, asOf, Warning.Type.EXECUTION_LAG), code, "440100", 2027, asOf,
                Warning.Type.EXECUTION_LAG, Warning.Level.RED, Map.of(), Map.of(), Warning.Action.SUSPEND_DISBURSEMENT,
                "EXECUTION_LAG", "", "")) : List.of();
        HostSimulation.Result r = HostSimulation.run(Loaded.close(), host, "mock", "440100", 2027, RulePack.DEFAULT,
                MEDIUM_20.withParent(RulePack.DEFAULT), red, true, 200);
        DepartmentChange d201 = r.report().departments().stream().filter(d -> d.departmentCode().equals("201")).findFirst().orElseThrow();
        assertEquals(Set.of(Notice.Type.REMINDER), d201.noticesBefore());
        assertEquals(Set.of(Notice.Type.REMINDER), d201.noticesAfter());
        assertTrue(SimulationTable.render(r).contains("from PerfLink's stored results"));
    }

    @Test
    void aMalformedPackParameterIsNamedAndAnUnreadKeyListed() throws Exception {
        RulePack bad = new RulePack("bad", "1", Map.of("grade.good", "eighty", "link.project.mediumRatoi", "-0.2"), null);
        CheckInputException e = assertThrows(CheckInputException.class, () -> HostSimulation.run(Loaded.close(), host, "mock", "440000",
                2027, RulePack.DEFAULT, bad.withParent(RulePack.DEFAULT), LinkSimulation.NO_HISTORY, false, 200));
        assertTrue(e.getMessage().contains("grade.good"), e.getMessage());
        RulePack typo = new RulePack("typo", "1", Map.of("link.project.mediumRatoi", "-0.2"), null);
        HostSimulation.Result r = HostSimulation.run(Loaded.close(), host, "mock", "440000", 2027, RulePack.DEFAULT,
                typo.withParent(RulePack.DEFAULT), LinkSimulation.NO_HISTORY, false, 200);
        assertEquals(List.of("link.project.mediumRatoi"), r.unreadKeys());
        assertTrue(r.report().projects().isEmpty());
        assertTrue(SimulationTable.render(r).contains("keys the close stage does not read"));
    }

    @Test
    void anUnreachableHostIsAHostException() {
        HostSettings nowhere = new HostSettings("http://127.0.0.1:1", HostSettings.Auth.NONE, null, null,
                Duration.ofSeconds(2), Duration.ofSeconds(2), 200, false);
        assertThrows(HostException.class, () -> HostSimulation.run(Loaded.close(), HttpHosts.gateway(nowhere),
                "x", "440000", 2027, RulePack.DEFAULT, MEDIUM_20, LinkSimulation.NO_HISTORY, false, 200));
    }

    @Test
    void csvCellsAreQuotedAndGuardedAgainstFormulas() {
        assertEquals("", SimulationCsv.cell(null));
        assertEquals("-210000.00", SimulationCsv.cell(d("-210000.00")));
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", SimulationCsv.cell("=HYPERLINK(\"x\")"));
        assertEquals("'-1", SimulationCsv.cell("-1"), "text from the host that looks like a formula");
        assertEquals("\"a,b\"", SimulationCsv.cell("a,b"));
        assertEquals("\"two\nlines\"", SimulationCsv.cell("two\nlines"));
        assertEquals("公园", SimulationCsv.cell("公园"));
    }

    private void post(String path, String body) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                mock.baseUri().toString().replaceAll("/$", "") + path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() / 100 == 2, r.statusCode() + " " + r.body());
    }

    /** Counts the pages read and any write; every call goes to the real gateway. */
    private static final class CountingGateway implements HostGateway {
        final HostGateway delegate;
        final AtomicInteger pages = new AtomicInteger();
        final AtomicInteger writes = new AtomicInteger();

        CountingGateway(HostGateway delegate) {
            this.delegate = delegate;
        }

        @Override
        public Page<StageEvent> stageEvents(String regionCode, String afterCursor, int limit) throws HostException {
            throw new AssertionError("a simulation reads no stage events");
        }

        @Override
        public Page<Parsed<Project>> projects(String regionCode, int year, List<String> codes, String cursor, int limit)
                throws HostException {
            pages.incrementAndGet();
            assertFalse(codes == null || codes.isEmpty(), "projects are asked for by code");
            return delegate.projects(regionCode, year, codes, cursor, limit);
        }

        @Override
        public Page<Parsed<ExecutionSnapshot>> execution(String regionCode, int year, LocalDate asOf, String cursor,
                int limit) throws HostException {
            throw new AssertionError("a simulation reads no execution snapshots");
        }

        @Override
        public Page<Parsed<ProjectEvaluationInput>> evaluations(String regionCode, int year, String cursor, int limit)
                throws HostException {
            pages.incrementAndGet();
            return delegate.evaluations(regionCode, year, cursor, limit);
        }

        @Override
        public Page<Parsed<DepartmentEvaluationInput>> departments(String regionCode, int year, String cursor, int limit)
                throws HostException {
            pages.incrementAndGet();
            return delegate.departments(regionCode, year, cursor, limit);
        }

        @Override
        public Delivery deliver(HostResult result) {
            writes.incrementAndGet();
            throw new AssertionError("a simulation writes nothing");
        }

        @Override
        public List<Delivery> deliverBatch(String regionCode, List<HostResult> results) {
            writes.incrementAndGet();
            throw new AssertionError("a simulation writes nothing");
        }
    }

    /** Issue 13 item 5: the department composites under both packs, in the report and in the table. */
    @Test
    void theDepartmentCompositesAreSimulatedToo() throws Exception {
        RulePack weights = new RulePack("weights", "1", Map.of("department.weight.OVERALL_EVALUATION", "0.8"), RulePack.DEFAULT);
        HostSimulation.Result r = HostSimulation.run(Loaded.close(), host, "mock", "440000", 2027, RulePack.DEFAULT,
                weights, LinkSimulation.NO_HISTORY, LowerRegions.NONE, false, 3);
        List<LinkSimulation.CompositeChange> composites = r.report().composites();
        assertEquals(List.of("101", "102", "103", "104"), composites.stream()
                .filter(c -> c.scope() == org.perflink.api.model.Adjustment.Scope.DEPARTMENT)
                .map(LinkSimulation.CompositeChange::subjectCode).toList());
        assertTrue(composites.stream().anyMatch(LinkSimulation.CompositeChange::changed), composites.toString());
        String table = SimulationTable.render(r);
        assertTrue(table.contains("综合得分 (composites"), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("DEPARTMENT") && l.contains("| 101 ") && l.contains("省教育厅")), table);
        assertEquals(0, host.writes.get(), "nothing written");
    }
}
