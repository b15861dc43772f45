package org.perflink.host.files.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The labels PerfLink recognises on the forms (项目支出绩效目标申报表, 项目支出绩效自评表) and in CSV headers, and the
 * contract field each stands for. Matching is tolerant: whitespace (also full-width), a trailing colon (: or ：)
 * and a parenthesised unit ("（万元）") are ignored; a unit 万元 scales the amount. A label may also be the contract's
 * own field path ({@code exAnte}, {@code target.reviews}, {@code components.KEY_ASSESSMENT}): its value is taken as
 * text, or as JSON when it starts with { or [. docs/host-files.md lists them.
 */
final class Labels {

    /** What a header label stands for: a contract path, or one of the pseudo paths below. */
    static final String DEPARTMENT = "#department";
    static final String UNIT = "#unit";
    /** 报送阶段: the phase of the event this sheet implies (无/NONE: none). */
    static final String PHASE = "#phase";
    /** A group label such as 资金情况 whose own value is not a field. */
    static final String GROUP = "#group";

    private static final Pattern PAREN = Pattern.compile("[（(][^）)]*[）)]");
    private static final Pattern SPACE = Pattern.compile("[\\s\\u3000\\u00a0]+");
    private static final Pattern CONTRACT_PATH = Pattern.compile("^[a-z][A-Za-z0-9]*(\\.[A-Za-z0-9_]+)*$");

    /** The contract's own top-level field names, accepted as labels too. */
    private static final java.util.Set<String> CONTRACT_FIELDS = java.util.Set.of("projectCode", "revision", "regionCode",
            "year", "departmentCode", "departmentName", "unitCode", "unitName", "kind", "functionCode", "isNew",
            "isMajor", "budgetAmount", "budgetPhase", "budgetPhaseDates", "exAnte", "target", "predecessor", "period",
            "targetRevision", "confidential", "recurrence", "paidAmount", "selfScore", "keyEvaluationScore",
            "nextYearRequest", "evaluation", "requests", "components", "deductions", "nextYearBaseline", "baselines",
            "asOf", "evaluatorId", "creditCode", "institutionId", "fields", "status", "ties", "noticeId", "submittedOn",
            "decidedOn", "violationClue", "comment", "indicators", "budgetYear", "transferBaseline");

    private static final Map<String, String> HEADER = new HashMap<>();
    private static final Map<String, String> COLUMN = new HashMap<>();

    private static void header(String path, String... labels) {
        for (String l : labels) {
            HEADER.put(l, path);
        }
    }

    private static void column(String field, String... labels) {
        for (String l : labels) {
            COLUMN.put(l, field);
        }
    }

    static {
        header("name", "项目名称");
        header("projectCode", "项目编码", "项目代码", "项目编号");
        header("year", "年度", "预算年度", "项目年度");
        header(DEPARTMENT, "主管部门", "主管部门及代码", "主管部门(单位)");
        header("departmentCode", "主管部门编码", "部门编码", "部门代码");
        header("departmentName", "主管部门名称", "部门名称");
        header(UNIT, "实施单位", "项目实施单位");
        header("unitCode", "实施单位编码", "单位编码");
        header("unitName", "实施单位名称", "单位名称");
        header("kind", "项目类型", "项目类别", "支出类型");
        header("recurrence", "项目属性", "项目延续性");
        header("functionCode", "功能分类", "功能分类科目", "功能科目", "支出功能分类");
        header("isNew", "新增项目", "是否新增项目", "是否新增");
        header("isMajor", "重大项目", "是否重大项目");
        header(GROUP, "资金情况", "项目资金", "资金来源", "绩效目标", "绩效指标");
        header("budgetAmount", "年度资金总额", "资金总额", "年度预算数", "全年预算数", "预算数", "调整后预算数", "预算金额");
        header("paidAmount", "全年执行数", "执行数", "已支付金额", "支付数", "实际支出");
        header("budgetPhase", "预算阶段");
        header("target.phase", "目标阶段", "绩效目标阶段");
        header("target.overallGoal", "年度总体目标", "总体目标", "年度目标", "年度绩效目标");
        header("revision", "版本", "修订号", "版本号");
        header(PHASE, "报送阶段", "报送环节");
        header("selfScore", "自评得分", "自评分", "合计得分");
        header("keyEvaluationScore", "重点评价得分", "财政重点评价得分");
        header("nextYearRequest", "下年度申请数", "下年度申请金额", "下年度预算申请");
        header("asOf", "截止日期", "监控截止日期");
        header("departmentCode", "部门编码");
        header("nextYearBaseline", "下年度项目支出基数", "下年度基数");
        header("regionCode", "下级区划编码", "区划编码", "行政区划代码");
        header("budgetYear", "基数年度", "基数预算年度");
        header("transferBaseline", "转移支付基数", "转移支付联动基数");

        column("level1", "一级指标");
        column("level2", "二级指标");
        column("name", "三级指标", "指标名称");
        column("code", "指标编码", "指标代码");
        column("type", "指标类型", "指标性质");
        column("operator", "比较符", "运算符", "指标方向");
        column("value", "指标值", "年度指标值", "目标值", "年度目标值");
        column("valueMax", "上限值", "指标上限");
        column("unit", "计量单位", "单位");
        column("valueSource", "指标值来源", "取值依据", "指标值设定依据");
        column("weight", "分值", "权重");
        column("actual", "实际完成值", "全年实际值", "完成值", "实际值");
        column("score", "得分");
        column("notApplicableReason", "不适用原因", "不适用说明");
        column("notApplicable", "是否不适用", "不适用");
    }

    private Labels() {
    }

    /** The label without spaces, colon and parenthesised parts; null for a blank cell. */
    static String normalize(String text) {
        if (text == null) {
            return null;
        }
        String s = SPACE.matcher(text).replaceAll("");
        while (s.endsWith(":") || s.endsWith("：")) {
            s = s.substring(0, s.length() - 1);
        }
        s = PAREN.matcher(s).replaceAll("");
        if (s.startsWith("其中")) {
            s = s.substring(2);
            while (s.startsWith(":") || s.startsWith("：")) {
                s = s.substring(1);
            }
        }
        return s.isEmpty() ? null : s;
    }

    /** Whether the label says its amounts are in 万元. */
    static boolean tenThousands(String text) {
        return text != null && SPACE.matcher(text).replaceAll("").matches(".*[（(]\\s*万元\\s*[）)].*");
    }

    /** The contract path of a header label, or null when the text is not one. */
    static String header(String text) {
        String n = normalize(text);
        if (n == null) {
            return null;
        }
        String path = HEADER.get(n);
        if (path == null && CONTRACT_PATH.matcher(n).matches() && CONTRACT_FIELDS.contains(n.split("\\.")[0])) {
            return n;
        }
        return path;
    }

    /** The indicator field of a table column heading, or null. */
    static String column(String text) {
        String n = normalize(text);
        if (n == null) {
            return null;
        }
        String field = COLUMN.get(n);
        if (field == null && n.startsWith("indicator.")) {
            return n.substring("indicator.".length());
        }
        return field;
    }

    /** Money fields: a label in 万元 multiplies them by 10 000. */
    static final List<String> MONEY = List.of("budgetAmount", "paidAmount", "nextYearRequest", "nextYearBaseline", "transferBaseline");

    /** Fields that are JSON numbers or booleans rather than strings in the contract. */
    static final List<String> INTEGER = List.of("year", "revision", "budgetYear");
    static final List<String> BOOLEAN = List.of("isNew", "isMajor", "confidential");
}
