package org.perflink.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.perflink.launcher.KarafProcess;

/**
 * Issue 6, a permanent rejection: the host refuses one verdict with 422 and a reason. The verdict ends in
 * the dead-letter store with the host's answer (listed by {@code perflink:dead-letters} and counted in
 * {@code status.json}), it is not retried, and the rest of the region's verdicts are delivered. Once the
 * host accepts it, an operator's {@code perflink:replay} (over SSH with {@code bin/client}, as a user with
 * only the {@code perflink-operator} role) delivers it, once, with the body the host refused.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class PermanentRejectionIT extends SystemTestSupport {

    static final String REGION = "440000";
    /** The DECLARED verdict of project 440000-2027-000102 (revision 1): a BLOCK for EX_ANTE_REQUIRED. */
    static final String REJECTED = "440000-2027-000102.DECLARED.r1";
    static final String REASON = "项目已锁定 locked for review";

    @Test
    void aVerdictTheHostRejectsIsParkedWithTheHostsReasonAndReplayDeliversItOnce(@TempDir Path dir) throws Exception {
        KarafProcess k = karaf(dir, "rejection", List.of(REGION));
        k.addShellUser("systest", UUID.randomUUID().toString(), "perflink-operator");
        start(k, List.of(REGION));

        faults("{\"rejectIds\": {\"" + REJECTED + "\": {\"status\": 422, \"error\": \"" + REASON + "\"}}}");
        script(REGION, "COMPILE");
        await("the compile stage done with one dead letter", STAGE, k, () -> done(k, REGION) && k.deadLetters() == 1);

        // The host refused it once (a permanent answer is not retried) and holds every other verdict.
        List<JsonNode> attempts = attempts(REJECTED);
        assertEquals(1, attempts.size(), "one attempt, answered 422, not retried: " + attempts);
        assertEquals(422, attempts.get(0).path("status").asInt());
        JsonNode refusedBody = attempts.get(0).path("body");
        assertEquals(0, host.received().received(REGION, "verdict", REJECTED, false).path("ids").asLong());
        long verdicts = ids(REGION, List.of("verdict"));
        assertTrue(verdicts > 0, "the rest of the region's verdicts are delivered");

        // The dead letter carries the host's answer: in the operator's listing and in the log.
        String listing = k.shell(Duration.ofSeconds(90), "perflink:dead-letters " + REGION);
        assertTrue(listing.contains(REJECTED), "the listing names the result: " + listing);
        assertTrue(listing.contains("422"), "the listing gives the host's status: " + listing);
        assertTrue(listing.contains("locked for review"), "the listing gives the host's reason: " + listing);
        String log = Files.readString(k.log(), StandardCharsets.UTF_8);
        assertTrue(log.contains(REJECTED), "the log names the parked result");

        // The host is fixed: an operator replays the region's dead letters.
        noFaults();
        String replay = k.shell(Duration.ofSeconds(90), "perflink:replay " + REGION);
        assertTrue(replay.contains("1 / 1"), "one dead letter re-queued: " + replay);
        await("the replayed verdict delivered", Duration.ofSeconds(60), k,
                () -> host.received().received(REGION, "verdict", REJECTED, false).path("ids").asLong() == 1
                        && k.deadLetters() == 0 && done(k, REGION));

        JsonNode row = host.received().received(REGION, "verdict", REJECTED, true).path("items").get(0);
        assertNotNull(row);
        assertEquals(1, row.path("count").asInt(), "delivered once");
        assertEquals(refusedBody, row.path("body"), "with the body the host refused before");
        assertEquals(verdicts + 1, ids(REGION, List.of("verdict")));
        assertFalse(row.path("differentBodies").asBoolean());
        String after = k.shell(Duration.ofSeconds(90), "perflink:dead-letters " + REGION);
        assertFalse(after.contains(REJECTED), "no longer listed: " + after);

        report(String.format("PermanentRejectionIT: %s refused once with 422 \"%s\" (not retried), parked (dead letters 1), "
                + "%d other verdicts delivered; listing:%n%s%nreplay: %s -> delivered once with the refused body; "
                + "dead letters 0", REJECTED, REASON, verdicts, listing.strip(), replay.strip()));
    }

    /** Every write of {@code id} the host logged (accepted or refused), in arrival order. */
    private List<JsonNode> attempts(String id) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode e : host.received().log(REGION, "verdict", 0, Integer.MAX_VALUE).path("items")) {
            if (id.equals(e.path("id").asText())) {
                out.add(e);
            }
        }
        return out;
    }
}
