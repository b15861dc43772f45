package org.perflink.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes {@link SheetTable}s as one xlsx workbook (fastexcel, embedded): a bold, frozen header row of the column
 * names, then the rows. Numbers are number cells (a {@link BigDecimal} keeps its digits and, for money, its two
 * decimals as the display format); text cells go through {@link SpreadsheetText#guarded}, as the CSV exports do.
 */
public final class Xlsx {

    /** The media type of an xlsx download. */
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final String APPLICATION = "PerfLink";
    private static final String APPLICATION_VERSION = "1.0";
    private static final double MAX_WIDTH = 60;

    private Xlsx() {
    }

    /** Writes the sheets, in order, to {@code out} (not closed). */
    public static void write(List<SheetTable> sheets, OutputStream out) throws IOException {
        if (sheets.isEmpty()) {
            throw new IllegalArgumentException("an xlsx workbook needs at least one sheet");
        }
        Workbook workbook = new Workbook(new NonClosing(out), APPLICATION, APPLICATION_VERSION);
        for (SheetTable sheet : sheets) {
            write(sheet, workbook.newWorksheet(sheet.name()));
        }
        workbook.finish();
    }

    private static void write(SheetTable sheet, Worksheet ws) {
        int[] widths = new int[sheet.columns().size()];
        for (int c = 0; c < sheet.columns().size(); c++) {
            ws.value(0, c, sheet.columns().get(c));
            ws.style(0, c).bold().set();
            widths[c] = displayWidth(sheet.columns().get(c));
        }
        ws.freezePane(0, 1);
        for (int r = 0; r < sheet.rows().size(); r++) {
            List<Object> row = sheet.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                Object value = row.get(c);
                if (value == null) {
                    continue;
                }
                if (value instanceof Number n) {
                    ws.value(r + 1, c, n);
                    if (n instanceof BigDecimal b && b.scale() == 2) {
                        ws.style(r + 1, c).format("0.00").set();
                    }
                    widths[c] = Math.max(widths[c], n.toString().length());
                } else {
                    String text = SpreadsheetText.guarded(value.toString());
                    ws.value(r + 1, c, text);
                    widths[c] = Math.max(widths[c], displayWidth(text));
                }
            }
        }
        for (int c = 0; c < widths.length; c++) {
            ws.width(c, Math.min(MAX_WIDTH, widths[c] + 2));
        }
    }

    /** Roughly how many Latin characters wide: a CJK character takes two. */
    static int displayWidth(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); i++) {
            width += text.charAt(i) > 0x2E80 ? 2 : 1;
        }
        return width;
    }

    /** fastexcel closes the stream it finishes; a servlet's or caller's stream stays theirs. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
