package org.perflink.reports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.perflink.api.rules.RulePack;
import org.perflink.core.RegionCode;
import org.perflink.core.RulePacks;

/**
 * Rule packs by region with the inheritance of the core registry (own pack, else parent region's, else
 * {@code default}), small enough to read in a test.
 */
public final class FakeRulePacks implements RulePacks {

    private final Map<String, RulePack> defined = new HashMap<>();
    private final Map<String, String> regionPack = new HashMap<>();

    public FakeRulePacks define(String name, String version, Map<String, String> values) {
        defined.put(name, new RulePack(name, version, values, null));
        return this;
    }

    public FakeRulePacks assign(String region, String pack) {
        regionPack.put(region, pack);
        return this;
    }

    @Override
    public RulePack effective(String regionCode) {
        RulePack inherited = RegionCode.parent(regionCode).map(this::effective).orElse(RulePack.DEFAULT);
        RulePack own = Optional.ofNullable(regionPack.get(regionCode)).map(defined::get).orElse(null);
        return own == null ? inherited : own.withParent(inherited);
    }

    @Override
    public List<ParameterOverride> overrides(String regionCode) {
        RulePack pack = effective(regionCode);
        RulePack parent = RegionCode.parent(regionCode).map(this::effective).orElse(RulePack.DEFAULT);
        TreeSet<String> keys = new TreeSet<>();
        for (RulePack p = pack; p != null; p = p.parent()) {
            keys.addAll(p.values().keySet());
        }
        List<ParameterOverride> list = new ArrayList<>();
        for (String key : keys) {
            Optional<String> v = pack.lookup(key);
            Optional<String> pv = parent.lookup(key);
            if (!v.equals(pv)) {
                list.add(new ParameterOverride(key, v.orElse(null), pv.orElse("(default)"),
                        pack.sourceOf(key).map(RulePack::id).orElse("default")));
            }
        }
        return list;
    }

    @Override
    public Map<String, RulePack> defined() {
        return Map.copyOf(defined);
    }
}
