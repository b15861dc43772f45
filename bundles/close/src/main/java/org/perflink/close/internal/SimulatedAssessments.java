package org.perflink.close.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.perflink.api.model.Assessment;
import org.perflink.api.stage.LinkSimulation.AssessmentChange;

/**
 * The work assessments (rules.md §6) one pack gives in a simulation; {@link #compare} sets two packs' side by side,
 * departments first, then lower regions, each by the current pack's rank (then the candidate's, then the code).
 * Not thread-safe; one per pack and run.
 */
final class SimulatedAssessments {

    private record Key(Assessment.Scope scope, String subject) {
    }

    private final Map<Key, Assessment> entries = new TreeMap<>(Comparator.comparing(Key::scope).thenComparing(Key::subject));

    void add(List<Assessment> assessments) {
        assessments.forEach(a -> entries.put(new Key(a.scope(), a.subjectCode()), a));
    }

    static List<AssessmentChange> compare(SimulatedAssessments before, SimulatedAssessments after) {
        Map<Key, Assessment> all = new TreeMap<>(Comparator.comparing(Key::scope).thenComparing(Key::subject));
        all.putAll(before.entries);
        all.putAll(after.entries);
        List<AssessmentChange> out = new ArrayList<>();
        for (Key k : all.keySet()) {
            Assessment b = before.entries.get(k);
            Assessment a = after.entries.get(k);
            out.add(new AssessmentChange(k.scope(), k.subject(), b == null ? null : b.total(), a == null ? null : a.total(),
                    b == null ? null : b.grade(), a == null ? null : a.grade(), b == null ? null : b.rank(),
                    a == null ? null : a.rank(), b == null ? null : b.list(), a == null ? null : a.list()));
        }
        Comparator<Integer> rank = Comparator.nullsLast(Comparator.naturalOrder());
        out.sort(Comparator.comparing(AssessmentChange::scope).thenComparing(AssessmentChange::rankBefore, rank)
                .thenComparing(AssessmentChange::rankAfter, rank).thenComparing(AssessmentChange::subjectCode));
        return out;
    }
}
