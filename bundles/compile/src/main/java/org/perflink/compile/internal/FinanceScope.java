package org.perflink.compile.internal;

import java.math.BigDecimal;

import org.perflink.api.model.Project;
import org.perflink.api.rules.Param;
import org.perflink.api.rules.RulePack;

/**
 * Which projects need a FINANCE review pass (§1, since rules v2): {@code ALL} (v1), or {@code KEY}, key projects
 * only (重点项目: {@code isMajor}, or budget ≥ {@code review.finance.keyThreshold}), as most provinces work.
 */
public record FinanceScope(String scope, BigDecimal keyThreshold, boolean financeRequired) {

    public static final String ALL = "ALL";
    public static final String KEY = "KEY";

    public static final Param SCOPE = Param.of("review.finance.scope", ALL,
            "ALL: every project needs a FINANCE review pass (v1); KEY: only key projects (重点项目) do");
    public static final Param KEY_THRESHOLD = Param.of("review.finance.keyThreshold", "5000000",
            "budget in 元 from which a project is a key project for review.finance.scope = KEY (P)");

    /** The scope for one project; a value other than ALL or KEY fails naming the parameter. */
    public static FinanceScope of(Project project, RulePack pack) {
        String scope = pack.string(SCOPE).trim().toUpperCase(java.util.Locale.ROOT);
        if (ALL.equals(scope)) {
            return new FinanceScope(ALL, null, true);
        }
        if (!KEY.equals(scope)) {
            throw new IllegalArgumentException("rule pack " + pack.id() + ": '" + SCOPE.key()
                    + "' must be ALL or KEY, not '" + pack.string(SCOPE) + "'");
        }
        BigDecimal threshold = pack.decimal(KEY_THRESHOLD);
        BigDecimal budget = project.budgetAmount();
        boolean key = project.isMajor() || (budget != null && budget.compareTo(threshold) >= 0);
        return new FinanceScope(KEY, threshold, key);
    }
}
