package org.perflink.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The annual report of the fixture's year: the HTML page and the PDF carry the region's figures and charts. */
class AnnualReportTest {

    private final YearFigures figures = new YearFixture().figures(null);

    @Test
    void theHtmlPageIsWellFormedSelfContainedAndCarriesTheFigures() throws Exception {
        String html = HtmlReport.render(figures, "广东省");
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        Document d = SvgChartsTest.parse(html.substring("<!DOCTYPE html>".length()));
        NodeList svgs = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
        assertEquals(YearCharts.IDS.size(), svgs.getLength(), "every chart inline");
        assertTrue(d.getElementsByTagName("table").getLength() >= YearCharts.IDS.size(), "tables beside the charts");
        String text = d.getDocumentElement().getTextContent();
        for (String figure : List.of("广东省（440000）", "2027 年度预算绩效管理报告", "教育局", "卫生局", "3,500,000.00",
                "-3,600,000.00", "72.50", "工作考核排名", "Work assessment ranking", "约谈通知书", "已升级")) {
            assertTrue(text.contains(figure), figure);
        }
        assertTrue(html.matches("(?s).*<td class=\"n\">4</td>.*"), "the project count");
        assertFalse(html.contains("<script") || html.contains("<link") || html.contains("src=")
                || html.matches("(?s).*https?://(?!www\\.w3\\.org/2000/svg).*"), "no external resource");
        assertEquals(html, HtmlReport.render(new YearFixture().figures(null), "广东省"), "the same store, the same page");
    }

    @Test
    void thePdfRendersToPagesAndItsTextCarriesTheFigures() throws Exception {
        Path font = ReportFont.find(null);
        List<String> steps = new ArrayList<>();
        List<String> whats = new ArrayList<>();
        byte[] pdf = PdfReport.render(figures, "广东省", font, (done, total, what) -> {
            steps.add(done + "/" + total);
            whats.add(what);
        });
        assertEquals(YearCharts.IDS.size() + 1, ReportSections.STEPS);
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= ReportSections.STEPS; i++) {
            expected.add(i + "/" + ReportSections.STEPS);
        }
        assertEquals(expected, steps, "a progress step per chart drawn with its tables, one for the file written");
        assertTrue(whats.get(0).startsWith("已绘制图表：") && whats.get(0).contains("第 1 页 (page 1)"), whats.get(0));
        assertTrue(whats.get(whats.size() - 1).matches("已写入 [0-9]+ 页 \\([0-9]+ pages written\\)"), whats.toString());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getNumberOfPages() >= 2, "pages: " + doc.getNumberOfPages());
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, 48);
                assertTrue(image.getWidth() > 300 && image.getHeight() > 400);
                assertTrue(inked(image), "page " + (i + 1) + " has something drawn on it");
            }
            String text = new PDFTextStripper().getText(doc);
            for (String figure : List.of("广东省（440000）", "年度概况", "The year in numbers", "项目 projects", "教育局",
                    "卫生局", "3,500,000.00", "-3,600,000.00", "优 excellent", "评价等级分布", "工作考核排名", "已升级",
                    "通报表扬")) {
                assertTrue(text.contains(figure), figure + " in\n" + text);
            }
            assertTrue(text.matches("(?s).*项目 projects\\s+4\\b.*"), "the project count");
            assertTrue(text.matches("(?s).*优 excellent\\s+1\\b.*"), "one EXCELLENT project");
            assertEquals(null, doc.getDocumentInformation().getCreationDate(), "no time stamp");
        }
        assertArrayEquals(pdf, PdfReport.render(new YearFixture().figures(null), "广东省", font, Progress.NONE),
                "the same store, the same bytes");
    }

    @Test
    void cancellingStopsThePdf() {
        Progress.Tracked p = new Progress.Tracked();
        p.cancel();
        assertThrows(Progress.Cancelled.class, () -> PdfReport.render(figures, null, ReportFont.find(null), p));
    }

    @Test
    void aCancelDuringThePdfStopsItAtTheNextChart() {
        List<Long> steps = new ArrayList<>();
        Progress cancelAfterThird = new Progress() {
            @Override
            public void step(long done, long total, String what) {
                steps.add(done);
            }

            @Override
            public boolean cancelled() {
                return steps.size() >= 3;
            }
        };
        Progress.Cancelled c = assertThrows(Progress.Cancelled.class,
                () -> PdfReport.render(figures, null, ReportFont.find(null), cancelAfterThird));
        assertTrue(c instanceof java.util.concurrent.CancellationException, "what jobs and the shell take for a cancel");
        assertEquals(List.of(1L, 2L, 3L), steps, "no chart drawn and no file written after the cancel");
    }

    @Test
    void theHtmlPageStepsPerChartAndStopsWhenCancelled() {
        List<String> steps = new ArrayList<>();
        byte[] page = HtmlReport.bytes(figures, "广东省", (done, total, what) -> steps.add(done + "/" + total + " " + what));
        assertArrayEquals(HtmlReport.bytes(figures, "广东省"), page, "the same page, watched or not");
        assertEquals(ReportSections.STEPS, steps.size(), steps.toString());
        assertTrue(steps.get(0).startsWith("1/" + ReportSections.STEPS + " 已绘制图表："), steps.get(0));
        assertEquals(ReportSections.STEPS + "/" + ReportSections.STEPS + " 已生成页面 (page written)",
                steps.get(steps.size() - 1));
        Progress.Tracked p = new Progress.Tracked();
        p.cancel();
        assertThrows(Progress.Cancelled.class, () -> HtmlReport.bytes(figures, null, p));
    }

    @Test
    void aStoredBodyWithoutItsOptionalFieldsStillMakesTheReport() throws Exception {
        // a notice as the result-list benchmark's 100 000-project store keeps it: no type, due date or case
        YearTally tally = new YearTally(YearFixture.REGION, YearFixture.YEAR);
        new YearFixture().targets.forEach(tally::target);
        tally.result(org.perflink.api.model.ResultKind.NOTICE, "{\"noticeId\":\"101.2027.REMINDER\",\"regionCode\":"
                + "\"440000\",\"year\":2027,\"departmentCode\":\"101\"}");
        YearFigures sparse = tally.build();
        assertEquals(1, sparse.notices().cases().size(), sparse.notices().toString());
        assertEquals(null, sparse.notices().cases().get(0).firstType(), "no type in the body");
        assertTrue(HtmlReport.render(sparse, null).contains("问责通知与跟踪问效"));
        try (PDDocument doc = Loader.loadPDF(PdfReport.render(sparse, null, ReportFont.find(null), Progress.NONE))) {
            assertTrue(new PDFTextStripper().getText(doc).contains("问责通知与跟踪问效"));
        }
    }

    @Test
    void aMissingFontIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReportFont.find("/nonexistent/font.ttc"));
        assertTrue(e.getMessage().contains("/nonexistent/font.ttc") && e.getMessage().contains(ReportFont.PROPERTY));
        assertTrue(new String(HtmlReport.bytes(figures, null), StandardCharsets.UTF_8).contains("440000 2027"));
    }

    /** Whether the page has dark pixels other than the white background. */
    private static boolean inked(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    return true;
                }
            }
        }
        return false;
    }
}
