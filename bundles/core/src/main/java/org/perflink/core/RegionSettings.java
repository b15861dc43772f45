package org.perflink.core;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.perflink.api.model.Stage;

/**
 * One region's configuration, registered as a service per {@code etc/org.perflink.region-<code>.cfg}.
 * A disabled region stays registered (and visible) with no stage on. {@code host} names the host
 * configuration it talks to (null: the default host, see {@link HostRouting}).
 */
public record RegionSettings(
        String regionCode,
        String name,
        boolean enabled,
        Set<Stage> stages,
        String rulePack,
        Duration pollInterval,
        String hostUrl,
        String host) {

    public RegionSettings {
        stages = stages.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(stages));
    }

    /** A region on the default host (no {@code host} key). */
    public RegionSettings(String regionCode, String name, boolean enabled, Set<Stage> stages, String rulePack,
            Duration pollInterval, String hostUrl) {
        this(regionCode, name, enabled, stages, rulePack, pollInterval, hostUrl, null);
    }

    /** True when the region and this stage are both switched on. */
    public boolean active(Stage stage) {
        return enabled && stages.contains(stage);
    }
}
