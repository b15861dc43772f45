package org.perflink.admin.internal;

import java.util.List;

import org.perflink.admin.report.CompileSupport;
import org.perflink.api.model.Stage;
import org.perflink.api.rules.Param;
import org.perflink.compile.internal.TargetChecker;

/** The compile stage (编制): {@link TargetChecker}'s parameters and rule catalogue. Loaded only when the bundle is there. */
final class CompileCatalog implements StageCatalog {

    @Override
    public Stage stage() {
        return Stage.COMPILE;
    }

    @Override
    public List<Param> parameters() {
        // parameters() is an instance method; a checker without an indicator library is enough to ask it.
        try (TargetChecker checker = CompileSupport.newChecker(null)) {
            return checker.parameters();
        }
    }

    @Override
    public List<RuleRef> rules() {
        return TargetChecker.rules().stream().map(r -> new RuleRef(r.ruleId(), r.defaultSeverity().name())).toList();
    }
}
