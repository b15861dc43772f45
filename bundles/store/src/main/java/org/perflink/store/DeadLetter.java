package org.perflink.store;

import java.time.Instant;

/**
 * A parked item: a result the host rejected permanently ({@code kind} is the {@link
 * org.perflink.api.model.ResultKind} name, {@code key} the result id, {@code httpStatus} and
 * {@code reason} the host's answer), or an input that could not be handled ({@code kind} is
 * {@value #INPUT}, {@code httpStatus} 0).
 */
public record DeadLetter(long id, String regionCode, String kind, String key, String body, int httpStatus,
        String reason, Instant createdAt) {

    /** The kind of a rejected input item. */
    public static final String INPUT = "INPUT";
}
