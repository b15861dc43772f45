package org.perflink.host.http.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;

import org.perflink.api.model.DepartmentEvaluationInput;
import org.perflink.api.model.ExecutionSnapshot;
import org.perflink.api.model.Indicator;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectEvaluationInput;

/**
 * The ranges host contract v1 implies but JSON types cannot say: money is a non-negative amount of yuan
 * with at most 2 fraction digits and of a size a budget can have; scores, component scores, deduction
 * points and indicator weights are points out of 100. A bound item that breaks one is an invalid item
 * naming the field (a finding or a dead letter), never a silently accepted 10^30 or negative budget.
 */
public final class ContractBounds {

    /** 10^15 yuan (一千万亿元): far above any budget line, far below 10^30. */
    static final BigDecimal MAX_MONEY = BigDecimal.TEN.pow(15);
    static final int MONEY_FRACTION_DIGITS = 2;
    static final BigDecimal MAX_POINTS = BigDecimal.valueOf(100);
    /**
     * Digits and scale beyond which a decimal is not an amount or a score at all; checked first, because
     * BigDecimal arithmetic on such a value (stripping zeros, setScale) costs time quadratic in its size.
     */
    static final int MAX_DIGITS = 40;
    /**
     * Longest code (project, department, unit, function, region, indicator). Result ids, subjects and
     * rejected items' keys are built from codes and stored in columns of 400 characters (event ids 200):
     * a code beyond this could never be stored, and would stop its stage instead of becoming a finding.
     */
    static final int MAX_CODE = 64;

    /** Where and why an item is out of bounds. */
    public record Violation(String path, String message) {
    }

    private ContractBounds() {
    }

    /** The first field of a bound item that is out of bounds, or null. */
    public static Violation check(Object item) {
        if (item instanceof Project p) {
            return project(p);
        }
        if (item instanceof ExecutionSnapshot s) {
            return first(code("projectCode", s.projectCode()), money("budgetAmount", s.budgetAmount()),
                    money("paidAmount", s.paidAmount()));
        }
        if (item instanceof ProjectEvaluationInput e) {
            return first(code("projectCode", e.projectCode()), code("departmentCode", e.departmentCode()),
                    money("budgetAmount", e.budgetAmount()), money("paidAmount", e.paidAmount()),
                    money("nextYearRequest", e.nextYearRequest()), points("selfScore", e.selfScore()),
                    points("keyEvaluationScore", e.keyEvaluationScore()));
        }
        if (item instanceof DepartmentEvaluationInput d) {
            return department(d);
        }
        return null;
    }

    private static Violation project(Project p) {
        if (p.revision() < 0) {
            return new Violation("revision", "revision " + p.revision() + " is negative");
        }
        Violation v = first(code("projectCode", p.projectCode()), code("regionCode", p.regionCode()),
                code("departmentCode", p.departmentCode()), code("unitCode", p.unitCode()),
                code("functionCode", p.functionCode()), money("budgetAmount", p.budgetAmount()));
        if (v != null || p.target() == null) {
            return v;
        }
        List<Indicator> indicators = p.target().indicators();
        for (int i = 0; i < indicators.size(); i++) {
            Indicator ind = indicators.get(i);
            if (ind == null) {
                continue;
            }
            v = first(code("target.indicators[" + i + "].code", ind.code()),
                    points("target.indicators[" + i + "].weight", ind.weight()));
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static Violation department(DepartmentEvaluationInput d) {
        Violation code = code("departmentCode", d.departmentCode());
        if (code != null) {
            return code;
        }
        for (Map.Entry<String, BigDecimal> c : d.components().entrySet()) {
            Violation v = points("components." + c.getKey(), c.getValue());
            if (v != null) {
                return v;
            }
        }
        List<DepartmentEvaluationInput.Deduction> deductions = d.deductions();
        for (int i = 0; i < deductions.size(); i++) {
            DepartmentEvaluationInput.Deduction x = deductions.get(i);
            Violation v = x == null ? null : points("deductions[" + i + "].points", x.points());
            if (v != null) {
                return v;
            }
        }
        return money("nextYearBaseline", d.nextYearBaseline());
    }

    /** Null (absent) is left to the rules; a present code must fit the store's keys. */
    static Violation code(String path, String value) {
        if (value == null || value.length() <= MAX_CODE) {
            return null;
        }
        return new Violation(path, path + " has " + value.length() + " characters, more than " + MAX_CODE
                + " (代码过长 code too long)");
    }

    /** Null (absent) is left to the rules; a present amount must be a plausible amount of yuan. */
    static Violation money(String path, BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        Violation v = size(path, amount);
        if (v != null) {
            return v;
        }
        if (amount.signum() < 0) {
            return new Violation(path, path + " " + abbreviate(amount) + " is negative: money is a non-negative amount of yuan");
        }
        if (amount.compareTo(MAX_MONEY) > 0) {
            return new Violation(path, path + " " + abbreviate(amount) + " exceeds " + MAX_MONEY.toPlainString()
                    + " yuan: not a budget amount");
        }
        if (amount.stripTrailingZeros().scale() > MONEY_FRACTION_DIGITS) {
            return new Violation(path, path + " " + abbreviate(amount) + " has more than "
                    + MONEY_FRACTION_DIGITS + " fraction digits (money is yuan with fen at most)");
        }
        return null;
    }

    /** Points out of 100 (scores, weights, deductions); null is absent. */
    static Violation points(String path, BigDecimal value) {
        if (value == null) {
            return null;
        }
        Violation v = size(path, value);
        if (v != null) {
            return v;
        }
        if (value.signum() < 0 || value.compareTo(MAX_POINTS) > 0) {
            return new Violation(path, path + " " + abbreviate(value) + " is outside 0..100 points");
        }
        return null;
    }

    private static Violation size(String path, BigDecimal value) {
        if (value.precision() > MAX_DIGITS || Math.abs((long) value.scale()) > MAX_DIGITS) {
            return new Violation(path, path + " " + abbreviate(value) + " has more than " + MAX_DIGITS
                    + " digits or an exponent beyond " + MAX_DIGITS + ": not a decimal amount");
        }
        return null;
    }

    private static Violation first(Violation... vs) {
        for (Violation v : vs) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** A huge value in a message stays short: 1E+30, not thirty zeros. */
    private static String abbreviate(BigDecimal value) {
        if (value.precision() <= MAX_DIGITS && Math.abs((long) value.scale()) <= MAX_DIGITS) {
            return value.toPlainString();
        }
        return value.round(new MathContext(6)).toString();
    }
}
