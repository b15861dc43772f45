package org.perflink.admin.web.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CSRF tokens for the state-changing requests of the admin API: {@code <issued epoch second>.<HMAC>}, where
 * the HMAC-SHA256 covers the authenticated user name and the issue time, keyed with a random secret made
 * when the server starts. A token is valid for {@link #TTL} for the user it was issued to only; a restart
 * invalidates every token (the page fetches a new one when a request is refused). Stateless: nothing to
 * store or expire.
 */
final class CsrfTokens {

    static final Duration TTL = Duration.ofHours(12);
    /** Tolerated clock skew for a token "issued in the future". */
    private static final Duration SKEW = Duration.ofMinutes(1);
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Clock clock;

    CsrfTokens(SecureRandom random, Clock clock) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        this.key = new SecretKeySpec(secret, ALGORITHM);
        this.clock = clock;
    }

    String issue(String user) {
        long issued = clock.instant().getEpochSecond();
        return issued + "." + mac(user, issued);
    }

    Instant expiry(String token) {
        return Instant.ofEpochSecond(Long.parseLong(token.substring(0, token.indexOf('.')))).plus(TTL);
    }

    boolean valid(String user, String token) {
        if (token == null || user == null) {
            return false;
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot > 19) {
            return false;
        }
        long issued;
        try {
            issued = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        Instant now = clock.instant();
        Instant at = Instant.ofEpochSecond(issued);
        if (at.isAfter(now.plus(SKEW)) || at.plus(TTL).isBefore(now)) {
            return false;
        }
        byte[] expected = mac(user, issued).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    private String mac(String user, long issued) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] h = mac.doFinal(("perflink-admin-csrf\n" + user + "\n" + issued).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(h);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e); // every Java 17 runtime has it
        }
    }
}
