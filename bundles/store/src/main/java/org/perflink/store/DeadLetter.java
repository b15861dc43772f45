package org.perflink.store;

import java.time.Instant;

/**
 * A parked item: a result the host rejected permanently ({@code kind} is the {@link
 * org.perflink.api.model.ResultKind} name, {@code key} the result id, {@code httpStatus} and
 * {@code reason} the host's answer), or an input that could not be handled ({@code kind} is
 * {@value #INPUT}, {@code httpStatus} 0). Since 2.3 also its {@code subject} (the project or department of a
 * result, null for an input), its {@code stage} (the {@link org.perflink.api.model.Stage} name whose work it parked;
 * null for an input parked before 2.3), and when it was closed by a replay ({@code replayedAt}, with the outbox row
 * it was queued again as, {@code replaySeq}; null when it was closed without being queued again): see {@link #state}.
 */
public record DeadLetter(long id, String regionCode, String kind, String key, String body, int httpStatus,
        String reason, Instant createdAt, String subject, String stage, Instant replayedAt, Long replaySeq) {

    /** The kind of a rejected input item. */
    public static final String INPUT = "INPUT";
    /** Not replayed yet (since 2.3). */
    public static final String OPEN = "OPEN";
    /** Replayed: queued again as a new outbox row (since 2.3). */
    public static final String REPLAYED = "REPLAYED";
    /** Closed by a replay without being queued again: a newer version had been queued since (since 2.3). */
    public static final String SKIPPED = "SKIPPED";

    /** A letter as listed before 2.3: open, no subject nor stage. */
    public DeadLetter(long id, String regionCode, String kind, String key, String body, int httpStatus, String reason,
            Instant createdAt) {
        this(id, regionCode, kind, key, body, httpStatus, reason, createdAt, null, null, null, null);
    }

    /** {@value #OPEN}, {@value #REPLAYED} or {@value #SKIPPED} (since 2.3). */
    public String state() {
        return replayedAt == null ? OPEN : replaySeq != null ? REPLAYED : SKIPPED;
    }
}
