package org.perflink.store;

import java.util.List;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What rules.md §9 makes public, as PerfLink keeps it for the open-data export (绩效信息公开): one JSON body per
 * (region, budget year, kind, project), written by the stages with their event's results
 * ({@link EventLedger.EventTransaction#keepPublic}) and never sent to the host.
 */
@ProviderType
public interface PublicRecords {

    /** One kept record. */
    record PublicRecord(String regionCode, int year, String kind, String projectCode, String body) {
    }

    /**
     * Every record of {@code kind} of a region's year, by projectCode ascending (the table's key order, so the
     * read is a range of the primary key), streamed to {@code each} without collecting them.
     */
    void forEach(String regionCode, int year, String kind, Consumer<PublicRecord> each);

    /** How many records of {@code kind} a region's year holds. */
    long count(String regionCode, int year, String kind);

    /**
     * The budget years of a region that hold any record, ascending: the years whose open-data export there is to
     * write; none by default (since 2.2).
     */
    default List<Integer> years(String regionCode) {
        return List.of();
    }
}
