package org.perflink.core;

import org.osgi.annotation.versioning.ProviderType;
import org.perflink.api.model.Stage;

/** Runs a region's stage now instead of at its next poll (an operator's "run now"). */
@ProviderType
public interface StageRunner {

    /**
     * Pulls and handles every new event of the stage for the region, in the caller's thread, one at a time
     * with the stage's own route (never twice at once). Returns false when the region or the stage is not
     * running (not configured, DISABLED, or the stage switched off).
     */
    boolean runNow(String regionCode, Stage stage);

    /**
     * Moves the stage's cursor past the event its route cannot get past because handling it fails again
     * and again in PerfLink itself (not the host), for example an event id the store cannot hold; the
     * region's status shows such an event as {@code stuckEvent}. The event's results, if any, are not
     * written. The caller audits it.
     *
     * @return the skipped event ({@code seq eventId}), or null when the stage has no stuck event (or is not running)
     * @since 1.2
     */
    default String skipEvent(String regionCode, Stage stage) {
        return null; // a runner that never gets stuck
    }
}
