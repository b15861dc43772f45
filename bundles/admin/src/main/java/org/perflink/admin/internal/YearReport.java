package org.perflink.admin.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.perflink.admin.api.AdminOperations;
import org.perflink.core.RegionCode;
import org.perflink.reports.Chart;
import org.perflink.reports.HtmlReport;
import org.perflink.reports.PdfReport;
import org.perflink.reports.Progress;
import org.perflink.reports.ReportFont;
import org.perflink.reports.ReportSections;
import org.perflink.reports.StoreYear;
import org.perflink.reports.SvgCharts;
import org.perflink.reports.YearCharts;
import org.perflink.reports.YearFigures;
import org.perflink.store.PublicRecords;
import org.perflink.store.ResultLedger;

/**
 * A region's year from the store alone ({@link StoreYear}) as the admin API and {@code perflink:report} give it: the
 * figures as JSON ({@code GET regions/{code}/figures}), one chart as SVG ({@code charts/{chart}.svg}) and the annual
 * report as HTML or PDF ({@code report?format=}).
 */
public final class YearReport {

    /** The figures' progress steps: one per part read, one for the figures counted. */
    static final int STEPS = StoreYear.STEPS;

    /** The report's progress steps: the figures', then one per chart drawn and one for the file written. */
    static final int REPORT_STEPS = StoreYear.STEPS + ReportSections.STEPS;

    /** JSON of the figures: money, scores and ratios as decimal strings, as the host contract writes them. */
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        JSON.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
    }

    /** The report's formats. */
    public enum Format { HTML, PDF }

    private final StoreYear store;

    /** {@code records} may be null (no open-data records here): then there are no published targets to count. */
    public YearReport(ResultLedger results, PublicRecords records) {
        this.store = new StoreYear(results, records);
    }

    /**
     * The figures of a region's year, with the projects of {@code department} listed (null: none); {@code year}
     * null: the latest year of the region's results.
     */
    public YearFigures figures(String region, Integer year, String department, Progress progress) {
        return store.figures(RegionCode.require(region, "region"), year, department, progress);
    }

    /** A {@code year} query parameter: 2000 to 2100, or null when absent (the latest year). */
    public static Integer year(String text) {
        return year("year", text);
    }

    /** The year parameter named {@code parameter} (in its error): 2000 to 2100, or null when absent. */
    static Integer year(String parameter, String text) {
        int y = AdminJson.number(parameter, text, 0, 2000, 2100);
        return y == 0 ? null : y;
    }

    /** One chart of the year ({@link YearCharts#IDS}) as a standalone SVG file. */
    public AdminOperations.Download chart(String region, Integer year, String chart) {
        if (!YearCharts.IDS.contains(chart)) {
            throw new IllegalArgumentException("未知图表 (unknown chart) '" + chart + "': " + YearCharts.IDS);
        }
        byte[] svg = svg(figures(region, year, null, Progress.NONE), chart);
        return new AdminOperations.Download(region + "-" + chart + ".svg", "image/svg+xml; charset=utf-8", svg);
    }

    /** {@code html} or {@code pdf} (absent: html). */
    public static Format format(String text) {
        String f = text == null || text.isBlank() ? "html" : text.strip().toLowerCase(Locale.ROOT);
        return switch (f) {
            case "html" -> Format.HTML;
            case "pdf" -> Format.PDF;
            default -> throw new IllegalArgumentException("format 须为 html 或 pdf (format must be html or pdf): '" + text + "'");
        };
    }

    /**
     * The annual report of a region's year: its file name ({@code {region}-{year}-report.html|pdf}), media type and
     * bytes; the PDF in the font {@link ReportFont#find} finds ({@code font}: a path, or null). Its progress is one
     * count of {@link #REPORT_STEPS}: the parts read and the figures counted, then each chart drawn and the file
     * written; cancelled, it stops at the next step and returns no file.
     */
    public AdminOperations.Download report(String region, Integer year, Format format, String regionName, String font,
            Progress progress) throws IOException {
        Progress.Parts parts = new Progress.Parts(progress, StoreYear.STEPS, ReportSections.STEPS);
        YearFigures f = figures(region, year, null, parts.next());
        String name = f.regionCode() + "-" + f.year() + "-report." + format.name().toLowerCase(Locale.ROOT);
        if (format == Format.PDF) {
            return new AdminOperations.Download(name, PdfReport.MEDIA_TYPE,
                    PdfReport.render(f, regionName, ReportFont.find(font), parts.next()));
        }
        return new AdminOperations.Download(name, HtmlReport.MEDIA_TYPE, HtmlReport.bytes(f, regionName, parts.next()));
    }

    /** The figures as the API answers them. */
    public static ObjectNode json(YearFigures figures) {
        ObjectNode out = JSON.valueToTree(figures);
        out.put("timeline", "/api/admin/v1/regions/" + figures.regionCode() + "/projects/{projectCode}/timeline");
        return out;
    }

    /** One chart of the year as a standalone SVG file. */
    public static byte[] svg(YearFigures figures, String chart) {
        Chart c = YearCharts.of(figures, chart);
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + SvgCharts.svg(c) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
