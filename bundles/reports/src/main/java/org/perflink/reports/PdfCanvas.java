package org.perflink.reports;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A4 pages written top to bottom for {@link PdfReport}: text (wrapped to a width, glyphs the font lacks shown as
 * {@code ?}), filled shapes and tables whose rows move to a new page (header repeated) when they do not fit.
 * Coordinates are PDF points, {@link #y()} the top of what comes next.
 */
final class PdfCanvas implements AutoCloseable {

    static final float MARGIN = 42;
    static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float TOP = PDRectangle.A4.getHeight() - MARGIN;

    private final PDDocument doc;
    private final PDFont font;
    private final Map<Integer, Boolean> glyphs = new HashMap<>();
    private PDPageContentStream cs;
    private float y;
    private int pages;

    PdfCanvas(PDDocument doc, PDFont font) throws IOException {
        this.doc = doc;
        this.font = font;
        newPage();
    }

    float y() {
        return y;
    }

    void down(float by) {
        y -= by;
    }

    /** A new page when less than {@code height} is left on this one. */
    void ensure(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        pages++;
        y = TOP;
        text(MARGIN, MARGIN / 2, 7, Color.GRAY, "PerfLink · " + pages);
    }

    /** One line of text with its baseline at {@code baseline}. */
    void text(float x, float baseline, float size, Color color, String text) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.setNonStrokingColor(color);
        cs.newLineAtOffset(x, baseline);
        cs.showText(safe(text));
        cs.endText();
    }

    /** Text wrapped to {@code width} from the cursor on, moving it down. */
    void paragraph(float size, Color color, String text, float width) throws IOException {
        for (String line : wrap(text, size, width)) {
            ensure(size * 1.4f);
            y -= size * 1.4f;
            text(MARGIN, y + size * 0.3f, size, color, line);
        }
    }

    float width(String text, float size) throws IOException {
        return font.getStringWidth(safe(text)) / 1000 * size;
    }

    /** The text's lines at most {@code width} wide, broken at any character (Chinese has no spaces to break at). */
    List<String> wrap(String text, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String next = line + new String(Character.toChars(cp));
            if (width(next, size) > width && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    void rect(float x, float bottom, float w, float h, Color fill) throws IOException {
        cs.setNonStrokingColor(fill);
        cs.addRect(x, bottom, w, h);
        cs.fill();
    }

    void line(float x1, float y1, float x2, float y2, Color color) throws IOException {
        cs.setStrokingColor(color);
        cs.setLineWidth(0.5f);
        cs.moveTo(x1, y1);
        cs.lineTo(x2, y2);
        cs.stroke();
    }

    /** A filled polygon through the points (x0, y0, x1, y1, ...). */
    void polygon(float[] xy, Color fill) throws IOException {
        cs.setNonStrokingColor(fill);
        cs.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            cs.lineTo(xy[i], xy[i + 1]);
        }
        cs.closePath();
        cs.fill();
    }

    /** A table from the cursor on: columns as wide as their text wants within the width, rows wrapped. */
    void table(ReportSections.Table t, float size) throws IOException {
        float[] widths = columnWidths(t, size);
        row(t.headers(), widths, size, true);
        if (t.rows().isEmpty()) {
            row(List.of("暂无数据 (no data)"), new float[] {WIDTH}, size, false);
        }
        for (List<String> r : t.rows()) {
            row(r, widths, size, false);
        }
        y -= size;
    }

    private void row(List<String> cells, float[] widths, float size, boolean header) throws IOException {
        float line = size * 1.3f;
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int i = 0; i < cells.size(); i++) {
            List<String> w = wrap(cells.get(i), size, widths[i] - 4);
            wrapped.add(w);
            lines = Math.max(lines, w.size());
        }
        float height = lines * line + 4;
        if (y - height < MARGIN) {
            newPage();
        }
        float x = MARGIN;
        for (int i = 0; i < cells.size(); i++) {
            if (header) {
                rect(x, y - height, widths[i], height, new Color(0xEE, 0xEE, 0xFF));
            }
            cs.setStrokingColor(new Color(0xCC, 0xCC, 0xCC));
            cs.setLineWidth(0.5f);
            cs.addRect(x, y - height, widths[i], height);
            cs.stroke();
            float baseline = y - 2 - size;
            for (String l : wrapped.get(i)) {
                text(x + 2, baseline, size, Color.BLACK, l);
                baseline -= line;
            }
            x += widths[i];
        }
        y -= height;
    }

    private float[] columnWidths(ReportSections.Table t, float size) throws IOException {
        int n = t.headers().size();
        float[] want = new float[n];
        for (int i = 0; i < n; i++) {
            want[i] = Math.min(width(t.headers().get(i), size), WIDTH / 2) + 6;
            for (List<String> r : t.rows()) {
                want[i] = Math.max(want[i], Math.min(width(r.get(i), size), WIDTH / 2) + 6);
            }
        }
        float total = 0;
        for (float w : want) {
            total += w;
        }
        float scale = total > WIDTH ? WIDTH / total : 1;
        for (int i = 0; i < n; i++) {
            want[i] *= scale;
        }
        return want;
    }

    /** The text with every character the font cannot show replaced by {@code ?}. */
    private String safe(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> b.appendCodePoint(glyphs.computeIfAbsent(cp, this::canShow) ? cp : '?'));
        return b.toString();
    }

    private boolean canShow(int cp) {
        if (Character.isISOControl(cp)) {
            return false;
        }
        try {
            font.encode(new String(Character.toChars(cp)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    int pages() {
        return pages;
    }

    @Override
    public void close() throws IOException {
        cs.close();
    }
}
