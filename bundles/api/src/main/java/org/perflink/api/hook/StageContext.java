package org.perflink.api.hook;

import org.osgi.annotation.versioning.ProviderType;
import org.perflink.api.host.HostGateway;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.StageEvent;
import org.perflink.api.rules.RulePack;

/** What a hook gets for one event. Results emitted are stored in the same transaction as the cursor. */
@ProviderType
public interface StageContext {

    StageEvent event();

    /** The region's effective rule pack (with its parents). */
    RulePack rulePack();

    HostGateway host();

    void emit(HostResult result);

    /** Results already written for this region (since 1.1). */
    ResultHistory history();

    /**
     * Lets the results emitted so far go to the host while the event goes on (hooks call it after each
     * page of a large event); the event still counts as handled only when the hook returns, and handling
     * it again re-emits the same results as no-ops. A context that cannot commit early ignores it (since 1.1).
     */
    default void checkpoint() {
        // by default the results wait for the end of the event
    }

    /**
     * The host contract the region's host speaks, {@code 1.0} or {@code 1.1}: against 1.0 only v1 calls, kinds and
     * enum values are used (host-api-v1.md, "v1.1 additions"); a context that does not know says 1.0 (since 1.2).
     */
    default String hostContract() {
        return "1.0";
    }

    /** The region's lower regions and their records, for the lower-region composite; none by default (since 1.3). */
    default LowerRegions lowerRegions() {
        return LowerRegions.NONE;
    }

    /**
     * The event's inputs from {@link #host()} for its region and year, paged at {@link StageInputs#PAGE_SIZE} with
     * this context's {@link #checkpoint()} after each page and unusable close inputs going to {@link #reject}
     * (since 1.3).
     */
    default StageInputs inputs() {
        StageEvent event = event();
        return StageInputs.of(host(), event.regionCode(), event.year(), StageInputs.PAGE_SIZE,
                (key, reason) -> reject(key, reason, null), this::checkpoint);
    }

    /** The kind of {@link #keepPublic} record that holds a project's published target (rules.md §9). */
    String PUBLIC_TARGET = "TARGET";

    /**
     * The kind of {@link #keepPublic} record that holds the address of a project's public key-evaluation report
     * ({@code evaluation.reportUrl} with {@code reportPublic: true}, rules.md §9), as {@link PublicReport#json}
     * writes it; kept by the whole-year CLOSE/EVALUATE, since the Score body does not carry it (since 1.4).
     */
    String PUBLIC_REPORT = "REPORT";

    /**
     * Keeps what rules.md §9 makes public about a project of {@code year} (its published target, as the JSON object
     * the open-data export reads) in PerfLink's store, with the event's results; never sent to the host. A null
     * {@code json} withdraws the record (the project became confidential, or its target is no longer published).
     * A context without such a store ignores it (since 1.3).
     */
    default void keepPublic(String kind, int year, String projectCode, String json) {
        // by default there is no open-data store
    }

    /** Records an item that could not be handled at all (not even identified); goes to the dead-letter store. */
    void reject(String key, String reason, String payload);
}
