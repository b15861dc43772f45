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
            rule(EvaluatorQuality.RULE, Phase.LINK, "第三方机构年度评价工作质量等级", "a third-party institution's annual evaluation quality grade"));

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
