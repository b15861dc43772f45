package org.perflink.admin.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Slows down password guessing: after {@link #MAX_FAILURES} failed logins from one address within
 * {@link #WINDOW}, further requests from it are refused (429) without checking their credentials until the
 * oldest failure leaves the window.
 */
final class LoginThrottle {

    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(5);
    /** Addresses tracked at most; the table is cleared when full (never unbounded). */
    private static final int MAX_ADDRESSES = 10_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Seconds until the address may try again; 0 when it may now. */
    synchronized long blockedFor(String address) {
        Deque<Instant> d = failures.get(address);
        if (d == null) {
            return 0;
        }
        Instant now = clock.instant();
        prune(d, now);
        if (d.isEmpty()) {
            failures.remove(address);
            return 0;
        }
        if (d.size() < MAX_FAILURES) {
            return 0;
        }
        return Math.max(1, Duration.between(now, d.peekFirst().plus(WINDOW)).toSeconds() + 1);
    }

    synchronized void failed(String address) {
        if (failures.size() >= MAX_ADDRESSES && !failures.containsKey(address)) {
            Instant now = clock.instant();
            for (Iterator<Deque<Instant>> it = failures.values().iterator(); it.hasNext(); ) {
                Deque<Instant> d = it.next();
                prune(d, now);
                if (d.isEmpty()) {
                    it.remove();
                }
            }
            if (failures.size() >= MAX_ADDRESSES) {
                failures.clear();
            }
        }
        Deque<Instant> d = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        d.addLast(clock.instant());
        while (d.size() > MAX_FAILURES) {
            d.removeFirst();
        }
    }

    synchronized void succeeded(String address) {
        failures.remove(address);
    }

    private static void prune(Deque<Instant> d, Instant now) {
        while (!d.isEmpty() && d.peekFirst().plus(WINDOW).isBefore(now)) {
            d.removeFirst();
        }
    }
}
