package org.perflink.camel.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.perflink.api.hook.ResultHistory;
import org.perflink.api.hook.StageContext;
import org.perflink.api.hook.StageHook;
import org.perflink.api.host.HostException;
import org.perflink.api.host.HostGateway;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.api.rules.RulePack;
import org.perflink.camel.host.StoredResultHistory;
import org.perflink.store.PerfLinkStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls a region's stage events from its stored cursor and hands each event of this stage to the hooks
 * present for it. Each event commits on its own: its results enter the outbox in the same transaction
 * that moves the cursor past it. Events of other stages only move this stage's cursor. When no hook is
 * installed for the stage, the cursor waits (nothing is skipped), so installing the feature later
 * resumes where it stopped.
 */
final class EventPoller {

    private static final Logger LOG = LoggerFactory.getLogger(EventPoller.class);
    static final int EVENT_PAGE = 100;

    private final String regionCode;
    private final PerfLinkStore store;
    private final HostGateway host;
    private final Function<Stage, List<StageHook>> hooks;
    private final Supplier<RulePack> rulePack;
    private final ResultEncoder encoder;
    private final StatusBoard status;
    private final ResultHistory history;
    private String hostContract = "1.0";

    EventPoller(String regionCode, PerfLinkStore store, HostGateway host, Function<Stage, List<StageHook>> hooks,
            Supplier<RulePack> rulePack, ResultEncoder encoder, StatusBoard status) {
        this.regionCode = regionCode;
        this.store = store;
        this.host = host;
        this.hooks = hooks;
        this.rulePack = rulePack;
        this.encoder = encoder;
        this.status = status;
        this.history = new StoredResultHistory(regionCode, store, encoder.mapper());
    }

    /**
     * Events read from the feed but not handled yet, per stage, with the cursor they follow. When handling
     * an event fails (the host failed a project pull), the next poll resumes from here instead of reading
     * the feed again: a struggling host gets one request less per retry, and a host failing every other
     * request cannot starve the pull that matters (the feed read always succeeding, the pull never).
     */
    private record Buffered(String after, List<StageEvent> events) {
    }

    private final Map<Stage, Buffered> buffered = new ConcurrentHashMap<>();

    /** One lock per stage: the route's timer and an operator's "run now" never handle events at once. */
    private final Map<Stage, Object> locks = new EnumMap<>(Map.of(
            Stage.COMPILE, new Object(), Stage.EXECUTE, new Object(), Stage.CLOSE, new Object()));

    /** Handles every new event of the stage; returns when the feed is caught up or something must wait. */
    void poll(Stage stage) {
        synchronized (locks.get(stage)) {
            pollLocked(stage);
        }
    }

    private void pollLocked(Stage stage) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                String cursor = store.cursor(regionCode, stage);
                Buffered b = buffered.remove(stage);
                List<StageEvent> events = b != null && Objects.equals(b.after(), cursor) ? b.events()
                        : host.stageEvents(regionCode, cursor, EVENT_PAGE).items();
                if (events.isEmpty()) {
                    status.stage(regionCode, stage, true, null);
                    return;
                }
                for (int i = 0; i < events.size(); i++) {
                    // what is left if this event cannot be finished now (the cursor still before it)
                    buffered.put(stage, new Buffered(cursor, events.subList(i, events.size())));
                    if (!handle(stage, events.get(i))) {
                        return;
                    }
                    cursor = Long.toString(events.get(i).seq());
                    buffered.remove(stage);
                }
                status.stage(regionCode, stage, false, null);
            }
        } catch (HostException e) {
            reportError(stage, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Region {} stage {}: event handling failed; the event stays pending", regionCode, stage, e);
            reportError(stage, e.toString());
        }
    }

    /** @return false when this stage must wait before going past {@code event}. */
    private boolean handle(Stage stage, StageEvent event) throws HostException {
        String cursor = Long.toString(event.seq());
        if (event.stage() != stage || !regionCode.equals(event.regionCode())) {
            store.advanceCursor(regionCode, stage, cursor);
            return true;
        }
        List<StageHook> present = hooks.apply(stage);
        if (present.isEmpty()) {
            status.stage(regionCode, stage, false, "no " + stage + " hook installed");
            return false;
        }
        RulePack pack = rulePack.get();
        PerfLinkStore.EventOutcome outcome = store.handleEvent(regionCode, stage, event, cursor, tx -> {
            StageContext context = new Context(event, pack, tx);
            for (StageHook hook : present) {
                hook.handle(context);
            }
        });
        status.error(regionCode, null);
        LOG.info("Region {} {} event {} ({} {}): {} results queued, {} unchanged, {} rejected", regionCode, stage,
                event.eventId(), event.phase(), event.allProjects() ? "all projects" : event.projectCodes().size() + " projects",
                outcome.added(), outcome.unchanged(), outcome.rejected());
        return true;
    }

    private void reportError(Stage stage, String message) {
        String previous = status.lastError(regionCode);
        if (!message.equals(previous)) {
            LOG.warn("Region {} stage {}: {} (will retry)", regionCode, stage, message);
        }
        status.error(regionCode, message);
        status.stage(regionCode, stage, false, "host: " + message);
    }

    /** The contract of the region's host, handed to the hooks (1.0 unless configured). */
    EventPoller hostContract(String contract) {
        this.hostContract = contract;
        return this;
    }

    private final class Context implements StageContext {
        private final StageEvent event;
        private final RulePack pack;
        private final PerfLinkStore.EventTransaction tx;

        Context(StageEvent event, RulePack pack, PerfLinkStore.EventTransaction tx) {
            this.event = event;
            this.pack = pack;
            this.tx = tx;
        }

        @Override
        public StageEvent event() {
            return event;
        }

        @Override
        public RulePack rulePack() {
            return pack;
        }

        @Override
        public HostGateway host() {
            return host;
        }

        @Override
        public void emit(HostResult result) {
            ResultEncoder.Encoded encoded = encoder.encode(result);
            tx.add(result, encoded.json(), encoded.contentHash());
        }

        @Override
        public ResultHistory history() {
            return history;
        }

        @Override
        public void checkpoint() {
            tx.checkpoint();
        }

        @Override
        public String hostContract() {
            return hostContract;
        }

        @Override
        public void reject(String key, String reason, String payload) {
            LOG.warn("Region {} event {}: item {} rejected: {}", regionCode, event.eventId(), key, reason);
            tx.reject(key, reason, payload);
        }
    }
}
