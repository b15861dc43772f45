package org.perflink.execute.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.perflink.api.model.ProjectKind;
import org.perflink.api.rules.RulePack;
import org.perflink.execute.internal.PaceCurve;

/**
 * Expected disbursement curves (支出进度曲线, rules.md §2 since rules v2): capital works and procurement spend late
 * in the year, salaries evenly. A region's pack gives 12 month-end cumulative shares under
 * {@code monitor.spendCurve.prefix.<function-code prefix>} or {@code monitor.spendCurve.<KIND>}; the longest
 * matching prefix wins, then the project kind, else the linear time progress (v1).
 */
public final class SpendCurves {

    /** Key prefix of every curve parameter. */
    public static final String KEY = "monitor.spendCurve.";
    private static final String PREFIX = KEY + "prefix.";

    /** The curve a project is judged by: its parameter key (null when linear) and the curve itself. */
    public record Chosen(String key, String raw, PaceCurve curve) {

        public boolean linear() {
            return key == null;
        }

        /** The name written into a warning's metrics: {@code prefix.212}, {@code PROJECT} or {@code linear}. */
        public String name() {
            return key == null ? PaceCurve.LINEAR_NAME : key.substring(KEY.length());
        }

        public BigDecimal expected(LocalDate asOf) {
            return curve.at(asOf);
        }
    }

    private static final Chosen LINEAR = new Chosen(null, null, PaceCurve.LINEAR);

    /** Function-code prefix → curve, longest prefix first. */
    private final List<Map.Entry<String, Chosen>> byPrefix;
    private final Map<ProjectKind, Chosen> byKind;

    private SpendCurves(List<Map.Entry<String, Chosen>> byPrefix, Map<ProjectKind, Chosen> byKind) {
        this.byPrefix = byPrefix;
        this.byKind = byKind;
    }

    /**
     * Reads every curve the pack chain sets (a region's value overrides its parent's for the same key).
     *
     * @throws IllegalArgumentException naming the key and pack when a curve or a kind cannot be read
     */
    public static SpendCurves of(RulePack pack) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (RulePack p = pack; p != null; p = p.parent()) {
            p.values().forEach((k, v) -> {
                if (k.startsWith(KEY)) {
                    keys.putIfAbsent(k, v);
                }
            });
        }
        List<Map.Entry<String, Chosen>> prefixes = new ArrayList<>();
        Map<ProjectKind, Chosen> kinds = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : keys.entrySet()) {
            String key = e.getKey();
            String where = "rule pack " + pack.sourceOf(key).map(RulePack::id).orElse(pack.id()) + ": parameter '"
                    + key + "'";
            Chosen chosen = new Chosen(key, e.getValue().trim(), PaceCurve.parse(e.getValue(), where));
            if (key.startsWith(PREFIX)) {
                String prefix = key.substring(PREFIX.length());
                if (!prefix.matches("\\d+")) {
                    throw new IllegalArgumentException(where + ": the prefix must be digits of a function code");
                }
                prefixes.add(Map.entry(prefix, chosen));
            } else {
                String kind = key.substring(KEY.length()).toUpperCase(Locale.ROOT);
                try {
                    kinds.put(ProjectKind.valueOf(kind), chosen);
                } catch (IllegalArgumentException unknown) {
                    throw new IllegalArgumentException(where + ": '" + kind + "' is neither prefix.<digits> nor one of "
                            + List.of(ProjectKind.values()), unknown);
                }
            }
        }
        prefixes.sort((a, b) -> Integer.compare(b.getKey().length(), a.getKey().length()));
        return new SpendCurves(List.copyOf(prefixes), Map.copyOf(kinds));
    }

    /** The curve for a project: longest function-code prefix, then kind, else linear. */
    public Chosen forProject(String functionCode, ProjectKind kind) {
        if (functionCode != null) {
            String code = functionCode.strip();
            for (Map.Entry<String, Chosen> e : byPrefix) {
                if (code.startsWith(e.getKey())) {
                    return e.getValue();
                }
            }
        }
        Chosen byKindCurve = kind == null ? null : byKind.get(kind);
        return byKindCurve != null ? byKindCurve : LINEAR;
    }
}
