package org.perflink.admin.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private Instant now = Instant.parse("2027-03-01T08:00:00Z");
    private final Clock clock = new Clock() {
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
            return now;
        }
    };
    private final LoginThrottle throttle = new LoginThrottle(clock);

    private void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, address);
        }
    }

    @Test
    void aUserIsBlockedFromAnAddressAfterTenFailuresThereUntilTheWindowPasses() {
        fail("ada", "10.0.0.1", LoginThrottle.MAX_PAIR_FAILURES - 1);
        assertEquals(0, throttle.blockedFor("ada", "10.0.0.1"));
        fail("ada", "10.0.0.1", 1);
        long wait = throttle.blockedFor("ada", "10.0.0.1");
        assertTrue(wait > 0 && wait <= LoginThrottle.WINDOW.toSeconds() + 1, "wait " + wait);
        assertEquals(0, throttle.blockedFor("ada", "10.0.0.2"), "another address is not blocked for ada yet");
        assertEquals(0, throttle.blockedFor("vera", "10.0.0.1"), "another user from the same address never is");
        now = now.plus(LoginThrottle.WINDOW).plusSeconds(1);
        assertEquals(0, throttle.blockedFor("ada", "10.0.0.1"));
    }

    @Test
    void anotherUsersSuccessDoesNotResetTheCount() {
        fail("ada", "10.0.0.1", LoginThrottle.MAX_PAIR_FAILURES - 1);
        throttle.succeeded("vera");
        fail("ada", "10.0.0.1", 1);
        assertTrue(throttle.blockedFor("ada", "10.0.0.1") > 0);
    }

    @Test
    void theUsersOwnSuccessClearsOnlyTheirCounts() {
        fail("ada", "10.0.0.1", LoginThrottle.MAX_PAIR_FAILURES - 1);
        fail("otto", "10.0.0.1", LoginThrottle.MAX_PAIR_FAILURES - 1);
        throttle.succeeded("ada");
        fail("ada", "10.0.0.1", 1);
        fail("otto", "10.0.0.1", 1);
        assertEquals(0, throttle.blockedFor("ada", "10.0.0.1"));
        assertTrue(throttle.blockedFor("otto", "10.0.0.1") > 0);
    }

    @Test
    void guessingSpreadOverAddressesBlocksThatUserEverywhere() {
        for (int i = 0; i < LoginThrottle.MAX_USER_FAILURES; i++) {
            throttle.failed("ada", "10.0.1." + i);
        }
        assertTrue(throttle.blockedFor("ada", "192.168.9.9") > 0, "a fresh address too");
        assertEquals(0, throttle.blockedFor("vera", "10.0.1.1"));
    }
}
