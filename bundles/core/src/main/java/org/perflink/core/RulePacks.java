package org.perflink.core;

import java.util.List;
import java.util.Map;

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

    record ParameterOverride(String key, String value, String parentValue, String source) {
    }
}
