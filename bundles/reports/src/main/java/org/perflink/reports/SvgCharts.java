package org.perflink.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Small self-drawn SVG charts of a {@link Chart}: horizontal bars (negative values to the left of a zero line),
 * stacked bars with a legend, and a donut with its shares. Standalone and valid SVG 1.1 (one {@code <svg>} element
 * with its namespace), no script, no external font, image or style sheet (the generic {@code sans-serif} family);
 * every text XML-escaped; an accessible {@code <title>} (zh-CN, English) the {@code <svg>} is labelled by; each
 * bar or slice in a {@code <g>} with its own {@code <title>} and, when its row has one, {@code data-drill} and
 * {@code tabindex} for the page's drill-down. Coordinates are written with two decimals in a fixed locale: the same
 * chart gives the same bytes.
 */
public final class SvgCharts {

    static final int WIDTH = 640;
    static final int LABEL_WIDTH = 170;
    static final int VALUE_WIDTH = 96;
    static final int TOP = 34;
    static final int ROW = 22;
    static final int BAR = 14;
    private static final int MAX_LABEL = 12;

    private SvgCharts() {
    }

    /** The chart as a standalone SVG document fragment (no XML declaration, so it can be inlined in HTML). */
    public static String svg(Chart chart) {
        StringBuilder b = new StringBuilder(2048);
        String idPrefix = "chart-" + chart.id().replaceAll("[^A-Za-z0-9-]", "-");
        int height = height(chart);
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" role=\"img\" aria-labelledby=\"").append(idPrefix).append("-title\"")
                .append(" font-family=\"sans-serif\" font-size=\"12\">");
        b.append("<title id=\"").append(idPrefix).append("-title\">").append(escape(chart.title())).append(" (")
                .append(escape(chart.titleEn())).append(")</title>");
        b.append("<text x=\"4\" y=\"18\" font-size=\"14\" font-weight=\"bold\">").append(escape(chart.title()))
                .append(" <tspan font-size=\"11\" font-weight=\"normal\" fill=\"#555555\">")
                .append(escape(chart.titleEn())).append("</tspan></text>");
        if (chart.empty()) {
            b.append("<text x=\"4\" y=\"").append(TOP + 14).append("\" fill=\"#555555\">暂无数据 (no data)</text>");
        } else if (chart.kind() == Chart.Kind.DONUT) {
            donut(b, chart);
        } else {
            bars(b, chart);
        }
        return b.append("</svg>").toString();
    }

    /** The SVG's height for its rows (and legend). */
    static int height(Chart chart) {
        if (chart.empty()) {
            return TOP + 24;
        }
        if (chart.kind() == Chart.Kind.DONUT) {
            return TOP + Math.max(180, chart.rows().size() * ROW + 10);
        }
        return TOP + chart.rows().size() * ROW + (chart.series().size() > 1 ? ROW + 6 : 6);
    }

    /** The chart's scale: the smallest and largest value (or stacked total) and zero. */
    record Scale(BigDecimal min, BigDecimal max) {
        static Scale of(Chart chart) {
            BigDecimal min = BigDecimal.ZERO;
            BigDecimal max = BigDecimal.ZERO;
            for (Chart.Row r : chart.rows()) {
                BigDecimal v = chart.kind() == Chart.Kind.STACKED ? r.total() : r.values().get(0);
                min = min.min(v);
                max = max.max(v);
            }
            if (min.compareTo(max) == 0) {
                max = BigDecimal.ONE;
            }
            return new Scale(min, max);
        }

        /** Where {@code v} lies between min (0) and max (1). */
        double at(BigDecimal v) {
            return v.subtract(min).doubleValue() / max.subtract(min).doubleValue();
        }
    }

    private static void bars(StringBuilder b, Chart chart) {
        Scale scale = Scale.of(chart);
        double plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        double zero = LABEL_WIDTH + plot * scale.at(BigDecimal.ZERO);
        int y = TOP;
        for (Chart.Row r : chart.rows()) {
            b.append("<text x=\"").append(LABEL_WIDTH - 6).append("\" y=\"").append(y + BAR - 2)
                    .append("\" text-anchor=\"end\">").append(escape(shortLabel(r.label()))).append("</text>");
            double x = zero;
            for (int s = 0; s < chart.series().size(); s++) {
                BigDecimal v = r.values().get(s);
                if (v.signum() == 0) {
                    continue;
                }
                double w = plot * Math.abs(scale.at(v) - scale.at(BigDecimal.ZERO));
                double left = v.signum() < 0 ? x - w : x;
                Chart.Series series = chart.series().get(s);
                open(b, r, r.label() + " · " + series.name() + ": " + format(v, chart.unit()));
                b.append("<rect x=\"").append(num(left)).append("\" y=\"").append(y).append("\" width=\"")
                        .append(num(Math.max(w, 1))).append("\" height=\"").append(BAR).append("\" fill=\"")
                        .append(series.color()).append("\"/></g>");
                x = v.signum() < 0 ? left : left + w;
            }
            BigDecimal shown = chart.kind() == Chart.Kind.STACKED ? r.total() : r.values().get(0);
            b.append("<text x=\"").append(num(WIDTH - VALUE_WIDTH + 4)).append("\" y=\"").append(y + BAR - 2)
                    .append("\">").append(escape(format(shown, chart.unit()))).append("</text>");
            y += ROW;
        }
        b.append("<line x1=\"").append(num(zero)).append("\" y1=\"").append(TOP - 4).append("\" x2=\"")
                .append(num(zero)).append("\" y2=\"").append(y - ROW + BAR + 4).append("\" stroke=\"#333333\"/>");
        if (chart.series().size() > 1) {
            legend(b, chart, 4, y + 8, false);
        }
    }

    private static void donut(StringBuilder b, Chart chart) {
        BigDecimal total = chart.rows().stream().map(r -> r.values().get(0).max(BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        double cx = 100;
        double cy = TOP + 85;
        double outer = 80;
        double inner = 48;
        double start = -Math.PI / 2;
        for (int i = 0; i < chart.rows().size(); i++) {
            Chart.Row r = chart.rows().get(i);
            BigDecimal v = r.values().get(0).max(BigDecimal.ZERO);
            if (v.signum() == 0) {
                continue;
            }
            double sweep = 2 * Math.PI * v.doubleValue() / total.doubleValue();
            double end = start + Math.min(sweep, 2 * Math.PI - 1e-4); // a full ring is two points apart, not none
            int large = sweep > Math.PI ? 1 : 0;
            open(b, r, r.label() + ": " + format(v, chart.unit()) + " (" + percent(v, total) + ")");
            b.append("<path d=\"M").append(num(cx + outer * Math.cos(start))).append(' ')
                    .append(num(cy + outer * Math.sin(start))).append(" A").append(num(outer)).append(' ')
                    .append(num(outer)).append(" 0 ").append(large).append(" 1 ").append(num(cx + outer * Math.cos(end)))
                    .append(' ').append(num(cy + outer * Math.sin(end))).append(" L")
                    .append(num(cx + inner * Math.cos(end))).append(' ').append(num(cy + inner * Math.sin(end)))
                    .append(" A").append(num(inner)).append(' ').append(num(inner)).append(" 0 ").append(large)
                    .append(" 0 ").append(num(cx + inner * Math.cos(start))).append(' ')
                    .append(num(cy + inner * Math.sin(start))).append(" Z\" fill=\"").append(color(chart, i))
                    .append("\"/></g>");
            start += sweep;
        }
        b.append("<text x=\"").append(num(cx)).append("\" y=\"").append(num(cy + 5))
                .append("\" text-anchor=\"middle\" font-size=\"16\">").append(escape(format(total, chart.unit())))
                .append("</text>");
        legend(b, chart, 210, TOP + 6, true);
    }

    /** One series per row of a donut (its rows' colours), else the series of the bars. */
    static String color(Chart chart, int row) {
        return chart.series().get(row % chart.series().size()).color();
    }

    private static void legend(StringBuilder b, Chart chart, int x, int y, boolean rows) {
        BigDecimal total = chart.rows().stream().map(r -> r.values().get(0).max(BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        int n = rows ? chart.rows().size() : chart.series().size();
        int step = rows ? 0 : (WIDTH - 8) / n;
        for (int i = 0; i < n; i++) {
            int lx = x + step * i;
            int ly = y + (rows ? i * ROW : 0);
            String text;
            if (rows) {
                Chart.Row r = chart.rows().get(i);
                text = r.label() + "  " + format(r.values().get(0), chart.unit()) + "  "
                        + percent(r.values().get(0).max(BigDecimal.ZERO), total);
            } else {
                text = chart.series().get(i).name();
            }
            b.append("<rect x=\"").append(lx).append("\" y=\"").append(ly).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(rows ? color(chart, i) : chart.series().get(i).color()).append("\"/>");
            b.append("<text x=\"").append(lx + 16).append("\" y=\"").append(ly + 11).append("\">")
                    .append(escape(text)).append("</text>");
        }
    }

    /** A bar's or slice's group: its tooltip title and, with a drill target, what the page's drill-down needs. */
    private static void open(StringBuilder b, Chart.Row r, String tooltip) {
        b.append("<g");
        if (r.drill() != null) {
            b.append(" data-drill=\"").append(escape(r.drill())).append("\" tabindex=\"0\" role=\"link\"");
        }
        b.append("><title>").append(escape(tooltip)).append("</title>");
    }

    /** A value as the report shows it: 元 with two decimals and thousands separators, counts and scores plain. */
    public static String format(BigDecimal v, String unit) {
        if ("元".equals(unit)) {
            DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
            f.setRoundingMode(RoundingMode.HALF_UP);
            return f.format(v);
        }
        return v.stripTrailingZeros().toPlainString();
    }

    /** {@code part} of {@code total} as a percentage with one decimal. */
    static String percent(BigDecimal part, BigDecimal total) {
        if (total.signum() == 0) {
            return "0.0%";
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(total, 1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** A label cut to {@value #MAX_LABEL} characters with an ellipsis (the full text is in the bar's title). */
    static String shortLabel(String label) {
        String l = label == null ? "" : label;
        return l.codePointCount(0, l.length()) <= MAX_LABEL ? l
                : l.substring(0, l.offsetByCodePoints(0, MAX_LABEL - 1)) + "…";
    }

    /** Text safe inside an XML element or a quoted attribute; characters XML 1.0 forbids are dropped. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                            || c >= 0x10000) {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.toString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
