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
 * its total adjustment and of its notices, and the total budget effect.
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
        Side before = new Side(regionCode, year, current);
        Side after = new Side(regionCode, year, candidate);
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
        return new Report(current.id(), candidate.id(), changes, perDepartment, before.total, after.total, rejected);
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
        BigDecimal total = ZERO;

        Side(String regionCode, int year, RulePack pack) {
            this.regionCode = regionCode;
            this.pack = pack;
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
                adjustment = linkage.project(e, redWarnings);
            } catch (EvaluationInputException ex) {
                rejected.merge(e.projectCode(), pack.id() + ": " + ex.getMessage(), (x, y) -> x + "; " + y);
                adjustment = Optional.empty();
            }
            adjustment.ifPresent(a -> add(e.departmentCode(), a.deltaAmount()));
            return new Outcome(e.departmentCode(), e.grade(), adjustment);
        }

        void department(DepartmentEvaluationInput d, Map<String, String> rejected) {
            try {
                linkage.department(d).adjustment().ifPresent(a -> add(d.departmentCode(), a.deltaAmount()));
            } catch (EvaluationInputException ex) {
                rejected.merge(String.valueOf(d.departmentCode()), pack.id() + ": " + ex.getMessage(), (x, y) -> x + "; " + y);
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
