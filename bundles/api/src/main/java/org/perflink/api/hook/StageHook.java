package org.perflink.api.hook;

import org.osgi.annotation.versioning.ConsumerType;
import org.perflink.api.host.HostException;
import org.perflink.api.model.Stage;

/**
 * A whiteboard service that handles the stage events of one stage. The dispatcher calls the hooks that
 * are present and enabled for the event's region; uninstalling the hook's feature removes it everywhere.
 * A hook must be deterministic (same input, same results with the same ids) and must not let one bad
 * item stop the others.
 */
@ConsumerType
public interface StageHook {

    /** Service property naming the stage, for filters: {@code (perflink.stage=COMPILE)}. */
    String STAGE_PROPERTY = "perflink.stage";

    Stage stage();

    /**
     * Handles one event: pulls what it needs through {@link StageContext#inputs()}, page by page, and
     * emits its results to {@link StageContext#emit}. Throwing {@link HostException} rolls the event
     * back so it is handled again later.
     */
    void handle(StageContext context) throws HostException;
}
