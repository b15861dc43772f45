package org.perflink.camel.internal;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.perflink.api.hook.LowerRegions;
import org.perflink.api.hook.ResultHistory;
import org.perflink.api.host.HostGateway;
import org.perflink.core.RulePacks;
import org.perflink.store.ResultLedger;

/**
 * A region's lower regions as the region configuration says (its {@code parentRegion}, else the digits), each with
 * the results the store holds for it and the gateway its running region uses (null while it is not running).
 * Computed on each call, so a region configured or started later counts at the next event.
 */
final class StoredLowerRegions implements LowerRegions {

    private final String regionCode;
    private final RulePacks regions;
    private final ResultLedger store;
    private final ObjectMapper mapper;
    private final Function<String, HostGateway> hosts;

    StoredLowerRegions(String regionCode, RulePacks regions, ResultLedger store, ObjectMapper mapper,
            Function<String, HostGateway> hosts) {
        this.regionCode = regionCode;
        this.regions = regions;
        this.store = store;
        this.mapper = mapper;
        this.hosts = hosts;
    }

    @Override
    public List<String> codes() {
        return regions.lowerRegions(regionCode).stream().sorted().toList();
    }

    @Override
    public ResultHistory history(String lowerRegion) {
        return new StoredResultHistory(lowerRegion, store, mapper);
    }

    @Override
    public HostGateway host(String lowerRegion) {
        return hosts.apply(lowerRegion);
    }
}
