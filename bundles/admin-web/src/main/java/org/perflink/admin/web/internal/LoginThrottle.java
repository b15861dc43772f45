package org.perflink.admin.web.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Slows down password guessing, per user name, never per address alone: behind an SSH tunnel or a TLS proxy every
 * user comes from one address, and one user's failures must not lock the others out.
 * <ul>
 * <li>after {@link #MAX_PAIR_FAILURES} failed logins of one user name from one address within {@link #WINDOW},
 * that user is refused from that address (429, credentials not even checked);</li>
 * <li>after {@link #MAX_USER_FAILURES} failed logins of one user name from any addresses, that user is refused
 * from every address (guessing spread over many addresses);</li>
 * <li>until the oldest counted failure leaves the window. A successful login clears the counts of that user only
 * (another user's success never resets them), and correct credentials of another user are never refused.</li>
 * </ul>
 */
final class LoginThrottle {

    static final int MAX_PAIR_FAILURES = 10;
    static final int MAX_USER_FAILURES = 30;
    static final Duration WINDOW = Duration.ofMinutes(5);
    /** Keys tracked at most per table; a full table is pruned, then cleared (never unbounded). */
    private static final int MAX_KEYS = 10_000;

    private final Clock clock;
    /** user name → failure times, from any address. */
    private final Map<String, Deque<Instant>> byUser = new HashMap<>();
    /** user name + NUL + address → failure times. */
    private final Map<String, Deque<Instant>> byPair = new HashMap<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Seconds until this user may try again from this address; 0 when they may now. */
    synchronized long blockedFor(String user, String address) {
        Instant now = clock.instant();
        return Math.max(wait(byPair, pair(user, address), MAX_PAIR_FAILURES, now),
                wait(byUser, user, MAX_USER_FAILURES, now));
    }

    synchronized void failed(String user, String address) {
        Instant now = clock.instant();
        add(byPair, pair(user, address), MAX_PAIR_FAILURES, now);
        add(byUser, user, MAX_USER_FAILURES, now);
    }

    /** Clears the counts of this user (from every address): no one else's. */
    synchronized void succeeded(String user) {
        byUser.remove(user);
        String prefix = user + '\0';
        byPair.keySet().removeIf(k -> k.startsWith(prefix));
    }

    private static String pair(String user, String address) {
        return user + '\0' + address;
    }

    private static long wait(Map<String, Deque<Instant>> table, String key, int max, Instant now) {
        Deque<Instant> d = table.get(key);
        if (d == null) {
            return 0;
        }
        prune(d, now);
        if (d.isEmpty()) {
            table.remove(key);
            return 0;
        }
        if (d.size() < max) {
            return 0;
        }
        return Math.max(1, Duration.between(now, d.peekFirst().plus(WINDOW)).toSeconds() + 1);
    }

    private static void add(Map<String, Deque<Instant>> table, String key, int max, Instant now) {
        if (table.size() >= MAX_KEYS && !table.containsKey(key)) {
            for (Iterator<Deque<Instant>> it = table.values().iterator(); it.hasNext(); ) {
                Deque<Instant> d = it.next();
                prune(d, now);
                if (d.isEmpty()) {
                    it.remove();
                }
            }
            if (table.size() >= MAX_KEYS) {
                table.clear();
            }
        }
        Deque<Instant> d = table.computeIfAbsent(key, k -> new ArrayDeque<>());
        d.addLast(now);
        while (d.size() > max) {
            d.removeFirst();
        }
    }

    private static void prune(Deque<Instant> d, Instant now) {
        while (!d.isEmpty() && d.peekFirst().plus(WINDOW).isBefore(now)) {
            d.removeFirst();
        }
    }
}
