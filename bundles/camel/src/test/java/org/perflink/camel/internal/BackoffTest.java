package org.perflink.camel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** {@link OutboxWriter#backoff}: exponential with jitter, capped, and the host's Retry-After. */
class BackoffTest {

    private static final long BASE = OutboxWriter.BASE_DELAY.toMillis();
    private static final long MAX = OutboxWriter.MAX_DELAY.toMillis();

    @Test
    void growsExponentiallyWithinTheJitterRange() {
        for (int attempts = 0; attempts <= 12; attempts++) {
            long cap = Math.min(MAX, BASE << attempts);
            for (int i = 0; i < 500; i++) {
                long d = OutboxWriter.backoff(attempts, null).toMillis();
                assertTrue(d >= BASE / 2 && d <= Math.max(cap, BASE), "attempts " + attempts + ": " + d + " ms");
            }
        }
    }

    @Test
    void isCappedAtTheMaximumDelayHoweverManyAttempts() {
        for (int attempts : new int[] {20, 21, 63, 64, 1000, Integer.MAX_VALUE}) {
            for (int i = 0; i < 200; i++) {
                long d = OutboxWriter.backoff(attempts, null).toMillis();
                assertTrue(d >= BASE / 2 && d <= MAX, "attempts " + attempts + ": " + d + " ms");
            }
        }
        // negative attempts (a corrupt counter) is the first attempt
        long d = OutboxWriter.backoff(-3, null).toMillis();
        assertTrue(d >= BASE / 2 && d <= BASE, d + " ms");
    }

    @Test
    void jitterSpreadsOverTheWholeRange() {
        Set<Long> seen = new HashSet<>();
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 2000; i++) {
            long d = OutboxWriter.backoff(30, null).toMillis();
            seen.add(d);
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        assertTrue(seen.size() > 1000, "distinct delays: " + seen.size());
        assertTrue(min < MAX / 4, "smallest " + min);
        assertTrue(max > MAX * 3 / 4, "largest " + max);
    }

    @Test
    void retryAfterIsHonouredExactlyAndBounded() {
        assertEquals(Duration.ofSeconds(1), OutboxWriter.backoff(0, Duration.ofSeconds(1)));
        assertEquals(Duration.ofSeconds(120), OutboxWriter.backoff(15, Duration.ofSeconds(120)));
        assertEquals(Duration.ZERO, OutboxWriter.backoff(3, Duration.ZERO));
        // longer than the exponential cap: still honoured, up to an hour
        assertEquals(Duration.ofMinutes(30), OutboxWriter.backoff(0, Duration.ofMinutes(30)));
        assertEquals(OutboxWriter.MAX_RETRY_AFTER, OutboxWriter.backoff(0, Duration.ofDays(365)));
        assertEquals(OutboxWriter.MAX_RETRY_AFTER, OutboxWriter.backoff(0, Duration.ofSeconds(Long.MAX_VALUE)));
        // a negative one is no instruction: the writer's own backoff
        long d = OutboxWriter.backoff(0, Duration.ofSeconds(-5)).toMillis();
        assertTrue(d >= BASE / 2 && d <= BASE, d + " ms");
    }
}
