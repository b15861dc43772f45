package org.perflink.execute.internal;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Stage;
import org.perflink.api.rules.Param;
import org.perflink.api.stage.RuleCatalog;

/**
 * The execute stage's rule catalogue (执行): dual monitoring's parameters and warning types. Warnings are graded
 * BLUE/YELLOW/RED by thresholds, not by a severity a pack sets. A DS service in Karaf; listed in
 * {@code META-INF/services} for {@link java.util.ServiceLoader} outside it.
 */
@Component(service = RuleCatalog.class, property = RuleCatalog.STAGE_PROPERTY + "=EXECUTE")
public final class ExecuteRuleCatalog implements RuleCatalog {

    private static final List<RuleInfo> RULES = List.of(
            rule(DualMonitor.RULE_EXECUTION_LAG, "预算执行进度落后于时间进度", "budget execution lags behind time"),
            rule(DualMonitor.RULE_EXECUTION_LAG_KEY, "重点监控项目8月底执行率不足", "a key project spent too little by the end of August"),
            rule(DualMonitor.RULE_EXECUTION_LAG_RECLAIM, "年末执行严重滞后，建议收回或调减闲置资金",
                    "far behind late in the year: reclaim or reduce the idle money"),
            rule(DualMonitor.RULE_TARGET_DEVIATION, "指标完成进度偏离目标", "an indicator's progress deviates from its target"),
            rule(DualMonitor.RULE_TARGET_AT_RISK, "指标目标难以实现", "an indicator's target is at risk"),
            rule(DualMonitor.RULE_NO_DATA, "无执行数据或预算为零", "no execution data, or a zero budget"));

    @Activate
    public ExecuteRuleCatalog() {
        // stateless
    }

    private static RuleInfo rule(String ruleId, String zh, String en) {
        return new RuleInfo(ruleId, Phase.MONITOR, null, zh, en);
    }

    @Override
    public Stage stage() {
        return Stage.EXECUTE;
    }

    @Override
    public List<Param> parameters() {
        return DualMonitor.PARAMS;
    }

    @Override
    public List<RuleInfo> rules() {
        return RULES;
    }
}
