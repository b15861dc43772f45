package org.perflink.api.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Linkage (挂钩) of an evaluation result to next year's budget. */
public record Adjustment(
        String adjustmentId,
        String regionCode,
        int evaluatedYear,
        int budgetYear,
        Scope scope,
        String subjectCode,
        Map<String, String> basis,
        Action action,
        BigDecimal ratio,
        BigDecimal baseAmount,
        BigDecimal deltaAmount,
        String ruleId,
        String explanation,
        String explanationEn,
        Map<String, Component> components) {

    /** REGION (since 1.2, host contract v1.1 only): a lower region's transfer envelope (rules.md §4.3). */
    public enum Scope { PROJECT, POLICY, TRANSFER, DEPARTMENT, REGION }

    public enum Action { PRIORITIZE, KEEP, REDUCE, SUSPEND, CANCEL, CONTINUE, ADJUST, TERMINATE }

    public Adjustment {
        basis = basis == null ? Map.of() : Map.copyOf(basis);
        components = components == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(components));
    }

    /** An adjustment without composite components (project linkage; v1). */
    public Adjustment(String adjustmentId, String regionCode, int evaluatedYear, int budgetYear, Scope scope,
            String subjectCode, Map<String, String> basis, Action action, BigDecimal ratio, BigDecimal baseAmount,
            BigDecimal deltaAmount, String ruleId, String explanation, String explanationEn) {
        this(adjustmentId, regionCode, evaluatedYear, budgetYear, scope, subjectCode, basis, action, ratio, baseAmount,
                deltaAmount, ruleId, explanation, explanationEn, null);
    }

    /** Where a composite's component came from (rules.md §4). */
    public enum Source { HOST, PERFLINK }

    /**
     * One component of a composite (since 1.2): the value used ({@code score}, 2 decimals), its {@code weight}, its
     * {@code source}, how many records PerfLink's value stands on ({@code n}), PerfLink's own value when the host's
     * was used ({@code perflink}), and the records behind PerfLink's value (counts, the ids of the worst items).
     */
    public record Component(BigDecimal score, BigDecimal weight, Source source, Integer n, BigDecimal perflink,
            Map<String, String> records) {

        public Component {
            records = records == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(records));
        }
    }

    /**
     * The {@code basis} as the contract writes it: the basis figures, plus {@code components} when there are
     * any (host-api v1.1 "basis.components"; new fields go to every host).
     */
    public Map<String, Object> basisWithComponents() {
        Map<String, Object> wire = new TreeMap<>(basis);
        if (!components.isEmpty()) {
            wire.put("components", components);
        }
        return wire;
    }

    /** {@code {region}-{year}.{scope}.{subject}}. */
    public static String idOf(String regionCode, int evaluatedYear, Scope scope, String subjectCode) {
        return regionCode + "-" + evaluatedYear + "." + scope + "." + subjectCode;
    }
}
