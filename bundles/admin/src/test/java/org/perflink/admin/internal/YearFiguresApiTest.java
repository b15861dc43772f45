package org.perflink.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.perflink.admin.api.AdminOperations;
import org.perflink.reports.FakeRulePacks;
import org.perflink.reports.Progress;
import org.perflink.reports.YearFigures;

/** {@code GET regions/{code}/figures} and {@code charts/{chart}.svg}: the figures of a year read from the store alone. */
class YearFiguresApiTest {

    private static final Instant AT = Instant.parse("2028-04-01T02:00:00Z");

    private final FakeStore store = new FakeStore();

    YearFiguresApiTest() {
        store.withFixtureYear();
    }

    private AdminJson api() {
        return new AdminJson(List::of, store, store, store, store, new FakeRulePacks(),
                new RegionConfigEditor(new FakeConfigAdmin(), null), () -> LiveStatus.none(Path.of("x"), "none"),
                Clock.fixed(AT, ZoneOffset.UTC), new ObjectMapper(), store);
    }

    @Test
    void theFiguresOfAYearAsJson() {
        JsonNode f = api().figures("440000", "2027", null);
        assertEquals(2027, f.path("year").asInt());
        assertEquals(4, f.path("numbers").path("projects").asInt());
        assertEquals("3500000.00", f.path("numbers").path("budget").asText(), "money as a decimal string");
        assertTrue(f.path("numbers").path("budget").isTextual());
        assertEquals("-3600000.00", f.path("linkage").path(0).path("delta").asText());
        assertEquals("教育局", f.path("departments").path(0).path("name").asText());
        assertEquals(0, f.path("departments").path(0).path("projects").size(), "no drill-down asked");
        assertTrue(f.path("timeline").asText().endsWith("/projects/{projectCode}/timeline"));

        JsonNode drilled = api().figures("440000", "2027", "101");
        assertEquals(List.of("P1", "P2"), texts(drilled.path("departments").path(0).path("projects"), "projectCode"));
        assertEquals(api().figures("440000", null, null), f, "no year: the latest year of the region's results");
    }

    @Test
    void badInputNamesTheField() {
        IllegalArgumentException year = assertThrows(IllegalArgumentException.class,
                () -> api().figures("440000", "27", null));
        assertTrue(year.getMessage().contains("year"), year.getMessage());
        assertThrows(IllegalArgumentException.class, () -> api().figures("44", "2027", null));
        IllegalArgumentException chart = assertThrows(IllegalArgumentException.class,
                () -> api().chart("440000", "2027", "pie"));
        assertTrue(chart.getMessage().contains("grades"), chart.getMessage());
    }

    @Test
    void aChartAsAnSvgFile() {
        AdminOperations.Download d = api().chart("440000", "2027", "warnings-dept");
        assertEquals("440000-warnings-dept.svg", d.fileName());
        assertTrue(d.mediaType().startsWith("image/svg+xml"));
        String svg = new String(d.bytes(), StandardCharsets.UTF_8);
        assertTrue(svg.startsWith("<?xml") && svg.contains("data-drill=\"dept:101\""), svg);
    }

    @Test
    void progressStepsThroughEveryKindAndCancelStops() {
        YearReport report = new YearReport(store, store);
        List<String> steps = new ArrayList<>();
        YearFigures f = report.figures("440000", 2027, null, (done, total, what) -> steps.add(done + "/" + total));
        assertEquals(4, f.numbers().projects());
        assertEquals(YearReport.STEPS, steps.size());
        assertEquals(YearReport.STEPS + "/" + YearReport.STEPS, steps.get(steps.size() - 1));
        Progress.Tracked tracked = new Progress.Tracked();
        tracked.cancel();
        assertThrows(Progress.Cancelled.class, () -> report.figures("440000", 2027, null, tracked));
    }

    @Test
    void theAnnualReportAsHtmlAndPdf() throws Exception {
        AdminOperations.Download html = api().report("440000", "2027", null);
        assertEquals("440000-2027-report.html", html.fileName());
        assertTrue(html.mediaType().startsWith("text/html"));
        String page = new String(html.bytes(), StandardCharsets.UTF_8);
        assertTrue(page.contains("<svg") && page.contains("教育局") && page.contains("-3,600,000.00"), page);
        AdminOperations.Download pdf = api().report("440000", "2027", "PDF");
        assertEquals("440000-2027-report.pdf", pdf.fileName());
        assertEquals("application/pdf", pdf.mediaType());
        assertTrue(new String(pdf.bytes(), 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"));
        IllegalArgumentException format = assertThrows(IllegalArgumentException.class,
                () -> api().report("440000", "2027", "docx"));
        assertTrue(format.getMessage().contains("format"), format.getMessage());
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }
}
