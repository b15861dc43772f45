package org.perflink.api.hook;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.perflink.api.host.HostGateway;

/**
 * The lower regions (下级) of an event's region and what PerfLink holds of each (since 1.2): the configured regions
 * whose nearest configured ancestor is the region (its {@code parentRegion}, else the digits), the results PerfLink
 * wrote for each, and each one's own host, for the lower-region composite (rules.md §4.3).
 */
@ProviderType
public interface LowerRegions {

    /** None: a context that knows no region configuration. */
    LowerRegions NONE = new LowerRegions() {
        @Override
        public List<String> codes() {
            return List.of();
        }

        @Override
        public ResultHistory history(String regionCode) {
            return projectCode -> List.of();
        }

        @Override
        public HostGateway host(String regionCode) {
            return null;
        }
    };

    /** The lower regions' codes, ascending. */
    List<String> codes();

    /** What PerfLink wrote for a lower region (its store's records, never what its host acknowledged). */
    ResultHistory history(String regionCode);

    /** The lower region's own host (its contract applied), null when it has none now. */
    HostGateway host(String regionCode);
}
