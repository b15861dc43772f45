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
            rule(DepartmentComposite.LINK_DEPARTMENT_COMPOSITE, Phase.LINK, "部门综合得分与下年预算挂钩", "a department's composite score is linked to next year's budget"));

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
