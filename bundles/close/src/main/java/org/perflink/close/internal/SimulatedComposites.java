package org.perflink.close.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.perflink.api.model.Adjustment;
import org.perflink.api.model.Grade;
import org.perflink.api.stage.LinkSimulation.CompositeChange;

/**
 * The composites one pack gives in a simulation (what-if 测算): each department's (§3.3), each POLICY/TRANSFER project
 * linked by its composite (§4.2) and each lower region's (§4.3), with its coefficient or factor and its adjustment's
 * delta; {@link #compare} sets two packs' side by side. Not thread-safe; one per pack and run.
 */
final class SimulatedComposites {

    private record Entry(BigDecimal score, Grade grade, BigDecimal factor, BigDecimal delta) {
    }

    private record Key(Adjustment.Scope scope, String subject) {
    }

    /** Departments first, then policies and transfers, then lower regions; by code inside each. */
    private static final Comparator<Key> ORDER = Comparator.<Key>comparingInt(k -> switch (k.scope()) {
        case DEPARTMENT -> 0;
        case POLICY, TRANSFER -> 1;
        case REGION -> 2;
        default -> 3;
    }).thenComparing(Key::subject).thenComparing(k -> k.scope().name());

    private final Map<Key, Entry> entries = new TreeMap<>(ORDER);

    void department(DepartmentComposite.DepartmentResult r) {
        entries.put(new Key(Adjustment.Scope.DEPARTMENT, r.departmentCode()), new Entry(r.score(), r.grade(),
                r.coefficient(), r.adjustment().map(Adjustment::deltaAmount).orElse(null)));
    }

    /** A POLICY/TRANSFER adjustment decided by its composite (one with components); others are not composites. */
    void policy(Adjustment a) {
        if ((a.scope() == Adjustment.Scope.POLICY || a.scope() == Adjustment.Scope.TRANSFER) && !a.components().isEmpty()) {
            entries.put(new Key(a.scope(), a.subjectCode()), new Entry(new BigDecimal(a.basis().get("score")),
                    Grade.valueOf(a.basis().get("grade")), null, a.deltaAmount()));
        }
    }

    void region(RegionComposite.Result r) {
        entries.put(new Key(Adjustment.Scope.REGION, r.lowerRegion()), new Entry(r.score(), r.grade(), r.factor(),
                r.adjustment().map(Adjustment::deltaAmount).orElse(null)));
    }

    /** Every composite either pack gave, the current pack's beside the candidate's. */
    static List<CompositeChange> compare(SimulatedComposites before, SimulatedComposites after) {
        Map<Key, Entry> all = new TreeMap<>(ORDER);
        all.putAll(before.entries);
        all.putAll(after.entries);
        Set<Key> keys = new LinkedHashSet<>(all.keySet());
        List<CompositeChange> out = new ArrayList<>();
        Entry none = new Entry(null, null, null, null);
        for (Key k : keys) {
            Entry b = before.entries.getOrDefault(k, none);
            Entry a = after.entries.getOrDefault(k, none);
            out.add(new CompositeChange(k.scope(), k.subject(), b.score(), a.score(), b.grade(), a.grade(), b.factor(),
                    a.factor(), b.delta(), a.delta()));
        }
        return out;
    }
}
