package org.perflink.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perflink.api.hook.StageContext;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Phase;
import org.perflink.api.model.ResultKind;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.store.internal.JdbcStore;

/** {@code ./perflink report}: the annual report from a stopped instance's store. */
class ReportCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private ReportCommand command() {
        return new ReportCommand(dir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** An instance directory with a store holding one published target and its verdict and score. */
    private Path instance() throws Exception {
        Path home = dir.resolve("inst");
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc/org.perflink.region-gd.cfg"), "regionCode = 440000\nname = 广东省(演示)\n");
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(JdbcStore.h2FileUrl(home.resolve("data/perflink/store")));
        JdbcStore store = JdbcStore.open(ds, Clock.systemUTC());
        StageEvent event = new StageEvent(1, "ev-1", "440000", 2027, Stage.COMPILE, Phase.PUBLISHED, List.of("P1"),
                OffsetDateTime.parse("2027-02-14T08:00:00Z"), null);
        store.eventLedger().handle("440000", Stage.COMPILE, event, null, "1", tx -> {
            tx.keepPublic(StageContext.PUBLIC_TARGET, 2027, "P1", "{\"regionCode\":\"440000\",\"year\":2027,"
                    + "\"departmentCode\":\"101\",\"departmentName\":\"省教育厅\",\"projectCode\":\"P1\","
                    + "\"projectName\":\"教育信息化\",\"kind\":\"PROJECT\",\"budgetAmount\":\"2500000.00\",\"indicators\":[]}");
            String verdict = "{\"verdictId\":\"P1.PUBLISHED.r1\",\"projectCode\":\"P1\",\"regionCode\":\"440000\","
                    + "\"year\":2027,\"phase\":\"PUBLISHED\",\"revision\":1,\"outcome\":\"PASS\",\"findings\":[]}";
            tx.add(new HostResult(ResultKind.VERDICT, "440000", "P1.PUBLISHED.r1", "P1", verdict), verdict, "v1");
            String score = "{\"scoreId\":\"P1.2027\",\"projectCode\":\"P1\",\"regionCode\":\"440000\",\"year\":2027,"
                    + "\"score\":\"91.00\",\"grade\":\"EXCELLENT\",\"source\":\"SELF_EVALUATION\"}";
            tx.add(new HostResult(ResultKind.SCORE, "440000", "P1.2027", "P1", score), score, "s1");
        });
        try (var c = ds.getConnection(); var s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
        return home;
    }

    @Test
    void writesTheHtmlAndPdfReportOfAStoppedInstance() throws Exception {
        Path home = instance();
        Path html = dir.resolve("out/r.html");
        assertEquals(0, Main.execute(command(), "440000", "2027", "--data", home.toString(), "--out", html.toString()),
                err.toString(StandardCharsets.UTF_8));
        String page = Files.readString(html);
        assertTrue(page.contains("广东省(演示)（440000）") && page.contains("省教育厅") && page.contains("2,500,000.00"), page);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("report written"));
        int steps = org.perflink.reports.StoreYear.STEPS + org.perflink.reports.ReportSections.STEPS;
        assertTrue(printed.contains("[1/" + steps + "] ") && printed.contains("[" + steps + "/" + steps + "] 已生成页面"),
                "one count from the first part read to the page written: " + printed);
        Path pdf = dir.resolve("out/r.pdf");
        assertEquals(0, Main.execute(command(), "440000", "2027", "--data", home.toString(), "--format", "pdf",
                "--out", pdf.toString()), err.toString(StandardCharsets.UTF_8));
        assertTrue(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));
    }

    @Test
    void noStoreAndBadOptionsAreNamed() throws Exception {
        assertEquals(3, Main.execute(command(), "440000", "2027", "--data", dir.resolve("none").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("store"), err.toString(StandardCharsets.UTF_8));
        assertThrows(Main.UsageException.class, () -> Main.execute(command(), "440000", "2027", "--format", "docx"));
        assertThrows(Main.UsageException.class, () -> Main.execute(command(), "44", "2027"));
        Path home = instance();
        assertEquals(2, Main.execute(command(), "440000", "2027", "--data", home.toString(), "--format", "pdf",
                "--font", "/nonexistent.ttc"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("/nonexistent.ttc"));
    }
}
