package org.perflink.host.files.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forms' words for the contract's closed vocabularies (产出指标 → OUTPUT, 数量指标 → QUANTITY, ≥ → GE, 是 → true …).
 * A value that is already the contract's word passes as it is; an unknown one passes too, so that binding names
 * the cell it came from instead of guessing.
 */
final class Values {

    private static final Map<String, String> LEVEL1 = Map.of("成本", "COST", "产出", "OUTPUT", "效益", "BENEFIT",
            "满意度", "SATISFACTION");
    private static final Map<String, String> LEVEL2 = new HashMap<>();
    private static final Map<String, String> WORDS = new HashMap<>();
    /** ≥12所, ≤490.00万元, 10-15个, 95%: an operator, a number (and an upper bound), then the unit. */
    private static final Pattern QUANTITY = Pattern.compile(
            "^(≥|>=|＞=|大于等于|>|＞|大于|≤|<=|＜=|小于等于|<|＜|小于|=|＝|等于)?\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*"
                    + "(?:(?:-|~|～|—|至)\\s*([0-9]+(?:\\.[0-9]+)?))?\\s*(\\S*)$");

    static {
        LEVEL2.put("数量", "QUANTITY");
        LEVEL2.put("质量", "QUALITY");
        LEVEL2.put("时效", "TIMELINESS");
        LEVEL2.put("成本", "COST");
        LEVEL2.put("经济成本", "ECONOMIC_COST");
        LEVEL2.put("社会成本", "SOCIAL_COST");
        LEVEL2.put("生态环境成本", "ECOLOGICAL_COST");
        LEVEL2.put("生态成本", "ECOLOGICAL_COST");
        LEVEL2.put("经济效益", "ECONOMIC");
        LEVEL2.put("社会效益", "SOCIAL");
        LEVEL2.put("生态效益", "ECOLOGICAL");
        LEVEL2.put("可持续影响", "SUSTAINABLE");
        LEVEL2.put("服务对象满意度", "SATISFACTION");
        LEVEL2.put("满意度", "SATISFACTION");
        word("type", "定量", "QUANTITATIVE");
        word("type", "定性", "QUALITATIVE");
        for (String[] op : new String[][] {{"≥", "GE"}, {">=", "GE"}, {"大于等于", "GE"}, {">", "GT"}, {"＞", "GT"},
                {"大于", "GT"}, {"≤", "LE"}, {"<=", "LE"}, {"小于等于", "LE"}, {"<", "LT"}, {"＜", "LT"}, {"小于", "LT"},
                {"=", "EQ"}, {"＝", "EQ"}, {"等于", "EQ"}, {"区间", "RANGE"}, {"＞=", "GE"}, {"＜=", "LE"}}) {
            word("operator", op[0], op[1]);
        }
        word("valueSource", "计划标准", "PLAN");
        word("valueSource", "行业标准", "INDUSTRY");
        word("valueSource", "历史标准", "HISTORY");
        word("valueSource", "其他标准", "OTHER");
        word("valueSource", "其他", "OTHER");
        word("kind", "项目支出", "PROJECT");
        word("kind", "项目", "PROJECT");
        word("kind", "政策", "POLICY");
        word("kind", "政策类", "POLICY");
        word("kind", "转移支付", "TRANSFER");
        word("recurrence", "一次性", "ONE_OFF");
        word("recurrence", "延续性", "CONTINUING");
        word("recurrence", "常年性", "RECURRING");
        for (String[] p : new String[][] {{"草稿", "DRAFT"}, {"入库", "LIBRARY"}, {"入库评审", "LIBRARY"}, {"申报", "DECLARED"},
                {"编制申报", "DECLARED"}, {"审核", "REVIEWED"}, {"上会审核", "REVIEWED"}, {"批复", "APPROVED"},
                {"公开", "PUBLISHED"}, {"调整", "ADJUST"}, {"监控", "MONITOR"}, {"评价", "EVALUATE"}, {"自评", "EVALUATE"},
                {"挂钩", "LINK"}, {"跟踪", "FOLLOW_UP"}, {"跟踪问效", "FOLLOW_UP"}}) {
            word("phase", p[0], p[1]);
        }
        word("stage", "编制", "COMPILE");
        word("stage", "执行", "EXECUTE");
        word("stage", "决算", "CLOSE");
    }

    private static void word(String field, String text, String value) {
        WORDS.put(field + ":" + text, value);
    }

    private Values() {
    }

    /** The contract's word for {@code text} in {@code field} (level1, level2, type, operator, kind, phase …). */
    static String word(String field, String text) {
        String t = text.trim();
        String bare = t.endsWith("指标") ? t.substring(0, t.length() - 2) : t;
        String value = switch (field) {
            case "level1" -> LEVEL1.get(bare);
            case "level2" -> LEVEL2.get(bare);
            case "budgetPhase", "target.phase" -> WORDS.get("phase:" + t);
            default -> WORDS.get(field + ":" + t);
        };
        return value != null ? value : t;
    }

    /** 是/否, true/false, Y/N; null when it is neither (the raw text is then bound and refused with its cell). */
    static Boolean yesNo(String text) {
        return switch (text.trim().toLowerCase()) {
            case "是", "true", "y", "yes", "1" -> Boolean.TRUE;
            case "否", "false", "n", "no", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** An indicator value written as one text ("≥12所"): operator, value, valueMax, unit; null if not a quantity. */
    static String[] quantity(String text) {
        Matcher m = QUANTITY.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        String op = m.group(1) == null ? null : word("operator", m.group(1));
        if (m.group(3) != null) {
            op = "RANGE";
        }
        String unit = m.group(4).isEmpty() ? null : m.group(4);
        return new String[] {op, m.group(2), m.group(3), unit};
    }

    /** "101 省教育厅", "101-省教育厅" or "省教育厅": the code (digits first) and the name. */
    static String[] codeAndName(String text) {
        Matcher m = Pattern.compile("^([0-9A-Za-z]+)[\\s\\-—_、:：]*(.*)$").matcher(text.trim());
        if (m.matches() && m.group(1).chars().anyMatch(Character::isDigit)) {
            return new String[] {m.group(1), m.group(2).isBlank() ? null : m.group(2).trim()};
        }
        return new String[] {null, text.trim()};
    }
}
