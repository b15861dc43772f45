package org.perflink.store;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The figures of each region the store holds state for. Backlog, delivered and dead-letter figures are
 * counters kept in the transactions that change them, so reading a region's status costs two short queries
 * whatever the size of its outbox.
 */
@ProviderType
public interface StoreStatus {

    /** Figures of one region; zeros and nulls for a region without state. */
    RegionStatus status(String regionCode);

    /** Regions with any state, in code order. */
    List<String> regions();
}
