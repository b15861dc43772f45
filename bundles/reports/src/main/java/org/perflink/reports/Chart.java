package org.perflink.reports;

import java.math.BigDecimal;
import java.util.List;

/**
 * The data of one chart of the annual report and the dashboard, drawn as SVG by {@link SvgCharts} and into the PDF
 * from the same rows: a title (zh-CN, English), a kind, its series (names and colours) and its rows, each with a
 * label, an optional drill-down target ({@code dept:101}, {@code round:2027-07-31}, {@code project:P1}) and one value
 * per series. A value may be negative (a budget cut).
 *
 * @param id a short name, also the SVG's element id prefix ({@code grades}, {@code warnings-dept}, …)
 * @param unit what the values count, shown in the table beside the chart ({@code 项}, {@code 元}, {@code 分})
 */
public record Chart(String id, String title, String titleEn, Kind kind, List<Series> series, List<Row> rows,
        String unit) {

    /** Horizontal bars (one series), bars stacked by series, or a ring of one series' shares. */
    public enum Kind { BAR, STACKED, DONUT }

    /**
     * A series: its name (zh-CN, English) and its colour ({@code #rrggbb}). A donut has one value per row and one
     * series per slice (its colour, in row order).
     */
    public record Series(String name, String nameEn, String color) {
        public Series {
            if (color == null || !color.matches("#[0-9a-fA-F]{6}")) {
                throw new IllegalArgumentException("series colour must be #rrggbb: " + color);
            }
        }
    }

    /** One row: its label, its drill-down target (null for none) and a value per series. */
    public record Row(String label, String drill, List<BigDecimal> values) {
        public Row {
            values = List.copyOf(values);
        }

        /** The sum of the row's values. */
        public BigDecimal total() {
            return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    public Chart {
        series = List.copyOf(series);
        rows = List.copyOf(rows);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("chart " + id + ": no series");
        }
        int values = kind == Kind.DONUT ? 1 : series.size();
        for (Row r : rows) {
            if (r.values().size() != values) {
                throw new IllegalArgumentException("chart " + id + ": row '" + r.label() + "' has " + r.values().size()
                        + " values, not " + values);
            }
        }
    }

    /** Whether the chart has nothing to draw (no rows, or every value zero). */
    public boolean empty() {
        return rows.stream().allMatch(r -> r.values().stream().allMatch(v -> v.signum() == 0));
    }
}
