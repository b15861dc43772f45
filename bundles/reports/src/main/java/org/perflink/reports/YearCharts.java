package org.perflink.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.perflink.reports.YearFigures.Count;
import org.perflink.reports.YearFigures.LevelRow;

/**
 * The charts of a region's year, made from {@link YearFigures}: the same {@link Chart}s the HTML report and the
 * dashboard draw as SVG and the PDF draws with its own primitives. Drill targets: {@code dept:<code>},
 * {@code round:<date>}, {@code region:<code>}.
 */
public final class YearCharts {

    /** The colours of the four grades, of the warning levels and of any other series, in order. */
    static final List<String> GRADE_COLORS = List.of("#2e7d32", "#1565c0", "#f9a825", "#c62828");
    static final String BLUE = "#1e88e5";
    static final String YELLOW = "#fbc02d";
    static final String RED = "#e53935";
    static final String GREY = "#9e9e9e";
    static final String PLAIN = "#5c6bc0";

    /** Every chart's id, in the order the report shows them. */
    public static final List<String> IDS = List.of("grades", "verdicts", "warnings-dept", "warnings-round",
            "linkage-dept", "composites", "notices", "ranking");

    private YearCharts() {
    }

    /** Every chart of the year, in {@link #IDS} order (a chart without data is drawn as "no data"). */
    public static List<Chart> of(YearFigures f) {
        return IDS.stream().map(id -> of(f, id)).toList();
    }

    /** One chart of the year by its id. */
    public static Chart of(YearFigures f, String id) {
        return switch (id) {
            case "grades" -> counts(id, "评价等级分布", "Grade distribution", f.grades(), GRADE_COLORS, Chart.Kind.DONUT, "项");
            case "verdicts" -> counts(id, "编制审核结论", "Compile verdicts (latest per project)",
                    f.numbers().verdictOutcomes(), List.of("#2e7d32", "#f9a825", "#c62828"), Chart.Kind.BAR, "项");
            case "warnings-dept" -> levels(id, "各部门预警", "Warnings by department", f.warningsByDepartment(), "dept:");
            case "warnings-round" -> levels(id, "各监控轮次预警", "Warnings by monitoring round", f.warningsByRound(), "round:");
            case "linkage-dept" -> linkage(f);
            case "composites" -> composites(f);
            case "notices" -> counts(id, "问责通知（两书一函）", "Notices by type", f.notices().byType(),
                    List.of(PLAIN), Chart.Kind.BAR, "份");
            case "ranking" -> ranking(f);
            default -> throw new IllegalArgumentException("未知图表 (unknown chart) '" + id + "': " + IDS);
        };
    }

    private static Chart counts(String id, String title, String en, List<Count> counts, List<String> colors,
            Chart.Kind kind, String unit) {
        List<Chart.Row> rows = new ArrayList<>();
        List<Chart.Series> series = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            Count c = counts.get(i);
            rows.add(new Chart.Row(c.zh() + " " + c.en(), null, List.of(BigDecimal.valueOf(c.n()))));
            if (kind == Chart.Kind.DONUT) {
                series.add(new Chart.Series(c.zh(), c.en(), colors.get(i % colors.size())));
            }
        }
        if (kind != Chart.Kind.DONUT) {
            series.add(new Chart.Series("数量", "count", colors.get(0)));
        }
        return new Chart(id, title, en, kind, series, rows, unit);
    }

    private static Chart levels(String id, String title, String en, List<LevelRow> rows, String drill) {
        List<Chart.Series> series = List.of(new Chart.Series("蓝色", "blue", BLUE),
                new Chart.Series("黄色", "yellow", YELLOW), new Chart.Series("红色", "red", RED),
                new Chart.Series("已解除", "cleared", GREY));
        List<Chart.Row> out = rows.stream().map(r -> new Chart.Row(r.label(), drill + r.key(), List.of(
                BigDecimal.valueOf(r.blue()), BigDecimal.valueOf(r.yellow()), BigDecimal.valueOf(r.red()),
                BigDecimal.valueOf(r.cleared())))).toList();
        return new Chart(id, title, en, Chart.Kind.STACKED, series, out, "条");
    }

    private static Chart linkage(YearFigures f) {
        List<Chart.Row> rows = f.linkage().stream().filter(l -> l.delta() != null)
                .map(l -> new Chart.Row(l.name(), ("REGION".equals(l.scope()) ? "region:" : "dept:") + l.code(),
                        List.of(l.delta()))).toList();
        return new Chart("linkage-dept", "挂钩调整预算影响（控制数）", "Budget effect of linkage (ceiling)",
                Chart.Kind.BAR, List.of(new Chart.Series("调整额", "delta", PLAIN)), rows, "元");
    }

    private static Chart composites(YearFigures f) {
        List<Chart.Row> rows = f.composites().stream().filter(c -> c.score() != null)
                .map(c -> new Chart.Row(c.name(), ("REGION".equals(c.scope()) ? "region:" : "dept:") + c.code(),
                        List.of(c.score()))).toList();
        return new Chart("composites", "综合绩效得分", "Composite scores", Chart.Kind.BAR,
                List.of(new Chart.Series("综合得分", "composite", "#00897b")), rows, "分");
    }

    private static Chart ranking(YearFigures f) {
        List<Chart.Row> rows = f.ranking().stream().filter(r -> r.total() != null)
                .map(r -> new Chart.Row(r.rank() + ". " + r.name(),
                        ("REGION".equals(r.scope()) ? "region:" : "dept:") + r.code(), List.of(r.total()))).toList();
        return new Chart("ranking", "工作考核排名", "Work assessment ranking", Chart.Kind.BAR,
                List.of(new Chart.Series("考核得分", "total", "#6d4c41")), rows, "分");
    }
}
