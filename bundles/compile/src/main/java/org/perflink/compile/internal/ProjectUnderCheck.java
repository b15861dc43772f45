package org.perflink.compile.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;

import org.perflink.api.model.Indicator;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.Target;
import org.perflink.compile.internal.CompilePhase.Adjusted;
import org.perflink.compile.internal.CompilePhase.Approved;
import org.perflink.compile.internal.CompilePhase.Declared;
import org.perflink.compile.internal.CompilePhase.Library;
import org.perflink.compile.internal.CompilePhase.Published;
import org.perflink.compile.internal.CompilePhase.Reviewed;

/**
 * A project as the compile-stage constraints see it. The API's {@link Project} stays free of
 * validation annotations; this view carries them: class-level constraints for the rules that compare
 * fields with each other (target vs budget phase and dates, cost vs budget, the indicator set), and
 * per-indicator constraints on {@link IndicatorUnderCheck}. Each constraint's group is the first
 * phase that runs it.
 */
@TargetCompiled(groups = {Declared.class, Adjusted.class})
@ReviewChainPassed(groups = Reviewed.class)
@ReviewGraded(groups = Reviewed.class)
@SyncedWithBudget(phase = Phase.APPROVED, groups = Approved.class)
@SyncedWithBudget(phase = Phase.PUBLISHED, groups = Published.class)
@DisclosedInTime(groups = Published.class)
@ExAnteAssessed(groups = Declared.class)
@CompleteIndicatorSystem(groups = {Declared.class, Adjusted.class})
@MostlyQuantified(groups = {Declared.class, Adjusted.class})
@DistinctIndicators(groups = {Declared.class, Adjusted.class})
@BalancedWeights(groups = {Declared.class, Adjusted.class})
@CostWithinBudget(groups = {Declared.class, Adjusted.class})
@LibraryAdmission(groups = Library.class)
@PeriodTargetConsistent(groups = Library.class)
@TargetAdjusted(groups = Adjusted.class)
public record ProjectUnderCheck(Project project, List<@Valid IndicatorUnderCheck> indicators, PriorRecords prior) {

    public ProjectUnderCheck {
        prior = prior == null ? PriorRecords.NONE : prior;
    }

    public ProjectUnderCheck(Project project, List<IndicatorUnderCheck> indicators) {
        this(project, indicators, PriorRecords.NONE);
    }

    public static ProjectUnderCheck of(Project project, IndicatorLibrary library) {
        return of(project, library, PriorRecords.NONE);
    }

    /** With what PerfLink and the host know of the project's earlier years (the LIBRARY rules read it). */
    public static ProjectUnderCheck of(Project project, IndicatorLibrary library, PriorRecords prior) {
        Target target = project.target();
        if (target == null || target.indicators().isEmpty()) {
            return new ProjectUnderCheck(project, List.of(), prior);
        }
        IndicatorLibrary.Lookup lookup = library.lookup(project.functionCode(), IndicatorLibrary.scopeOf(project.kind()));
        Set<String> coreNames = lookup.names();
        List<Indicator> source = target.indicators();
        List<IndicatorUnderCheck> indicators = new ArrayList<>(source.size());
        for (int i = 0; i < source.size(); i++) {
            indicators.add(IndicatorUnderCheck.of(i, source.get(i), project.functionCode(), lookup, coreNames));
        }
        return new ProjectUnderCheck(project, indicators, prior);
    }

    /** The performance target (绩效目标), null when the unit declared none. */
    public Target target() {
        return project.target();
    }
}
