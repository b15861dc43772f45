package org.perflink.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.karaf.features.FeaturesService;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.perflink.api.hook.StageHook;
import org.perflink.api.model.Stage;
import org.perflink.store.OutboxItem;
import org.perflink.store.Outbox;
import org.perflink.store.StoreStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Graceful toggles (issue 6, item 4), in one Karaf: switching a region off, uninstalling the compile feature and
 * stopping the routes' bundle each let in-flight work finish or leave it safely in the outbox or at the host, and
 * switching back on resumes where it stopped: every result reaches the host, each id written once, with one body.
 * Each test works on regions of its own, generated at the mock host (one region-wide event per compile phase, one
 * verdict per project and phase), so the tests do not depend on each other's data; they run in name order because
 * the feature test changes the container's features (and puts them back).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class GracefulToggleIT extends PerfLinkTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(GracefulToggleIT.class);
    private static final String CAMEL_BUNDLE = "org.perflink.camel";
    private static final String COMPILE_BUNDLE = "org.perflink.compile";
    private static final String NO_HOOK = "no COMPILE hook installed";
    /** A running outbox writer drains due results every 500 ms: this is several rounds. */
    private static final Duration QUIET = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    // ------------------------------------------------------------------------------------------------------------

    /**
     * A region switched off while its results wait in the outbox (the host refusing every write): the backlog stays,
     * nothing is written while it is off, even once the host accepts writes again and the results are due (while a
     * region still on, in the same situation, delivers), and new events are not read. Switched back on: every result
     * delivered, each once.
     */
    @Test
    public void a_regionSwitchedOffKeepsItsOutboxAndDeliversEverythingOnceWhenSwitchedBackOn() throws Exception {
        String region = "450000";
        String control = "450100";
        int projects = 30;
        int controlProjects = 10;
        StoreStatus store = getOsgiService(StoreStatus.class);
        Outbox outbox = getOsgiService(Outbox.class);
        generate(region, projects, 45);
        generate(control, controlProjects, 451);
        faults(Map.of("status", 503, "methods", List.of("PUT", "POST"), "regions", List.of(region, control)));

        configureRegion(region, true, true, false, false);
        configureRegion(control, true, true, false, false);
        script(region, "COMPILE", "DECLARED");
        script(control, "COMPILE", "DECLARED");
        // every verdict checked and queued, and the host has refused at least one write of them
        await("450000's verdicts queued, writes refused").atMost(Duration.ofSeconds(30)).until(() ->
                store.status(region).backlog() == projects && store.status(region).lastError() != null);
        String cursor = store.status(region).cursors().get(Stage.COMPILE);
        assertEquals("the DECLARED event was handled", lastSeq(region), cursor);
        assertEquals("nothing reached the host", 0, received(region, "verdict").path("writes").asInt());
        LOG.info("GracefulToggleIT A: {} verdicts in the outbox, last error: {}", projects, store.status(region).lastError());

        // switched off while the host refuses writes
        configureRegion(region, false, true, false, false);
        await("450000 DISABLED").atMost(Duration.ofSeconds(30)).until(() -> "DISABLED".equals(regionStatus(region).path("state").asText()));
        script(region, "COMPILE", "REVIEWED");

        // the host accepts writes again: the control region (still on) delivers, the switched-off one does not
        clearFaults();
        await("the control region delivers").atMost(Duration.ofSeconds(30)).until(() ->
                received(control, "verdict").path("ids").asInt() == controlProjects && store.status(control).backlog() == 0);
        await("450000's results are due").atMost(Duration.ofSeconds(30)).until(() ->
                outbox.pending(region, Instant.now(), 1000).size() == projects);
        List<OutboxItem> due = outbox.pending(region, Instant.now(), 1000);
        assertTrue("each waiting result was tried (and refused) before: " + due,
                due.stream().allMatch(item -> item.attempts() >= 1));
        await("450000 stays quiet while off").during(QUIET).atMost(QUIET.plusSeconds(3)).until(() ->
                received(region, "verdict").path("writes").asInt() == 0
                        && store.status(region).backlog() == projects
                        && cursor.equals(store.status(region).cursors().get(Stage.COMPILE)));
        assertEquals("nothing lost while off", projects, store.status(region).backlog());
        assertEquals("the REVIEWED event waits at the host", 2, events(region).size());

        // switched back on: the waiting verdicts and the REVIEWED event's, each once
        configureRegion(region, true, true, false, false);
        await("450000 delivers everything").atMost(Duration.ofSeconds(30)).until(() ->
                received(region, "verdict").path("ids").asInt() == 2 * projects && store.status(region).backlog() == 0);
        JsonNode received = received(region, "verdict");
        assertDeliveredOnce(received, 2 * projects);
        assertPerPhase(received, Map.of("DECLARED", projects, "REVIEWED", projects));
        assertEquals("the cursor reached the end of the feed", lastSeq(region), store.status(region).cursors().get(Stage.COMPILE));
        assertEquals("the store counts them delivered", 2 * projects, store.status(region).delivered());
        assertDeliveredOnce(received(control, "verdict"), controlProjects);
    }

    /**
     * The compile features uninstalled while compile events queue at the host: the COMPILE cursor waits at the last
     * handled event ("no COMPILE hook installed") and no verdict is written; reinstalled, the stage resumes from the
     * stored cursor and every verdict arrives once (no gaps, no repeats).
     */
    @Test
    public void b_uninstallingTheCompileFeatureHoldsTheCursorAndReinstallingResumesWithoutGapsOrRepeats() throws Exception {
        String region = "460000";
        int projects = 30;
        StoreStatus store = getOsgiService(StoreStatus.class);
        generate(region, projects, 46);
        configureRegion(region, true, true, false, false);
        script(region, "COMPILE", "DECLARED");
        await("460000's DECLARED verdicts").atMost(Duration.ofSeconds(30)).until(() ->
                received(region, "verdict").path("ids").asInt() == projects && store.status(region).backlog() == 0);
        String cursor = store.status(region).cursors().get(Stage.COMPILE);
        assertEquals(lastSeq(region), cursor);

        // perflink-all (booted) requires perflink-compile: name its parts as requirements of their own first, so
        // that uninstalling the compile features removes their bundles (as an operator's feature:uninstall would)
        List<String> parts = List.of("perflink-host-http", "perflink-camel", "perflink-execute", "perflink-close",
                "perflink-admin", "perflink-admin-web", "perflink-compile-core", "perflink-compile");
        boolean allWasRequired = featureService.isRequired(featureService.getFeature("perflink-all"));
        featureService.installFeatures(new java.util.LinkedHashSet<>(parts), EnumSet.noneOf(FeaturesService.Option.class));
        if (allWasRequired) {
            featureService.uninstallFeature("perflink-all");
        }
        Bundle camel = bundle(CAMEL_BUNDLE);
        assertEquals("the routes' bundle untouched by that", Bundle.ACTIVE, camel.getState());
        try {
            featureService.uninstallFeatures(new java.util.LinkedHashSet<>(List.of("perflink-compile", "perflink-compile-core")),
                    EnumSet.noneOf(FeaturesService.Option.class));
            assertFalse("perflink-compile uninstalled", featureService.isInstalled(featureService.getFeature("perflink-compile")));
            assertNull("the compile bundle is gone", bundleOrNull(COMPILE_BUNDLE));
            assertEquals("no COMPILE hook", List.of(), hookStages().stream().filter("COMPILE"::equals).toList());
            assertEquals("the routes' bundle still active", Bundle.ACTIVE, bundle(CAMEL_BUNDLE).getState());

            // compile events queue at the host
            script(region, "COMPILE", "REVIEWED");
            script(region, "COMPILE", "APPROVED");
            await("460000's COMPILE stage waits for a hook").atMost(Duration.ofSeconds(30)).until(() ->
                    NO_HOOK.equals(regionStatus(region).path("stages").path("COMPILE").path("waitingFor").asText()));
            await("460000 holds still without its hook").during(QUIET).atMost(QUIET.plusSeconds(3)).until(() ->
                    cursor.equals(store.status(region).cursors().get(Stage.COMPILE))
                            && received(region, "verdict").path("writes").asInt() == projects
                            && store.status(region).backlog() == 0);
            LOG.info("GracefulToggleIT B: compile features uninstalled, cursor held at {} with {} events at the host",
                    cursor, events(region).size());
        } finally {
            featureService.installFeature("perflink-compile");
            if (allWasRequired) {
                featureService.installFeature("perflink-all");
            }
        }
        assertNotNull("the compile bundle is back", bundleOrNull(COMPILE_BUNDLE));

        await("460000 resumes").atMost(Duration.ofSeconds(30)).until(() ->
                received(region, "verdict").path("ids").asInt() == 3 * projects && store.status(region).backlog() == 0);
        JsonNode received = received(region, "verdict");
        assertDeliveredOnce(received, 3 * projects);
        assertPerPhase(received, Map.of("DECLARED", projects, "REVIEWED", projects, "APPROVED", projects));
        assertEquals("the cursor reached the end of the feed", lastSeq(region), store.status(region).cursors().get(Stage.COMPILE));
    }

    /**
     * The routes' bundle stopped mid-run (the host answering slowly, one PUT at a time, so that delivery is under way)
     * and started again, with more events arriving while it is stopped: nothing runs while stopped; the results written
     * before the stop and those written after it add up to the full set, each id once with one body.
     */
    @Test
    public void c_stoppingTheRoutesBundleMidRunAndStartingItAgainLosesNothingAndRepeatsNothing() throws Exception {
        String region = "470000";
        int projects = 60;
        StoreStatus store = getOsgiService(StoreStatus.class);
        generate(region, projects, 47);
        // no batch endpoint and 15 ms a PUT: a few seconds of delivery to stop in the middle of
        faults(Map.of("batch", false, "delayMillis", 15, "methods", List.of("PUT"), "regions", List.of(region)));
        configureRegion(region, true, true, false, false);
        script(region, "COMPILE", "DECLARED");
        script(region, "COMPILE", "REVIEWED");
        script(region, "COMPILE", "APPROVED");
        await("470000 delivering").atMost(Duration.ofSeconds(30)).until(() -> received(region, "verdict").path("ids").asInt() >= 20);

        Bundle camel = bundle(CAMEL_BUNDLE);
        int writtenAtStop = received(region, "verdict").path("writes").asInt();
        long backlogAtStop = store.status(region).backlog();
        long t0 = System.nanoTime();
        camel.stop();
        long stopMillis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(Bundle.RESOLVED, camel.getState());
        assertTrue("the stop stayed within the drain timeout (30 s): " + stopMillis + " ms", stopMillis < 35_000);
        assertTrue("stopped mid-run: " + writtenAtStop + " of " + 3 * projects + " written",
                writtenAtStop < 3 * projects);

        JsonNode before = received(region, "verdict");
        Set<String> idsBefore = byId(before).keySet();
        String cursorStopped = store.status(region).cursors().get(Stage.COMPILE);
        long backlogStopped = store.status(region).backlog();
        LOG.info("GracefulToggleIT C: stop() at {} written / {} in the outbox took {} ms; then {} written, {} in the "
                + "outbox, COMPILE cursor {}", writtenAtStop, backlogAtStop, stopMillis, idsBefore.size(), backlogStopped,
                cursorStopped);

        // stopped: more events arrive, nothing moves
        script(region, "COMPILE", "PUBLISHED");
        await("nothing runs while the bundle is stopped").during(QUIET).atMost(QUIET.plusSeconds(3)).until(() ->
                received(region, "verdict").path("writes").asInt() == before.path("writes").asInt()
                        && store.status(region).backlog() == backlogStopped
                        && cursorStopped.equals(store.status(region).cursors().get(Stage.COMPILE)));

        clearFaults();
        camel.start();
        assertEquals(Bundle.ACTIVE, camel.getState());
        await("470000 finishes after the restart").atMost(Duration.ofSeconds(30)).until(() ->
                received(region, "verdict").path("ids").asInt() == 4 * projects && store.status(region).backlog() == 0);

        JsonNode after = received(region, "verdict");
        assertDeliveredOnce(after, 4 * projects);
        assertPerPhase(after, Map.of("DECLARED", projects, "REVIEWED", projects, "APPROVED", projects, "PUBLISHED", projects));
        Set<String> idsAfter = new TreeSet<>(byId(after).keySet());
        assertTrue("nothing written before the stop went missing", idsAfter.containsAll(idsBefore));
        idsAfter.removeAll(idsBefore);
        assertEquals("before + after = the full set", 4 * projects, idsBefore.size() + idsAfter.size());
        assertEquals("the cursor reached the end of the feed", lastSeq(region), store.status(region).cursors().get(Stage.COMPILE));
        LOG.info("GracefulToggleIT C: {} written before the restart, {} after, {} writes in all", idsBefore.size(),
                idsAfter.size(), after.path("writes").asInt());
    }

    // ------------------------------------------------------------------------------------------------------------

    /** Every expected id there, each written exactly once, never with two bodies. */
    private static void assertDeliveredOnce(JsonNode received, int expected) {
        assertEquals("no gaps", expected, received.path("ids").asInt());
        assertEquals("no repeats", expected, received.path("writes").asInt());
        assertEquals("no id with two bodies", 0, received.path("idsWithDifferentBodies").asInt());
        received.path("items").forEach(row ->
                assertEquals("writes of " + row.path("id").asText(), 1, row.path("count").asInt()));
    }

    /** Verdict ids are {@code project.PHASE.rN}: one per project and phase. */
    private static void assertPerPhase(JsonNode received, Map<String, Integer> expected) {
        Map<String, Integer> perPhase = new TreeMap<>();
        received.path("items").forEach(row -> perPhase.merge(row.path("id").asText().split("\\.")[1], 1, Integer::sum));
        assertEquals(new TreeMap<>(expected), perPhase);
    }

    /** Adds a generated region (year 2027) to the mock host's dataset; its scripted events are region-wide. */
    private void generate(String region, int projects, long seed) throws Exception {
        post("/mock/generate", Map.of("region", region, "projects", projects, "year", 2027, "seed", seed));
    }

    private void faults(Map<String, ?> faults) throws Exception {
        post("/mock/faults", faults);
    }

    private void clearFaults() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(mockUrl() + "/mock/faults")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(r.body(), 200, r.statusCode());
    }

    /** The region's entry of {@code data/perflink/status.json} (written every second by the routes' status route). */
    private static JsonNode regionStatus(String region) throws Exception {
        Path file = Path.of(System.getProperty("karaf.data"), "perflink", "status.json");
        if (!Files.isRegularFile(file)) {
            return json().missingNode();
        }
        return json().readTree(Files.readString(file)).path("regions").path(region);
    }

    private List<String> hookStages() throws Exception {
        ServiceReference<?>[] refs = bundleContext.getAllServiceReferences(StageHook.class.getName(), null);
        return refs == null ? List.of()
                : java.util.Arrays.stream(refs).map(r -> String.valueOf(r.getProperty(StageHook.STAGE_PROPERTY))).toList();
    }

    private Bundle bundle(String symbolicName) {
        Bundle b = bundleOrNull(symbolicName);
        assertNotNull("bundle " + symbolicName, b);
        return b;
    }

    private Bundle bundleOrNull(String symbolicName) {
        for (Bundle b : bundleContext.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }
}
