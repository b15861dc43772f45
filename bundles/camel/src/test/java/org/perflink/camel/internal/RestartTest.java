package org.perflink.camel.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perflink.api.hook.StageContext;
import org.perflink.api.hook.StageHook;
import org.perflink.api.host.HostException;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.api.rules.RulePack;
import org.perflink.api.host.HostGateway;
import org.perflink.mockhost.Faults;

/**
 * A restart on the same H2 file resumes where the previous process stopped: the event cursor and the
 * undelivered outbox survive, no event is handled twice, no result is written twice or with another
 * body, and nothing is missing. A hook failing in the middle of an event leaves nothing behind.
 */
class RestartTest extends DemoHostTestSupport {

    @BeforeEach
    void harness() {
        h = new Harness(dir, host, true);
    }

    @Test
    void restartOnTheSameStoreResumesWithNoRepeatsAndNoGaps() throws Exception {
        Set<String> all = DemoExpectations.scriptedVerdictIds(demo, Harness.REGION,
                Set.copyOf(DemoExpectations.COMPILE_PHASES));
        Set<String> declared = DemoExpectations.scriptedVerdictIds(demo, Harness.REGION, Set.of("DECLARED"));
        Set<String> reviewed = DemoExpectations.scriptedVerdictIds(demo, Harness.REGION, Set.of("REVIEWED"));

        // Process 1: DECLARED is handled and delivered; REVIEWED is handled but its results cannot be written.
        h.startCamel();
        host.script(Harness.REGION, "COMPILE", "DECLARED");
        await().atMost(PATIENCE).until(() -> h.verdictIdsAtHost() == declared.size() && h.regionStatus().backlog() == 0);
        h.faults("{\"down\": true, \"methods\": [\"PUT\", \"POST\"]}");
        String reviewedSeq = host.script(Harness.REGION, "COMPILE", "REVIEWED").get(0).path("seq").asText();
        await().atMost(PATIENCE).until(() -> reviewedSeq.equals(h.regionStatus().cursors().get(Stage.COMPILE))
                && h.regionStatus().backlog() == reviewed.size() && h.gateway.transientAttempts() > 0);
        h.stopCamel();
        h.closeStore();

        // Between the processes: the host comes back and gets the last two events.
        host.faults(Faults.NONE);
        List<ObjectNode> later = host.script(Harness.REGION, "COMPILE", "APPROVED");
        later.addAll(host.script(Harness.REGION, "COMPILE", "PUBLISHED"));

        // Process 2 on the same file.
        h.openStore();
        assertEquals(reviewedSeq, h.regionStatus().cursors().get(Stage.COMPILE), "the cursor survived");
        assertEquals(reviewed.size(), h.regionStatus().backlog(), "the undelivered results survived");
        h.startCamel();
        await().atMost(PATIENCE).until(() -> h.verdictIdsAtHost() == all.size() && h.regionStatus().backlog() == 0);

        assertEquals(later.get(1).path("seq").asText(), h.regionStatus().cursors().get(Stage.COMPILE));
        assertWrittenOnce(all);
        // No repeats: process 2 pulled only the projects of the events it had not handled.
        Set<String> pulled = new HashSet<>();
        h.gateway.projectPulls.forEach(pulled::addAll);
        Set<String> handledBefore = new HashSet<>();
        declared.forEach(id -> handledBefore.add(id.substring(0, id.indexOf('.'))));
        reviewed.forEach(id -> handledBefore.add(id.substring(0, id.indexOf('.'))));
        assertTrue(pulled.stream().noneMatch(handledBefore::contains), "process 2 pulled " + pulled);
        assertFalse(pulled.isEmpty());
    }

    /**
     * Stopped while an event is in flight (the host answers slowly): the stop lets the event finish or roll
     * back, and the next process completes the work with each result written once.
     */
    @Test
    void stopWhileAnEventIsInFlightLosesNothingAndRepeatsNothing() throws Exception {
        Set<String> all = DemoExpectations.scriptedVerdictIds(demo, Harness.REGION,
                Set.copyOf(DemoExpectations.COMPILE_PHASES));
        h.faults("{\"delayMillis\": 300, \"methods\": [\"GET\"]}");
        h.startCamel();
        host.script(Harness.REGION, "COMPILE", null);
        // a project pull is under way: the event it belongs to is in flight
        await().atMost(PATIENCE).until(() -> !h.gateway.projectPulls.isEmpty());
        h.stopCamel();
        h.closeStore();
        host.faults(Faults.NONE);

        h.openStore();
        h.startCamel();
        await().atMost(PATIENCE).until(() -> h.verdictIdsAtHost() == all.size() && h.regionStatus().backlog() == 0);
        assertWrittenOnce(all);
    }

    /**
     * A hook that fails after emitting part of an event's results (as a crash in the middle of the checks
     * would): the event's transaction is rolled back, the cursor stays, and the retried event writes each
     * result once.
     */
    @Test
    void aFailureInTheMiddleOfAnEventLeavesNothingBehindAndTheRetryWritesOnce() throws Exception {
        AtomicBoolean failed = new AtomicBoolean();
        h.hookDecorator = compile -> new StageHook() {
            @Override
            public Stage stage() {
                return compile.stage();
            }

            @Override
            public void handle(StageContext context) throws HostException {
                if (failed.get()) {
                    compile.handle(context);
                    return;
                }
                // first time: let the real hook emit every result, then fail before the event commits
                compile.handle(new StageContext() {
                    @Override
                    public StageEvent event() {
                        return context.event();
                    }

                    @Override
                    public RulePack rulePack() {
                        return context.rulePack();
                    }

                    @Override
                    public HostGateway host() {
                        return context.host();
                    }

                    @Override
                    public void emit(HostResult result) {
                        context.emit(result);
                    }

                    @Override
                    public org.perflink.api.hook.ResultHistory history() {
                        return context.history();
                    }

                    @Override
                    public void reject(String key, String reason, String payload) {
                        context.reject(key, reason, payload);
                    }
                });
                failed.set(true);
                throw new IllegalStateException("simulated failure in the middle of event " + context.event().eventId());
            }
        };
        h.startCamel();
        Set<String> declared = DemoExpectations.scriptedVerdictIds(demo, Harness.REGION, Set.of("DECLARED"));
        String seq = host.script(Harness.REGION, "COMPILE", "DECLARED").get(0).path("seq").asText();
        await().atMost(PATIENCE).until(() -> seq.equals(h.regionStatus().cursors().get(Stage.COMPILE))
                && h.verdictIdsAtHost() == declared.size() && h.regionStatus().backlog() == 0);
        assertTrue(failed.get());
        assertWrittenOnce(declared);
        assertEquals(declared.size(), h.regionStatus().delivered(), "outbox rows: one per result, none left from the failure");
    }

    private void assertWrittenOnce(Set<String> expected) {
        Map<String, JsonNode> bodies = h.verdictBodies();
        assertEquals(new TreeSet<>(expected), new TreeSet<>(bodies.keySet()), "ids at the host");
        for (JsonNode row : h.receivedVerdicts()) {
            assertEquals(1, row.path("count").asInt(), "writes of " + row.path("id").asText());
            assertFalse(row.path("differentBodies").asBoolean(), row.path("id").asText());
        }
        assertEquals(expected.size(), h.writeLog().stream().filter(w -> w.path("status").asInt() / 100 == 2).count());
    }
}
