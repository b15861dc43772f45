package org.perflink.core;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.perflink.api.model.Stage;

/**
 * One region's configuration, registered as a service per {@code etc/org.perflink.region-<code>.cfg}.
 * A disabled region stays registered (and visible) with no stage on. {@code parentRegion} (since 1.2): the region
 * whose rule pack it inherits and under which it is a lower region (rules.md, "Region parents"); null: by digits.
 */
public record RegionSettings(
        String regionCode,
        String name,
        boolean enabled,
        Set<Stage> stages,
        String rulePack,
        Duration pollInterval,
        String hostUrl,
        String parentRegion) {

    public RegionSettings {
        stages = stages.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(stages));
        parentRegion = parentRegion == null || parentRegion.isBlank() ? null : parentRegion;
    }

    /** A region whose parent follows its digits. */
    public RegionSettings(String regionCode, String name, boolean enabled, Set<Stage> stages, String rulePack,
            Duration pollInterval, String hostUrl) {
        this(regionCode, name, enabled, stages, rulePack, pollInterval, hostUrl, null);
    }

    /**
     * The parent region: the configured {@code parentRegion} (计划单列市, 省直管县: e.g. 410181 names 410000), else
     * the digits' parent (since 1.2).
     */
    public Optional<String> parent() {
        return parentRegion != null ? Optional.of(parentRegion) : RegionCode.parent(regionCode);
    }

    /** True when the region and this stage are both switched on. */
    public boolean active(Stage stage) {
        return enabled && stages.contains(stage);
    }
}
