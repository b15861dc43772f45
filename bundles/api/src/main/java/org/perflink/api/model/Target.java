package org.perflink.api.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** 绩效目标 of a project. */
public record Target(
        Phase phase,
        Map<Phase, LocalDate> phaseDates,
        List<Review> reviews,
        String overallGoal,
        List<Indicator> indicators) {

    public Target {
        phaseDates = phaseDates == null ? Map.of() : Map.copyOf(phaseDates);
        reviews = reviews == null ? List.of() : List.copyOf(reviews);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }

    public LocalDate dateOf(Phase p) {
        return phaseDates.get(p);
    }
}
