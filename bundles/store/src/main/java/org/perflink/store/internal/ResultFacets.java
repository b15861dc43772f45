package org.perflink.store.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import org.perflink.api.model.Adjustment;
import org.perflink.api.model.Assessment;
import org.perflink.api.model.Finding;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Notice;
import org.perflink.api.model.Score;
import org.perflink.api.model.Verdict;
import org.perflink.api.model.Warning;

/**
 * What the admin page's result table filters a result by (issue 15), read from the typed result as it is queued:
 * its outcome, the department it names and its rule ids. A result without a typed body (a replayed dead letter, a
 * test's stand-in) has none, and the ledger keeps what it had.
 */
record ResultFacets(String outcome, String department, String ruleIds) {

    static final ResultFacets NONE = new ResultFacets(null, null, null);
    private static final int MAX_RULE_IDS = 2000;

    static ResultFacets of(HostResult result) {
        Object body = result.body();
        if (body instanceof Verdict v) {
            return of(name(v.outcome()), null, findingRules(v.findings()));
        }
        if (body instanceof Warning w) {
            return of(name(w.level()), null, rules(w.ruleId()));
        }
        if (body instanceof Score s) {
            return of(name(s.grade()), null, findingRules(s.findings()));
        }
        if (body instanceof Adjustment a) {
            return of(name(a.action()), a.scope() == Adjustment.Scope.DEPARTMENT ? a.subjectCode() : null,
                    rules(a.ruleId()));
        }
        if (body instanceof Notice n) {
            Set<String> ids = rules(n.ruleId());
            if (n.triggers() != null) {
                n.triggers().forEach(t -> add(ids, t.ruleId()));
            }
            return of(name(n.type()), n.departmentCode(), ids);
        }
        if (body instanceof Assessment a) {
            Set<String> ids = new LinkedHashSet<>();
            a.parts().forEach(p -> add(ids, p.ruleId()));
            return of(name(a.grade()), a.scope() == Assessment.Scope.DEPARTMENT ? a.subjectCode() : null, ids);
        }
        return NONE;
    }

    /** The column value of a rule id filter: the id between spaces, as {@link #ruleIds} holds each. */
    static String ruleIdPattern(String ruleId) {
        return "% " + PageQuery.escape(ruleId) + " %";
    }

    private static ResultFacets of(String outcome, String department, Set<String> ruleIds) {
        String joined = ruleIds.isEmpty() ? null : " " + String.join(" ", ruleIds) + " ";
        if (joined != null && joined.length() > MAX_RULE_IDS) {
            joined = joined.substring(0, joined.lastIndexOf(' ', MAX_RULE_IDS - 1) + 1); // whole ids only
        }
        return new ResultFacets(outcome, Jdbc.clip(department, Jdbc.MAX_KEY), joined);
    }

    private static Set<String> findingRules(java.util.List<Finding> findings) {
        Set<String> ids = new LinkedHashSet<>();
        findings.forEach(f -> add(ids, f.ruleId()));
        return ids;
    }

    private static Set<String> rules(String ruleId) {
        Set<String> ids = new LinkedHashSet<>();
        add(ids, ruleId);
        return ids;
    }

    private static void add(Set<String> ids, String ruleId) {
        if (ruleId != null && !ruleId.isBlank()) {
            ids.add(ruleId.strip().replace(' ', '_'));
        }
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
