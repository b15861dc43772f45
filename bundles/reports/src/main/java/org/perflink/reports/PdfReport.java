package org.perflink.reports;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The annual report of a region's year as a PDF (Apache PDFBox): the sections of {@link ReportSections}, each chart
 * drawn with PDFBox's own primitives from the same {@link Chart} the SVG is drawn from (not a picture of it), its table
 * below it, Chinese first with English beside, in a CJK font found by {@link ReportFont} and embedded as a subset.
 * No creation date and a document id derived from the figures: the same store gives the same file.
 */
public final class PdfReport {

    public static final String MEDIA_TYPE = "application/pdf";

    private static final float LABEL = 130;
    private static final float VALUE = 86;
    private static final float ROW = 14;
    private static final float BAR = 9;

    private PdfReport() {
    }

    /**
     * The PDF's bytes.
     *
     * @param fontFile a TrueType font or collection with CJK glyphs ({@link ReportFont#find})
     * @throws IllegalArgumentException naming the file when the font cannot be read
     */
    public static byte[] render(YearFigures f, String regionName, Path fontFile, Progress progress) throws IOException {
        try (PDDocument doc = new PDDocument(); FontFile font = FontFile.open(doc, fontFile)) {
            String region = regionName == null || regionName.isBlank() ? f.regionCode() : regionName + "（" + f.regionCode() + "）";
            String title = region + " " + f.year() + " 年度预算绩效管理报告";
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title + " (annual budget performance report)");
            info.setSubject("region " + f.regionCode() + ", budget year " + f.year());
            info.setCreator("PerfLink");
            try (PdfCanvas c = new PdfCanvas(doc, font.font())) {
                c.paragraph(18, Color.BLACK, title, PdfCanvas.WIDTH);
                c.paragraph(10, Color.DARK_GRAY, "Annual budget performance report of region " + f.regionCode()
                        + ", budget year " + f.year() + " — PerfLink", PdfCanvas.WIDTH);
                int done = 0;
                for (ReportSections.Section s : ReportSections.of(f)) {
                    done = section(c, s, done, progress);
                }
                if (!f.problems().isEmpty()) {
                    c.down(10);
                    c.paragraph(13, Color.RED.darker(), "无法读取的记录 Unreadable records", PdfCanvas.WIDTH);
                    for (String p : f.problems()) {
                        c.paragraph(8, Color.BLACK, p, PdfCanvas.WIDTH);
                    }
                }
            }
            byte[] id = id(f);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            doc.getDocument().getTrailer().setItem(COSName.ID, ids);
            progress.checkCancelled();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            progress.step(ReportSections.STEPS, ReportSections.STEPS, "已写入 " + doc.getNumberOfPages() + " 页 ("
                    + doc.getNumberOfPages() + " pages written)");
            return out.toByteArray();
        }
    }

    /**
     * A section, a progress step per chart drawn with its tables (cancelled before each); returns the steps done.
     */
    private static int section(PdfCanvas c, ReportSections.Section s, int done, Progress progress) throws IOException {
        progress.checkCancelled();
        c.ensure(120);
        c.down(12);
        c.paragraph(14, new Color(0x28, 0x35, 0x93), s.title() + "  " + s.titleEn(), PdfCanvas.WIDTH);
        c.down(4);
        int steps = done;
        for (int i = 0; i < s.charts().size(); i++) {
            progress.checkCancelled();
            Chart chart = s.charts().get(i);
            chart(c, chart);
            for (ReportSections.Table t : ReportSections.tablesBeside(s, i)) {
                c.table(t, 7.5f);
            }
            if (i == s.charts().size() - 1 && !s.note().isEmpty()) {
                c.paragraph(8, Color.DARK_GRAY, s.note(), PdfCanvas.WIDTH);
            }
            progress.step(++steps, ReportSections.STEPS, ReportSections.drawn(chart) + "，第 " + c.pages() + " 页 (page "
                    + c.pages() + ")");
        }
        return steps;
    }

    /** The chart from the cursor on: its title, then bars (or a donut with its legend). */
    static void chart(PdfCanvas c, Chart chart) throws IOException {
        int rows = chart.empty() ? 1 : chart.kind() == Chart.Kind.DONUT ? Math.max(8, chart.rows().size()) : chart.rows().size();
        float height = 18 + rows * ROW + (chart.series().size() > 1 && chart.kind() != Chart.Kind.DONUT ? ROW : 0) + 8;
        c.ensure(Math.min(height, 700));
        c.paragraph(10, Color.BLACK, chart.title() + "  " + chart.titleEn(), PdfCanvas.WIDTH);
        c.down(4);
        if (chart.empty()) {
            c.paragraph(9, Color.GRAY, "暂无数据 (no data)", PdfCanvas.WIDTH);
            return;
        }
        if (chart.kind() == Chart.Kind.DONUT) {
            donut(c, chart);
        } else {
            bars(c, chart);
        }
        c.down(8);
    }

    private static void bars(PdfCanvas c, Chart chart) throws IOException {
        SvgCharts.Scale scale = SvgCharts.Scale.of(chart);
        float plot = PdfCanvas.WIDTH - LABEL - VALUE;
        float zero = PdfCanvas.MARGIN + LABEL + (float) (plot * scale.at(BigDecimal.ZERO));
        float top = c.y();
        for (Chart.Row r : chart.rows()) {
            c.ensure(ROW);
            float bottom = c.y() - BAR;
            String label = SvgCharts.shortLabel(r.label());
            c.text(PdfCanvas.MARGIN + LABEL - 4 - c.width(label, 8), bottom + 1, 8, Color.BLACK, label);
            float x = zero;
            for (int s = 0; s < chart.series().size(); s++) {
                BigDecimal v = r.values().get(s);
                if (v.signum() == 0) {
                    continue;
                }
                float w = (float) (plot * Math.abs(scale.at(v) - scale.at(BigDecimal.ZERO)));
                float left = v.signum() < 0 ? x - w : x;
                c.rect(left, bottom, Math.max(w, 0.8f), BAR, color(chart.series().get(s).color()));
                x = v.signum() < 0 ? left : left + w;
            }
            BigDecimal shown = chart.kind() == Chart.Kind.STACKED ? r.total() : r.values().get(0);
            c.text(PdfCanvas.MARGIN + PdfCanvas.WIDTH - VALUE + 4, bottom + 1, 8, Color.BLACK,
                    SvgCharts.format(shown, chart.unit()));
            c.down(ROW);
        }
        c.line(zero, Math.min(top + 2, c.y() + ROW * chart.rows().size() + 2), zero, c.y() + ROW - BAR - 2, Color.DARK_GRAY);
        if (chart.series().size() > 1) {
            float x = PdfCanvas.MARGIN;
            for (Chart.Series s : chart.series()) {
                c.rect(x, c.y() - 9, 8, 8, color(s.color()));
                String name = s.name() + " " + s.nameEn();
                c.text(x + 11, c.y() - 8, 8, Color.BLACK, name);
                x += 22 + c.width(name, 8);
            }
            c.down(ROW);
        }
    }

    private static void donut(PdfCanvas c, Chart chart) throws IOException {
        BigDecimal total = chart.rows().stream().map(r -> r.values().get(0).max(BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        float size = Math.max(8, chart.rows().size()) * ROW;
        float cx = PdfCanvas.MARGIN + size / 2;
        float cy = c.y() - size / 2;
        float outer = size / 2 - 2;
        float inner = outer * 0.6f;
        double start = Math.PI / 2; // from the top, clockwise as in the SVG
        for (int i = 0; i < chart.rows().size(); i++) {
            BigDecimal v = chart.rows().get(i).values().get(0).max(BigDecimal.ZERO);
            if (v.signum() == 0) {
                continue;
            }
            double sweep = 2 * Math.PI * v.doubleValue() / total.doubleValue();
            int steps = Math.max(2, (int) Math.ceil(sweep / (Math.PI / 90)));
            float[] xy = new float[4 * (steps + 1)];
            for (int k = 0; k <= steps; k++) {
                double a = start - sweep * k / steps;
                xy[2 * k] = cx + (float) (outer * Math.cos(a));
                xy[2 * k + 1] = cy + (float) (outer * Math.sin(a));
                double b = start - sweep * (steps - k) / steps;
                xy[2 * (steps + 1) + 2 * k] = cx + (float) (inner * Math.cos(b));
                xy[2 * (steps + 1) + 2 * k + 1] = cy + (float) (inner * Math.sin(b));
            }
            c.polygon(xy, color(SvgCharts.color(chart, i)));
            start -= sweep;
        }
        String sum = SvgCharts.format(total, chart.unit());
        c.text(cx - c.width(sum, 12) / 2, cy - 4, 12, Color.BLACK, sum);
        float ly = c.y() - 10;
        for (int i = 0; i < chart.rows().size(); i++) {
            Chart.Row r = chart.rows().get(i);
            c.rect(cx + size / 2 + 20, ly - 1, 8, 8, color(SvgCharts.color(chart, i)));
            c.text(cx + size / 2 + 32, ly, 8, Color.BLACK, r.label() + "  " + SvgCharts.format(r.values().get(0), chart.unit())
                    + "  " + SvgCharts.percent(r.values().get(0).max(BigDecimal.ZERO), total));
            ly -= ROW;
        }
        c.down(size);
    }

    private static Color color(String hex) {
        return new Color(Integer.parseInt(hex.substring(1), 16));
    }

    /** 16 bytes of SHA-256 over the figures: the same figures, the same id. */
    private static byte[] id(YearFigures f) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(f.toString().getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(d, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The font loaded for one document, its collection kept open until the document is saved. */
    private record FontFile(PDFont font, TrueTypeCollection collection) implements AutoCloseable {

        static FontFile open(PDDocument doc, Path file) throws IOException {
            try {
                if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
                    TrueTypeCollection ttc = new TrueTypeCollection(file.toFile());
                    TrueTypeFont[] first = new TrueTypeFont[1];
                    ttc.processAllFonts(ttf -> {
                        if (first[0] == null) {
                            first[0] = ttf;
                        }
                    });
                    if (first[0] == null) {
                        ttc.close();
                        throw new IllegalArgumentException("字体集合为空 (empty font collection): " + file);
                    }
                    return new FontFile(PDType0Font.load(doc, first[0], true), ttc);
                }
                return new FontFile(PDType0Font.load(doc, file.toFile()), null);
            } catch (IOException | RuntimeException e) {
                if (e instanceof IllegalArgumentException iae && iae.getMessage() != null
                        && iae.getMessage().startsWith("字体")) {
                    throw iae;
                }
                throw new IllegalArgumentException("报告字体无法读取 (cannot read the report font) " + file + ": "
                        + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws IOException {
            if (collection != null) {
                collection.close();
            }
        }
    }
}
