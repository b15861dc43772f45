package org.perflink.admin.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Issue 17 item 6: a verified login is remembered briefly, so the page does not pay argon2 per request. */
class CachedAuthenticatorTest {

    /** A realm that counts its (slow, in real life) checks; passwords can be changed as in users.properties. */
    private static final class CountingRealm implements Authenticator {
        final Map<String, String> passwords = new HashMap<>(Map.of("alice", "right"));
        int checks;

        @Override
        public Optional<AdminUser> authenticate(String username, char[] password) {
            checks++;
            return new String(password).equals(passwords.get(username))
                    ? Optional.of(new AdminUser(username, Set.of("perflink-viewer"))) : Optional.empty();
        }
    }

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2027-03-01T08:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final CountingRealm realm = new CountingRealm();
    private final MovableClock clock = new MovableClock();
    private final CachedAuthenticator auth = new CachedAuthenticator(realm, clock, Duration.ofSeconds(60));

    @Test
    void aVerifiedLoginIsAnsweredFromMemoryWithinItsTime() {
        assertTrue(auth.authenticate("alice", "right".toCharArray()).isPresent());
        for (int i = 0; i < 20; i++) {
            assertEquals("alice", auth.authenticate("alice", "right".toCharArray()).orElseThrow().name());
        }
        assertEquals(1, realm.checks, "one realm check for 21 requests");
        clock.now = clock.now.plusSeconds(61);
        assertTrue(auth.authenticate("alice", "right".toCharArray()).isPresent());
        assertEquals(2, realm.checks, "checked again once the time is up");
    }

    @Test
    void aWrongPasswordIsNeverAnsweredFromMemoryAndForgetsTheUser() {
        auth.authenticate("alice", "right".toCharArray());
        assertTrue(auth.authenticate("alice", "wrong".toCharArray()).isEmpty());
        assertTrue(auth.authenticate("alice", "right".toCharArray()).isPresent());
        assertEquals(3, realm.checks, "the wrong password went to the realm, and so did the next right one");
    }

    @Test
    void aPasswordChangedInTheRealmTakesEffectWhenTheTimeIsUp() {
        auth.authenticate("alice", "right".toCharArray());
        realm.passwords.put("alice", "new");
        assertTrue(auth.authenticate("alice", "new".toCharArray()).isPresent(), "the new one is checked by the realm");
        assertTrue(auth.authenticate("alice", "right".toCharArray()).isEmpty(), "the old one no longer matches the cache");
    }

    @Test
    void failuresAreNotCached() {
        assertTrue(auth.authenticate("mallory", "guess".toCharArray()).isEmpty());
        assertTrue(auth.authenticate("mallory", "guess".toCharArray()).isEmpty());
        assertEquals(2, realm.checks);
    }
}
