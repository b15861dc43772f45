package org.perflink.api.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * A graded in-year monitoring warning (双监控). Since rules v2 it also carries the monitoring regime, how many
 * consecutive rounds it has stood, the amount a RECLAIM suggests taking back, and the problem category with the
 * level responsible for it (问题分类处理); those are null on warnings built the v1 way and on clearances.
 */
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
        String messageEn,
        Regime regime,
        Integer rounds,
        BigDecimal reclaimAmount,
        Category category,
        Responsible responsible) {

    public enum Type { EXECUTION_LAG, TARGET_DEVIATION, TARGET_AT_RISK, NO_DATA }

    /** NONE marks a warning of an earlier round that no longer holds (cleared). */
    public enum Level { NONE, BLUE, YELLOW, RED }

    public enum Action { NONE, CORRECT, ADJUST_TARGET, SUSPEND_DISBURSEMENT, RECLAIM }

    /** 全面监控 (every project) or 重点监控 (key projects: the full rule set, possibly tighter bands). */
    public enum Regime { GENERAL, KEY }

    /** 问题分类: 进度滞后, 目标偏离, 数据缺失, 资金闲置. */
    public enum Category { PROGRESS_LAG, TARGET_DEVIATION, DATA_MISSING, IDLE_FUNDS }

    /** Who must act on the warning in the host's work lists: the spending unit, its department, or finance. */
    public enum Responsible { UNIT, DEPARTMENT, FINANCE }

    public Warning {
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
    }

    /** A warning without the rules v2 fields (v1 shape). */
    public Warning(String warningId, String projectCode, String regionCode, int year, LocalDate asOf, Type type,
            Level level, Map<String, String> metrics, Map<String, String> thresholds, Action suggestedAction,
            String ruleId, String message, String messageEn) {
        this(warningId, projectCode, regionCode, year, asOf, type, level, metrics, thresholds, suggestedAction, ruleId,
                message, messageEn, null, null, null, null, null);
    }

    public static String idOf(String projectCode, LocalDate asOf, Type type) {
        return projectCode + "." + asOf + "." + type;
    }
}
