package org.perflink.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.perflink.api.rules.RulePack;
import org.perflink.core.RegionCode;
import org.perflink.core.RegionSettings;
import org.perflink.core.RulePacks;

/**
 * Resolves a region's effective pack from the configured packs and the region tree (county → city →
 * province → {@code default}; a configured {@code parentRegion} replaces the digits' parent, rules.md "Region parents"). Computed on each call, so a changed pack or region applies at the next event.
 */
@Component(service = RulePacks.class)
public class RulePackRegistry implements RulePacks {

    private final Map<String, RulePack> packs = new ConcurrentHashMap<>();
    private final Map<String, RegionSettings> regions = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPack(RulePack pack) {
        packs.put(pack.name(), pack);
    }

    void removePack(RulePack pack) {
        packs.remove(pack.name(), pack);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRegion(RegionSettings region) {
        regions.put(region.regionCode(), region);
    }

    void removeRegion(RegionSettings region) {
        regions.remove(region.regionCode(), region);
    }

    @Override
    public RulePack effective(String regionCode) {
        RulePack inherited = parentOf(regionCode).map(this::effective).orElse(RulePack.DEFAULT);
        RegionSettings region = regions.get(regionCode);
        if (region == null || region.rulePack().isEmpty()) {
            return inherited;
        }
        RulePack own = packs.get(region.rulePack());
        // A region naming a pack that is not (yet) configured keeps its parent's, rather than failing events.
        return own == null ? inherited : own.withParent(inherited);
    }

    @Override
    public List<ParameterOverride> overrides(String regionCode) {
        RulePack pack = effective(regionCode);
        RulePack parent = parentOf(regionCode).map(this::effective).orElse(RulePack.DEFAULT);
        List<ParameterOverride> result = new ArrayList<>();
        for (String key : new TreeSet<>(allKeys(pack))) {
            Optional<String> value = pack.lookup(key);
            Optional<String> parentValue = parent.lookup(key);
            if (!value.equals(parentValue)) {
                result.add(new ParameterOverride(key, value.orElse(null), parentValue.orElse("(default)"),
                        pack.sourceOf(key).map(RulePack::id).orElse("default")));
            }
        }
        return result;
    }

    @Override
    public Map<String, RulePack> defined() {
        return Map.copyOf(packs);
    }

    @Override
    public Optional<String> parentOf(String regionCode) {
        // Walk the configured chain first: a self-reference or cycle fails here, naming it, before any recursion.
        List<String> chain = new ArrayList<>(List.of(regionCode));
        for (String code = regionCode; ; ) {
            RegionSettings region = regions.get(code);
            Optional<String> next = region != null ? region.parent() : RegionCode.parent(code);
            if (next.isEmpty()) {
                break;
            }
            code = next.get();
            if (chain.contains(code)) {
                chain.add(code);
                throw new IllegalArgumentException("parentRegion of region " + regionCode + " forms a cycle: "
                        + String.join(" → ", chain));
            }
            chain.add(code);
        }
        RegionSettings own = regions.get(regionCode);
        return own != null ? own.parent() : RegionCode.parent(regionCode);
    }

    @Override
    public List<String> lowerRegions(String regionCode) {
        List<String> lower = new ArrayList<>();
        for (String code : new TreeSet<>(regions.keySet())) {
            try {
                if (!code.equals(regionCode) && nearestConfiguredAncestor(code).filter(regionCode::equals).isPresent()) {
                    lower.add(code);
                }
            } catch (IllegalArgumentException cycle) {
                // a region in a parent cycle fails on its own events; it is nobody's lower region
            }
        }
        return lower;
    }

    private Optional<String> nearestConfiguredAncestor(String regionCode) {
        Optional<String> parent = parentOf(regionCode);
        while (parent.isPresent() && !regions.containsKey(parent.get())) {
            parent = parentOf(parent.get());
        }
        return parent;
    }

    private static List<String> allKeys(RulePack pack) {
        List<String> keys = new ArrayList<>();
        for (RulePack p = pack; p != null; p = p.parent()) {
            keys.addAll(p.values().keySet());
        }
        return keys;
    }
}
