package org.perflink.close.internal;

import static java.math.BigDecimal.ZERO;

import java.math.BigDecimal;
import java.time.LocalDate;
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
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectEvaluationInput;
import org.perflink.api.rules.RulePack;
import org.perflink.api.stage.LinkSimulation.Case;
import org.perflink.api.stage.LinkSimulation.DepartmentChange;
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
                SimulatedComposites.compare(before.composites, after.composites));
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
                adjustment = records == null ? linkage.project(e, redWarnings)
                        : linkage.project(e, redWarnings, linkage.points().record(c.project(), e,
                                records.verdicts(e.projectCode()), records.warnings(e.projectCode())));
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
                // a lower region left out is shown with the reason, as the LINK logs it
                o.skipped().forEach(skip -> rejected.merge("REGION." + skip.lowerRegion(), pack.id() + ": " + skip.reason()
                        + " / " + skip.reasonEn(), (x, y) -> x + "; " + y));
            } catch (HostException e) {
                throw new IllegalStateException("lower regions of " + regionCode + ": " + e.getMessage(), e);
            }
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
