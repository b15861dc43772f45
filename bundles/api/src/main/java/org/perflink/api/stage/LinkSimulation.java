package org.perflink.api.stage;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.perflink.api.hook.LowerRegions;
import org.perflink.api.hook.ResultHistory;
import org.perflink.api.host.HostGateway;
import org.perflink.api.model.Adjustment;
import org.perflink.api.model.Assessment;
import org.perflink.api.model.DepartmentEvaluationInput;
import org.perflink.api.model.Grade;
import org.perflink.api.model.Notice;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectEvaluationInput;
import org.perflink.api.rules.RulePack;

/**
 * What-if simulation (测算) of a candidate rule pack against the current one, published by the close stage:
 * everything the LINK phase would write is computed under both packs in one pass over the data, nothing is
 * written, and the differences are reported.
 */
@ProviderType
public interface LinkSimulation {

    /**
     * Runs both packs over the data, each input read once.
     *
     * @param history what PerfLink already wrote for the region (e.g. the year's RED warnings);
     *                {@link #NO_HISTORY} when unknown
     */
    Report simulate(String regionCode, int year, Iterable<Case> cases, Iterable<DepartmentEvaluationInput> departments,
            RulePack current, RulePack candidate, ResultHistory history);

    /**
     * As {@link #simulate(String, int, Iterable, Iterable, RulePack, RulePack, ResultHistory)}, with PerfLink's whole
     * record of the region ({@code history} holds its verdicts, warnings and scores): the components come from the
     * records as the LINK phase computes them (rules.md §4.1, §4.2), and the lower regions' composites and transfer
     * factors (§4.3) are simulated too, from their records and {@code host}'s transfer baselines. Since 1.2; by default
     * without either.
     */
    default Report simulate(String regionCode, int year, Iterable<Case> cases, Iterable<DepartmentEvaluationInput> departments,
            RulePack current, RulePack candidate, ResultHistory history, LowerRegions lowerRegions, HostGateway host) {
        return simulate(regionCode, year, cases, departments, current, candidate, history);
    }

    /** A history with nothing in it. */
    ResultHistory NO_HISTORY = projectCode -> List.of();

    /** One project of the evaluated year with its targets. */
    record Case(Project project, ProjectEvaluationInput input) {
    }

    /** A project whose linkage differs; a side that could not be linked has null action and a zero delta. */
    record ProjectChange(String projectCode, String departmentCode, Adjustment.Scope scope,
            Grade gradeBefore, Grade gradeAfter, Adjustment.Action actionBefore, Adjustment.Action actionAfter,
            BigDecimal ratioBefore, BigDecimal ratioAfter, BigDecimal deltaBefore, BigDecimal deltaAfter) {

        /** Candidate minus current, in 元. */
        public BigDecimal effect() {
            return deltaAfter.subtract(deltaBefore);
        }
    }

    /** A department's total adjustment (its projects' plus its composite's) and notice types under both packs. */
    record DepartmentChange(String departmentCode, BigDecimal totalBefore, BigDecimal totalAfter,
            Set<Notice.Type> noticesBefore, Set<Notice.Type> noticesAfter) {

        public DepartmentChange {
            noticesBefore = Set.copyOf(noticesBefore);
            noticesAfter = Set.copyOf(noticesAfter);
        }

        public BigDecimal change() {
            return totalAfter.subtract(totalBefore);
        }

        public boolean changed() {
            return change().signum() != 0 || !noticesBefore.equals(noticesAfter);
        }
    }

    /**
     * A composite under both packs (since 1.2): a DEPARTMENT's (§3.3), a POLICY/TRANSFER project's (§4.2) or a lower
     * REGION's (§4.3), with its coefficient or factor ({@code null} where a pack gives none) and its adjustment's delta.
     * A side that gave no composite has null score and grade.
     */
    record CompositeChange(Adjustment.Scope scope, String subjectCode, BigDecimal scoreBefore, BigDecimal scoreAfter,
            Grade gradeBefore, Grade gradeAfter, BigDecimal factorBefore, BigDecimal factorAfter,
            BigDecimal deltaBefore, BigDecimal deltaAfter) {

        public boolean changed() {
            return !same(scoreBefore, scoreAfter) || gradeBefore != gradeAfter || !same(factorBefore, factorAfter)
                    || !same(deltaBefore, deltaAfter);
        }

        private static boolean same(BigDecimal x, BigDecimal y) {
            return x == null ? y == null : y != null && x.compareTo(y) == 0;
        }
    }

    /**
     * A subject's work assessment (rules.md §6) under both packs (since 1.3): a DEPARTMENT of the region or a lower
     * REGION, its total (2 decimals), grade, rank among its peers and list ({@code PRAISE}, {@code CRITICISM} or null).
     * A side that did not assess it has null total, grade and rank.
     */
    record AssessmentChange(Assessment.Scope scope, String subjectCode, BigDecimal totalBefore, BigDecimal totalAfter,
            Grade gradeBefore, Grade gradeAfter, Integer rankBefore, Integer rankAfter, String listBefore,
            String listAfter) {

        public boolean changed() {
            return !Objects.equals(totalBefore == null ? null : totalBefore.stripTrailingZeros(),
                    totalAfter == null ? null : totalAfter.stripTrailingZeros())
                    || gradeBefore != gradeAfter || !Objects.equals(rankBefore, rankAfter)
                    || !Objects.equals(listBefore, listAfter);
        }
    }

    /**
     * A case of the year's notices (rules.md §5) as a CLOSE/FOLLOW_UP on the simulation's day would follow it up under
     * both packs (since 1.3): the step it would issue ({@code null}: none) and, for a REFERRAL, where to.
     */
    record EscalationChange(String caseId, Notice.Scope scope, String subjectCode, String stepBefore, String stepAfter,
            Notice.ReferralTo referralBefore, Notice.ReferralTo referralAfter) {

        public boolean changed() {
            return !Objects.equals(stepBefore, stepAfter) || referralBefore != referralAfter;
        }
    }

    /**
     * @param projects    projects whose linkage differs, in input order
     * @param departments every department seen, by code
     * @param rejected    subjects that could not be evaluated under a pack, with the reason
     * @param composites  every composite either pack gave (since 1.2)
     * @param assessments every subject either pack assessed (§6, since 1.3; with the region's records only), by
     *                    scope (departments, then lower regions) and the current pack's rank
     * @param escalations every open case of the year's notices that either pack would escalate today (§5, since 1.3;
     *                    with the region's records and a v1.1 host only), by case id
     */
    record Report(String currentPack, String candidatePack, List<ProjectChange> projects,
            List<DepartmentChange> departments, BigDecimal totalBefore, BigDecimal totalAfter,
            Map<String, String> rejected, List<CompositeChange> composites, List<AssessmentChange> assessments,
            List<EscalationChange> escalations) {

        public Report {
            projects = List.copyOf(projects);
            departments = List.copyOf(departments);
            rejected = Map.copyOf(rejected);
            composites = composites == null ? List.of() : List.copyOf(composites);
            assessments = assessments == null ? List.of() : List.copyOf(assessments);
            escalations = escalations == null ? List.of() : List.copyOf(escalations);
        }

        /** A report without work assessments (before 1.3). */
        public Report(String currentPack, String candidatePack, List<ProjectChange> projects,
                List<DepartmentChange> departments, BigDecimal totalBefore, BigDecimal totalAfter,
                Map<String, String> rejected, List<CompositeChange> composites) {
            this(currentPack, candidatePack, projects, departments, totalBefore, totalAfter, rejected, composites, List.of(),
                    List.of());
        }

        /** A report without composites (before 1.2). */
        public Report(String currentPack, String candidatePack, List<ProjectChange> projects,
                List<DepartmentChange> departments, BigDecimal totalBefore, BigDecimal totalAfter,
                Map<String, String> rejected) {
            this(currentPack, candidatePack, projects, departments, totalBefore, totalAfter, rejected, List.of());
        }

        /** The total budget effect of switching to the candidate pack, in 元. */
        public BigDecimal budgetEffect() {
            return totalAfter.subtract(totalBefore);
        }
    }
}
