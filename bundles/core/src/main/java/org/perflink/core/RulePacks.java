package org.perflink.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.perflink.api.rules.RulePack;

/** Effective rule packs of regions: a region's own pack, else its parent region's, else {@code default}. */
@ProviderType
public interface RulePacks {

    RulePack effective(String regionCode);

    /**
     * Every parameter the region's effective pack sets differently from its parent's, with where the value
     * comes from.
     */
    List<ParameterOverride> overrides(String regionCode);

    /** Rule packs defined in configuration, by name. */
    Map<String, RulePack> defined();

    /**
     * The region a region inherits from: its configured {@code parentRegion}, else by digits (since 1.2).
     *
     * @throws IllegalArgumentException when the configured parents form a cycle
     */
    default Optional<String> parentOf(String regionCode) {
        return RegionCode.parent(regionCode);
    }

    /**
     * R's lower regions (下级): the configured regions whose nearest configured ancestor is R, by code (since 1.2).
     * A parent without a configuration passes its children on to its own parent.
     */
    default List<String> lowerRegions(String regionCode) {
        return List.of();
    }

    record ParameterOverride(String key, String value, String parentValue, String source) {
    }
}
