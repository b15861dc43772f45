package org.perflink.api.stage;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.perflink.api.hook.ResultHistory;
import org.perflink.api.model.Adjustment;
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
     * @param projects    projects whose linkage differs, in input order
     * @param departments every department seen, by code
     * @param rejected    subjects that could not be evaluated under a pack, with the reason
     */
    record Report(String currentPack, String candidatePack, List<ProjectChange> projects,
            List<DepartmentChange> departments, BigDecimal totalBefore, BigDecimal totalAfter,
            Map<String, String> rejected) {

        public Report {
            projects = List.copyOf(projects);
            departments = List.copyOf(departments);
            rejected = Map.copyOf(rejected);
        }

        /** The total budget effect of switching to the candidate pack, in 元. */
        public BigDecimal budgetEffect() {
            return totalAfter.subtract(totalBefore);
        }
    }
}
