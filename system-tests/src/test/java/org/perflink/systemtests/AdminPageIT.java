package org.perflink.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.perflink.launcher.KarafProcess;

/**
 * Issue 7, the admin page in a real browser: Debian's headless Chromium, driven over WebDriver, against the
 * distribution running the two demo regions. An administrator (a user of the container's JAAS realm with the
 * {@code perflink-admin} role) logs in with HTTP Basic, switches region 440100's compile stage off in the
 * region × stage matrix, sees the matrix say so (also after a reload: the switch is the region's configuration,
 * written to {@code etc/}), and processing stops for that stage: the compile events pushed afterwards give
 * 440000 its verdicts and 440100 none, though 440100's other routes see the same events. A verdict the host
 * refused with 422 is listed with the host's answer and replayed from the page, and the host gets it once.
 * Screenshots of each step are kept in {@code target/screenshots/}.
 */
@Timeout(value = 9, unit = TimeUnit.MINUTES)
class AdminPageIT extends SystemTestSupport {

    /** Keeps its compile stage. */
    static final String KEPT = "440000";
    /** Its compile stage is switched off on the page. */
    static final String STOPPED = "440100";
    /** The DECLARED verdict of project 440000-2027-000102 (a BLOCK): the host refuses it once. */
    static final String REJECTED = "440000-2027-000102.DECLARED.r1";
    static final String REASON = "项目已锁定 locked for review";
    static final Duration UI = Duration.ofSeconds(30);
    static final Pattern STARTED = Pattern.compile("Region " + STOPPED + " \\(.*\\) started: stages \\[([A-Z, ]*)\\]");

    @Test
    void anAdministratorSwitchesAStageOffAndReplaysADeadLetterOnThePage(@TempDir Path dir) throws Exception {
        Instant t0 = Instant.now();
        KarafProcess k = karaf(dir, "admin-page", REGIONS);
        String user = "pageadmin";
        String password = UUID.randomUUID().toString().replace("-", "");
        k.addShellUser(user, password, "perflink-admin");
        start(k, REGIONS);
        long booted = millisSince(t0);

        // The declared projects of both regions are checked; the host refuses one verdict of 440000 (422).
        faults("{\"rejectIds\": {\"" + REJECTED + "\": {\"status\": 422, \"error\": \"" + REASON + "\"}}}");
        long keptDeclared = projects(script(KEPT, "COMPILE", "DECLARED"));
        long stoppedDeclared = projects(script(STOPPED, "COMPILE", "DECLARED"));
        await("the declared projects' verdicts at the host, one parked", STAGE, k,
                () -> ids(KEPT, List.of("verdict")) == keptDeclared - 1 && k.deadLetters() == 1
                        && ids(STOPPED, List.of("verdict")) == stoppedDeclared);

        URI admin = URI.create(k.adminUrl());
        String origin = "http://127.0.0.1:" + admin.getPort();
        try (Browser b = Browser.start(dir.resolve("chromium-profile"), OUT.resolve("AdminPageIT-chromedriver.log"))) {
            // Log in: HTTP Basic, the credentials in the address of the first page.
            b.get("http://" + user + ":" + password + "@127.0.0.1:" + admin.getPort() + "/admin/");
            b.await("the matrix lists both regions", UI, d -> b.findAll("#matrix tbody tr[data-region]").size() == 2);
            b.await("logged in as " + user, UI, d -> b.find("#who").getText().contains(user));
            assertTrue(b.find("#who").getText().contains("perflink-admin"), b.find("#who").getText());
            assertTrue(b.driver.getTitle().contains("管理控制台"), "the page in Chinese first: " + b.driver.getTitle());
            b.await("440000's dead letter counted in the matrix", UI,
                    d -> text(b, "#matrix tr[data-region='" + KEPT + "'] a.badge.b-bad").equals("1"));
            assertTrue(checked(b, STOPPED, "COMPILE") && checked(b, KEPT, "COMPILE"));
            Path matrixShot = b.screenshot("01-regions-matrix");

            // Switch 440100's compile stage off.
            long logMark = Files.size(k.log());
            click(b, switchCss(STOPPED, "COMPILE"));
            b.await("the switch confirmed", UI, d -> b.find("#toast").getText().contains("已停用"));
            String toast = b.find("#toast").getText();
            assertTrue(toast.contains(STOPPED) && toast.contains("编制"), toast);
            b.await("the matrix shows the stage off", UI, d -> !checked(b, STOPPED, "COMPILE"));
            // The switch is the region's configuration: written to etc/ (by FileInstall, after ConfigAdmin has the
            // change the toast confirmed: a moment later) and read back after a reload.
            awaitFile(k.home().resolve("etc/org.perflink.region-" + STOPPED + ".cfg"), UI, cfg -> {
                assertTrue(cfg.matches("(?s).*compileEnabled\\s*=\\s*false.*"), cfg);
                assertTrue(cfg.matches("(?s).*executeEnabled\\s*=\\s*true.*"), "the other switches are kept: " + cfg);
            });
            // The region's routes restart without the compile stage.
            String stages = awaitRestart(k, logMark);
            assertFalse(stages.contains("COMPILE"), stages);
            assertTrue(stages.contains("EXECUTE") && stages.contains("CLOSE"), stages);
            b.driver.navigate().refresh();
            b.await("after a reload, 440100's compile switch is off, 440000's on", UI,
                    d -> b.findAll("#matrix tbody tr[data-region]").size() == 2 && !checked(b, STOPPED, "COMPILE")
                            && checked(b, KEPT, "COMPILE") && checked(b, STOPPED, "EXECUTE"));
            assertEquals("ACTIVE", b.find("#matrix tr[data-region='" + STOPPED + "']").getAttribute("class").toUpperCase());

            // Processing stops for that stage only: the reviewed projects of both regions come in.
            // (the cursors column: compile / execute / close, read from the store)
            String stoppedCompileCursor = text(b, "#matrix tr[data-region='" + STOPPED + "'] td:nth-child(9)").split(" / ")[0];
            long keptBefore = ids(KEPT, List.of("verdict"));
            long stoppedBefore = ids(STOPPED, List.of("verdict"));
            long keptReviewed = projects(script(KEPT, "COMPILE", "REVIEWED"));
            long stoppedReviewed = projects(script(STOPPED, "COMPILE", "REVIEWED"));
            Instant pushed = Instant.now();
            await("440000's reviewed verdicts delivered, 440100's execute route past the same events", STAGE, k,
                    () -> ids(KEPT, List.of("verdict")) == keptBefore + keptReviewed
                            && Long.toString(lastSeq.get(STOPPED)).equals(cursor(k, STOPPED, "EXECUTE"))
                            && Long.toString(lastSeq.get(KEPT)).equals(cursor(k, KEPT, "COMPILE")));
            long keptMillis = millisSince(pushed);
            // three more poll intervals (1 s) for 440100: still nothing
            holdsDuring("no verdict for 440100 once its compile stage is off", Duration.ofSeconds(3),
                    () -> ids(STOPPED, List.of("verdict")) == stoppedBefore);
            assertTrue(stoppedReviewed > 0);
            b.driver.navigate().refresh();
            String stoppedCursors = b.await("the matrix shows 440100's cursors", UI, d -> {
                String c = text(b, "#matrix tr[data-region='" + STOPPED + "'] td:nth-child(9)");
                return c.endsWith(lastSeq.get(STOPPED) + " / " + lastSeq.get(STOPPED)) ? c : null;
            });
            assertTrue(stoppedCursors.startsWith(stoppedCompileCursor + " / "), "440100's compile cursor stays at "
                    + stoppedCompileCursor + ": " + stoppedCursors);
            Path stoppedShot = b.screenshot("02-compile-switched-off");

            // The latest results of 440000: its verdicts with their findings, the refused one among them.
            b.script("window.location.hash = arguments[0]", "#/results/" + KEPT + "/verdict");
            long keptVerdicts = keptDeclared + keptReviewed; // each id once, the refused one included
            b.await("440000's latest verdicts", UI,
                    d -> b.findAll("#rs-list tr[data-kind='VERDICT']").size() == keptVerdicts);
            WebElement refused = b.await("the refused verdict listed as a dead letter", UI,
                    d -> b.findAll("#rs-list tr[data-id='" + REJECTED + "']").stream().findFirst().orElse(null));
            assertTrue(refused.getText().contains("EX_ANTE_REQUIRED") || refused.findElements(
                    org.openqa.selenium.By.cssSelector("table.findings tbody tr")).size() > 0, refused.getText());
            assertEquals("DEAD", refused.findElement(org.openqa.selenium.By.cssSelector(".badge[data-state]"))
                    .getAttribute("data-state"));
            Path resultsShot = b.screenshot("03-latest-results", false); // the newest ones: the list is long

            // Issue 15: the search is server-side. By delivery state: only the refused verdict, with its exact total;
            // by the start of its project code: its results only; the Excel link exports the same page.
            b.script("var s = document.getElementById('rs-state'); s.value = 'DEAD'; s.dispatchEvent(new Event('change'));");
            b.await("only the DEAD verdict, searched on the server", UI, d -> b.findAll("#rs-list tr[data-id]").size() == 1
                    && b.findAll("#rs-list tr[data-id='" + REJECTED + "']").size() == 1);
            String total = text(b, "#rs-page");
            assertTrue(total.endsWith("共 1 条") || total.endsWith("of 1"), "the exact total: " + total);
            String xlsx = b.find("#rs-xlsx").getAttribute("href");
            assertTrue(xlsx.contains("/results.xlsx?") && xlsx.contains("state=DEAD") && xlsx.contains("kind=verdict"), xlsx);
            String rejectedProject = REJECTED.substring(0, REJECTED.indexOf('.'));
            b.script("var s = document.getElementById('rs-state'); s.value = ''; s.dispatchEvent(new Event('change'));"
                    + "var q = document.getElementById('rs-q'); q.value = arguments[0]; q.dispatchEvent(new Event('change'));",
                    rejectedProject);
            b.await("the project's verdicts, searched by its code", UI, d -> {
                List<WebElement> items = b.findAll("#rs-list tr[data-id]");
                return !items.isEmpty() && items.stream().allMatch(li -> li.getAttribute("data-id").startsWith(rejectedProject));
            });
            b.script("var q = document.getElementById('rs-q'); q.value = ''; q.dispatchEvent(new Event('change'));");

            // The dead letter, with the host's answer, replayed once the host accepts it.
            b.script("window.location.hash = arguments[0]", "#/regions");
            b.await("the matrix again", UI, d -> b.findAll("#matrix tr[data-region='" + KEPT + "'] a.badge.b-bad").size() == 1);
            click(b, "#matrix tr[data-region='" + KEPT + "'] a.badge.b-bad");
            WebElement letter = b.await("the dead letter listed", UI,
                    d -> b.findAll("#dl-table tbody tr").stream().filter(r -> r.getText().contains(REJECTED)).findFirst()
                            .orElse(null));
            assertTrue(letter.getText().contains("422") && letter.getText().contains("locked for review"), letter.getText());
            Path deadShot = b.screenshot("04-dead-letter");
            noFaults();
            click(b, "#dl-replay-all");
            b.await("the replay confirmed", UI, d -> b.find("#toast").getText().contains("已重新排队 1 / 1"));
            b.await("no dead letter left on the page", UI, d -> b.find("#dl-empty").isDisplayed());
            await("the replayed verdict delivered once", Duration.ofSeconds(60), k,
                    () -> host.received().received(KEPT, "verdict", REJECTED, false).path("ids").asLong() == 1
                            && k.deadLetters() == 0);
            JsonNode row = host.received().received(KEPT, "verdict", REJECTED, true).path("items").get(0);
            assertEquals(1, row.path("count").asInt(), "delivered once");

            // Both actions are in the audit log under the administrator's name.
            b.script("window.location.hash = arguments[0]", "#/audit");
            List<String> audit = b.await("the audit log", UI, d -> {
                List<String> rows = new ArrayList<>();
                b.findAll("#audit-table tbody tr").forEach(r -> rows.add(r.getText()));
                return rows.size() >= 2 ? rows : null;
            });
            assertTrue(audit.stream().anyMatch(r -> r.contains(user) && r.contains("perflink:replay") && r.contains(KEPT)),
                    audit.toString());
            assertTrue(audit.stream().anyMatch(r -> r.contains(user) && r.contains("perflink:disable")
                    && r.contains(STOPPED + "/COMPILE")), audit.toString());
            Path auditShot = b.screenshot("05-audit-log");

            // Issue 15: the rest of 440000's year (published targets, monitoring, evaluation), then its dashboard.
            script(KEPT, "COMPILE", "APPROVED");
            script(KEPT, "COMPILE", "PUBLISHED");
            script(KEPT, "EXECUTE");
            script(KEPT, "CLOSE");
            await("440000's year handled", STAGE, k, () -> STAGES.stream()
                    .allMatch(st -> Long.toString(lastSeq.get(KEPT)).equals(cursor(k, KEPT, st))));
            Path[] dashboard = dashboardDrillDownAndDownloads(b, keptVerdicts);
            Path[] lists = deadLetterAndAuditTables(b, k, user);

            report(String.format("AdminPageIT: Chromium %s via chromedriver; Karaf up in %d ms; logged in as %s; "
                    + "440100 compile switched off on the page (etc/ written, routes restarted with stages [%s]); "
                    + "%d reviewed verdicts of 440000 delivered %d ms after the push, 0 of %d for 440100 (compile cursor "
                    + "stayed %s; matrix cursors %s); dead letter %s replayed from the page, delivered once; "
                    + "screenshots %s; %d ms in all",
                    b.script("return navigator.userAgent.match(/Chrome\\/([0-9.]+)/)[1]"), booted, user, stages,
                    keptReviewed, keptMillis, stoppedReviewed, stoppedCompileCursor, stoppedCursors, REJECTED,
                    List.of(matrixShot.getFileName(), stoppedShot.getFileName(), resultsShot.getFileName(),
                            deadShot.getFileName(), auditShot.getFileName(), dashboard[0].getFileName(),
                            dashboard[1].getFileName(), dashboard[2].getFileName(), dashboard[3].getFileName(),
                            dashboard[4].getFileName(), lists[0].getFileName(), lists[1].getFileName()),
                    millisSince(t0)));
        }
    }

    /**
     * The dashboard of 440000's year: its numbers and charts (SVG drawn by the server, inline), a department clicked in
     * a chart shows its projects, a project opens its timeline; the whole verdict list exported as a background job,
     * its workbook downloaded and read; the open-data export likewise, a zip; the annual report's PDF and HTML made
     * as background jobs from the dashboard's buttons, their progress in the jobs panel, downloaded from it. Returns
     * the screenshots.
     */
    static Path[] dashboardDrillDownAndDownloads(Browser b, long keptVerdicts) throws Exception {
        b.script("window.location.hash = arguments[0]", "#/dashboard/" + KEPT);
        b.await("the dashboard's eight charts", UI, d -> b.findAll("#db-charts svg").size() == 8
                && b.find("#db-charts").getAttribute("data-loaded") != null);
        assertTrue(Long.parseLong(text(b, "#db-numbers [data-figure='nProjects'] .value")) > 0,
                text(b, "#db-numbers"));
        assertEquals(2027, Integer.parseInt(b.find("#db-year").getAttribute("value")));
        Path dashboardShot = Browser.keep(b.screenshot("06-dashboard"));
        // the annual report as the dashboard makes it: a background job whose progress the jobs panel shows, then the
        // PDF downloaded from the panel, its pages carrying the year's project count
        long clicked = System.nanoTime();
        click(b, "#db-report-pdf");
        String pdfJob = "#jobs-table tr[data-name='" + KEPT + " 2027 report.pdf']";
        String seen = b.await("the report job in the jobs panel", UI, d -> retry(() -> b.findAll("#jobs:not([hidden]) "
                + pdfJob + " progress").isEmpty() ? null : text(b, pdfJob + " .job-step")));
        assertTrue(seen.matches("[0-9]+% · [0-9]+ / [0-9]+.*"), "the job's progress: " + seen);
        String pdfLink = b.await("the report job done", UI, d -> retry(() -> b.findAll(pdfJob + "[data-state='DONE']"
                + " a.job-download[download='" + KEPT + "-2027-report.pdf']").stream().findFirst()
                .map(a -> a.getAttribute("href")).orElse(null)));
        String done = text(b, pdfJob + " .job-step");
        String total = retry(() -> b.find(pdfJob + " progress").getAttribute("max"));
        assertEquals(total, retry(() -> b.find(pdfJob + " progress").getAttribute("value")), "the bar full: " + done);
        assertTrue(Integer.parseInt(total) > 10 && done.startsWith("100% · " + total + " / " + total + " · ")
                && done.endsWith("pages written)"), "every step of the report, the file written last: " + done);
        report(String.format("AdminPageIT: the annual report's PDF as a background job, %s steps, done and listed %d ms"
                + " after the click (first seen: %s)", total, (System.nanoTime() - clicked) / 1_000_000, seen));
        Path reportShot = b.screenshot("10-report-job");
        byte[] pdf = b.download(pdfLink);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String reportText = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertTrue(doc.getNumberOfPages() > 0, "pages: " + doc.getNumberOfPages());
            assertTrue(reportText.contains(KEPT) && reportText.contains("2027"), reportText);
            String projects = text(b, "#db-numbers [data-figure='nProjects'] .value").replaceAll("[^0-9]", "");
            assertTrue(reportText.matches("(?s).*项目 projects\\s+" + projects + "\\b.*"), reportText);
        }
        // the HTML report likewise, and the plain download scripts use still gives the same page
        click(b, "#db-report-html");
        String htmlLink = b.await("the HTML report job done", UI, d -> retry(() -> b.findAll("#jobs-table tr[data-name='"
                + KEPT + " 2027 report.html'][data-state='DONE'] a.job-download[download='" + KEPT + "-2027-report.html']")
                .stream().findFirst().map(a -> a.getAttribute("href")).orElse(null)));
        byte[] html = b.download(htmlLink);
        String reportHtml = new String(html, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(reportHtml.contains("<svg") && reportHtml.contains(KEPT), "the HTML report with its charts");
        String plain = new String(b.download(b.script("return window.location.origin") + "/api/admin/v1/regions/" + KEPT
                + "/report?year=2027&format=html"), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(plain.contains("<svg") && plain.contains(KEPT), "the plain download scripts use");

        WebElement bar = b.await("a department in a chart", UI, d -> b.findAll(
                "#db-charts [data-drill^='dept:']:not([data-drill='dept:-'])").stream().findFirst().orElse(null));
        String department = bar.getAttribute("data-drill").substring("dept:".length());
        b.script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", bar);
        b.await("the department's projects", UI, d -> !b.findAll("#db-projects tbody tr[data-project]").isEmpty());
        assertTrue(text(b, "#db-dept-title").contains(department), text(b, "#db-dept-title"));
        Path departmentShot = Browser.keep(b.screenshot("07-department-projects"));
        String project = b.findAll("#db-projects tbody tr[data-project]").get(0).getAttribute("data-project");
        click(b, "#db-projects tbody tr[data-project='" + project + "'] a");
        b.await("the project's timeline", UI, d -> !b.findAll("#pj-timeline li").isEmpty()
                && b.driver.getCurrentUrl().endsWith("/" + project));
        Path timelineShot = b.screenshot("08-project-timeline");

        // every verdict of 440000 as one workbook: a background job, its progress on the page, then the file
        b.script("window.location.hash = arguments[0]", "#/results/" + KEPT + "/verdict");
        b.await("440000's verdicts", UI, d -> !b.findAll("#rs-list tr[data-kind='VERDICT']").isEmpty());
        click(b, "#rs-export-all");
        // the jobs table is drawn again each second while a job runs: its links are read afresh if they went stale
        String xlsxLink = b.await("the export job done", UI, d -> retry(() -> b.findAll(
                "#jobs-table tr[data-state='DONE'] a.job-download[download$='.xlsx']").stream().findFirst()
                .map(a -> a.getAttribute("href")).orElse(null)));
        Path jobShot = b.screenshot("09-export-job");
        byte[] xlsx = b.download(xlsxLink);
        try (org.dhatim.fastexcel.reader.ReadableWorkbook book = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(xlsx))) {
            List<org.dhatim.fastexcel.reader.Row> rows = book.getFirstSheet().read();
            assertEquals("类型", rows.get(0).getCellText(0), "Chinese column names");
            assertTrue(rows.size() - 1 >= keptVerdicts, "every verdict, not one page: " + (rows.size() - 1));
            assertTrue(rows.stream().anyMatch(r -> REJECTED.equals(r.getCellText(2))), "the refused verdict is there");
        }
        // the open-data export of the year, from the dashboard, as a zip
        b.script("window.location.hash = arguments[0]", "#/dashboard/" + KEPT + "/2027");
        b.await("the dashboard again", UI, d -> b.findAll("#db-charts svg").size() == 8);
        click(b, "#db-disclosure");
        String zipLink = b.await("the open-data job done", UI, d -> retry(() -> b.findAll(
                "#jobs-table tr[data-state='DONE'] a.job-download[download$='disclosure.zip']").stream().findFirst()
                .map(a -> a.getAttribute("href")).orElse(null)));
        byte[] zip = b.download(zipLink);
        List<String> names = new ArrayList<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertTrue(names.contains(KEPT + "/2027/targets.csv") && names.contains(KEPT + "/2027/manifest.json"), names.toString());
        return new Path[] {dashboardShot, departmentShot, timelineShot, jobShot, reportShot};
    }

    /** Monitoring rounds without a cut-off date, each rejected by 440000's execute stage as an input dead letter. */
    static final int INPUTS = 55;

    /**
     * Issue 15, the dead-letter and audit tables at work: 55 rejected inputs of 440000 paged (50 a page) with their
     * exact total, filtered by stage and state (the replayed verdict), searched by the start of the key, sorted by a
     * click on the time head, and the filtered selection exported as a job whose workbook holds exactly the rows the
     * table selects; the audit log likewise (20 a page), filtered by action, actor and region, sorted, paged and
     * exported. Returns the screenshots.
     */
    Path[] deadLetterAndAuditTables(Browser b, KarafProcess k, String user) throws Exception {
        com.fasterxml.jackson.databind.node.ArrayNode rounds = MAPPER.createArrayNode();
        for (int i = 1; i <= INPUTS; i++) {
            rounds.addObject().put("eventId", "list-input-" + i).put("stage", "EXECUTE").put("phase", "MONITOR")
                    .putArray("projectCodes").add("440000-2027-000101");
        }
        long open = k.deadLetters();
        host.appendEvents(KEPT, rounds);
        await("the rounds without asOf parked as input dead letters", STAGE, k, () -> k.deadLetters() == open + INPUTS);

        b.script("window.location.hash = arguments[0]", "#/dead-letters/" + KEPT);
        type(b, "dl-q", "list-input-"); // the start of their keys: these letters only, whatever else the year parked
        b.await("the first page of open letters", UI, d -> b.findAll("#dl-table tbody tr[data-kind='INPUT']").size() == 50);
        assertTrue(text(b, "#dl-page").endsWith("共 " + INPUTS + " 条"), "the exact total: " + text(b, "#dl-page"));
        click(b, "#dl-next");
        b.await("the second page", UI, d -> b.findAll("#dl-table tbody tr[data-id]").size() == INPUTS - 50
                && text(b, "#dl-page").startsWith("第 51–" + INPUTS + " 条"));
        select(b, "dl-stage", "compile");
        b.await("no open compile letter", UI, d -> b.find("#dl-empty").isDisplayed());
        select(b, "dl-stage", "execute");
        b.await("the execute stage's letters, first page again", UI,
                d -> b.findAll("#dl-table tbody tr[data-kind='INPUT']").size() == 50 && text(b, "#dl-page").startsWith("第 1–50"));
        select(b, "dl-stage", "");
        type(b, "dl-q", "");
        select(b, "dl-state", "replayed");
        WebElement replayed = b.await("the replayed verdict", UI, d -> retry(() -> {
            List<WebElement> rows = b.findAll("#dl-table tbody tr[data-id]");
            return rows.size() == 1 && rows.get(0).getText().contains(REJECTED) ? rows.get(0) : null;
        }));
        assertEquals("REPLAYED", replayed.getAttribute("data-state"));
        assertTrue(replayed.getText().contains("已重放") && replayed.getText().contains("编制"), replayed.getText());
        select(b, "dl-state", "open");
        type(b, "dl-q", "list-input-5");
        List<String> keys = b.await("the letters whose key starts so, oldest first", UI, d -> retry(() -> {
            List<String> k5 = new ArrayList<>();
            b.findAll("#dl-table tbody tr[data-id] td:nth-child(6)").forEach(td -> k5.add(td.getText()));
            return k5.size() == 7 ? k5 : null;
        }));
        assertEquals(List.of("list-input-5", "list-input-50", "list-input-51", "list-input-52", "list-input-53",
                "list-input-54", "list-input-55"), keys);
        click(b, "#dl-table th[data-sort='oldest']");
        b.await("newest first after a click on the time head", UI, d -> "descending".equals(
                retry(() -> b.find("#dl-table th[data-sort='oldest']").getAttribute("aria-sort")))
                && "list-input-55".equals(text(b, "#dl-table tbody tr[data-id] td:nth-child(6)")));
        Path deadShot = b.screenshot("11-dead-letter-table");
        List<org.dhatim.fastexcel.reader.Row> sheet = jobSheet(b, "#dl-xlsx", "dead-letters.xlsx");
        assertEquals("编号", sheet.get(0).getCellText(0), "Chinese column names");
        assertEquals(List.of("list-input-55", "list-input-54", "list-input-53", "list-input-52", "list-input-51",
                "list-input-50", "list-input-5"), sheet.stream().skip(1).map(r -> r.getCellText(2)).toList(),
                "exactly the rows the table selects, in its order");
        assertTrue(sheet.stream().skip(1).allMatch(r -> "INPUT".equals(r.getCellText(1))
                && r.getCell(0).getType() == org.dhatim.fastexcel.reader.CellType.NUMBER));

        // the audit log: the page's two actions and twenty replays of 440000 (its inputs stay listed: none re-queued)
        for (int i = 0; i < 20; i++) {
            String answer = post(b, "/api/admin/v1/regions/" + KEPT + "/dead-letters:replay", "{}");
            assertTrue(answer.contains("\"requeued\":0"), answer);
        }
        b.script("window.location.hash = arguments[0]", "#/audit");
        b.await("the first page of the audit log", UI, d -> b.findAll("#audit-table tbody tr[data-id]").size() == 20);
        String auditPage = text(b, "#au-page");
        long total = Long.parseLong(auditPage.replaceAll(".*共 ([0-9]+) 条$", "$1"));
        assertTrue(total >= 22, auditPage);
        click(b, "#au-next");
        b.await("the second page of the audit log", UI, d -> text(b, "#au-page").startsWith("第 21–"));
        select(b, "au-action", "perflink:replay");
        b.await("the replays only, first page again", UI, d -> text(b, "#au-page").equals("第 1–20 条，共 21 条")
                && b.findAll("#audit-table tbody tr[data-id]").stream().allMatch(r -> r.getText().contains("perflink:replay")));
        select(b, "au-action", "");
        type(b, "au-region", STOPPED);
        type(b, "au-actor", user);
        List<String> stopped = b.await("the administrator's actions on 440100", UI, d -> retry(() -> {
            List<String> rows = new ArrayList<>();
            b.findAll("#audit-table tbody tr[data-id]").forEach(r -> rows.add(r.getText()));
            return rows.size() == 1 ? rows : null;
        }));
        assertTrue(stopped.get(0).contains("perflink:disable") && stopped.get(0).contains(STOPPED + "/COMPILE"), stopped.toString());
        type(b, "au-region", KEPT);
        click(b, "#audit-table th[data-sort='newest']");
        b.await("oldest first after a click on the time head", UI, d -> "ascending".equals(
                retry(() -> b.find("#audit-table th[data-sort='newest']").getAttribute("aria-sort")))
                && text(b, "#au-page").equals("第 1–20 条，共 21 条"));
        Path auditShot = b.screenshot("12-audit-table");
        List<org.dhatim.fastexcel.reader.Row> audit = jobSheet(b, "#audit-xlsx", "audit.xlsx");
        assertEquals(21 + 1, audit.size(), "every page of what the filters select (21 replays of 440000), not one page");
        assertTrue(audit.stream().skip(1).allMatch(r -> user.equals(r.getCellText(2)) && "perflink:replay".equals(
                r.getCellText(3)) && KEPT.equals(r.getCellText(4))), "only the filtered rows");
        return new Path[] {deadShot, auditShot};
    }

    /** Sets a select of the page and tells the page it changed. */
    static void select(Browser b, String id, String value) {
        b.script("var s = document.getElementById(arguments[0]); s.value = arguments[1]; s.dispatchEvent(new Event('change'));",
                id, value);
    }

    /** Types into a search box of the page and tells the page it changed. */
    static void type(Browser b, String id, String value) {
        select(b, id, value);
    }

    /** Clicks an export button of the page, waits for its job and reads the first sheet of the workbook it made. */
    static List<org.dhatim.fastexcel.reader.Row> jobSheet(Browser b, String button, String file) throws Exception {
        int before = b.findAll("#jobs-table tr[data-state='DONE'] a.job-download[download$='" + file + "']").size();
        click(b, button);
        String link = b.await("the " + file + " job done", UI, d -> retry(() -> {
            List<WebElement> done = b.findAll("#jobs-table tr[data-state='DONE'] a.job-download[download$='" + file + "']");
            return done.size() > before ? done.get(0).getAttribute("href") : null;
        }));
        try (org.dhatim.fastexcel.reader.ReadableWorkbook book = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(b.download(link)))) {
            return book.getFirstSheet().read();
        }
    }

    /** A state change through the API as the page makes it: the user's CSRF token, then the request; its answer. */
    static String post(Browser b, String path, String json) {
        Object got = ((org.openqa.selenium.JavascriptExecutor) b.driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1], o = window.location.origin, path = arguments[0],"
                + " body = arguments[1];"
                + "fetch(o + '/api/admin/v1/csrf', {credentials: 'same-origin'}).then(function (r) { return r.json(); })"
                + ".then(function (me) { return fetch(o + path, {method: 'POST', credentials: 'same-origin',"
                + "  headers: {'Content-Type': 'application/json', 'X-CSRF-Token': me.token}, body: body}); })"
                + ".then(function (r) { return r.text(); }).then(done, function (e) { done('failed: ' + e); });",
                path, json);
        return String.valueOf(got);
    }

    static String switchCss(String region, String stage) {
        return "#matrix input[data-region='" + region + "'][data-stage='" + stage + "']";
    }

    static boolean checked(Browser b, String region, String stage) {
        return retry(() -> b.find(switchCss(region, stage)).isSelected());
    }

    static String text(Browser b, String css) {
        return retry(() -> {
            List<WebElement> e = b.findAll(css);
            return e.isEmpty() ? "" : e.get(0).getText().strip();
        });
    }

    /** Clicks what the page may be re-rendering (the matrix refreshes itself): found again if it went stale. */
    static void click(Browser b, String css) {
        retry(() -> {
            b.find(css).click();
            return null;
        });
    }

    static <T> T retry(Supplier<T> action) {
        for (int i = 0;; i++) {
            try {
                return action.get();
            } catch (StaleElementReferenceException e) {
                if (i == 5) {
                    throw e;
                }
            }
        }
    }

    /** The number of projects the events name. */
    static long projects(List<com.fasterxml.jackson.databind.node.ObjectNode> events) {
        return events.stream().mapToLong(e -> e.path("projectCodes").size()).sum();
    }

    /** A stage's cursor in status.json (read from the store), or null. */
    static String cursor(KarafProcess k, String region, String stage) {
        JsonNode s = k.status();
        JsonNode c = s == null ? null : s.path("regions").path(region).path("stages").path(stage).path("cursor");
        return c == null || c.isMissingNode() || c.isNull() ? null : c.asText();
    }

    /** Waits for the region's routes to start again after {@code mark} in the log; returns their stages. */
    static String awaitRestart(KarafProcess k, long mark) throws Exception {
        String[] stages = new String[1];
        await("region " + STOPPED + " restarted with its new stages", Duration.ofSeconds(30), k, () -> {
            try {
                byte[] all = Files.readAllBytes(k.log());
                String added = new String(all, (int) Math.min(mark, all.length), (int) Math.max(0, all.length - mark),
                        StandardCharsets.UTF_8);
                Matcher m = STARTED.matcher(added);
                if (m.find()) {
                    stages[0] = m.group(1);
                    return true;
                }
                return false;
            } catch (java.io.IOException e) {
                return false;
            }
        });
        return stages[0];
    }
}
