package org.perflink.admin.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.perflink.api.model.Notice;
import org.perflink.api.model.ResultKind;
import org.perflink.store.ResultLedger;

/**
 * A department's (or lower region's) notices as cases (rules.md §5, 跟踪问效): each first notice opens a case
 * ({@code caseId} = its id) and the steps of its follow-up join it, in ladder order. What each step followed from is
 * in its {@code triggers}: the earlier step's due date, and for a rejected feedback the host's decision date. The
 * host's feedback itself stays with the host; a case's state here is what PerfLink did: 已发出 ISSUED (followed),
 * 已升级 ESCALATED, 已移交/报送 REFERRED. Read from the store's result ledger, the bodies PerfLink wrote.
 */
public final class NoticeHistory {

    /** One step of a case: the notice body as PerfLink wrote it. */
    public record Step(JsonNode notice) {

        public String type() {
            return notice.path("type").asText();
        }
    }

    public record Case(String caseId, String subject, String state, List<Step> steps) {

        public Step latest() {
            return steps.get(steps.size() - 1);
        }
    }

    public static final String ISSUED = "ISSUED";
    public static final String ESCALATED = "ESCALATED";
    public static final String REFERRED = "REFERRED";

    private NoticeHistory() {
    }

    /** The cases of a subject's notices (every year), in case id order. */
    public static List<Case> of(ResultLedger store, ObjectMapper mapper, String regionCode, String subjectCode) {
        String subject = requireSubject(subjectCode);
        Map<String, List<Step>> byCase = new LinkedHashMap<>();
        for (String json : store.resultsOf(regionCode, ResultKind.NOTICE, subject)) {
            JsonNode n;
            try {
                n = mapper.readTree(json);
            } catch (JsonProcessingException e) {
                continue; // PerfLink wrote it; an unreadable body is not for this view to repair
            }
            String caseId = n.hasNonNull("caseId") ? n.path("caseId").asText() : n.path("noticeId").asText();
            byCase.computeIfAbsent(caseId, k -> new ArrayList<>()).add(new Step(n));
        }
        List<Case> cases = new ArrayList<>();
        byCase.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            List<Step> steps = new ArrayList<>(e.getValue());
            steps.sort(Comparator.comparingInt(s -> ladder(s.type())));
            String latest = steps.get(steps.size() - 1).type();
            String state = Notice.Type.REFERRAL.name().equals(latest) ? REFERRED : steps.size() > 1 ? ESCALATED : ISSUED;
            cases.add(new Case(e.getKey(), subject, state, List.copyOf(steps)));
        });
        return cases;
    }

    /** The cases as the admin API returns them. */
    public static ObjectNode json(ObjectMapper mapper, String regionCode, String subject, List<Case> cases) {
        ObjectNode out = mapper.createObjectNode();
        out.put("region", regionCode);
        out.put("subject", subject);
        ArrayNode list = out.putArray("cases");
        for (Case c : cases) {
            ObjectNode n = list.addObject();
            n.put("caseId", c.caseId());
            n.put("state", c.state());
            n.put("stateZh", stateZh(c));
            ArrayNode steps = n.putArray("steps");
            c.steps().forEach(s -> steps.add(s.notice()));
        }
        return out;
    }

    /** 已发出 / 已升级至工作约谈 / 已移交组织部门 …. */
    public static String stateZh(Case c) {
        return switch (c.state()) {
            case REFERRED -> "DISCIPLINE".equals(c.latest().notice().path("referralTo").asText()) ? "已移交纪检监察机关" : "已报送组织部门";
            case ESCALATED -> "已升级至" + typeZh(c.latest().type());
            default -> "已发出，跟踪中";
        };
    }

    /** 提醒敦促 / 要求整改 / 工作约谈 / 移交报送. */
    public static String typeZh(String type) {
        return switch (type) {
            case "REMINDER" -> "提醒敦促";
            case "RECTIFICATION" -> "要求整改";
            case "INTERVIEW" -> "工作约谈";
            case "REFERRAL" -> "移交报送";
            default -> type;
        };
    }

    /** 逾期未反馈 / 反馈未通过. */
    public static String triggerZh(String ruleId) {
        return switch (ruleId) {
            case "NOTICE_FEEDBACK_OVERDUE" -> "逾期未反馈";
            case "NOTICE_FEEDBACK_REJECTED" -> "反馈未通过";
            default -> ruleId;
        };
    }

    private static int ladder(String type) {
        try {
            return Notice.Type.valueOf(type).ordinal();
        } catch (IllegalArgumentException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** A department or region code as typed: stripped, 1 to 64 characters, no control characters. */
    public static String requireSubject(String code) {
        String s = code == null ? "" : code.strip();
        if (s.isEmpty() || s.length() > 64 || s.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("部门或地区代码无效 (invalid department or region code): 须为1至64个字符且不含控制字符 "
                    + "(1 to 64 characters, no control characters)");
        }
        return s;
    }
}
