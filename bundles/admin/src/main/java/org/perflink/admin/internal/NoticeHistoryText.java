package org.perflink.admin.internal;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code perflink:results <region> --department <code>}: a department's (or lower region's) notice history, case by
 * case, zh-CN first with English beside: each step's type, id, issue and due dates, and what it followed from.
 */
public final class NoticeHistoryText {

    private NoticeHistoryText() {
    }

    public static String render(String region, String subject, List<NoticeHistory.Case> cases) {
        StringBuilder out = new StringBuilder();
        out.append("地区 ").append(region).append(" 对象 ").append(subject).append(" 问责通知跟踪 (notice history): ")
                .append(cases.size()).append(" 个案件 (cases)\n");
        if (cases.isEmpty()) {
            out.append("  无问责通知 (no notices)\n");
        }
        for (NoticeHistory.Case c : cases) {
            out.append("\n案件 case ").append(c.caseId()).append("  状态 state: ").append(NoticeHistory.stateZh(c))
                    .append(" (").append(c.state()).append(")\n");
            int i = 1;
            for (NoticeHistory.Step s : c.steps()) {
                JsonNode n = s.notice();
                out.append("  ").append(i++).append(". ").append(NoticeHistory.typeZh(s.type())).append(" ").append(s.type())
                        .append("  ").append(n.path("noticeId").asText()).append('\n');
                out.append("     发出 issued ").append(text(n, "issuedOn", "—")).append("   期限 due ")
                        .append(text(n, "dueDate", "—"));
                if (n.hasNonNull("referralTo")) {
                    out.append("   移交 referred to ").append("DISCIPLINE".equals(n.path("referralTo").asText())
                            ? "纪检监察机关 DISCIPLINE" : "组织部门 ORGANIZATION");
                }
                out.append('\n');
                for (JsonNode t : n.path("triggers")) {
                    out.append("     依据 from ").append(t.path("noticeId").asText()).append(": ")
                            .append(NoticeHistory.triggerZh(t.path("ruleId").asText())).append(" ")
                            .append(t.path("ruleId").asText()).append(" (期限 due ").append(text(t, "dueDate", "—"));
                    if (t.hasNonNull("decidedOn")) {
                        out.append(", 反馈退回 rejected ").append(t.path("decidedOn").asText());
                    }
                    out.append(", 跟踪日 asOf ").append(text(t, "asOf", "—")).append(")\n");
                }
                for (JsonNode r : n.path("reasons")) {
                    out.append("     事由 reason: ").append(r.asText()).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String text(JsonNode n, String field, String absent) {
        return n.hasNonNull(field) ? n.path(field).asText() : absent;
    }
}
