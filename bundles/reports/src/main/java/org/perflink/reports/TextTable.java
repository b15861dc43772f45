package org.perflink.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table for the shell that measures Chinese characters as two terminal columns (Karaf's
 * ShellTable counts characters, so zh-CN headings and names would misalign). A cell may hold several
 * lines; a column with a maximum width wraps longer text.
 */
public final class TextTable {

    private static final String SEPARATOR = " | ";

    private final String[] headers;
    private final int[] maxWidths;
    private final boolean[] rightAligned;
    private final List<String[]> rows = new ArrayList<>();

    private TextTable(String... headers) {
        this.headers = headers.clone();
        this.maxWidths = new int[headers.length];
        this.rightAligned = new boolean[headers.length];
    }

    public static TextTable of(String... headers) {
        return new TextTable(headers);
    }

    /** Wraps the column's text at this many terminal columns. */
    public TextTable wrap(int column, int width) {
        maxWidths[column] = width;
        return this;
    }

    public TextTable alignRight(int... columns) {
        for (int c : columns) {
            rightAligned[c] = true;
        }
        return this;
    }

    /** Adds a row; a null cell prints as {@code -}. */
    public TextTable row(Object... cells) {
        if (cells.length != headers.length) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + headers.length + " columns");
        }
        String[] row = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            row[i] = cells[i] == null ? "-" : cells[i].toString();
        }
        rows.add(row);
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public int size() {
        return rows.size();
    }

    public String render() {
        int n = headers.length;
        List<List<List<String>>> laidOut = new ArrayList<>();
        laidOut.add(layOut(headers));
        for (String[] row : rows) {
            laidOut.add(layOut(row));
        }
        int[] widths = new int[n];
        for (List<List<String>> row : laidOut) {
            for (int c = 0; c < n; c++) {
                for (String line : row.get(c)) {
                    widths[c] = Math.max(widths[c], width(line));
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < laidOut.size(); r++) {
            appendRow(out, laidOut.get(r), widths);
            if (r == 0) {
                for (int c = 0; c < n; c++) {
                    out.append(c == 0 ? "" : "-+-").append("-".repeat(widths[c]));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private List<List<String>> layOut(String[] cells) {
        List<List<String>> lines = new ArrayList<>(cells.length);
        for (int c = 0; c < cells.length; c++) {
            List<String> cellLines = new ArrayList<>();
            for (String line : cells[c].split("\n", -1)) {
                cellLines.addAll(maxWidths[c] > 0 ? wrapLine(line, maxWidths[c]) : List.of(line));
            }
            lines.add(cellLines);
        }
        return lines;
    }

    private void appendRow(StringBuilder out, List<List<String>> row, int[] widths) {
        int height = row.stream().mapToInt(List::size).max().orElse(1);
        for (int l = 0; l < height; l++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < widths.length; c++) {
                List<String> cell = row.get(c);
                String text = l < cell.size() ? cell.get(l) : "";
                String pad = " ".repeat(widths[c] - width(text));
                if (c > 0) {
                    line.append(SEPARATOR);
                }
                line.append(rightAligned[c] ? pad + text : text + pad);
            }
            out.append(stripTrailing(line)).append('\n');
        }
    }

    private static String stripTrailing(CharSequence s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.subSequence(0, end).toString();
    }

    /** Splits a line into pieces of at most {@code max} columns, at a blank where there is one. */
    static List<String> wrapLine(String line, int max) {
        List<String> pieces = new ArrayList<>();
        String rest = line;
        while (width(rest) > max) {
            int cut = cutIndex(rest, max);
            int blank = rest.lastIndexOf(' ', cut);
            if (blank > 0) {
                cut = blank;
            }
            pieces.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        pieces.add(rest);
        return pieces;
    }

    /** The largest char index such that text before it fits in {@code max} columns (at least one code point). */
    private static int cutIndex(String s, int max) {
        int used = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int w = width(cp);
            if (used + w > max && i > 0) {
                break;
            }
            used += w;
            i += Character.charCount(cp);
        }
        return i;
    }

    /** Terminal columns of a text: East Asian wide and full-width characters take two. */
    public static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += width(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    private static int width(int cp) {
        if (cp < 0x1100) {
            return 1;
        }
        boolean wide = cp <= 0x115F
                || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
        return wide ? 2 : 1;
    }

    /**
     * {@code label ........ value} and a newline: a labelled line of a report header, the values of consecutive
     * lines aligned (labels up to 32 columns).
     */
    public static String field(String label, String value) {
        return label + ' ' + ".".repeat(Math.max(1, 34 - width(label))) + ' ' + value + '\n';
    }

    /** The text cut to {@code max} columns, ending in … when cut; newlines become blanks. */
    public static String abbreviate(String s, int max) {
        if (s == null) {
            return null;
        }
        String flat = s.replace('\r', ' ').replace('\n', ' ');
        if (width(flat) <= max) {
            return flat;
        }
        return flat.substring(0, cutIndex(flat, max - 1)) + "…";
    }

    @Override
    public String toString() {
        return "TextTable" + Arrays.toString(headers) + " " + rows.size() + " rows";
    }
}
