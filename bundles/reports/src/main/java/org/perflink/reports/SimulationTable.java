package org.perflink.reports;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.perflink.api.model.Adjustment;
import org.perflink.api.model.Assessment;
import org.perflink.api.model.Notice;
import org.perflink.api.rules.RulePack;
import org.perflink.api.money.Money;
import org.perflink.api.stage.LinkSimulation;
import org.perflink.api.stage.LinkSimulation.AssessmentChange;
import org.perflink.api.stage.LinkSimulation.CompositeChange;
import org.perflink.api.stage.LinkSimulation.DepartmentChange;
import org.perflink.api.stage.LinkSimulation.EscalationChange;
import org.perflink.api.stage.LinkSimulation.ProjectChange;

/**
 * A simulation as a readable table: what ran against what, the parameters the candidate changes, per project
 * the changed linkage (grade, action, ratio and amount, current → candidate), per department the change of
 * its total adjustment and of its notices, the composites, the work assessment's totals, grades, ranks and lists
 * (rules.md §6), the escalations a follow-up today would issue (§5), and the total budget effect. Amounts in 元 to the cent.
 */
public final class SimulationTable {

    static final String ARROW = " → ";

    private SimulationTable() {
    }

    public static String render(HostSimulation.Result r) {
        LinkSimulation.Report report = r.report();
        StringBuilder out = new StringBuilder();
        out.append("测算，未回写主机 (what-if simulation, nothing written to the host)\n");
        out.append(TextTable.field("区划 (region)", r.regionCode()));
        out.append(TextTable.field("评价年度 (evaluated year)", Integer.toString(r.year())));
        out.append(TextTable.field("主机 (host)", r.host()));
        out.append(TextTable.field("当前规则包 (current pack)", chain(r.current())));
        out.append(TextTable.field("候选规则包 (candidate pack)", chain(r.candidate())));
        out.append(TextTable.field("读取 (read)", r.evaluations() + " 个项目评价 (project evaluations), " + r.departments()
                + " 个部门 (departments)" + (r.skipped().isEmpty() ? "" : "; 跳过 (skipped) " + r.skipped().size())));
        out.append(TextTable.field("年度红色预警 (RED warnings)", r.redWarningsKnown()
                ? "取自 PerfLink 已写结果 (from PerfLink's stored results)"
                : "未知，按无计 (unknown, taken as none): 因红色预警而发的提醒敦促不计入 (no REMINDER for RED warnings)"));

        out.append("\n候选规则包设定的参数 (parameters the candidate sets)\n");
        if (r.parameters().isEmpty()) {
            out.append("无 (none)\n");
        } else {
            TextTable params = TextTable.of("参数 (parameter)", "当前值 (current)", "候选值 (candidate)");
            r.parameters().forEach(p -> params.row(p.key(), p.current(), p.candidate()));
            out.append(params.render());
        }
        if (!r.unreadKeys().isEmpty()) {
            out.append("未被决算阶段读取的键 (keys the close stage does not read: a typo, or another stage's): ")
                    .append(String.join(", ", r.unreadKeys())).append('\n');
        }

        out.append("\n挂钩结果变化的项目 (projects whose linkage changes): ").append(report.projects().size()).append('\n');
        if (!report.projects().isEmpty()) {
            TextTable projects = TextTable.of("#", "项目 (project)", "名称 (name)", "部门 (dept)", "类别 (scope)",
                    "等级 (grade)", "动作 (action)", "比例 (ratio)", "调整额 (amount, 元)", "差额 (effect, 元)")
                    .alignRight(0, 8, 9).wrap(2, 24);
            int i = 1;
            for (ProjectChange c : report.projects()) {
                projects.row(i++, c.projectCode(), r.projectNames().get(c.projectCode()), c.departmentCode(), c.scope(),
                        change(c.gradeBefore(), c.gradeAfter()), change(c.actionBefore(), c.actionAfter()),
                        change(ratio(c.ratioBefore()), ratio(c.ratioAfter())),
                        change(money(c.deltaBefore()), money(c.deltaAfter())), signed(c.effect()));
            }
            out.append(projects.render());
        }

        long changed = report.departments().stream().filter(DepartmentChange::changed).count();
        out.append("\n部门 (departments): ").append(report.departments().size()).append(", 有变化 (changed) ")
                .append(changed).append('\n');
        if (!report.departments().isEmpty()) {
            TextTable departments = TextTable.of("部门 (dept)", "名称 (name)", "当前调整合计 (current total, 元)",
                    "候选调整合计 (candidate total, 元)", "变化 (change, 元)", "通知 (notices)")
                    .alignRight(2, 3, 4).wrap(1, 20);
            for (DepartmentChange d : report.departments()) {
                departments.row(d.departmentCode(), r.departmentNames().get(d.departmentCode()), money(d.totalBefore()),
                        money(d.totalAfter()), signed(d.change()), notices(d.noticesBefore(), d.noticesAfter()));
            }
            out.append(departments.render());
        }

        if (!report.composites().isEmpty()) {
            long moved = report.composites().stream().filter(CompositeChange::changed).count();
            out.append("\n综合得分 (composites: departments, policies/transfers, lower regions' transfer factors): ")
                    .append(report.composites().size()).append(", 有变化 (changed) ").append(moved).append('\n');
            TextTable composites = TextTable.of("类别 (scope)", "对象 (subject)", "名称 (name)", "综合得分 (composite)",
                    "等级 (grade)", "系数 (coefficient/factor)", "调整额 (amount, 元)").alignRight(3, 6).wrap(2, 20);
            for (CompositeChange c : report.composites()) {
                String name = c.scope() == Adjustment.Scope.DEPARTMENT ? r.departmentNames().get(c.subjectCode())
                        : r.projectNames().get(c.subjectCode());
                composites.row(c.scope(), c.subjectCode(), name, change(score(c.scoreBefore()), score(c.scoreAfter())),
                        change(c.gradeBefore(), c.gradeAfter()), change(plain(c.factorBefore()), plain(c.factorAfter())),
                        change(c.deltaBefore() == null ? null : money(c.deltaBefore()),
                                c.deltaAfter() == null ? null : money(c.deltaAfter())));
            }
            out.append(composites.render());
        }

        if (!report.assessments().isEmpty()) {
            long moved = report.assessments().stream().filter(AssessmentChange::changed).count();
            out.append("\n工作考核排名 (work assessment and ranking, rules.md §6): ").append(report.assessments().size())
                    .append(", 有变化 (changed) ").append(moved).append('\n');
            TextTable ranking = TextTable.of("类别 (scope)", "对象 (subject)", "名称 (name)", "总分 (total)",
                    "等级 (grade)", "排名 (rank)", "通报 (list)").alignRight(3, 5).wrap(2, 20);
            for (AssessmentChange a : report.assessments()) {
                String name = a.scope() == Assessment.Scope.DEPARTMENT ? r.departmentNames().get(a.subjectCode()) : null;
                ranking.row(a.scope(), a.subjectCode(), name, change(score(a.totalBefore()), score(a.totalAfter())),
                        change(a.gradeBefore(), a.gradeAfter()), change(a.rankBefore(), a.rankAfter()),
                        change(a.listBefore(), a.listAfter()));
            }
            out.append(ranking.render());
        }

        if (!report.escalations().isEmpty()) {
            long moved = report.escalations().stream().filter(EscalationChange::changed).count();
            out.append("\n今日跟踪问效将升级的案件 (cases a follow-up today would escalate, rules.md §5): ")
                    .append(report.escalations().size()).append(", 有变化 (changed) ").append(moved).append('\n');
            TextTable cases = TextTable.of("案件 (case)", "对象 (subject)", "下一步 (next step)", "移交 (referral to)")
                    .wrap(0, 40).wrap(2, 40);
            for (EscalationChange e : report.escalations()) {
                cases.row(e.caseId(), e.scope() + " " + e.subjectCode(), change(e.stepBefore(), e.stepAfter()),
                        change(e.referralBefore(), e.referralAfter()));
            }
            out.append(cases.render());
        }

        out.append('\n');
        out.append(TextTable.field("调整合计 (total adjustment)", money(report.totalBefore()) + ARROW
                + money(report.totalAfter()) + " 元"));
        out.append(TextTable.field("预算影响合计 (total budget effect)", signed(report.budgetEffect()) + " 元"));

        Map<String, String> notEvaluated = new TreeMap<>(r.skipped());
        report.rejected().forEach((k, v) -> notEvaluated.merge(k, v, (a, b) -> a + "; " + b));
        if (!notEvaluated.isEmpty()) {
            out.append("\n未能测算 (not simulated: skipped host items, or not evaluable under a pack): ")
                    .append(notEvaluated.size()).append('\n');
            TextTable skipped = TextTable.of("键 (key)", "原因 (reason)").wrap(1, 80);
            notEvaluated.forEach(skipped::row);
            out.append(skipped.render());
        }
        return out.toString();
    }

    /** {@code a → b}, or {@code a} when both are the same; null (not linked) shows as {@code -}. */
    static String change(Object before, Object after) {
        String b = before == null ? "-" : before.toString();
        String a = after == null ? "-" : after.toString();
        return Objects.equals(b, a) ? b : b + ARROW + a;
    }

    static String notices(Set<Notice.Type> before, Set<Notice.Type> after) {
        return change(types(before), types(after));
    }

    /** The types in their declared order, comma-separated; {@code -} for none. */
    static String types(Set<Notice.Type> types) {
        if (types.isEmpty()) {
            return "-";
        }
        return types.stream().sorted().map(Enum::name).collect(Collectors.joining(", "));
    }

    /** 元 with thousands separators and two decimals (amounts are computed to the cent). */
    static String money(BigDecimal amount) {
        return Money.grouped(amount);
    }

    /** {@link #money} with a sign: {@code +1,000.00}, {@code -1,000.00}, {@code 0.00}. */
    static String signed(BigDecimal amount) {
        String m = money(amount);
        return amount != null && amount.signum() > 0 ? "+" + m : m;
    }

    /** A composite shown with 2 decimals (HALF_UP), graded unrounded; null shows as {@code -}. */
    static String score(BigDecimal score) {
        return score == null ? null : Money.cents(score).toPlainString();
    }

    static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    static String ratio(BigDecimal ratio) {
        return ratio == null ? null : ratio.toPlainString();
    }

    /** {@code candidate@1 < default@1}: the pack and the packs it inherits from. */
    static String chain(RulePack pack) {
        StringBuilder sb = new StringBuilder();
        for (RulePack p = pack; p != null; p = p.parent()) {
            sb.append(sb.length() == 0 ? "" : " < ").append(p.id());
        }
        return sb.toString();
    }
}
