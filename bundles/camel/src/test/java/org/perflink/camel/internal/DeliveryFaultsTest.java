package org.perflink.camel.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.perflink.api.host.Delivery;
import org.perflink.api.model.Stage;
import org.perflink.mockhost.Faults;
import org.perflink.store.DeadLetter;
import org.perflink.store.OutboxItem;

/**
 * Host contract v1 §3 and issue 6 under injected faults, through the real routes, writer, store and
 * gateway against the mock host: transient failures (host down, connections closed, 503, 429 with
 * Retry-After) are retried until everything is delivered once, in order per subject; permanent
 * rejections are parked with the host's reason and delivered by a replay; a host without
 * {@code results:batch} gets single PUTs.
 */
class DeliveryFaultsTest extends DemoHostTestSupport {

    @Test
    void hostDownThenBackDeliversEveryResultOnceInOrderPerSubject() throws Exception {
        h = new Harness(dir, host, true);
        // Part 1: the host is unreachable (connections closed without an answer): nothing moves, nothing is lost.
        h.faults("{\"down\": true, \"closeConnection\": true}");
        h.startCamel();
        List<ObjectNode> events = new ArrayList<>();
        for (String phase : DemoExpectations.COMPILE_PHASES) {
            events.add(h.compileEventForAll(phase));
        }
        String lastSeq = events.get(3).path("seq").asText();
        await().atMost(PATIENCE).until(() -> h.status.lastError(Harness.REGION) != null);
        assertNull(h.regionStatus().cursors().get(Stage.COMPILE), "no event is passed while the host is down");

        // Part 2: reads work, every write is answered 503: the results wait in the outbox.
        h.faults("{\"down\": true, \"methods\": [\"PUT\", \"POST\"]}");
        await().atMost(PATIENCE).until(() -> lastSeq.equals(h.regionStatus().cursors().get(Stage.COMPILE))
                && h.regionStatus().backlog() == 4 * 33 && h.gateway.transientAttempts() >= 2);
        assertEquals(0, h.verdictIdsAtHost());
        assertTrue(h.gateway.attempts.stream().allMatch(RecordingGateway.Attempt::allTransient));

        // Part 3: the host is back.
        host.faults(Faults.NONE);
        Set<String> expected = new TreeSet<>();
        DemoExpectations.COMPILE_PHASES.forEach(p -> expected.addAll(
                DemoExpectations.allProjectVerdictIds(demo, Harness.REGION, p)));
        assertEquals(132, expected.size());
        await().atMost(PATIENCE).until(() -> h.verdictIdsAtHost() == expected.size()
                && h.regionStatus().backlog() == 0);

        assertDeliveredOnce(expected);
        assertInPhaseOrderPerSubject();
        assertEquals(0, h.regionStatus().deadLetters());
    }

    /**
     * Every 2nd request answered 503: first every request (feed reads, project pulls, writes) until all the
     * events are handled, then the writes only. (Were the idle feed reads still counted once the events are
     * handled, the writer's requests would fail at random, in chains as long as chance makes them, and its
     * growing backoff would make the test's duration a lottery; counted on the writes alone, the 503s
     * alternate with successes and the run has a bound.)
     */
    @Test
    void every2ndRequestAnswered503StillDeliversEverythingOnce() throws Exception {
        h = new Harness(dir, host, true);
        h.faults("{\"status\": 503, \"everyNth\": 2}");
        h.startCamel();
        List<ObjectNode> events = host.script(Harness.REGION, "COMPILE", null);
        String lastSeq = events.get(events.size() - 1).path("seq").asText();
        Set<String> expected = DemoExpectations.scriptedVerdictIds(demo, Harness.REGION,
                Set.copyOf(DemoExpectations.COMPILE_PHASES));
        await().atMost(PATIENCE).until(() -> lastSeq.equals(h.regionStatus().cursors().get(Stage.COMPILE)));
        long faultedWhileHandling = h.faultedRequests();
        assertTrue(faultedWhileHandling > 0, "the mock did answer 503 while the events were handled");

        h.faults("{\"status\": 503, \"everyNth\": 2, \"methods\": [\"PUT\", \"POST\"]}");
        await().atMost(PATIENCE).until(() -> h.verdictIdsAtHost() == expected.size()
                && h.regionStatus().backlog() == 0);
        assertDeliveredOnce(expected);
        assertInPhaseOrderPerSubject();
    }

    /**
     * A 429 with {@code Retry-After: 1}: the writer sends nothing to the host before that second is over -
     * neither the refused results nor any other - as the recorded attempts, the outbox and the host's
     * log of the first accepted write show.
     */
    @ParameterizedTest(name = "batch {0}")
    @ValueSource(booleans = {true, false})
    void retryAfterOf429IsHonouredBeforeAnyNextAttempt(boolean batch) throws Exception {
        h = new Harness(dir, host, batch);
        h.faults("{\"status\": 429, \"retryAfterSeconds\": 1, \"methods\": [\"PUT\", \"POST\"]}");
        h.startCamel();
        host.script(Harness.REGION, "COMPILE", "DECLARED");
        Set<String> expected = DemoExpectations.scriptedVerdictIds(demo, Harness.REGION, Set.of("DECLARED"));
        await().atMost(PATIENCE).until(() -> h.gateway.transientAttempts() >= 2);
        // The outbox agrees: 0.9 s after the first 429 none of the results it refused is due yet.
        RecordingGateway.Attempt first = h.gateway.attempts.get(0);
        assertEquals(429, first.answers().get(0).httpStatus());
        assertEquals(Duration.ofSeconds(1), first.answers().get(0).retryAfter());
        List<String> due = h.store.outbox().pending(Harness.REGION, first.end().plusMillis(900), 500).stream()
                .map(OutboxItem::resultId).toList();
        assertTrue(first.ids().stream().noneMatch(due::contains), "refused " + first.ids() + ", due " + due);

        host.faults(Faults.NONE);
        await().atMost(PATIENCE).until(() -> h.verdictIdsAtHost() == expected.size()
                && h.regionStatus().backlog() == 0);

        List<RecordingGateway.Attempt> attempts = List.copyOf(h.gateway.attempts);
        Instant last429 = null;
        for (int i = 0; i < attempts.size(); i++) {
            RecordingGateway.Attempt a = attempts.get(i);
            Delivery answer = a.answers().get(0);
            if (answer.httpStatus() == 429) {
                last429 = a.end();
                if (i + 1 < attempts.size()) {
                    Instant next = attempts.get(i + 1).start();
                    assertFalse(next.isBefore(a.end().plus(answer.retryAfter())),
                            "attempt " + (i + 1) + " at " + next + " came before Retry-After of the 429 at " + a.end());
                }
            }
        }
        Instant firstWrite = Instant.parse(h.writeLog().get(0).path("at").asText());
        assertFalse(firstWrite.isBefore(last429.plusSeconds(1)), "first write " + firstWrite + ", last 429 " + last429);
        assertDeliveredOnce(expected);
    }

    @ParameterizedTest(name = "batch {0}")
    @ValueSource(booleans = {true, false})
    void permanentRejectionIsParkedWithTheHostsReasonAndDeliveredByReplay(boolean batch) throws Exception {
        h = new Harness(dir, host, batch);
        Set<String> expected = DemoExpectations.scriptedVerdictIds(demo, Harness.REGION, Set.of("DECLARED"));
        String refused = expected.stream().filter(id -> id.startsWith("440000-2027-000103.")).findFirst().orElseThrow();
        h.faults("{\"rejectIds\": {\"" + refused + "\": {\"status\": 422, \"error\": \"项目已锁定，暂不接收审核结果\"}}}");
        h.startCamel();
        host.script(Harness.REGION, "COMPILE", "DECLARED");

        await().atMost(PATIENCE).until(() -> h.store.deadLetters().all(Harness.REGION).size() == 1
                && h.verdictIdsAtHost() == expected.size() - 1 && h.regionStatus().backlog() == 0);
        DeadLetter letter = h.store.deadLetters().all(Harness.REGION).get(0);
        assertEquals("VERDICT", letter.kind());
        assertEquals(refused, letter.key());
        assertEquals(422, letter.httpStatus());
        assertTrue(letter.reason().contains("项目已锁定，暂不接收审核结果"), letter.reason());
        assertEquals(1, h.regionStatus().deadLetters());
        assertTrue(h.host.received().latest(Harness.REGION, "verdict", refused) == null);

        // The host is fixed; the operator replays: delivered once, and the letter is closed.
        host.faults(Faults.NONE);
        assertEquals(1, h.store.deadLetters().replay(Harness.REGION, List.of()));
        await().atMost(PATIENCE).until(() -> h.verdictIdsAtHost() == expected.size()
                && h.regionStatus().backlog() == 0);
        assertEquals(List.of(), h.store.deadLetters().all(Harness.REGION));
        assertDeliveredOnce(expected);
        List<Integer> statuses = h.writeLog().stream().filter(w -> w.path("id").asText().equals(refused))
                .map(w -> w.path("status").asInt()).toList();
        assertEquals(422, statuses.get(0));
        assertEquals(201, statuses.get(statuses.size() - 1));
    }

    @Test
    void hostWithoutBatchSupportGetsSinglePuts() throws Exception {
        h = new Harness(dir, host, true);
        h.faults("{\"batch\": false}");
        h.startCamel();
        host.script(Harness.REGION, "COMPILE", null);
        Set<String> expected = DemoExpectations.scriptedVerdictIds(demo, Harness.REGION,
                Set.copyOf(DemoExpectations.COMPILE_PHASES));

        await().atMost(PATIENCE).until(() -> h.verdictIdsAtHost() == expected.size()
                && h.regionStatus().backlog() == 0);
        assertDeliveredOnce(expected);
        assertTrue(h.writeLog().stream().allMatch(w -> w.path("via").asText().equals("PUT")), "every write a PUT");
        List<RecordingGateway.Attempt> batches = h.gateway.attempts.stream().filter(RecordingGateway.Attempt::batch)
                .toList();
        assertEquals(1, batches.size(), "batch tried once, then remembered as unsupported");
        assertNull(batches.get(0).answers());
    }

    /**
     * A host that refuses the batch request as a whole (413, or any other 4xx but 404/405) has not refused
     * any one result: they are delivered with single PUTs, none is parked as a dead letter.
     */
    @Test
    void batchRefusedAsAWholeFallsBackToSinglePutsWithoutDeadLetters() throws Exception {
        h = new Harness(dir, host, true);
        h.faults("{\"status\": 413, \"methods\": [\"POST\"]}");
        h.startCamel();
        host.script(Harness.REGION, "COMPILE", null);
        Set<String> expected = DemoExpectations.scriptedVerdictIds(demo, Harness.REGION,
                Set.copyOf(DemoExpectations.COMPILE_PHASES));

        await().atMost(PATIENCE).until(() -> h.verdictIdsAtHost() == expected.size()
                && h.regionStatus().backlog() == 0);
        assertEquals(List.of(), h.store.deadLetters().all(Harness.REGION));
        assertDeliveredOnce(expected);
    }

    /**
     * One result of a batch answered 503 on its own: the others of that batch, stored by the host, are
     * not sent again; the refused one is retried until it is stored.
     */
    @Test
    void aTransientAnswerForOneItemOfABatchDoesNotResendTheStoredOthers() throws Exception {
        h = new Harness(dir, host, true);
        Set<String> expected = DemoExpectations.scriptedVerdictIds(demo, Harness.REGION, Set.of("DECLARED"));
        String first = expected.iterator().next();
        h.faults("{\"rejectIds\": {\"" + first + "\": 503}}");
        h.startCamel();
        host.script(Harness.REGION, "COMPILE", "DECLARED");
        await().atMost(PATIENCE).until(() -> h.verdictIdsAtHost() == expected.size() - 1
                && h.writeLog().stream().filter(w -> w.path("id").asText().equals(first)).count() >= 2);
        host.faults(Faults.NONE);
        await().atMost(PATIENCE).until(() -> h.verdictIdsAtHost() == expected.size()
                && h.regionStatus().backlog() == 0);
        assertDeliveredOnce(expected);
    }

    // ------------------------------------------------------------------------------------------------

    /** Every expected id at the host, each accepted exactly once with one body; nothing else. */
    private void assertDeliveredOnce(Set<String> expected) {
        Map<String, JsonNode> rows = new HashMap<>();
        h.receivedVerdicts().forEach(r -> rows.put(r.path("id").asText(), r));
        assertEquals(new TreeSet<>(expected), new TreeSet<>(rows.keySet()), "ids at the host");
        for (JsonNode row : rows.values()) {
            assertEquals(1, row.path("count").asInt(), "accepted writes of " + row.path("id").asText());
            assertFalse(row.path("differentBodies").asBoolean(), row.path("id").asText());
        }
        long accepted = h.writeLog().stream().filter(w -> w.path("status").asInt() / 100 == 2).count();
        assertEquals(expected.size(), accepted, "accepted writes in the host's log");
    }

    /** In the host's log, each project's verdicts arrive in the order of the events: DECLARED before REVIEWED ... */
    private void assertInPhaseOrderPerSubject() {
        Map<String, Integer> lastPhase = new HashMap<>();
        for (JsonNode w : h.writeLog()) {
            if (w.path("status").asInt() / 100 != 2) {
                continue;
            }
            String[] parts = w.path("id").asText().split("\\.");
            int phase = DemoExpectations.COMPILE_PHASES.indexOf(parts[1]);
            Integer before = lastPhase.put(parts[0], phase);
            assertTrue(before == null || before < phase, "verdicts of " + parts[0] + " out of order at write "
                    + w.path("n").asLong() + ": " + parts[1]);
        }
    }
}
