package org.perflink.admin.web.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers a verified login for a short time, so that the page (HTTP Basic: credentials on every request) does
 * not pay the realm's deliberately slow argon2 check per request. What is kept is the user with its roles and an
 * HMAC of the password under a key made at start and never stored, so the cache never holds a password, and a
 * heap dump does not give one away either. Only successes are cached; a wrong password always goes to the realm
 * (and to the login throttle), and a password changed in the realm takes effect within {@code ttl}.
 */
final class CachedAuthenticator implements Authenticator {

    /** Enough for a page's bursts of requests; short enough that a removed user or role is gone soon. */
    static final Duration DEFAULT_TTL = Duration.ofSeconds(60);
    static final int MAX_ENTRIES = 1_000;

    private record Entry(byte[] mac, AdminUser user, Instant until) {
    }

    private final Authenticator realm;
    private final Clock clock;
    private final Duration ttl;
    private final SecretKeySpec key;
    private final Map<String, Entry> verified = new ConcurrentHashMap<>();

    CachedAuthenticator(Authenticator realm, Clock clock, Duration ttl) {
        this.realm = realm;
        this.clock = clock;
        this.ttl = ttl;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Optional<AdminUser> authenticate(String username, char[] password) {
        Instant now = clock.instant();
        byte[] mac = mac(username, password);
        Entry cached = verified.get(username);
        if (cached != null && now.isBefore(cached.until()) && MessageDigest.isEqual(cached.mac(), mac)) {
            return Optional.of(cached.user());
        }
        Optional<AdminUser> user = realm.authenticate(username, password);
        if (user.isPresent()) {
            if (verified.size() >= MAX_ENTRIES) {
                verified.values().removeIf(e -> !now.isBefore(e.until()));
                if (verified.size() >= MAX_ENTRIES) {
                    verified.clear(); // many distinct users at once: start over rather than grow
                }
            }
            verified.put(username, new Entry(mac, user.get(), now.plus(ttl)));
        } else {
            verified.remove(username);
        }
        return user;
    }

    private byte[] mac(String username, char[] password) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] secret = new byte[bytes.remaining()];
        bytes.get(secret);
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            hmac.update(username.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            return hmac.doFinal(secret);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java 17", e);
        } finally {
            Arrays.fill(secret, (byte) 0);
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
        }
    }
}
