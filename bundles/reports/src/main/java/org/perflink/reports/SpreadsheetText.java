package org.perflink.reports;

/**
 * The one guard against formula injection shared by every export a spreadsheet opens (CSV and xlsx): text from the
 * host or a store that starts like a formula ({@code = + - @}, tab, CR) is prefixed with {@code '}, so a
 * spreadsheet shows it as text and never evaluates it. Numbers are never text, so a minus sign stays a sign.
 */
public final class SpreadsheetText {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SpreadsheetText() {
    }

    /** The text as a spreadsheet may safely show it; null stays null. */
    public static String guarded(String text) {
        if (text == null || text.isEmpty() || FORMULA_STARTS.indexOf(text.charAt(0)) < 0) {
            return text;
        }
        return "'" + text;
    }
}
