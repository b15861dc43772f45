package org.perflink.api.host;

import java.time.Duration;

/** What the host answered to one result. */
public record Delivery(String id, Status status, int httpStatus, String reason, Duration retryAfter) {

    public enum Status {
        /** 2xx: stored. */
        STORED,
        /** 408, 429, 5xx, timeouts, refused connections: retry with backoff, never drop. */
        TRANSIENT,
        /** Other 4xx: park in the dead-letter store with the host's reason. */
        PERMANENT
    }

    public static Status classify(int httpStatus) {
        if (httpStatus >= 200 && httpStatus < 300) {
            return Status.STORED;
        }
        if (httpStatus == 408 || httpStatus == 429 || httpStatus >= 500) {
            return Status.TRANSIENT;
        }
        return Status.PERMANENT;
    }
}
