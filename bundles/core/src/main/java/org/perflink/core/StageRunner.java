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
}
