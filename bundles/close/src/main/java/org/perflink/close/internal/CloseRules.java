package org.perflink.close.internal;

import java.util.ArrayList;
import java.util.List;

import org.perflink.api.rules.Param;
import org.perflink.close.internal.PolicyComposite;
import org.perflink.close.internal.RecordPoints;

/** The close stage's rule parameters with their built-in defaults, for the rule-pack report. */
public final class CloseRules {

    private CloseRules() {
    }

    public static List<Param> parameters() {
        List<Param> all = new ArrayList<>(GradeBands.parameters());
        all.addAll(ProjectScorer.parameters());
        all.addAll(LinkageCalculator.parameters());
        all.addAll(DepartmentComposite.parameters());
        all.addAll(RecordPoints.parameters());
        all.addAll(PolicyComposite.parameters());
        all.addAll(RegionComposite.parameters());
        all.addAll(NoticeIssuer.parameters());
        all.addAll(NoticeFollowUp.parameters());
        all.addAll(EvaluatorChecks.parameters());
        all.addAll(EvaluatorQuality.parameters());
        all.addAll(AssessmentParts.parameters());
        all.addAll(AssessmentRanking.parameters());
        return List.copyOf(all);
    }
}
