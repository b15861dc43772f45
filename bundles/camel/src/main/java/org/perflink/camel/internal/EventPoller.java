package org.perflink.camel.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.perflink.api.hook.LowerRegions;
import org.perflink.api.hook.ResultHistory;
import org.perflink.api.hook.StageHook;
import org.perflink.api.host.HostException;
import org.perflink.api.host.HostGateway;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.api.rules.RulePack;
import org.perflink.store.EventLedger;
import org.perflink.store.ResultLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls a region's stage events from its stored cursor and hands each event of this stage to the hooks
 * present for it. No host request runs while a database transaction is open: the hooks pull page by page,
 * and each page's results commit after it ({@link EventContext}); the event's last results enter the
 * outbox in the same transaction that moves the cursor past it. Events of other stages only move this stage's cursor. When no hook is
 * installed for the stage, the cursor waits (nothing is skipped), so installing the feature later
 * resumes where it stopped.
 */
final class EventPoller {

    private static final Logger LOG = LoggerFactory.getLogger(EventPoller.class);
    static final int EVENT_PAGE = 100;

    private final String regionCode;
    private final EventLedger ledger;
    private final HostGateway host;
    private final Function<Stage, List<StageHook>> hooks;
    private final Supplier<RulePack> rulePack;
    private final ResultEncoder encoder;
    private final StatusBoard status;
    private final ResultHistory history;
    private volatile LowerRegions lowerRegions = LowerRegions.NONE;

    EventPoller(String regionCode, EventLedger ledger, ResultLedger results, HostGateway host,
            Function<Stage, List<StageHook>> hooks, Supplier<RulePack> rulePack, ResultEncoder encoder, StatusBoard status) {
        this.regionCode = regionCode;
        this.ledger = ledger;
        this.host = host;
        this.hooks = hooks;
        this.rulePack = rulePack;
        this.encoder = encoder;
        this.status = status;
        this.history = new StoredResultHistory(regionCode, results, encoder.mapper());
    }

    /** The region's lower regions, for the close stage's lower-region composite (rules.md §4.3). */
    EventPoller withLowerRegions(LowerRegions lowerRegions) {
        this.lowerRegions = lowerRegions;
        return this;
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

    /**
     * Handles every new event of the stage; returns when the feed is caught up or something must wait.
     * A failure is in the status first, then thrown to the route's error handler; the cursor did not move.
     */
    void poll(Stage stage) throws HostException {
        synchronized (locks.get(stage)) {
            pollLocked(stage);
        }
    }

    private void pollLocked(Stage stage) throws HostException {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                String cursor = ledger.cursor(regionCode, stage);
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
                    if (!handleOrNote(stage, events.get(i), cursor)) {
                        return;
                    }
                    cursor = Long.toString(events.get(i).seq());
                    buffered.remove(stage);
                }
                status.stage(regionCode, stage, false, null);
            }
        } catch (HostException e) {
            reportError(stage, e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            reportError(stage, e.toString());
            throw e;
        }
    }

    /**
     * An event whose handling failed in PerfLink itself (not the host) this many times in a row is shown as
     * stuck in the status, for an operator to look at and, if it can never be stored, skip.
     */
    static final int STUCK_AFTER = 3;

    /** The event a stage keeps failing on, with how often and why. */
    record Stuck(StageEvent event, int failures, String error) {
    }

    private final Map<Stage, Stuck> stuck = new ConcurrentHashMap<>();

    private boolean handleOrNote(Stage stage, StageEvent event, String cursorBefore) throws HostException {
        boolean done;
        try {
            done = handle(stage, event, cursorBefore);
        } catch (RuntimeException e) {
            Stuck before = stuck.get(stage);
            int failures = before != null && before.event().seq() == event.seq() ? before.failures() + 1 : 1;
            String error = e.getClass().getSimpleName();
            Stuck now = new Stuck(event, failures, error);
            stuck.put(stage, now);
            if (failures >= STUCK_AFTER) {
                if (failures == STUCK_AFTER) {
                    LOG.error("Region {} {}: event {} ({}) failed {} times in a row; it blocks the stage. If it can "
                            + "never be stored, an operator may skip it: perflink:skip-event {} {}", regionCode, stage,
                            event.seq(), event.eventId(), failures, regionCode, stage.name().toLowerCase(java.util.Locale.ROOT));
                }
                status.stuck(regionCode, stage, now);
            }
            throw e;
        }
        if (stuck.remove(stage) != null) {
            status.stuck(regionCode, stage, null);
        }
        return done;
    }

    /**
     * Moves the cursor past the stage's stuck event (see {@link #STUCK_AFTER}); null when there is none.
     * Waits for a poll in progress to end first.
     */
    String skipStuck(Stage stage) {
        synchronized (locks.get(stage)) {
            Stuck s = stuck.get(stage);
            if (s == null || s.failures() < STUCK_AFTER) {
                return null;
            }
            ledger.advance(regionCode, stage, ledger.cursor(regionCode, stage), Long.toString(s.event().seq()));
            stuck.remove(stage);
            buffered.remove(stage);
            status.stuck(regionCode, stage, null);
            LOG.warn("Region {} {}: stuck event {} ({}) skipped by an operator; its results were not written",
                    regionCode, stage, s.event().seq(), s.event().eventId());
            return s.event().seq() + " " + s.event().eventId();
        }
    }

    /**
     * @param cursorBefore the cursor the event follows: the cursor moves only from there (another node may have
     *                     moved it; the store then refuses the move and the event's results)
     * @return false when this stage must wait before going past {@code event}.
     */
    private boolean handle(Stage stage, StageEvent event, String cursorBefore) throws HostException {
        String cursor = Long.toString(event.seq());
        if (event.stage() != stage || !regionCode.equals(event.regionCode())) {
            ledger.advance(regionCode, stage, cursorBefore, cursor);
            return true;
        }
        List<StageHook> present = hooks.apply(stage);
        if (present.isEmpty()) {
            status.stage(regionCode, stage, false, "no " + stage + " hook installed");
            return false;
        }
        // The hooks pull from the host outside any transaction; each page's results commit after it.
        EventContext context = new EventContext(regionCode, stage, event, rulePack.get(), host, history, lowerRegions,
                encoder, ledger, cursorBefore);
        for (StageHook hook : present) {
            hook.handle(context);
        }
        EventLedger.EventOutcome outcome = context.finish(cursor);
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
}
