package org.perflink.compile.internal;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.perflink.api.model.Stage;
import org.perflink.api.rules.Param;
import org.perflink.api.stage.RuleCatalog;

/**
 * The compile stage's rule catalogue (编制): the checker's parameters and rules with a short description each.
 * A DS service in Karaf; listed in {@code META-INF/services} for {@link java.util.ServiceLoader} outside it.
 */
@Component(service = RuleCatalog.class, property = RuleCatalog.STAGE_PROPERTY + "=COMPILE")
public final class CompileRuleCatalog implements RuleCatalog {

    /** Rule id → {zh, en}, after rules.md §1. */
    private static final Map<String, String[]> TEXTS = Map.ofEntries(
            text("SYNC_COMPILE_TARGET_MISSING", "项目无绩效目标或无指标", "the project has no target, or no indicators"),
            text("SYNC_REVIEW_TARGET_NOT_REVIEWED", "目标未随预算经单位、部门、财政三级审核", "the target was not reviewed with the budget at all three levels"),
            text("SYNC_REVIEW_TARGET_RETURNED", "目标最近一次审核被退回", "the target's latest review returned it"),
            text("SYNC_APPROVE_TARGET_NOT_APPROVED", "目标未随预算批复", "the target was not approved with the budget"),
            text("SYNC_APPROVE_DATE_MISMATCH", "目标与预算批复日期不一致", "target and budget were approved on different dates"),
            text("SYNC_PUBLISH_TARGET_NOT_PUBLISHED", "目标未随预算公开", "the target was not published with the budget"),
            text("SYNC_PUBLISH_DATE_MISMATCH", "目标与预算公开日期不一致", "target and budget were published on different dates"),
            text("EX_ANTE_REQUIRED", "新增或重大项目达到金额须做事前绩效评估", "a new or major project above the threshold needs an ex-ante assessment"),
            text("EX_ANTE_NOT_SUPPORTED", "事前评估结论为不予支持", "the ex-ante assessment did not support the project"),
            text("INDICATOR_OUTPUT_MISSING", "缺少产出指标", "no output indicator"),
            text("INDICATOR_BENEFIT_MISSING", "缺少效益指标", "no benefit indicator"),
            text("INDICATOR_SATISFACTION_MISSING", "缺少满意度指标", "no satisfaction indicator"),
            text("INDICATOR_OUTPUT_DIMENSION_MISSING", "产出指标缺数量、质量或时效", "output lacks quantity, quality or timeliness"),
            text("INDICATOR_COST_MISSING", "缺少成本指标", "no cost indicator"),
            text("INDICATOR_QUANT_INCOMPLETE", "定量指标缺运算符、值或单位", "a quantitative indicator lacks operator, value or unit"),
            text("INDICATOR_QUANT_SHARE_LOW", "定量指标占比偏低", "too few quantitative indicators"),
            text("INDICATOR_DUPLICATE", "指标重复", "two indicators are the same"),
            text("INDICATOR_VALUE_SOURCE_MISSING", "定量指标未注明数据来源", "a quantitative indicator names no value source"),
            text("COST_EXCEEDS_BUDGET", "成本指标超过预算金额", "a cost indicator exceeds the budget"),
            text("WEIGHTS_INVALID", "指标权重不合规", "indicator weights do not add up"),
            text("GOAL_MISSING", "缺少总体目标", "no overall goal"),
            text("LIBRARY_UNKNOWN_INDICATOR", "指标不在核心指标库中", "an indicator is not in the core-indicator library"),
            text("LIBRARY_UNIT_MISMATCH", "指标计量单位与指标库不一致", "an indicator's unit differs from the library's entry"),
            text("LIBRARY_VALUE_TOO_EASY", "指标值明显低于指标库标准或历史值", "an indicator's value is well below the library's standard or history"),
            text("LIBRARY_VALUE_OUT_OF_RANGE", "指标值超出指标库标准区间", "an indicator's value is outside the library's standard range"),
            text("REVIEW_GRADE_POOR", "目标审核评为差", "a review graded the target poor"),
            text("REVIEW_GRADE_MEDIUM", "目标审核评为中", "a review graded the target medium"),
            text("LIBRARY_TARGET_MISSING", "入库项目未填报绩效目标", "a library entry has no performance target"),
            text("LIBRARY_EX_ANTE_DEPARTMENT_REQUIRED", "入库项目达到金额须做部门事前评估", "a library entry above the threshold needs a department ex-ante assessment"),
            text("LIBRARY_EX_ANTE_FINANCE_REQUIRED", "入库项目达到金额须做财政事前评估", "a library entry above the threshold needs a finance ex-ante assessment"),
            text("LIBRARY_POOR_NOT_RECTIFIED", "前序项目评价为差且未整改到位", "the predecessor was graded poor and not rectified"),
            text("LIBRARY_PERIOD_ENDED", "延续项目实施期已结束且无新评估", "a continuing project's period has ended without a new assessment"),
            text("LIBRARY_PERIOD_TARGET_INCONSISTENT", "年度目标与实施期目标不一致", "the annual target is inconsistent with the period target"),
            text("ADJUST_TOO_LATE", "目标调整晚于截止日期", "the target adjustment came after the deadline"),
            text("ADJUST_TARGET_LOWERED", "已批复指标被调低且无调整理由", "an approved indicator was lowered without a reason"),
            text("ADJUST_NOT_TOGETHER", "目标与预算未同步调整", "the target and the budget did not move together"),
            text("EVALUATOR_CONFLICT", "事前评估的评估人与项目单位存在利益关联，须回避", "an ex-ante assessor is tied to the project's department or unit and must stand aside"),
            text("DISCLOSE_LATE", "绩效目标晚于预算批复后规定天数公开", "the target was published too long after the budget's approval"));

    private final List<Param> parameters;
    private final List<RuleInfo> rules;

    @Activate
    public CompileRuleCatalog() {
        // parameters() is the checker's own list; a checker without a library is enough to ask it.
        try (TargetChecker checker = new TargetChecker()) {
            this.parameters = checker.parameters();
        }
        this.rules = TargetChecker.rules().stream().map(r -> {
            String[] t = TEXTS.getOrDefault(r.ruleId(), new String[] {"", ""});
            return new RuleInfo(r.ruleId(), r.phase(), r.defaultSeverity(), t[0], t[1]);
        }).toList();
    }

    private static Map.Entry<String, String[]> text(String ruleId, String zh, String en) {
        return Map.entry(ruleId, new String[] {zh, en});
    }

    @Override
    public Stage stage() {
        return Stage.COMPILE;
    }

    @Override
    public List<Param> parameters() {
        return parameters;
    }

    @Override
    public List<RuleInfo> rules() {
        return rules;
    }
}
