package org.perflink.admin.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.Map;
import java.util.concurrent.CancellationException;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.perflink.admin.api.AdminOperations;
import org.perflink.admin.api.ExportProgress;
import org.perflink.reports.FakeRulePacks;

/** The annual report as a long export (a background job's work): one growing count of steps, cancel, named errors. */
class ReportJobTest {

    private final FakeStore store = new FakeStore().withFixtureYear();
    private final List<long[]> steps = new ArrayList<>();
    private final List<String> whats = new ArrayList<>();

    private AdminJson api() {
        return new AdminJson(List::of, store, store, store, store, new FakeRulePacks(),
                new RegionConfigEditor(new FakeConfigAdmin(), null), () -> LiveStatus.none(Path.of("x"), "none"),
                Clock.fixed(Instant.parse("2028-04-01T02:00:00Z"), ZoneOffset.UTC), new ObjectMapper(), store);
    }

    /** Records each step; cancelled once {@code cancelAfter} steps were told (0: never). */
    private ExportProgress recording(int cancelAfter) {
        return new ExportProgress() {
            @Override
            public void step(long done, long total, String what) {
                steps.add(new long[] {done, total});
                whats.add(what);
            }

            @Override
            public boolean cancelled() {
                return cancelAfter > 0 && steps.size() >= cancelAfter;
            }
        };
    }

    private void assertStepsGrowToTheEnd() {
        assertEquals(YearReport.REPORT_STEPS, steps.size(), whats.toString());
        for (int i = 0; i < steps.size(); i++) {
            assertEquals(i + 1, steps.get(i)[0], "step " + i + " of " + whats);
            assertEquals(YearReport.REPORT_STEPS, steps.get(i)[1], "the total known from the start: " + whats.get(i));
        }
    }

    @Test
    void thePdfReportStepsFromThePartsReadToTheFileWritten() throws Exception {
        AdminOperations.Download pdf = api().export("report.pdf", "440000", Map.of("year", "2027"), recording(0));
        assertStepsGrowToTheEnd();
        assertEquals("年度 2027 (year 2027)", whats.get(0));
        assertEquals("已读取公开目标 (published targets read)", whats.get(1));
        assertEquals("数字已汇总 (figures counted)", whats.get(YearReport.STEPS - 1));
        assertTrue(whats.get(YearReport.STEPS).startsWith("已绘制图表："), whats.get(YearReport.STEPS));
        assertTrue(whats.get(whats.size() - 1).endsWith("pages written)"), whats.get(whats.size() - 1));
        assertEquals("440000-2027-report.pdf", pdf.fileName());
        assertEquals("application/pdf", pdf.mediaType());
        assertArrayEquals(api().report("440000", "2027", "pdf").bytes(), pdf.bytes(), "the file the plain download gives");
        try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
            assertTrue(new PDFTextStripper().getText(doc).matches("(?s).*项目 projects\\s+4\\b.*"), "the project count");
        }
    }

    @Test
    void theHtmlReportLikewiseAndWithoutAYearTheLatest() throws Exception {
        AdminOperations.Download html = api().export("report.html", "440000", Map.of(), recording(0));
        assertStepsGrowToTheEnd();
        assertEquals("最新年度 2027 (latest year 2027)", whats.get(0));
        assertEquals("已生成页面 (page written)", whats.get(whats.size() - 1));
        assertEquals("440000-2027-report.html", html.fileName());
        assertTrue(new String(html.bytes(), StandardCharsets.UTF_8).contains("<svg"));
    }

    @Test
    void aCancelStopsTheReportAtItsNextStep() {
        int cancelAt = YearReport.STEPS + 3; // three charts drawn
        assertThrows(CancellationException.class,
                () -> api().export("report.pdf", "440000", Map.of("year", "2027"), recording(cancelAt)));
        assertEquals(cancelAt, steps.size(), "no step after the cancel: " + whats);
        steps.clear();
        assertThrows(CancellationException.class,
                () -> api().export("report.html", "440000", Map.of("year", "2027"), recording(2)));
        assertEquals(2, steps.size(), "cancelled while the figures are read: " + whats);
    }

    @Test
    void badParametersAreNamedBeforeTheJobStarts() {
        AdminJson api = api();
        api.checkExport("report.pdf", "440000", Map.of("year", "2027"));
        api.checkExport("report.html", "440000", Map.of());
        assertTrue(message(() -> api.checkExport("report.pdf", "440000", Map.of("year", "27"))).startsWith("query.year 须为"));
        assertTrue(message(() -> api.checkExport("report.pdf", "440000", Map.of("year", "2101")))
                .contains("query.year must be 2000 to 2100"));
        assertTrue(message(() -> api.checkExport("report.pdf", "440000", Map.of("format", "pdf")))
                .startsWith("query.format: "));
        assertTrue(message(() -> api.checkExport("disclosure.zip", "440000", Map.of("year", "27"))).startsWith("query.year"));
        assertTrue(message(() -> api.checkExport("report.docx", "440000", Map.of())).contains("report.pdf"));
        assertTrue(message(() -> api.checkExport("report.pdf", "44", Map.of())).contains("region code must be 6 digits"));
        assertTrue(message(() -> api.export("report.pdf", "440000", Map.of("year", "x"), ExportProgress.NONE))
                .startsWith("query.year"), "the export checks them too");
        assertEquals(List.of(), steps);
    }

    private static String message(Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }
}
