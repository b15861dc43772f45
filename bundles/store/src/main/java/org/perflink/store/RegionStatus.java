package org.perflink.store;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.perflink.api.model.Stage;

/**
 * Figures of one region: its stage cursors, the outbox backlog (results not yet delivered, due or
 * not) and the creation time of the oldest of them, how many were delivered (ever: the counter outlives the
 * pruned outbox rows), open dead letters, the last delivery error and when the last event was handled.
 */
public record RegionStatus(String regionCode, Map<Stage, String> cursors, long backlog, Instant oldestUndelivered,
        long delivered, long deadLetters, String lastError, Instant lastErrorAt, Instant lastEventAt) {

    public RegionStatus {
        // in stage order, immutable; EnumMap's copy constructor refuses an empty non-EnumMap
        EnumMap<Stage, String> ordered = new EnumMap<>(Stage.class);
        ordered.putAll(cursors);
        cursors = Collections.unmodifiableMap(ordered);
    }
}
