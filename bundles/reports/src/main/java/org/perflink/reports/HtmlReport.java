package org.perflink.reports;

import static org.perflink.reports.SvgCharts.escape;

import java.nio.charset.StandardCharsets;

/**
 * The annual report of a region's year as one self-contained HTML page: inline CSS and inline SVG charts
 * ({@link SvgCharts}), no script and no external resource (it opens offline, from a file or a mail), Chinese first
 * with English subtitles, each chart with its table beside it ({@link ReportSections}). No time stamp: the same
 * figures give the same bytes.
 */
public final class HtmlReport {

    public static final String MEDIA_TYPE = "text/html; charset=utf-8";

    private static final String CSS = "body{font-family:sans-serif;margin:2em auto;max-width:60em;color:#222;line-height:1.5}"
            + "h1{font-size:1.6em;margin-bottom:0}h2{border-bottom:2px solid #5c6bc0;padding-bottom:.2em;margin-top:2em}"
            + ".en{color:#555;font-weight:normal;font-size:.8em;margin-left:.5em}.sub{color:#555;margin-top:0}"
            + ".pair{display:flex;flex-wrap:wrap;gap:1em;align-items:flex-start;margin:1em 0}.pair svg{max-width:100%;height:auto}"
            + "table{border-collapse:collapse;margin:.5em 0;font-size:.9em}th,td{border:1px solid #ccc;padding:.2em .5em;"
            + "text-align:left;vertical-align:top}th{background:#eef}td.n{text-align:right}.note{color:#555;font-size:.9em}"
            + ".problems{color:#b71c1c}@media print{.pair{break-inside:avoid}}";

    private HtmlReport() {
    }

    /** The page's bytes (UTF-8). */
    public static byte[] bytes(YearFigures f, String regionName) {
        return bytes(f, regionName, Progress.NONE);
    }

    /**
     * The page's bytes (UTF-8), a progress step per chart drawn with its tables and one for the page written
     * ({@link ReportSections#STEPS}), cancelled before each.
     *
     * @throws Progress.Cancelled when the progress says so
     */
    public static byte[] bytes(YearFigures f, String regionName, Progress progress) {
        String page = render(f, regionName, progress);
        progress.checkCancelled();
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        progress.step(ReportSections.STEPS, ReportSections.STEPS, "已生成页面 (page written)");
        return bytes;
    }

    /** The page. */
    public static String render(YearFigures f, String regionName) {
        return render(f, regionName, Progress.NONE);
    }

    private static String render(YearFigures f, String regionName, Progress progress) {
        StringBuilder b = new StringBuilder(32_768);
        String region = regionName == null || regionName.isBlank() ? f.regionCode() : regionName + "（" + f.regionCode() + "）";
        b.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>")
                .append(escape(region)).append(' ').append(f.year()).append(" 年度预算绩效报告 (annual performance report)")
                .append("</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n");
        b.append("<h1>").append(escape(region)).append(' ').append(f.year()).append(" 年度预算绩效管理报告</h1>\n")
                .append("<p class=\"sub\">Annual budget performance report of region ").append(escape(f.regionCode()))
                .append(", budget year ").append(f.year()).append(" — PerfLink</p>\n");
        int done = 0;
        for (ReportSections.Section s : ReportSections.of(f)) {
            b.append("<section>\n<h2>").append(escape(s.title())).append("<span class=\"en\">").append(escape(s.titleEn()))
                    .append("</span></h2>\n");
            for (int i = 0; i < s.charts().size(); i++) {
                progress.checkCancelled();
                b.append("<div class=\"pair\">").append(SvgCharts.svg(s.charts().get(i)));
                for (ReportSections.Table t : ReportSections.tablesBeside(s, i)) {
                    table(b, t);
                }
                b.append("</div>\n");
                progress.step(++done, ReportSections.STEPS, ReportSections.drawn(s.charts().get(i)));
            }
            if (!s.note().isEmpty()) {
                b.append("<p class=\"note\">").append(escape(s.note())).append("</p>\n");
            }
            b.append("</section>\n");
        }
        if (!f.problems().isEmpty()) {
            b.append("<section class=\"problems\">\n<h2>无法读取的记录<span class=\"en\">Unreadable records</span></h2>\n<ul>");
            f.problems().forEach(p -> b.append("<li>").append(escape(p)).append("</li>"));
            b.append("</ul>\n</section>\n");
        }
        return b.append("</body>\n</html>\n").toString();
    }

    private static void table(StringBuilder b, ReportSections.Table t) {
        b.append("<table><thead><tr>");
        t.headers().forEach(h -> b.append("<th>").append(escape(h)).append("</th>"));
        b.append("</tr></thead><tbody>");
        if (t.rows().isEmpty()) {
            b.append("<tr><td colspan=\"").append(t.headers().size()).append("\">暂无数据 (no data)</td></tr>");
        }
        for (var row : t.rows()) {
            b.append("<tr>");
            for (String cell : row) {
                b.append(numeric(cell) ? "<td class=\"n\">" : "<td>").append(escape(cell)).append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</tbody></table>");
    }

    private static boolean numeric(String cell) {
        return cell.matches("-?[0-9][0-9,]*(\\.[0-9]+)?");
    }
}
