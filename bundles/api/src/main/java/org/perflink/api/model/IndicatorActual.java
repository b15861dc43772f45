package org.perflink.api.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The value an indicator reached, as the host wrote it. Since rules v2 a null {@code actual} scores 0 unless
 * the host marks the indicator {@code notApplicable} with a non-blank {@code notApplicableReason} (since 1.2).
 */
public record IndicatorActual(String code, String actual, Boolean notApplicable, String notApplicableReason) {

    /** An actual as host contract v1 sends it. */
    public IndicatorActual(String code, String actual) {
        this(code, actual, null, null);
    }

    /** Marked not applicable with a reason that says something; without one it counts as missing. */
    public boolean notApplicableWithReason() {
        return Boolean.TRUE.equals(notApplicable) && notApplicableReason != null && !notApplicableReason.isBlank();
    }

    /**
     * For each target indicator, the index of its actual in {@code actuals}, or -1 when it has none.
     * Indicators and actuals pair by code; where forms repeat a code (which the compile stage flags as
     * INDICATOR_DUPLICATE), the n-th indicator of that code takes the n-th actual of that code, so no actual
     * is measured against another indicator's target (since 1.1).
     */
    public static int[] pair(List<Indicator> indicators, List<IndicatorActual> actuals) {
        Map<String, Deque<Integer>> byCode = new HashMap<>();
        for (int j = 0; j < actuals.size(); j++) {
            String code = actuals.get(j).code();
            if (code != null) {
                byCode.computeIfAbsent(code, c -> new ArrayDeque<>(1)).add(j);
            }
        }
        int[] paired = new int[indicators.size()];
        for (int i = 0; i < paired.length; i++) {
            Deque<Integer> left = indicators.get(i).code() == null ? null : byCode.get(indicators.get(i).code());
            paired[i] = left == null || left.isEmpty() ? -1 : left.poll();
        }
        return paired;
    }
}
