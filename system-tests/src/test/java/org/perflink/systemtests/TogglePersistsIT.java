package org.perflink.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.perflink.launcher.KarafProcess;

/**
 * Issue 7, "toggles persisting across a container restart": an administrator switches region 440100's compile
 * stage off through the shell ({@code perflink:disable 440100 compile} over {@code bin/client}); the switch is
 * written to {@code etc/}, so after {@code bin/stop} and {@code bin/start} the region still runs without its
 * compile stage (status.json, rewritten after the restart, and the host: 440000's compile events give verdicts,
 * 440100's none) until {@code perflink:enable 440100 compile} brings its verdicts.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class TogglePersistsIT extends SystemTestSupport {

    static final String KEPT = "440000";
    static final String STOPPED = "440100";
    static final Duration SHELL = Duration.ofSeconds(90);
    static final Duration SWITCH = Duration.ofSeconds(30);
    /** How long 440100 must stay without verdicts once its routes are past the compile events. */
    static final Duration QUIET = Duration.ofSeconds(3);

    /** Failed checks that do not stop the test (the rest of the story still runs); reported at the end. */
    private final List<String> problems = new ArrayList<>();

    @Test
    void aStageSwitchedOffInTheShellStaysOffAfterARestart(@TempDir Path dir) throws Exception {
        Instant t0 = Instant.now();
        KarafProcess k = karaf(dir, "toggle-persists", REGIONS);
        String user = "toggleadmin";
        String password = UUID.randomUUID().toString().replace("-", "");
        k.addShellUser(user, password, "perflink-admin");
        start(k, REGIONS);
        awaitStatus(k, "both regions with all three stages", BOOT, s -> {
            assertEquals(Set.copyOf(STAGES), stages(s, KEPT));
            assertEquals(Set.copyOf(STAGES), stages(s, STOPPED));
        });

        // --- switch 440100's compile stage off through the shell -------------------------------------------
        Path cfgFile = k.home().resolve("etc/org.perflink.region-" + STOPPED + ".cfg");
        Instant disabledAt = Instant.now();
        String disable = k.shellAs(user, password, SHELL, "perflink:disable " + STOPPED + " compile");
        assertTrue(disable.contains("已停用 (disabled)") && disable.contains(STOPPED), disable);
        awaitFile(cfgFile, SWITCH, cfg -> {
            assertTrue(cfg.matches("(?s).*(^|\\n)compileEnabled\\s*=\\s*false.*"), cfg);
            assertTrue(cfg.matches("(?s).*(^|\\n)executeEnabled\\s*=\\s*true.*"), "the other switches kept: " + cfg);
            assertTrue(cfg.matches("(?s).*(^|\\n)closeEnabled\\s*=\\s*true.*"), "the other switches kept: " + cfg);
        });
        String beforeRestart = check("before the restart, status.json shows 440100 without COMPILE", k, SWITCH, () -> {
            JsonNode s = k.status();
            assertTrue(s != null && Instant.parse(s.path("updatedAt").asText()).isAfter(disabledAt), "a status written after the switch: " + s);
            assertEquals(Set.of("EXECUTE", "CLOSE"), stages(s, STOPPED), "440100's stages: " + s.path("regions").path(STOPPED));
            assertEquals(Set.copyOf(STAGES), stages(s, KEPT));
        });

        // --- restart the container: bin/stop, wait until it is gone, bin/start ---------------------------
        Instant stopping = Instant.now();
        k.stop();
        Awaitility.await("Karaf stopped").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> !k.alive());
        long stopMillis = millisSince(stopping);
        Instant restartedAt = Instant.now();
        start(k, REGIONS);
        long bootMillis = millisSince(restartedAt);

        String cfgAfter = Files.readString(cfgFile, StandardCharsets.ISO_8859_1);
        assertTrue(cfgAfter.matches("(?s).*(^|\\n)compileEnabled\\s*=\\s*false.*"), "etc/ after the restart: " + cfgAfter);
        awaitStatus(k, "after the restart, 440100 without COMPILE, 440000 with all three", BOOT, s -> {
            assertTrue(Instant.parse(s.path("updatedAt").asText()).isAfter(restartedAt),
                    "status.json rewritten after the restart: updatedAt " + s.path("updatedAt").asText() + ", restart " + restartedAt);
            assertEquals(Set.of("EXECUTE", "CLOSE"), stages(s, STOPPED), "440100's stages: " + s.path("regions").path(STOPPED));
            assertEquals(Set.copyOf(STAGES), stages(s, KEPT), "440000's stages: " + s.path("regions").path(KEPT));
            assertEquals("ACTIVE", s.path("regions").path(STOPPED).path("state").asText());
        });
        String stoppedCompileCursor = cursor(k.status(), STOPPED, "COMPILE");

        // --- compile events for both regions: 440000 gets verdicts, 440100 none ---------------------------
        long keptDeclared = AdminPageIT.projects(script(KEPT, "COMPILE", "DECLARED"));
        long stoppedDeclared = AdminPageIT.projects(script(STOPPED, "COMPILE", "DECLARED"));
        assertTrue(keptDeclared > 0 && stoppedDeclared > 0);
        Instant pushed = Instant.now();
        awaitStatus(k, "440000's verdicts delivered, 440100's execute route past the same events", STAGE, s -> {
            assertEquals(keptDeclared, ids(KEPT, List.of("verdict")), "440000's verdicts at the host");
            assertEquals(Long.toString(lastSeq.get(KEPT)), cursor(s, KEPT, "COMPILE"));
            assertEquals(Long.toString(lastSeq.get(STOPPED)), cursor(s, STOPPED, "EXECUTE"));
            assertEquals(Long.toString(lastSeq.get(STOPPED)), cursor(s, STOPPED, "CLOSE"));
        });
        long keptMillis = millisSince(pushed);
        // several of 440100's poll intervals (1 s) more: still no verdict, compile cursor unmoved
        Awaitility.await("no verdict for 440100 while its compile stage is off").during(QUIET).atMost(QUIET.plusSeconds(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> ids(STOPPED, List.of("verdict")) == 0);
        assertEquals(stoppedCompileCursor, cursor(k.status(), STOPPED, "COMPILE"), "440100's compile cursor stays");

        // --- switch it on again: 440100's verdicts arrive ----------------------------------------------------
        String enable = k.shellAs(user, password, SHELL, "perflink:enable " + STOPPED + " compile");
        assertTrue(enable.contains("已开启 (enabled)") && enable.contains(STOPPED), enable);
        awaitFile(cfgFile, SWITCH, cfg -> assertTrue(cfg.matches("(?s).*(^|\\n)compileEnabled\\s*=\\s*true.*"), cfg));
        Instant enabledAt = Instant.now();
        awaitStatus(k, "440100's verdicts delivered after perflink:enable", STAGE, s -> {
            assertEquals(stoppedDeclared, ids(STOPPED, List.of("verdict")), "440100's verdicts at the host");
            assertEquals(Set.copyOf(STAGES), stages(s, STOPPED));
            assertEquals(Long.toString(lastSeq.get(STOPPED)), cursor(s, STOPPED, "COMPILE"));
        });
        long stoppedMillis = millisSince(enabledAt);
        assertEquals(keptDeclared, ids(KEPT, List.of("verdict")), "440000's verdicts unchanged");

        report(String.format("TogglePersistsIT: perflink:disable %s compile as %s (perflink-admin) via bin/client; "
                + "etc/ compileEnabled = false; status before the restart: %s; bin/stop took %d ms, bin/start to both "
                + "regions reporting %d ms; after the restart %s ran [EXECUTE, CLOSE] (compile cursor %s), %d verdicts of %s "
                + "delivered %d ms after the push, 0 of %d for %s over %d s; perflink:enable brought them in %d ms; %d ms in all",
                STOPPED, user, beforeRestart, stopMillis, bootMillis, STOPPED, stoppedCompileCursor, keptDeclared, KEPT,
                keptMillis, stoppedDeclared, STOPPED, QUIET.toSeconds(), stoppedMillis, millisSince(t0)));
        assertTrue(problems.isEmpty(), "failed checks: " + problems);
    }

    /** The stages a region's entry in status.json lists. */
    static Set<String> stages(JsonNode status, String region) {
        Set<String> out = new TreeSet<>();
        if (status != null) {
            status.path("regions").path(region).path("stages").fieldNames().forEachRemaining(out::add);
        }
        return out;
    }

    static String cursor(JsonNode status, String region, String stage) {
        JsonNode c = status == null ? null : status.path("regions").path(region).path("stages").path(stage).path("cursor");
        return c == null || c.isMissingNode() || c.isNull() ? null : c.asText();
    }

    interface StatusAssertion {
        void check(JsonNode status) throws Exception;
    }

    /** Waits (bounded) until the assertions hold on a readable status.json. */
    static void awaitStatus(KarafProcess k, String what, Duration timeout, StatusAssertion assertion) {
        Awaitility.await(what + " (log " + k.log() + ")").atMost(timeout).pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(NullPointerException.class)
                .untilAsserted(() -> {
                    JsonNode s = k.status();
                    assertFalse(s == null, "status.json readable");
                    assertion.check(s);
                });
    }

    /** A bounded wait whose failure is recorded (and fails the test at its end) rather than stopping it. */
    String check(String what, KarafProcess k, Duration timeout, ThrowingRunnable assertion) {
        try {
            Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(200)).untilAsserted(assertion);
            return "ok";
        } catch (ConditionTimeoutException e) {
            problems.add(what + ": " + e.getMessage() + "; status.json " + k.status());
            return "FAILED (" + e.getMessage() + ")";
        }
    }
}
