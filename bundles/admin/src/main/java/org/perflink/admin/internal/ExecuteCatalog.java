package org.perflink.admin.internal;

import java.util.List;

import org.perflink.api.model.Stage;
import org.perflink.api.rules.Param;
import org.perflink.execute.DualMonitor;

/** The execute stage (执行): dual monitoring's parameters and warning types. Loaded only when the bundle is there. */
final class ExecuteCatalog implements StageCatalog {

    @Override
    public Stage stage() {
        return Stage.EXECUTE;
    }

    @Override
    public List<Param> parameters() {
        return DualMonitor.PARAMS;
    }

    @Override
    public List<RuleRef> rules() {
        // Warnings are graded BLUE/YELLOW/RED by thresholds, not by a severity a pack sets.
        return List.of(new RuleRef(DualMonitor.RULE_EXECUTION_LAG, null),
                new RuleRef(DualMonitor.RULE_EXECUTION_LAG_KEY, null),
                new RuleRef(DualMonitor.RULE_EXECUTION_LAG_RECLAIM, null),
                new RuleRef(DualMonitor.RULE_TARGET_DEVIATION, null),
                new RuleRef(DualMonitor.RULE_TARGET_AT_RISK, null),
                new RuleRef(DualMonitor.RULE_NO_DATA, null));
    }
}
