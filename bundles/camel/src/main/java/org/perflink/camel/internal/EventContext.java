package org.perflink.camel.internal;

import java.util.ArrayList;
import java.util.List;

import org.perflink.api.hook.LowerRegions;
import org.perflink.api.hook.ResultHistory;
import org.perflink.api.hook.StageContext;
import org.perflink.api.host.HostGateway;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.api.rules.RulePack;
import org.perflink.core.InOrder;
import org.perflink.store.EventLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the hooks of one event see. They pull pages from the host with no database transaction open: what
 * they emit (or reject) is held in memory until their checkpoint after each page, which commits it in a
 * short transaction of its own; {@link #finish} commits the rest with the cursor moved past the event.
 * So the cursor advances only with the event's last results; a page committed before a failure is emitted
 * again when the event is handled again, with the same ids and bodies, and is then a no-op; a hook that
 * emits many results between checkpoints is checkpointed every {@link #MAX_HELD} results.
 */
final class EventContext implements StageContext {

    private static final Logger LOG = LoggerFactory.getLogger(EventContext.class);
    /** Results held before a commit of their own, at most (a page of the host is 200 by default). */
    static final int MAX_HELD = 1000;

    private record Held(HostResult result, String rejectKey, String reason, String payload,
            PublicRecord publicRecord) {
    }

    /** A record for the open-data export (rules.md §9), kept with the results; json null withdraws it. */
    private record PublicRecord(String kind, int year, String projectCode, String json) {
    }

    private final String regionCode;
    private final Stage stage;
    private final StageEvent event;
    private final RulePack pack;
    private final HostGateway host;
    private final ResultHistory history;
    private final LowerRegions lowerRegions;
    private final ResultEncoder encoder;
    private final EventLedger ledger;
    private final String cursorBefore;
    private final List<Held> held = new ArrayList<>();
    private int added;
    private int unchanged;
    private int rejected;

    EventContext(String regionCode, Stage stage, StageEvent event, RulePack pack, HostGateway host, ResultHistory history,
            ResultEncoder encoder, EventLedger ledger, String cursorBefore) {
        this(regionCode, stage, event, pack, host, history, LowerRegions.NONE, encoder, ledger, cursorBefore);
    }

    EventContext(String regionCode, Stage stage, StageEvent event, RulePack pack, HostGateway host, ResultHistory history,
            LowerRegions lowerRegions, ResultEncoder encoder, EventLedger ledger, String cursorBefore) {
        this.lowerRegions = lowerRegions;
        this.regionCode = regionCode;
        this.stage = stage;
        this.event = event;
        this.pack = pack;
        this.host = host;
        this.history = history;
        this.encoder = encoder;
        this.ledger = ledger;
        this.cursorBefore = cursorBefore;
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

    /** The contract of the region's host (its {@code hostContract} already applied to the gateway). */
    @Override
    public String hostContract() {
        return host.contract();
    }

    @Override
    public ResultHistory history() {
        return history;
    }

    @Override
    public LowerRegions lowerRegions() {
        return lowerRegions;
    }

    @Override
    public void emit(HostResult result) {
        held.add(new Held(result, null, null, null, null));
        if (held.size() >= MAX_HELD) {
            checkpoint();
        }
    }

    @Override
    public void reject(String key, String reason, String payload) {
        LOG.warn("Region {} event {}: item {} rejected: {}", regionCode, event.eventId(), key, reason);
        held.add(new Held(null, key, reason, payload, null));
    }

    @Override
    public void keepPublic(String kind, int year, String projectCode, String json) {
        held.add(new Held(null, null, null, null, new PublicRecord(kind, year, projectCode, json)));
    }

    /** Commits what was emitted since the last checkpoint; the cursor stays before the event. */
    @Override
    public void checkpoint() {
        if (!held.isEmpty()) {
            commit(cursorBefore);
        }
    }

    /** Commits the rest and moves the cursor past the event, in one transaction; returns the event's figures. */
    EventLedger.EventOutcome finish(String newCursor) {
        commit(newCursor);
        return new EventLedger.EventOutcome(added, unchanged, rejected);
    }

    private void commit(String cursor) {
        // encoding is pure per result: done on every core, before the transaction opens, in the results' order
        List<ResultEncoder.Encoded> encoded = InOrder.map(held,
                h -> h.result() == null ? null : encoder.encode(h.result()));
        EventLedger.EventOutcome o = ledger.handle(regionCode, stage, event, cursorBefore, cursor, tx -> {
            for (int i = 0; i < held.size(); i++) {
                Held h = held.get(i);
                if (h.result() != null) {
                    tx.add(h.result(), encoded.get(i).json(), encoded.get(i).contentHash());
                } else if (h.publicRecord() != null) {
                    PublicRecord p = h.publicRecord();
                    tx.keepPublic(p.kind(), p.year(), p.projectCode(), p.json());
                } else {
                    tx.reject(h.rejectKey(), h.reason(), h.payload());
                }
            }
        });
        held.clear();
        added += o.added();
        unchanged += o.unchanged();
        rejected += o.rejected();
    }
}
