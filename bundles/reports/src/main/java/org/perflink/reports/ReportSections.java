package org.perflink.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.perflink.reports.YearFigures.Count;
import org.perflink.reports.YearFigures.LevelRow;

/**
 * The sections of the annual report of a region's year, each with its charts and the tables beside them, made once
 * from {@link YearFigures} and drawn by both {@link HtmlReport} and {@link PdfReport}: the year in numbers, grade
 * distribution, warnings by department and round, the budget effect of linkage, composites and coefficients,
 * notices and their follow-up, the ranking. Cells are text as the report shows them (money in 元 with two decimals).
 */
public final class ReportSections {

    /** A table: its column headers (zh-CN, English) and rows of cells. */
    public record Table(List<String> headers, List<List<String>> rows) {
        public Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(r -> List.copyOf(r.stream().map(c -> c == null ? "" : c).toList())).toList();
        }
    }

    /** A section: its title (zh-CN, English), its charts and tables, and a note (may be empty). */
    public record Section(String title, String titleEn, List<Chart> charts, List<Table> tables, String note) {
        public Section {
            charts = List.copyOf(charts);
            tables = List.copyOf(tables);
        }
    }

    /**
     * The progress steps of drawing the report ({@link PdfReport}, {@link HtmlReport}): one per chart drawn with the
     * tables beside it (every chart of {@link YearCharts#IDS} is in one section), one for the file written.
     */
    public static final int STEPS = YearCharts.IDS.size() + 1;

    private ReportSections() {
    }

    /** The report's sections, in their order. */
    public static List<Section> of(YearFigures f) {
        List<Section> out = new ArrayList<>();
        out.add(numbers(f));
        out.add(departments(f));
        out.add(new Section("评价等级分布", "Grade distribution", List.of(YearCharts.of(f, "grades")),
                List.of(counts(f.grades(), "等级 grade", "项目数 projects")), ""));
        out.add(new Section("预警情况", "Warnings by department and monitoring round",
                List.of(YearCharts.of(f, "warnings-dept"), YearCharts.of(f, "warnings-round")),
                List.of(levels(f.warningsByDepartment(), "部门 department"), levels(f.warningsByRound(), "监控轮次 round")),
                "“已解除”为后一轮不再成立的预警 (cleared: no longer holding in a later round)。"));
        out.add(linkage(f));
        out.add(composites(f));
        out.add(notices(f));
        out.add(ranking(f));
        return out;
    }

    /** A row of cells from a stored body's fields, any of which may be absent (null: an empty cell). */
    private static List<String> row(String... cells) {
        return Arrays.asList(cells);
    }

    /** The progress step of a chart drawn with its tables (zh-CN, English). */
    static String drawn(Chart chart) {
        return "已绘制图表：" + chart.title() + " (chart drawn: " + chart.titleEn() + ")";
    }

    /** The tables shown beside chart {@code i} of a section: its own, and the last chart all that remain. */
    public static List<Table> tablesBeside(Section s, int i) {
        int tables = s.tables().size();
        int to = i == s.charts().size() - 1 ? tables : Math.min(i + 1, tables);
        return i < to ? s.tables().subList(i, to) : List.of();
    }

    private static Section numbers(YearFigures f) {
        YearFigures.Numbers n = f.numbers();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("项目 projects", String.valueOf(n.projects())));
        rows.add(List.of("部门 departments", String.valueOf(n.departments())));
        rows.add(List.of("公开绩效目标 published targets", String.valueOf(n.publishedTargets())));
        rows.add(List.of("公开目标预算（元） budget of published targets (yuan)", money(n.budget())));
        rows.add(List.of("预警（未解除） standing warnings", String.valueOf(n.warnings())));
        rows.add(List.of("红色预警 red warnings", String.valueOf(n.redWarnings())));
        rows.add(List.of("平均得分 mean score", n.meanScore() == null ? "-" : n.meanScore().toPlainString()));
        List<List<String>> kinds = new ArrayList<>();
        for (Map.Entry<String, Long> k : n.resultsByKind().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            String batch = org.perflink.api.model.ResultKind.valueOf(k.getKey()).batchName();
            kinds.add(List.of(Labels.zh(batch) + " " + batch, String.valueOf(k.getValue())));
        }
        return new Section("年度概况", "The year in numbers", List.of(YearCharts.of(f, "verdicts")),
                List.of(new Table(List.of("指标 figure", "数值 value"), rows),
                        new Table(List.of("结果类型 result kind", "数量 count"), kinds),
                        counts(n.verdictOutcomes(), "审核结论 verdict", "项目数 projects")),
                "据 PerfLink 存储的结果与公开目标统计，不调用单位系统 (from PerfLink's store alone, no host call)。");
    }

    private static Section departments(YearFigures f) {
        List<List<String>> rows = new ArrayList<>();
        for (YearFigures.Department d : f.departments()) {
            List<String> row = new ArrayList<>(List.of(d.code(), d.name(), String.valueOf(d.projectCount()), money(d.budget())));
            d.grades().forEach(g -> row.add(String.valueOf(g.n())));
            row.addAll(List.of(String.valueOf(d.warnings()), String.valueOf(d.redWarnings()), String.valueOf(d.notices())));
            rows.add(row);
        }
        return new Section("各部门概况", "Departments", List.of(YearCharts.of(f, "budget-dept")),
                List.of(new Table(List.of("代码 code", "部门 department", "项目 projects", "预算 budget", "优", "良", "中",
                        "差", "预警 warnings", "红色 red", "通知 notices"), rows)), "");
    }

    private static Section linkage(YearFigures f) {
        List<List<String>> rows = new ArrayList<>();
        for (YearFigures.Linkage l : f.linkage()) {
            rows.add(row(Labels.zh(l.scope()), l.code(), l.name(), l.budgetYear() == null ? "" : l.budgetYear().toString(),
                    money(l.base()), money(l.delta()), plain(l.ratio()), l.action() == null ? "" : Labels.zh(l.action()),
                    String.valueOf(l.allocations()), money(l.allocationDelta())));
        }
        return new Section("挂钩调整的预算影响", "Budget effect of linkage by department",
                List.of(YearCharts.of(f, "linkage-dept")),
                List.of(new Table(List.of("范围 scope", "代码 code", "名称 name", "预算年度 budget year",
                        "控制数基数 base", "调整额 delta", "比例 ratio", "措施 action", "项目调整 allocations",
                        "项目调整额 allocation delta"), rows)),
                "部门控制数调整与其内部的项目、政策、转移支付调整不相加 (the ceiling's change and the allocations inside "
                        + "it are not added together)。");
    }

    private static Section composites(YearFigures f) {
        List<List<String>> rows = new ArrayList<>();
        for (YearFigures.Composite c : f.composites()) {
            StringBuilder parts = new StringBuilder();
            for (YearFigures.Component p : c.components()) {
                parts.append(parts.isEmpty() ? "" : "; ").append(p.name()).append(' ').append(plain(p.score()))
                        .append(" (").append(p.source() == null ? "" : p.source()).append(')');
            }
            rows.add(row(Labels.zh(c.scope()), c.code(), c.name(), plain(c.score()),
                    c.grade() == null ? "" : Labels.zh(c.grade()), plain(c.coefficient()), parts.toString()));
        }
        return new Section("综合绩效与系数", "Composites and coefficients", List.of(YearCharts.of(f, "composites")),
                List.of(new Table(List.of("范围 scope", "代码 code", "名称 name", "综合得分 composite", "等级 grade",
                        "系数 coefficient", "构成 components"), rows)), "");
    }

    private static Section notices(YearFigures f) {
        List<List<String>> rows = new ArrayList<>();
        for (YearFigures.Case c : f.notices().cases()) {
            rows.add(row(c.caseId(), c.name() == null ? "" : c.name(), Labels.zh(c.firstType()),
                    Labels.zh(c.latestType()), String.valueOf(c.steps()), c.dueDate() == null ? "" : c.dueDate(),
                    Labels.zh(c.state())));
        }
        return new Section("问责通知与跟踪问效", "Notices and their follow-up", List.of(YearCharts.of(f, "notices")),
                List.of(counts(f.notices().byType(), "通知类型 type", "份数 notices"),
                        counts(f.notices().byState(), "跟踪状态 state", "案件数 cases"),
                        new Table(List.of("案件 case", "对象 addressed", "首次 first", "最新 latest", "步骤 steps",
                                "期限 due", "状态 state"), rows)),
                "整改反馈由单位系统记录，不在本报告中 (feedback is kept by the host, not in this report)。");
    }

    private static Section ranking(YearFigures f) {
        List<List<String>> rows = new ArrayList<>();
        for (YearFigures.Rank r : f.ranking()) {
            rows.add(row(r.rank() + "/" + r.rankOf(), Labels.zh(r.scope()), r.code(), r.name(), plain(r.total()),
                    r.grade() == null ? "" : Labels.zh(r.grade()), plain(r.composite()),
                    r.list() == null ? "" : Labels.zh(r.list())));
        }
        return new Section("工作考核排名", "Work assessment ranking", List.of(YearCharts.of(f, "ranking")),
                List.of(new Table(List.of("名次 rank", "范围 scope", "代码 code", "名称 name", "总分 total", "等级 grade",
                        "综合绩效 composite", "通报 list"), rows)), "");
    }

    private static Table counts(List<Count> counts, String what, String unit) {
        return new Table(List.of(what, unit),
                counts.stream().map(c -> List.of(c.zh() + " " + c.en(), String.valueOf(c.n()))).toList());
    }

    private static Table levels(List<LevelRow> rows, String what) {
        return new Table(List.of(what, "蓝 blue", "黄 yellow", "红 red", "已解除 cleared"), rows.stream()
                .map(r -> List.of(r.label(), String.valueOf(r.blue()), String.valueOf(r.yellow()), String.valueOf(r.red()),
                        String.valueOf(r.cleared()))).toList());
    }

    static String money(BigDecimal v) {
        return v == null ? "" : SvgCharts.format(v, "元");
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }
}
