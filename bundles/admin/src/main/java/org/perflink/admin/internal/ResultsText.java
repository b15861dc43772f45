package org.perflink.admin.internal;

import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.perflink.reports.TextTable;
import org.perflink.api.model.ResultKind;
import org.perflink.store.StoredResult;

/**
 * {@code perflink:results} as text: each result with its headline (outcome, level, score, action, notice type),
 * where it stands at the host, and what explains it — a verdict's or score's findings, a warning's message
 * and figures, an adjustment's explanation and basis, a notice's reasons. Read from the JSON bodies the host
 * is sent, so it shows exactly what the host got.
 */
public final class ResultsText {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String INDENT = "    ";
    private static final int MESSAGE_WIDTH = 60;

    /** zh-CN of the enum values of the result bodies. */
    private static final Map<String, String> ZH = Map.ofEntries(
            Map.entry("PASS", "通过"), Map.entry("WARN", "警告"), Map.entry("BLOCK", "阻断"), Map.entry("INFO", "提示"),
            Map.entry("NONE", "已解除"), Map.entry("BLUE", "蓝色"), Map.entry("YELLOW", "黄色"), Map.entry("RED", "红色"),
            Map.entry("EXECUTION_LAG", "执行进度滞后"), Map.entry("TARGET_DEVIATION", "目标偏离"),
            Map.entry("TARGET_AT_RISK", "目标难以实现"), Map.entry("NO_DATA", "无监控数据"),
            Map.entry("CORRECT", "纠偏"), Map.entry("ADJUST_TARGET", "调整目标"),
            Map.entry("SUSPEND_DISBURSEMENT", "暂缓拨付"), Map.entry("RECLAIM", "收回资金"),
            Map.entry("EXCELLENT", "优"), Map.entry("GOOD", "良"), Map.entry("MEDIUM", "中"), Map.entry("POOR", "差"),
            Map.entry("SELF_EVALUATION", "单位自评"), Map.entry("KEY_EVALUATION", "重点评价"),
            Map.entry("PRIORITIZE", "优先保障"), Map.entry("KEEP", "维持"), Map.entry("REDUCE", "压减"),
            Map.entry("SUSPEND", "暂停"), Map.entry("CANCEL", "取消"), Map.entry("CONTINUE", "继续"),
            Map.entry("ADJUST", "调整"), Map.entry("TERMINATE", "终止"), Map.entry("PROJECT", "项目"),
            Map.entry("POLICY", "政策"), Map.entry("TRANSFER", "转移支付"), Map.entry("DEPARTMENT", "部门"),
            Map.entry("REMINDER", "提醒敦促"), Map.entry("RECTIFICATION", "要求整改"), Map.entry("INTERVIEW", "工作约谈"),
            Map.entry("DECLARED", "编制申报"), Map.entry("REVIEWED", "上会审核"), Map.entry("APPROVED", "批复"),
            Map.entry("PUBLISHED", "公开"),
            Map.entry(StoredResult.PENDING, "待送达"), Map.entry(StoredResult.DELIVERED, "已送达"),
            Map.entry(StoredResult.DEAD, "主机拒收 (死信)"));

    private ResultsText() {
    }

    /** The results of {@link LatestResults#find}, for the shell. */
    public static String render(LatestResults.Query q, List<LatestResults.Item> items, ZoneId zone) {
        StringBuilder out = new StringBuilder();
        String kind = q.kind() == null ? "全部类型 (every kind)" : kindLabel(q.kind());
        if (q.ofProject()) {
            out.append("区划 (region) ").append(q.region()).append(" 项目 (project) ").append(q.project())
                    .append(": ").append(kind).append(", 每类最新 (latest of each kind) ").append(q.limit()).append('\n');
        } else {
            out.append("区划 (region) ").append(q.region()).append(" 最新结果 (latest results): ").append(kind)
                    .append(", 最多 (at most) ").append(q.limit()).append(", 最新在前 (newest first)\n");
        }
        if (items.isEmpty()) {
            out.append("无结果 (no results)\n");
            return out.toString();
        }
        int n = 1;
        for (LatestResults.Item item : items) {
            out.append('\n');
            item(out, n++, item, zone);
        }
        out.append('\n').append("共 (total) ").append(items.size()).append(" 条结果 (results)");
        if (!q.ofProject()) {
            out.append("; 项目全年 (a project's year): perflink:results ").append(q.region()).append(" PROJECT");
        }
        return out.append('\n').toString();
    }

    private static void item(StringBuilder out, int n, LatestResults.Item item, ZoneId zone) {
        JsonNode r;
        try {
            r = MAPPER.readTree(item.json());
        } catch (JsonProcessingException e) {
            r = null;
        }
        out.append('#').append(n).append(' ').append(kindLabel(item.kind())).append(' ')
                .append(item.id() == null ? "?" : item.id());
        if (item.subject() != null) {
            out.append(" · ").append(item.kind() == ResultKind.NOTICE ? "部门 (department) " : "对象 (subject) ")
                    .append(item.subject());
        }
        if (r != null) {
            String headline = headline(item.kind(), r);
            if (!headline.isEmpty()) {
                out.append(" · ").append(headline);
            }
        }
        if (item.latest() && item.seq() == null) {
            out.append(" · 最新 (latest)");
        }
        out.append('\n');
        if (item.state() != null) {
            out.append(INDENT).append(zh(item.state())).append(" (").append(item.state()).append(")");
            if (item.deliveredAt() != null) {
                out.append(' ').append(Times.format(item.deliveredAt(), zone));
            }
            out.append(" · 排队 (queued) ").append(Times.format(item.createdAt(), zone)).append(" · seq ")
                    .append(item.seq()).append('\n');
        }
        if (r == null || !r.isObject()) {
            out.append(INDENT).append("内容不是 JSON (the body is not JSON): ")
                    .append(TextTable.abbreviate(item.json(), MESSAGE_WIDTH)).append('\n');
            return;
        }
        switch (item.kind()) {
            case VERDICT -> {
                line(out, "阶段 (phase)", join(enumText(r, "phase"), r.hasNonNull("revision") ? "r" + r.get("revision").asText() : null),
                        "规则包 (rule pack)", text(r, "rulePack"), "检查时间 (checked)", text(r, "checkedAt"));
                findings(out, r.path("findings"));
            }
            case WARNING -> {
                line(out, "截至 (as of)", text(r, "asOf"), "规则 (rule)", text(r, "ruleId"), "建议措施 (action)",
                        suggested(r));
                message(out, "说明 (message)", message(r, "message", "messageEn"));
                line(out, "指标 (metrics)", map(r.path("metrics")), null, null, null, null);
                line(out, "阈值 (thresholds)", map(r.path("thresholds")), null, null, null, null);
            }
            case SCORE -> {
                line(out, "来源 (source)", enumText(r, "source"), "自评分 (self score)", text(r, "selfScore"),
                        "规则包 (rule pack)", text(r, "rulePack"));
                StringBuilder parts = new StringBuilder();
                for (JsonNode p : r.path("breakdown")) {
                    parts.append(parts.length() == 0 ? "" : "; ").append(text(p, "part"))
                            .append(p.hasNonNull("code") ? " " + text(p, "code") : "").append(' ')
                            .append(text(p, "points")).append('/').append(text(p, "max"));
                }
                message(out, "得分构成 (breakdown)", parts.length() == 0 ? null : parts.toString());
                findings(out, r.path("findings"));
            }
            case ADJUSTMENT -> {
                line(out, "范围 (scope)", enumText(r, "scope"), "年度 (years)", r.hasNonNull("evaluatedYear")
                        ? text(r, "evaluatedYear") + " → " + text(r, "budgetYear") : null, "规则 (rule)", text(r, "ruleId"));
                line(out, "比例 (ratio)", text(r, "ratio"), "基数 (base, 元)", text(r, "baseAmount"),
                        "调整额 (delta, 元)", text(r, "deltaAmount"));
                message(out, "说明 (explanation)", message(r, "explanation", "explanationEn"));
                line(out, "依据 (basis)", map(r.path("basis")), null, null, null, null);
            }
            case NOTICE -> {
                line(out, "期限 (due)", text(r, "dueDate"), "年度 (year)", text(r, "year"), null, null);
                message(out, "原因 (reasons)", list(r.path("reasons"), "；"));
                message(out, "涉及 (subjects)", list(r.path("subjects"), ", "));
            }
        }
    }

    /** 结论 (verdict), 预警 (warning), .... */
    public static String kindLabel(ResultKind kind) {
        return ProjectTimeline.zh(kind) + " (" + kind.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }

    /** A result's headline: the outcome, level and type, score and grade, action and amount, notice type. */
    static String headline(ResultKind kind, JsonNode r) {
        return switch (kind) {
            case VERDICT -> join(enumText(r, "outcome"), null) + counts(r.path("findings"));
            case WARNING -> join(enumText(r, "level"), enumText(r, "type"));
            case SCORE -> join(r.hasNonNull("score") ? "得分 (score) " + text(r, "score") : null, enumText(r, "grade"));
            case ADJUSTMENT -> join(enumText(r, "action"), r.hasNonNull("deltaAmount") ? text(r, "deltaAmount") + " 元" : null);
            case NOTICE -> enumText(r, "type");
            case ASSESSMENT -> join(r.hasNonNull("total") ? "得分 (total) " + text(r, "total") : null, enumText(r, "grade"));
        };
    }

    private static String counts(JsonNode findings) {
        if (!findings.isArray() || findings.isEmpty()) {
            return "";
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonNode f : findings) {
            counts.merge(f.path("severity").asText("?"), 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder(" (");
        for (String s : new String[] {"BLOCK", "WARN", "INFO"}) {
            Integer c = counts.remove(s);
            if (c != null) {
                sb.append(sb.length() == 2 ? "" : ", ").append(s).append(' ').append(c);
            }
        }
        counts.forEach((s, c) -> sb.append(sb.length() == 2 ? "" : ", ").append(s).append(' ').append(c));
        return sb.append(')').toString();
    }

    private static void findings(StringBuilder out, JsonNode findings) {
        if (!findings.isArray() || findings.isEmpty()) {
            out.append(INDENT).append("无发现 (no findings)\n");
            return;
        }
        TextTable table = TextTable.of("规则 (rule)", "级别 (severity)", "路径 (path)", "说明 (message)", "数据 (figures)")
                .wrap(2, 28).wrap(3, MESSAGE_WIDTH).wrap(4, 36);
        for (JsonNode f : findings) {
            table.row(text(f, "ruleId"), enumText(f, "severity"), text(f, "path"), message(f, "message", "messageEn"),
                    map(f.path("figures")));
        }
        out.append(INDENT).append("发现 (findings) ").append(findings.size()).append(":\n");
        for (String l : table.render().split("\n")) {
            out.append(INDENT).append(l).append('\n');
        }
    }

    /** Up to three labelled values on one line; a null value leaves its label out. */
    private static void line(StringBuilder out, String l1, String v1, String l2, String v2, String l3, String v3) {
        StringBuilder sb = new StringBuilder();
        String[][] pairs = {{l1, v1}, {l2, v2}, {l3, v3}};
        for (String[] p : pairs) {
            if (p[0] != null && p[1] != null && !p[1].isBlank()) {
                sb.append(sb.length() == 0 ? "" : " · ").append(p[0]).append(' ').append(p[1]);
            }
        }
        if (sb.length() > 0) {
            out.append(INDENT).append(sb).append('\n');
        }
    }

    private static void message(StringBuilder out, String label, String text) {
        if (text != null && !text.isBlank()) {
            out.append(INDENT).append(label).append(": ").append(text.strip()).append('\n');
        }
    }

    /** The zh-CN text, else the English one. */
    private static String message(JsonNode r, String zh, String en) {
        String z = text(r, zh);
        return z != null && !z.isBlank() ? z : text(r, en);
    }

    private static String suggested(JsonNode r) {
        String a = text(r, "suggestedAction");
        return a == null ? null : "NONE".equals(a) ? "无需措施 NONE" : zhEnum(a);
    }

    private static String enumText(JsonNode r, String field) {
        String v = text(r, field);
        return v == null ? null : zhEnum(v);
    }

    /** {@code 阻断 BLOCK}; the value alone when it has no zh-CN name. */
    private static String zhEnum(String v) {
        String zh = ZH.get(v);
        return zh == null ? v : zh + " " + v;
    }

    private static String zh(String v) {
        return ZH.getOrDefault(v, v);
    }

    private static String text(JsonNode r, String field) {
        JsonNode v = r.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    private static String map(JsonNode m) {
        if (!m.isObject() || m.isEmpty()) {
            return null;
        }
        Map<String, String> sorted = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            sorted.put(e.getKey(), e.getValue().asText());
        }
        StringBuilder sb = new StringBuilder();
        sorted.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "; ").append(k).append(" = ").append(v));
        return sb.toString();
    }

    private static String list(JsonNode a, String separator) {
        if (!a.isArray() || a.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode v : a) {
            sb.append(sb.length() == 0 ? "" : separator).append(v.asText());
        }
        return sb.toString();
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b == null ? "" : b;
        }
        return b == null ? a : a + " · " + b;
    }
}
