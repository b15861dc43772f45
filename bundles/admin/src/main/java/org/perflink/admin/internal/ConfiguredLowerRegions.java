package org.perflink.admin.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.perflink.api.hook.LowerRegions;
import org.perflink.api.hook.ResultHistories;
import org.perflink.api.hook.ResultHistory;
import org.perflink.api.host.HostGateway;
import org.perflink.core.HostRouting;
import org.perflink.core.RegionSettings;
import org.perflink.core.RulePacks;

/**
 * A region's lower regions for {@code perflink:simulate}, as the engine's LINK sees them (rules.md §4.3): the
 * configured regions whose nearest configured ancestor is the region, what PerfLink's store holds of each (the
 * engine's {@link ResultHistories}) and the gateway its configuration selects, its {@code hostContract} applied
 * (null without one, or without a configuration).
 */
final class ConfiguredLowerRegions implements LowerRegions {

    private final String regionCode;
    private final RulePacks packs;
    private final ResultHistories histories;
    private final Collection<RegionSettings> regions;
    private final Map<HostGateway, Map<String, ?>> gateways;

    ConfiguredLowerRegions(String regionCode, RulePacks packs, ResultHistories histories,
            Collection<RegionSettings> regions, Map<HostGateway, Map<String, ?>> gateways) {
        this.regionCode = regionCode;
        this.packs = packs;
        this.histories = histories;
        this.regions = regions;
        this.gateways = gateways;
    }

    @Override
    public List<String> codes() {
        return packs.lowerRegions(regionCode).stream().sorted().toList();
    }

    @Override
    public ResultHistory history(String lowerRegion) {
        return histories.of(lowerRegion);
    }

    @Override
    public HostGateway host(String lowerRegion) {
        return regions.stream().filter(r -> r.regionCode().equals(lowerRegion)).findFirst()
                .map(ConfiguredLowerRegions.this::gateway).orElse(null);
    }

    /** The region's gateway as its event poller uses it: its {@code hostContract} overrides its host's. */
    HostGateway gateway(RegionSettings region) {
        return withContract(HostRouting.select(region, gateways), region);
    }

    static HostGateway withContract(HostGateway host, RegionSettings region) {
        return host == null || region.hostContract() == null ? host : host.forContract(region.hostContract());
    }
}
