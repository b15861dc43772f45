package org.perflink.store;

import java.time.Instant;

import org.perflink.api.model.Stage;

/**
 * One row of the event log: an event a stage handled (or went past), what it stored, the cursor it moved to,
 * and the {@code node} (the store's configured node name) that did it.
 */
public record HandledEvent(long id, String regionCode, Stage stage, Long eventSeq, String eventId, String phase,
        String newCursor, int added, int unchanged, int rejected, String node, Instant handledAt) {
}
