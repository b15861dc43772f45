package org.perflink.compile.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;

import org.perflink.api.model.Evaluator;
import org.perflink.api.model.ExAnte;
import org.perflink.api.model.Indicator;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.Target;
import org.perflink.api.rules.EvaluatorTies;
import org.perflink.api.rules.RulePack;
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
 * phase that runs it. {@code evaluators} is the host's registry (专家库, 第三方机构) when the project's ex-ante
 * assessment names evaluators and the host offers it (v1.1), else empty: an offline check cannot see conflicts.
 */
@TargetCompiled(groups = {Declared.class, Adjusted.class})
@ReviewChainPassed(groups = Reviewed.class)
@ReviewGraded(groups = Reviewed.class)
@SyncedWithBudget(phase = Phase.APPROVED, groups = Approved.class)
@SyncedWithBudget(phase = Phase.PUBLISHED, groups = Published.class)
@DisclosedInTime(groups = Published.class)
@ExAnteAssessed(groups = Declared.class)
@ExAnteIndependent(groups = {Library.class, Declared.class})
@CompleteIndicatorSystem(groups = {Declared.class, Adjusted.class})
@MostlyQuantified(groups = {Declared.class, Adjusted.class})
@DistinctIndicators(groups = {Declared.class, Adjusted.class})
@BalancedWeights(groups = {Declared.class, Adjusted.class})
@CostWithinBudget(groups = {Declared.class, Adjusted.class})
@LibraryAdmission(groups = Library.class)
@PeriodTargetConsistent(groups = Library.class)
@TargetAdjusted(groups = Adjusted.class)
public record ProjectUnderCheck(Project project, List<@Valid IndicatorUnderCheck> indicators, PriorRecords prior,
        Map<String, Evaluator> evaluators) {

    public ProjectUnderCheck {
        prior = prior == null ? PriorRecords.NONE : prior;
        // the event's registry, shared by its projects: a view, not a copy per project
        evaluators = evaluators == null ? Map.of() : Collections.unmodifiableMap(evaluators);
    }

    public ProjectUnderCheck(Project project, List<IndicatorUnderCheck> indicators, PriorRecords prior) {
        this(project, indicators, prior, Map.of());
    }

    public ProjectUnderCheck(Project project, List<IndicatorUnderCheck> indicators) {
        this(project, indicators, PriorRecords.NONE);
    }

    public static ProjectUnderCheck of(Project project, IndicatorLibrary library) {
        return of(project, library, PriorRecords.NONE);
    }

    /** With what PerfLink and the host know of the project's earlier years (the LIBRARY rules read it). */
    public static ProjectUnderCheck of(Project project, IndicatorLibrary library, PriorRecords prior) {
        return of(project, library, prior, Map.of());
    }

    /** And with the host's evaluator registry, for the ex-ante assessment's conflicts (§10). */
    public static ProjectUnderCheck of(Project project, IndicatorLibrary library, PriorRecords prior,
            Map<String, Evaluator> evaluators) {
        Target target = project.target();
        if (target == null || target.indicators().isEmpty()) {
            return new ProjectUnderCheck(project, List.of(), prior, evaluators);
        }
        IndicatorLibrary.Lookup lookup = library.lookup(project.functionCode(), IndicatorLibrary.scopeOf(project.kind()));
        Set<String> coreNames = lookup.names();
        List<Indicator> source = target.indicators();
        List<IndicatorUnderCheck> indicators = new ArrayList<>(source.size());
        for (int i = 0; i < source.size(); i++) {
            indicators.add(IndicatorUnderCheck.of(i, source.get(i), project.functionCode(), lookup, coreNames));
        }
        return new ProjectUnderCheck(project, indicators, prior, evaluators);
    }

    /**
     * The ties of the ex-ante assessment's evaluators (or their institutions) to the project's department or unit
     * that conflict (rules.md §10 on ex-ante assessments): from 1 January of the assessment's year − the cooling
     * years through 31 December of the project's year (the assessment's year is the project's when it has no date
     * or a later one). None when the assessment names nobody or the registry is unknown.
     */
    public List<EvaluatorTies.Conflict> exAnteConflicts(RulePack pack) {
        ExAnte exAnte = project.exAnte();
        if (exAnte == null || exAnte.evaluatorIds().isEmpty() || evaluators.isEmpty()) {
            return List.of();
        }
        return EvaluatorTies.conflicts(exAnte.evaluatorIds(), evaluators, project.departmentCode(), project.unitCode(),
                exAnteWindow(pack));
    }

    /** The window {@link #exAnteConflicts} checks. */
    public EvaluatorTies.Window exAnteWindow(RulePack pack) {
        ExAnte exAnte = project.exAnte();
        int year = project.year();
        int assessed = exAnte == null || exAnte.date() == null ? year : Math.min(year, exAnte.date().getYear());
        return EvaluatorTies.Window.cooling(assessed, year, pack.integer(EvaluatorTies.COOLING_YEARS));
    }

    /**
     * Whether the ex-ante assessment counts as finished: DONE, and not voided by a conflict of its evaluators (when
     * the region has {@code EVALUATOR_CONFLICT} on). The rules that require an assessment ask this.
     */
    public boolean exAnteDone(RulePack pack) {
        ExAnte exAnte = project.exAnte();
        return exAnte != null && exAnte.done() && !exAnteVoided(pack);
    }

    /** A DONE assessment that a conflict of its evaluators voids. */
    public boolean exAnteVoided(RulePack pack) {
        ExAnte exAnte = project.exAnte();
        return exAnte != null && exAnte.done() && pack.enabled(Rule.EVALUATOR_CONFLICT.id())
                && !exAnteConflicts(pack).isEmpty();
    }

    /** The performance target (绩效目标), null when the unit declared none. */
    public Target target() {
        return project.target();
    }
}
