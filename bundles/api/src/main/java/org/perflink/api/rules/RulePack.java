package org.perflink.api.rules;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.perflink.api.model.Severity;

/**
 * A named set of parameter overrides with a parent. Lookups walk the chain (county → city → province →
 * {@code default}) and fall back to the parameter's built-in default. Immutable.
 *
 * <p>Per-rule keys: {@code rule.<RULE_ID>.enabled} (true/false) and {@code rule.<RULE_ID>.severity}
 * (INFO/WARN/BLOCK).
 */
public final class RulePack {

    /** The built-in pack: no overrides, every parameter at its default. */
    public static final RulePack DEFAULT = new RulePack("default", "1", Map.of(), null);

    private final String name;
    private final String version;
    private final Map<String, String> values;
    private final RulePack parent;

    public RulePack(String name, String version, Map<String, String> values, RulePack parent) {
        this.name = Objects.requireNonNull(name, "name");
        this.version = version == null ? "1" : version;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.parent = parent;
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    /** {@code name@version}, as written into results. */
    public String id() {
        return name + "@" + version;
    }

    public RulePack parent() {
        return parent;
    }

    /** The overrides this pack itself sets. */
    public Map<String, String> values() {
        return values;
    }

    /** This pack with another parent (used when a region inherits from its parent region). */
    public RulePack withParent(RulePack newParent) {
        return new RulePack(name, version, values, newParent);
    }

    /** The value set by this pack or the nearest ancestor, if any. */
    public Optional<String> lookup(String key) {
        for (RulePack p = this; p != null; p = p.parent) {
            String v = p.values.get(key);
            if (v != null) {
                return Optional.of(v.trim());
            }
        }
        return Optional.empty();
    }

    /** The pack in the chain that sets {@code key}, if any. */
    public Optional<RulePack> sourceOf(String key) {
        for (RulePack p = this; p != null; p = p.parent) {
            if (p.values.containsKey(key)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public String string(Param param) {
        return lookup(param.key()).orElse(param.defaultValue());
    }

    public BigDecimal decimal(Param param) {
        String raw = string(param);
        try {
            return new BigDecimal(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rule pack " + id() + ": parameter '" + param.key()
                    + "' is not a decimal number: '" + raw + "'", e);
        }
    }

    public int integer(Param param) {
        return decimal(param).intValueExact();
    }

    public boolean enabled(String ruleId) {
        return lookup("rule." + ruleId + ".enabled").map(Boolean::parseBoolean).orElse(true);
    }

    public Severity severity(String ruleId, Severity builtIn) {
        return lookup("rule." + ruleId + ".severity").map(s -> Severity.valueOf(s.toUpperCase())).orElse(builtIn);
    }

    @Override
    public String toString() {
        return id() + (parent == null ? "" : " < " + parent);
    }
}
