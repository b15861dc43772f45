package org.perflink.close.internal;

import java.math.BigDecimal;

import org.perflink.api.model.Verdict;

/**
 * What PerfLink's own records say of one evaluated project of the year (rules.md §4), reduced to the few figures
 * the composites need, so that a department keeps a small record per project, never the project itself.
 *
 * @param key a key project (重点项目: {@code isMajor}, or budget ≥ {@code review.finance.keyThreshold})
 * @param verdict the outcome of its latest PUBLISHED verdict of the year; null when it has none
 * @param verdictPoints PASS 1, WARN {@code composite.verdict.warnPoints}, BLOCK or none 0
 * @param keyMonitored under key monitoring (budget ≥ {@code monitor.key.minBudget}, or {@code isMajor})
 * @param monitored it has warning records in the year (it was in a round)
 * @param unclearedRed RED warnings of the year not cleared by the next round
 * @param unclearedYellow YELLOW warnings of the year not cleared by the next round
 * @param exAnteRequired {@code EX_ANTE_REQUIRED}'s scope: (new or major) and budget ≥ {@code exAnte.threshold}
 * @param exAntePoints its ex-ante points when it is in that scope or was assessed (DONE); null otherwise
 * @param score the score as linked (key evaluation when given), unrounded
 * @param budget its final budget, 0 when unknown
 */
public record ProjectRecord(String projectCode, String departmentCode, boolean key, Verdict.Outcome verdict,
        BigDecimal verdictPoints, boolean keyMonitored, boolean monitored, int unclearedRed, int unclearedYellow,
        boolean exAnteRequired, BigDecimal exAntePoints, BigDecimal score, BigDecimal budget) {
}
