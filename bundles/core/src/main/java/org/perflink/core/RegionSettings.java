package org.perflink.core;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.perflink.api.model.Stage;

/**
 * One region's configuration, registered as a service per {@code etc/org.perflink.region-<code>.cfg}.
 * A disabled region stays registered (and visible) with no stage on.
 */
public record RegionSettings(
        String regionCode,
        String name,
        boolean enabled,
        Set<Stage> stages,
        String rulePack,
        Duration pollInterval,
        String hostUrl) {

    public RegionSettings {
        stages = stages.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(stages));
    }

    /** True when the region and this stage are both switched on. */
    public boolean active(Stage stage) {
        return enabled && stages.contains(stage);
    }
}
