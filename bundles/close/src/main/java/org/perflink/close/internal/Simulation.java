package org.perflink.close.internal;

import static java.math.BigDecimal.ZERO;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.perflink.api.hook.LowerRegions;
import org.perflink.api.hook.ResultHistory;
import org.perflink.api.host.HostException;
import org.perflink.api.host.HostGateway;
import org.perflink.api.model.Adjustment;
import org.perflink.api.model.DepartmentEvaluationInput;
import org.perflink.api.model.Grade;
import org.perflink.api.model.Notice;
import org.perflink.api.model.NoticeFeedback;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectEvaluationInput;
import org.perflink.api.model.Verdict;
import org.perflink.api.model.Warning;
import org.perflink.api.rules.RulePack;
import org.perflink.api.stage.LinkSimulation.Case;
import org.perflink.api.stage.LinkSimulation.DepartmentChange;
import org.perflink.api.stage.LinkSimulation.EscalationChange;
import org.perflink.api.stage.LinkSimulation.ProjectChange;
import org.perflink.api.stage.LinkSimulation.Report;

/**
 * What-if simulation (测算) of a candidate rule pack against the current one: everything the LINK phase
 * would write is computed under both packs in one pass over the data, nothing is written, and the
 * differences are reported — per project the changed grade/action/amount, per department the change of
 * its total adjustment and of its notices, every composite (department, policy/transfer, lower region) with its
 * coefficient or factor, and the total budget effect.
 */
public final class Simulation {

    private Simulation() {
    }

    /**
     * Runs both packs over the data, each input read once.
     *
     * @param history RED warnings for the REMINDER notice; {@link WarningHistory#NONE} when unknown
     */
    public static Report run(String regionCode, int year, Iterable<Case> cases,
            Iterable<DepartmentEvaluationInput> departments, RulePack current, RulePack candidate, WarningHistory history) {
        return run(regionCode, year, cases, departments, current, candidate, history, null, LowerRegions.NONE, null);
    }

    /**
     * As {@link #run(String, int, Iterable, Iterable, RulePack, RulePack, WarningHistory)}, with PerfLink's records
     * of the region: the components come from them as in the LINK phase (§4.1, §4.2), and the lower regions'
     * composites and transfer factors (§4.3) are simulated from theirs and {@code host}'s transfer baselines.
     *
     * @param records the region's verdicts, warnings and scores; null: unknown (the v1 linkage, host components only)
     * @param host the region's host for the lower regions' transfer baselines; null: no lower regions
     * @throws IllegalStateException when a host cannot be read for the lower regions
     */
    public static Report run(String regionCode, int year, Iterable<Case> cases, Iterable<DepartmentEvaluationInput> departments,
            RulePack current, RulePack candidate, WarningHistory history, ResultHistory records, LowerRegions lower,
            HostGateway host) {
        Side before = new Side(regionCode, year, current, records);
        Side after = new Side(regionCode, year, candidate, records);
        List<ProjectChange> changes = new ArrayList<>();
        Map<String, String> rejected = new TreeMap<>();
        for (Case c : cases) {
            String code = c.input().projectCode();
            int red = history.redWarnings(regionCode, year, code);
            Outcome b = before.project(c, red, rejected);
            Outcome a = after.project(c, red, rejected);
            if (!b.sameAs(a)) {
                String department = b.department != null ? b.department : a.department;
                Adjustment.Scope scope = b.adjustment.or(() -> a.adjustment).map(Adjustment::scope).orElse(null);
                changes.add(new ProjectChange(code, department, scope, b.grade, a.grade, b.action(), a.action(),
                        b.ratio(), a.ratio(), b.delta(), a.delta()));
            }
        }
        for (DepartmentEvaluationInput d : departments) {
            before.department(d, rejected);
            after.department(d, rejected);
        }
        if (host != null) {
            before.lowerRegions(host, lower, rejected);
            after.lowerRegions(host, lower, rejected);
        }
        List<EscalationChange> escalations = List.of();
        if (records != null) {
            // §6 as a LINK of today would rank, §5 as a FOLLOW_UP of today would escalate: the same notices and
            // feedback under both packs
            LocalDate today = LocalDate.now(ASSESSED_IN);
            List<NoticeFeedback> feedback = feedback(regionCode, year, host, rejected);
            before.assess(host != null && host.v11(), feedback, today);
            after.assess(host != null && host.v11(), feedback, today);
            if (host != null && host.v11()) {
                escalations = SimulatedEscalations.compare(records.yearNotices(year), feedback, current, candidate, today,
                        rejected);
            }
        }
        // Notice types do not depend on the date; any date will do.
        Map<String, Set<Notice.Type>> noticesBefore = before.noticeTypes(LocalDate.of(year + 1, 1, 1));
        Map<String, Set<Notice.Type>> noticesAfter = after.noticeTypes(LocalDate.of(year + 1, 1, 1));
        Set<String> codes = new TreeSet<>(before.totals.keySet());
        codes.addAll(after.totals.keySet());
        codes.addAll(noticesBefore.keySet());
        codes.addAll(noticesAfter.keySet());
        List<DepartmentChange> perDepartment = new ArrayList<>();
        for (String code : codes) {
            perDepartment.add(new DepartmentChange(code, before.totals.getOrDefault(code, ZERO),
                    after.totals.getOrDefault(code, ZERO), noticesBefore.getOrDefault(code, Set.of()),
                    noticesAfter.getOrDefault(code, Set.of())));
        }
        return new Report(current.id(), candidate.id(), changes, perDepartment, before.total, after.total, rejected,
                SimulatedComposites.compare(before.composites, after.composites),
                SimulatedAssessments.compare(before.assessments, after.assessments), escalations);
    }

    /** The day of a simulated assessment is taken in China Standard Time, the hosts' zone. */
    private static final ZoneOffset ASSESSED_IN = ZoneOffset.ofHours(8);

    /** The host's feedback on the notices of Y − 1 and Y (v1.1), as the LINK reads it; none from a 1.0 host. */
    private static List<NoticeFeedback> feedback(String regionCode, int year, HostGateway host, Map<String, String> rejected) {
        List<NoticeFeedback> out = new ArrayList<>();
        if (host == null || !host.v11()) {
            return out;
        }
        try {
            for (int y : new int[] {year - 1, year}) {
                // feedback of Y − 1 for the assessment's RECTIFICATION_ON_TIME; of Y for both
                FollowUpEvent.readFeedback(host, regionCode, y, CloseHook.FEEDBACK_PAGE,
                        (key, reason) -> rejected.merge(key, reason, (x, z) -> x + "; " + z), out::add);
            }
        } catch (HostException e) {
            throw new IllegalStateException("notice feedback of " + regionCode + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** A project's linkage under one pack; empty adjustment when it could not be evaluated or linked. */
    private record Outcome(String department, Grade grade, Optional<Adjustment> adjustment) {

        Adjustment.Action action() {
            return adjustment.map(Adjustment::action).orElse(null);
        }

        BigDecimal ratio() {
            return adjustment.map(Adjustment::ratio).orElse(null);
        }

        BigDecimal delta() {
            return adjustment.map(Adjustment::deltaAmount).orElse(ZERO);
        }

        boolean sameAs(Outcome other) {
            return grade == other.grade && action() == other.action()
                    && compare(ratio(), other.ratio()) && delta().compareTo(other.delta()) == 0;
        }

        private static boolean compare(BigDecimal x, BigDecimal y) {
            return x == null ? y == null : y != null && x.compareTo(y) == 0;
        }
    }

    /** Everything computed under one pack: the same calculators the hook uses. */
    private static final class Side {
        final String regionCode;
        final RulePack pack;
        final ProjectScorer scorer;
        final YearLinkage linkage;
        final SortedMap<String, BigDecimal> totals = new TreeMap<>();
        final SimulatedComposites composites = new SimulatedComposites();
        final SimulatedAssessments assessments = new SimulatedAssessments();
        final YearAssessment assessment;
        final List<SubjectFacts> lowerFacts = new ArrayList<>();
        final List<Notice> lowerNotices = new ArrayList<>();
        final ResultHistory records;
        final int year;
        BigDecimal total = ZERO;

        Side(String regionCode, int year, RulePack pack, ResultHistory records) {
            this.regionCode = regionCode;
            this.year = year;
            this.pack = pack;
            this.records = records;
            this.scorer = new ProjectScorer(pack);
            this.linkage = new YearLinkage(regionCode, year, pack);
            this.assessment = new YearAssessment(regionCode, year, pack);
        }

        Outcome project(Case c, int redWarnings, Map<String, String> rejected) {
            ProjectEvaluation e;
            try {
                e = scorer.evaluate(regionCode, c.project(), c.input());
            } catch (EvaluationInputException ex) {
                rejected.merge(c.input().projectCode(), pack.id() + ": " + ex.getMessage(), (x, y) -> x + "; " + y);
                return new Outcome(c.input().departmentCode(), null, Optional.empty());
            }
            Optional<Adjustment> adjustment;
            try {
                if (records == null) {
                    adjustment = linkage.project(e, redWarnings);
                } else {
                    List<Verdict> verdicts = records.verdicts(e.projectCode());
                    List<Warning> warnings = records.warnings(e.projectCode());
                    assessment.project(c.project(), e, verdicts, warnings,
                            CloseHook.predecessorAdjustments(records, c.project()));
                    adjustment = linkage.project(e, redWarnings, linkage.points().record(c.project(), e, verdicts, warnings));
                }
            } catch (EvaluationInputException ex) {
                rejected.merge(e.projectCode(), pack.id() + ": " + ex.getMessage(), (x, y) -> x + "; " + y);
                adjustment = Optional.empty();
            }
            adjustment.ifPresent(a -> add(e.departmentCode(), a.deltaAmount()));
            adjustment.ifPresent(composites::policy);
            return new Outcome(e.departmentCode(), e.grade(), adjustment);
        }

        void department(DepartmentEvaluationInput d, Map<String, String> rejected) {
            try {
                DepartmentComposite.DepartmentResult result = linkage.department(d);
                composites.department(result);
                assessment.composite(result.departmentCode(), result.score(), result.grade());
                result.adjustment().ifPresent(a -> add(d.departmentCode(), a.deltaAmount()));
            } catch (EvaluationInputException ex) {
                rejected.merge(String.valueOf(d.departmentCode()), pack.id() + ": " + ex.getMessage(), (x, y) -> x + "; " + y);
            }
        }

        /** The lower regions' composites under this pack (their envelopes: not added to the region's totals). */
        void lowerRegions(HostGateway host, LowerRegions lower, Map<String, String> rejected) {
            try {
                LowerRegionLinkage.Outcome o = new LowerRegionLinkage(regionCode, year, pack).link(host, lower, null,
                        (key, reason) -> rejected.merge(key, pack.id() + ": " + reason, (x, y) -> x + "; " + y));
                o.composites().forEach(composites::region);
                lowerFacts.addAll(o.assessed());
                lowerNotices.addAll(o.notices());
                // a lower region left out is shown with the reason, as the LINK logs it
                o.skipped().forEach(skip -> rejected.merge("REGION." + skip.lowerRegion(), pack.id() + ": " + skip.reason()
                        + " / " + skip.reasonEn(), (x, y) -> x + "; " + y));
            } catch (HostException e) {
                throw new IllegalStateException("lower regions of " + regionCode + ": " + e.getMessage(), e);
            }
        }

        /**
         * §6 under this pack: R's departments and lower regions ranked, with the notices PerfLink wrote to them, the
         * ones this pack's LINK would write on {@code asOf} and the host's feedback.
         */
        void assess(boolean feedbackAvailable, List<NoticeFeedback> feedback, LocalDate asOf) {
            NoticeCases cases = new NoticeCases(regionCode, year, asOf);
            feedback.forEach(cases::feedback);
            assessment.departmentCodes().forEach(code -> records.notices(code).forEach(cases::notice));
            lowerFacts.forEach(l -> records.notices(l.code()).forEach(cases::notice));
            linkage.notices(asOf).forEach(cases::notice);
            lowerNotices.forEach(cases::notice);
            assessments.add(assessment.assess(cases, cases, feedbackAvailable, lowerFacts, null));
        }

        Map<String, Set<Notice.Type>> noticeTypes(LocalDate date) {
            Map<String, Set<Notice.Type>> types = new HashMap<>();
            for (Notice n : linkage.notices(date)) {
                types.computeIfAbsent(n.departmentCode(), k -> EnumSet.noneOf(Notice.Type.class)).add(n.type());
            }
            return types;
        }

        private void add(String department, BigDecimal delta) {
            total = total.add(delta);
            if (department != null) {
                totals.merge(department, delta, BigDecimal::add);
            }
        }
    }
}
