package org.perflink.store;

import java.time.Instant;

import org.perflink.api.model.ResultKind;

/**
 * A result as the {@link ResultLedger} keeps it: the seq of its latest outbox row ({@code seq}), its JSON {@code body} as queued for the
 * host, and where it stands: {@value #PENDING} (queued, not yet stored by the host), {@value #DELIVERED} (stored
 * by the host at {@code deliveredAt}) or {@value #DEAD} (refused by the host, parked as a dead letter).
 */
public record StoredResult(long seq, String regionCode, ResultKind kind, String resultId, String subject, String state,
        String body, Instant createdAt, Instant deliveredAt) {

    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String DEAD = "DEAD";
}
