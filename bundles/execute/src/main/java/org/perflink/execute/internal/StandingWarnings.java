package org.perflink.execute.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.perflink.api.model.Warning;
import org.perflink.api.model.Warning.Level;
import org.perflink.api.model.Warning.Type;

/**
 * What one project's earlier rounds of the year left standing (rules.md §2, dead band since rules v2): the
 * warning of each type in the latest earlier round, which the dead band {@code monitor.clearBand} may keep, and how
 * many consecutive rounds a level has stood. Built from the result history PerfLink keeps.
 */
public final class StandingWarnings {

    public static final StandingWarnings NONE = new StandingWarnings(Map.of());

    /** Per type, the project's warnings of earlier rounds, latest round first. */
    private final Map<Type, List<Warning>> byType;

    private StandingWarnings(Map<Type, List<Warning>> byType) {
        this.byType = byType;
    }

    /**
     * @param earlier the project's warnings (any rounds); only those of {@code year} before {@code asOf} count
     */
    public static StandingWarnings of(Collection<Warning> earlier, int year, LocalDate asOf) {
        if (earlier == null || earlier.isEmpty()) {
            return NONE;
        }
        Map<Type, List<Warning>> byType = new EnumMap<>(Type.class);
        for (Type type : Type.values()) {
            List<Warning> ofType = earlier.stream()
                    .filter(w -> w.type() == type && w.year() == year && w.asOf() != null && w.asOf().isBefore(asOf))
                    .sorted(Comparator.comparing(Warning::asOf).reversed())
                    .toList();
            if (!ofType.isEmpty()) {
                byType.put(type, ofType);
            }
        }
        return new StandingWarnings(byType);
    }

    /** The warning of this type in the latest earlier round that had one, if it is not a clearance. */
    public Optional<Warning> previous(Type type) {
        List<Warning> ofType = byType.getOrDefault(type, List.of());
        return ofType.isEmpty() || ofType.get(0).level() == Level.NONE ? Optional.empty() : Optional.of(ofType.get(0));
    }

    public Level previousLevel(Type type) {
        return previous(type).map(Warning::level).orElse(Level.NONE);
    }

    /** True when the previous warning of this type came from that rule (e.g. the key or reclaim variant). */
    public boolean previousBy(Type type, String ruleId) {
        return previous(type).map(w -> ruleId.equals(w.ruleId())).orElse(false);
    }

    /** Consecutive rounds at {@code level} or above, this round included. */
    public int rounds(Type type, Level level) {
        int rounds = 1;
        for (Warning w : byType.getOrDefault(type, List.of())) {
            if (w.level().compareTo(level) < 0) {
                break;
            }
            rounds++;
        }
        return rounds;
    }
}
