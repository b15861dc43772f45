package org.perflink.core;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.perflink.api.model.Stage;

/**
 * One region's configuration, registered as a service per {@code etc/org.perflink.region-<code>.cfg}.
 * A disabled region stays registered (and visible) with no stage on. {@code host} names the host
 * configuration it talks to (null: the default host, see {@link HostRouting}).
 * A disabled region stays registered (and visible) with no stage on. {@code parentRegion} (since 1.2): the region
 * whose rule pack it inherits and under which it is a lower region (rules.md, "Region parents"); null: by digits.
 * {@code hostContract} (since 1.2): overrides the host configuration's {@code contract}; null: the host's.
 */
public record RegionSettings(
        String regionCode,
        String name,
        boolean enabled,
        Set<Stage> stages,
        String rulePack,
        Duration pollInterval,
        String hostUrl,
        String host,
        String parentRegion,
        String hostContract) {

    public RegionSettings {
        stages = stages.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(stages));
        parentRegion = parentRegion == null || parentRegion.isBlank() ? null : parentRegion;
        hostContract = hostContract == null || hostContract.isBlank() ? null
                : HostSettings.requireContract(hostContract.trim(), "hostContract");
    }

    /** A region on a named host (null: the default one), with its parent by digits and the host's contract. */
    public RegionSettings(String regionCode, String name, boolean enabled, Set<Stage> stages, String rulePack,
            Duration pollInterval, String hostUrl, String host) {
        this(regionCode, name, enabled, stages, rulePack, pollInterval, hostUrl, host, null, null);
    }

    /**
     * The parent region: the configured {@code parentRegion} (计划单列市, 省直管县: e.g. 410181 names 410000), else
     * the digits' parent (since 1.2).
     */
    public Optional<String> parent() {
        return parentRegion != null ? Optional.of(parentRegion) : RegionCode.parent(regionCode);
    }

    /** The contract this region's host speaks: its {@code hostContract}, else the host configuration's (since 1.2). */
    public String contract(HostSettings host) {
        return hostContract != null ? hostContract : host.contract();
    }

    /** A region on the default host (no {@code host} key) whose parent follows its digits. */
    public RegionSettings(String regionCode, String name, boolean enabled, Set<Stage> stages, String rulePack,
            Duration pollInterval, String hostUrl) {
        this(regionCode, name, enabled, stages, rulePack, pollInterval, hostUrl, null, null, null);
    }

    /** True when the region and this stage are both switched on. */
    public boolean active(Stage stage) {
        return enabled && stages.contains(stage);
    }
}
