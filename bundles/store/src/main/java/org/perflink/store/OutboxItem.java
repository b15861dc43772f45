package org.perflink.store;

import java.time.Instant;

import org.perflink.api.model.ResultKind;

/** A result in the outbox, due for delivery. {@code seq} orders the outbox of a region. */
public record OutboxItem(long seq, String regionCode, ResultKind kind, String resultId, String subject, String body,
        int attempts, Instant createdAt) {
}
