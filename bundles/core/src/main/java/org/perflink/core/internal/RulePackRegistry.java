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
 * province → {@code default}). Computed on each call, so a changed pack or region applies at the next event.
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
        RulePack inherited = RegionCode.parent(regionCode).map(this::effective).orElse(RulePack.DEFAULT);
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
        RulePack parent = RegionCode.parent(regionCode).map(this::effective).orElse(RulePack.DEFAULT);
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

    private static List<String> allKeys(RulePack pack) {
        List<String> keys = new ArrayList<>();
        for (RulePack p = pack; p != null; p = p.parent()) {
            keys.addAll(p.values().keySet());
        }
        return keys;
    }
}
