package org.perflink.api.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.perflink.api.host.HostException;
import org.perflink.api.host.HostGateway;
import org.perflink.api.model.Evaluator;

/**
 * The tie test of {@code EVALUATOR_CONFLICT} (rules.md §10), shared by the compile stage (who assessed a project ex
 * ante) and the close stage (who produced its key evaluation): an evaluator, or the institution an expert belongs
 * to, tied to the project's department or unit at some time in a window that reaches back
 * {@code evaluator.conflict.coolingYears} whole years.
 */
public final class EvaluatorTies {

    public static final Param COOLING_YEARS = Param.of("evaluator.conflict.coolingYears", "3",
            "years before the evaluated year in which a tie to the department or unit still conflicts (P)");

    /** The days a tie must overlap to conflict, both ends included. */
    public record Window(LocalDate from, LocalDate to) {

        /** 1 January of {@code fromYear} − {@code coolingYears} through 31 December of {@code toYear}. */
        public static Window cooling(int fromYear, int toYear, int coolingYears) {
            return new Window(LocalDate.of(fromYear - coolingYears, 1, 1), LocalDate.of(toYear, 12, 31));
        }

        @Override
        public String toString() {
            return from + ".." + to;
        }
    }

    /**
     * One conflicting tie: {@code evaluatorId} is the evaluator as named (on the assessment or the evaluation),
     * {@code tied} the registry entry holding the tie (the evaluator itself or its institution), {@code with} the
     * department or unit code the tie binds.
     */
    public record Conflict(String evaluatorId, Evaluator tied, Evaluator.Tie tie, String with) {
    }

    private static final int PAGE = 200;

    private EvaluatorTies() {
    }

    /** The region's registry at the host (v1.1 pull {@code evaluators}) by id; entries that did not parse are left out. */
    public static Map<String, Evaluator> registry(HostGateway host, String regionCode) throws HostException {
        Map<String, Evaluator> byId = new HashMap<>();
        HostGateway.forEach(cursor -> host.evaluators(regionCode, cursor, PAGE), item -> {
            if (item.valid() && item.value().evaluatorId() != null) {
                byId.put(item.value().evaluatorId(), item.value());
            }
        });
        return byId;
    }

    /**
     * The ties of the named evaluators, and of each expert's institution, to {@code departmentCode} or
     * {@code unitCode} that overlap the window, in the order named; a tie is given once even when several experts of
     * its institution are named. Ids the registry does not hold have no ties.
     */
    public static List<Conflict> conflicts(Collection<String> evaluatorIds, Map<String, Evaluator> registry,
            String departmentCode, String unitCode, Window window) {
        List<Conflict> out = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (String id : evaluatorIds) {
            Evaluator e = registry.get(id);
            if (e == null) {
                continue;
            }
            List<Evaluator> withInstitution = new ArrayList<>(2);
            withInstitution.add(e);
            if (e.institutionId() != null && registry.containsKey(e.institutionId())) {
                withInstitution.add(registry.get(e.institutionId()));
            }
            for (Evaluator tied : withInstitution) {
                for (Evaluator.Tie tie : tied.ties()) {
                    boolean sameDept = tie.departmentCode() != null && tie.departmentCode().equals(departmentCode);
                    boolean sameUnit = tie.unitCode() != null && tie.unitCode().equals(unitCode);
                    if ((sameDept || sameUnit) && tie.overlaps(window.from(), window.to())
                            && reported.add(tied.evaluatorId() + "|" + tie)) {
                        out.add(new Conflict(id, tied, tie, sameDept ? tie.departmentCode() : tie.unitCode()));
                    }
                }
            }
        }
        return out;
    }
}
