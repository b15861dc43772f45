package org.perflink.api.hook;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A service giving each region's {@link ResultHistory} as PerfLink's store keeps it, for readers outside an event
 * (the what-if simulation counts the year's RED warnings in it); the engine registers it (since 1.3).
 */
@ProviderType
public interface ResultHistories {

    /** The results written so far for this region. */
    ResultHistory of(String regionCode);
}
