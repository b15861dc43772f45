package org.perflink.reports;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import org.perflink.api.model.Finding;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.Severity;
import org.perflink.api.model.Verdict;

/** A dry-run verdict as a readable table: what was checked under which pack, the outcome, then every finding. */
public final class VerdictTable {

    private VerdictTable() {
    }

    public static String render(ProjectCheck.Result r) {
        Project p = r.project();
        Verdict v = r.verdict();
        StringBuilder out = new StringBuilder();
        out.append("干运行检查，未连接主机 (dry run, no host): ").append(r.file()).append('\n');
        line(out, "项目 (project)", p.projectCode() + " r" + p.revision() + (p.name() == null ? "" : " " + p.name()));
        line(out, "区划 (region)", r.regionCode() == null ? "无，用内置默认规则 (none: built-in defaults)" : r.regionCode());
        line(out, "阶段 (phase)", r.phase() + " " + zh(r.phase()));
        line(out, "规则包 (rule pack)", v.rulePack());
        line(out, "核心指标库 (indicator library)", r.libraryLoaded() ? r.libraryFile().toString()
                : "无 (none: " + r.libraryFile() + ") — LIBRARY_UNKNOWN_INDICATOR 不触发 (stays silent)");
        line(out, "结论 (verdict)", v.outcome() + " " + zh(v.outcome()) + counts(v));
        out.append('\n');
        if (v.findings().isEmpty()) {
            out.append("无发现 (no findings)\n");
            return out.toString();
        }
        TextTable table = TextTable.of("#", "规则 (rule)", "级别 (severity)", "路径 (path)", "说明 (message)",
                "数据 (figures)").alignRight(0).wrap(3, 28).wrap(4, 44).wrap(5, 44);
        int i = 1;
        for (Finding f : v.findings()) {
            table.row(i++, f.ruleId(), f.severity() + " " + zh(f.severity()), f.path(), f.message(), figures(f));
        }
        out.append(table.render());
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(TextTable.field(label, value));
    }

    private static String counts(Verdict v) {
        if (v.findings().isEmpty()) {
            return "";
        }
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Finding f : v.findings()) {
            counts.merge(f.severity(), 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder(" — ").append(v.findings().size()).append(" 条发现 (findings):");
        for (Severity s : new Severity[] {Severity.BLOCK, Severity.WARN, Severity.INFO}) {
            if (counts.containsKey(s)) {
                sb.append(' ').append(s).append(' ').append(counts.get(s));
            }
        }
        return sb.toString();
    }

    /** One {@code name = value} per line, by name (a finding's figures carry no order of their own). */
    private static String figures(Finding f) {
        if (f.figures().isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(f.figures()).entrySet()) {
            sb.append(sb.length() == 0 ? "" : "\n").append(e.getKey()).append(" = ").append(e.getValue());
        }
        return sb.toString();
    }

    static String zh(Verdict.Outcome o) {
        return switch (o) {
            case PASS -> "通过";
            case WARN -> "警告";
            case BLOCK -> "阻断";
        };
    }

    static String zh(Severity s) {
        return switch (s) {
            case INFO -> "提示";
            case WARN -> "警告";
            case BLOCK -> "阻断";
        };
    }

    static String zh(Phase p) {
        return switch (p) {
            case LIBRARY -> "入库评审";
            case DECLARED -> "编制申报";
            case REVIEWED -> "上会审核";
            case APPROVED -> "批复";
            case PUBLISHED -> "公开";
            case ADJUST -> "目标调整";
            default -> "";
        };
    }
}
