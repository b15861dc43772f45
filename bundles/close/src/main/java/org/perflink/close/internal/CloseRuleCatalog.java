package org.perflink.close.internal;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Stage;
import org.perflink.api.rules.Param;
import org.perflink.api.stage.RuleCatalog;

/**
 * The close stage's rule catalogue (决算): scoring, grading, linkage and notice parameters, and the rules whose
 * findings and adjustments name them. A DS service in Karaf; listed in {@code META-INF/services} for
 * {@link java.util.ServiceLoader} outside it.
 */
@Component(service = RuleCatalog.class, property = RuleCatalog.STAGE_PROPERTY + "=CLOSE")
public final class CloseRuleCatalog implements RuleCatalog {

    private static final List<RuleInfo> RULES = List.of(
            rule(ProjectScorer.WEIGHTS_INVALID, Phase.EVALUATE, "指标权重不合规，按等权评分", "indicator weights do not add up: scored with equal weights"),
            rule(ProjectScorer.ACTUAL_UNREADABLE, Phase.EVALUATE, "指标实际值不可读", "an indicator's actual value cannot be read"),
            rule(ProjectScorer.INDICATOR_QUANT_INCOMPLETE, Phase.EVALUATE, "定量指标不完整，不予计分", "an incomplete quantitative indicator is not scored"),
            rule(ProjectScorer.EXECUTION_RATE_UNAVAILABLE, Phase.EVALUATE, "无法计算预算执行率", "the budget execution rate cannot be computed"),
            rule(ProjectScorer.SCORE_RESCALED, Phase.EVALUATE, "部分指标不适用，得分按比例折算", "some indicators do not apply: the score is rescaled"),
            rule(ProjectScorer.SELF_SCORE_INFLATED, Phase.EVALUATE, "自评分明显高于评价得分", "the self-assessed score is well above the evaluated one"),
            rule(LinkageCalculator.LINK_PROJECT_GRADE, Phase.LINK, "项目评价等级与下年预算挂钩", "a project's grade is linked to next year's budget"),
            rule(LinkageCalculator.LINK_POLICY_GRADE, Phase.LINK, "政策综合绩效与下年预算挂钩", "a policy's composite grade is linked to next year's budget"),
            rule(LinkageCalculator.LINK_TRANSFER_GRADE, Phase.LINK, "转移支付综合绩效与下年预算挂钩", "a transfer's composite grade is linked to next year's budget"),
            rule(DepartmentComposite.LINK_DEPARTMENT_COMPOSITE, Phase.LINK, "部门综合得分与下年预算挂钩", "a department's composite score is linked to next year's budget"),
            rule(RegionComposite.LINK_REGION_COMPOSITE, Phase.LINK, "下级地区综合绩效与转移支付挂钩", "a lower region's composite performance is linked to its transfers"),
            rule(EvaluatorChecks.CONFLICT, Phase.EVALUATE, "评价人与被评价单位存在关联或参与过事前评估，须回避，报告得分不予采用", "an evaluator is tied to the evaluated department or unit, or assessed the project ex ante: the report's score is not used"),
            rule(EvaluatorChecks.DEVIATION, Phase.EVALUATE, "第三方评价报告得分与按其实际值重算的得分偏差过大", "a third-party report's score is far from the score its own actuals give"),
            rule(EvaluatorChecks.LATE, Phase.EVALUATE, "第三方评价报告晚于合同约定提交", "a third-party report came after its contractual date"),
            rule(EvaluatorChecks.UNSCORED, Phase.EVALUATE, "第三方评价报告有指标未给出实际值", "a third-party report leaves indicators without actuals"),
            rule(EvaluatorQuality.RULE, Phase.LINK, "第三方机构年度评价工作质量等级", "a third-party institution's annual evaluation quality grade"),
            rule(NoticeFollowUp.FEEDBACK_OVERDUE, Phase.FOLLOW_UP, "跟踪问效：通知逾期未报送整改反馈（到期日前未报送且未获通过）",
                    "follow-up: no feedback on a notice was submitted by its due date and none was accepted"),
            rule(NoticeFollowUp.FEEDBACK_REJECTED, Phase.FOLLOW_UP, "跟踪问效：整改反馈未获通过，且在到期日及决定后notice.resubmitDays天内未重新报送",
                    "follow-up: the latest feedback was rejected and nothing was resubmitted by the due date and notice.resubmitDays after the decision"),
            rule(NoticeFollowUp.ESCALATED, Phase.FOLLOW_UP, "跟踪问效逐级升级：提醒敦促→要求整改→工作约谈→移交/报送（有违规线索的直接移交纪检监察）",
                    "follow-up escalation: reminder → rectification → interview → referral (a violation clue goes straight to discipline inspection)"),
            rule(AssessmentParts.TARGETS_ON_TIME, Phase.LINK, "考核：绩效目标与预算同步编制、审核、批复、公开（无四同步阻断项的项目占比）", "assessment: share of projects whose published target has no blocking SYNC_ finding"),
            rule(AssessmentParts.TARGETS_QUALITY, Phase.LINK, "考核：绩效目标质量（公开目标审核结论的平均得分）", "assessment: mean verdict points of the published targets"),
            rule(AssessmentParts.MONITORING_COVERAGE, Phase.LINK, "考核：绩效运行监控覆盖（无数据缺失预警的项目占比）", "assessment: share of projects without a NO_DATA warning"),
            rule(AssessmentParts.WARNINGS_HANDLED, Phase.LINK, "考核：预警纠偏（黄色、红色预警在下一轮监控中解除的占比）", "assessment: share of YELLOW/RED warnings cleared by the next round"),
            rule(AssessmentParts.SELF_EVAL_COVERAGE, Phase.LINK, "考核：绩效自评覆盖（报送自评分的项目占比）", "assessment: share of projects with a self-evaluation score"),
            rule(AssessmentParts.SELF_EVAL_HONESTY, Phase.LINK, "考核：绩效自评真实性（自评虚高项目占比的反面）", "assessment: one minus the share of self-evaluations found inflated"),
            rule(AssessmentParts.RECTIFICATION_ON_TIME, Phase.LINK, "考核：上年度通知书按期反馈并获认可的占比（需接口1.1整改反馈）", "assessment: share of last year's notices answered by their due date and accepted (needs contract 1.1 feedback)"),
            rule(AssessmentParts.RESULTS_APPLIED, Phase.LINK, "考核：压减、取消类挂钩结果在接续项目预算中落实的占比", "assessment: share of REDUCE/CANCEL adjustments the successor project's budget honoured"),
            rule(AssessmentRanking.PRAISE, Phase.LINK, "通报表扬：考核优秀、排名靠前、综合绩效良好以上且无逾期未结问题", "praise list: assessment EXCELLENT, ranked near the top, composite GOOD or better, no overdue open case"),
            rule(AssessmentRanking.CRITICISM, Phase.LINK, "通报批评：考核或综合绩效为差、问题升级至约谈或移交，或排名末位", "criticism list: assessment or composite POOR, a case reached INTERVIEW or REFERRAL, or ranked last"));

    @Activate
    public CloseRuleCatalog() {
        // stateless
    }

    private static RuleInfo rule(String ruleId, Phase phase, String zh, String en) {
        return new RuleInfo(ruleId, phase, null, zh, en);
    }

    @Override
    public Stage stage() {
        return Stage.CLOSE;
    }

    @Override
    public List<Param> parameters() {
        return CloseRules.parameters();
    }

    @Override
    public List<RuleInfo> rules() {
        return RULES;
    }
}
