package org.perflink.api.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** 绩效目标 of a project; {@code periodIndicators} (实施期目标, host contract v1.1, since 1.2) of a multi-year one. */
public record Target(
        Phase phase,
        Map<Phase, LocalDate> phaseDates,
        List<Review> reviews,
        String overallGoal,
        List<Indicator> indicators,
        List<Indicator> periodIndicators) {

    public Target {
        phaseDates = phaseDates == null ? Map.of() : Map.copyOf(phaseDates);
        reviews = reviews == null ? List.of() : List.copyOf(reviews);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        periodIndicators = periodIndicators == null ? List.of() : List.copyOf(periodIndicators);
    }

    /** An annual target as host contract v1 describes it. */
    public Target(Phase phase, Map<Phase, LocalDate> phaseDates, List<Review> reviews, String overallGoal,
            List<Indicator> indicators) {
        this(phase, phaseDates, reviews, overallGoal, indicators, null);
    }

    public LocalDate dateOf(Phase p) {
        return phaseDates.get(p);
    }
}
