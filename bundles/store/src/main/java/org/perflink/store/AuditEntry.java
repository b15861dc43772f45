package org.perflink.store;

import java.time.Instant;

/** One administrative action: who did what to which target, with the state before and after. */
public record AuditEntry(long id, Instant at, String actor, String action, String target, String before,
        String after) {
}
