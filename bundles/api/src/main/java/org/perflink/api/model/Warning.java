package org.perflink.api.model;

import java.time.LocalDate;
import java.util.Map;

/** A graded in-year monitoring warning (双监控). */
public record Warning(
        String warningId,
        String projectCode,
        String regionCode,
        int year,
        LocalDate asOf,
        Type type,
        Level level,
        Map<String, String> metrics,
        Map<String, String> thresholds,
        Action suggestedAction,
        String ruleId,
        String message,
        String messageEn) {

    public enum Type { EXECUTION_LAG, TARGET_DEVIATION, TARGET_AT_RISK, NO_DATA }

    /** NONE marks a warning of an earlier round that no longer holds (cleared). */
    public enum Level { NONE, BLUE, YELLOW, RED }

    public enum Action { NONE, CORRECT, ADJUST_TARGET, SUSPEND_DISBURSEMENT, RECLAIM }

    public Warning {
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
    }

    public static String idOf(String projectCode, LocalDate asOf, Type type) {
        return projectCode + "." + asOf + "." + type;
    }
}
