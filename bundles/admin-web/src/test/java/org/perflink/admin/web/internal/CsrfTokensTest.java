package org.perflink.admin.web.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class CsrfTokensTest {

    private static final Instant T0 = Instant.parse("2027-03-01T08:00:00Z");

    @Test
    void aTokenIsValidForItsUserUntilItExpires() {
        CsrfTokens tokens = new CsrfTokens(new SecureRandom(), Clock.fixed(T0, ZoneOffset.UTC));
        String token = tokens.issue("ada");
        assertTrue(tokens.valid("ada", token));
        assertFalse(tokens.valid("eve", token), "bound to the user");
        assertFalse(tokens.valid("ada", null));
        assertFalse(tokens.valid("ada", ""));
        assertFalse(tokens.valid("ada", "x.y"));
        assertFalse(tokens.valid("ada", token + "A"), "tampered");
        String[] parts = token.split("\\.");
        assertFalse(tokens.valid("ada", (Long.parseLong(parts[0]) + 1) + "." + parts[1]), "the time is signed too");

    }

    @Test
    void tokensExpireAndDieWithTheServersSecret() {
        Instant[] now = {T0};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        CsrfTokens tokens = new CsrfTokens(new SecureRandom(), clock);
        String token = tokens.issue("ada");
        now[0] = T0.plus(CsrfTokens.TTL).minusSeconds(1);
        assertTrue(tokens.valid("ada", token));
        now[0] = T0.plus(CsrfTokens.TTL).plusSeconds(1);
        assertFalse(tokens.valid("ada", token), "expired");
        now[0] = T0;
        assertFalse(new CsrfTokens(new SecureRandom(), clock).valid("ada", token), "a restart makes a new secret");
    }
}
