package org.perflink.admin.internal;

import java.util.List;

import org.perflink.api.model.Stage;
import org.perflink.api.rules.Param;
import org.perflink.close.internal.CloseRules;
import org.perflink.close.internal.DepartmentComposite;
import org.perflink.close.internal.LinkageCalculator;
import org.perflink.close.internal.ProjectScorer;

/** The close stage (决算): scoring, grading, linkage and notice parameters. Loaded only when the bundle is there. */
final class CloseCatalog implements StageCatalog {

    @Override
    public Stage stage() {
        return Stage.CLOSE;
    }

    @Override
    public List<Param> parameters() {
        return CloseRules.parameters();
    }

    @Override
    public List<RuleRef> rules() {
        return List.of(new RuleRef(ProjectScorer.WEIGHTS_INVALID, null),
                new RuleRef(ProjectScorer.ACTUAL_UNREADABLE, null),
                new RuleRef(ProjectScorer.INDICATOR_QUANT_INCOMPLETE, null),
                new RuleRef(ProjectScorer.EXECUTION_RATE_UNAVAILABLE, null),
                new RuleRef(ProjectScorer.SCORE_RESCALED, null),
                new RuleRef(ProjectScorer.SELF_SCORE_INFLATED, null),
                new RuleRef(LinkageCalculator.LINK_PROJECT_GRADE, null),
                new RuleRef(LinkageCalculator.LINK_POLICY_GRADE, null),
                new RuleRef(LinkageCalculator.LINK_TRANSFER_GRADE, null),
                new RuleRef(DepartmentComposite.LINK_DEPARTMENT_COMPOSITE, null));
    }
}
