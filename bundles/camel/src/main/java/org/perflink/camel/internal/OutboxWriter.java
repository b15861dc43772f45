package org.perflink.camel.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.perflink.api.host.Delivery;
import org.perflink.api.host.HostGateway;
import org.perflink.api.model.HostResult;
import org.perflink.store.OutboxItem;
import org.perflink.store.PerfLinkStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains a region's outbox to the host, oldest first. Stored results are marked delivered; permanent
 * rejections (4xx other than 408/429) go to the dead-letter store with the host's answer; a transient
 * failure schedules a retry with capped exponential backoff and full jitter (or the host's Retry-After)
 * and ends the round, so later results of the region never overtake an earlier one.
 */
final class OutboxWriter {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWriter.class);
    static final int BATCH = 500;
    static final Duration BASE_DELAY = Duration.ofMillis(500);
    static final Duration MAX_DELAY = Duration.ofMinutes(5);

    private final String regionCode;
    private final PerfLinkStore store;
    private final HostGateway host;
    private final boolean batchWanted;
    private final StatusBoard status;
    private final Clock clock;
    /** Learned from a 404/405: this host has no results:batch. */
    private volatile boolean batchUnsupported;

    OutboxWriter(String regionCode, PerfLinkStore store, HostGateway host, boolean batchWanted, StatusBoard status,
            Clock clock) {
        this.regionCode = regionCode;
        this.store = store;
        this.host = host;
        this.batchWanted = batchWanted;
        this.status = status;
        this.clock = clock;
    }

    /** Delivers until the outbox has nothing due or a transient failure asks to wait. */
    void drain() {
        List<OutboxItem> due;
        while (!Thread.currentThread().isInterrupted()
                && !(due = store.pending(regionCode, clock.instant(), BATCH)).isEmpty()) {
            if (!deliver(due)) {
                return;
            }
        }
    }

    /** @return false when a transient failure ended the round. */
    private boolean deliver(List<OutboxItem> items) {
        List<Delivery> answers = null;
        if (batchWanted && !batchUnsupported) {
            answers = host.deliverBatch(regionCode, items.stream().map(OutboxWriter::toResult).toList());
            if (answers == null) {
                batchUnsupported = true;
                LOG.info("Region {}: host has no results:batch (404/405); using single PUTs", regionCode);
            }
        }
        List<Long> stored = new ArrayList<>();
        try {
            for (int i = 0; i < items.size(); i++) {
                OutboxItem item = items.get(i);
                Delivery d = answers != null ? answers.get(i) : host.deliver(toResult(item));
                switch (d.status()) {
                    case STORED -> stored.add(item.seq());
                    case PERMANENT -> {
                        LOG.warn("Region {}: host rejected {} {} permanently ({}); parked as a dead letter",
                                regionCode, item.kind(), item.resultId(), d.reason());
                        store.deadLetter(item.seq(), d.httpStatus(), d.reason());
                    }
                    case TRANSIENT -> {
                        Instant next = clock.instant().plus(backoff(item.attempts(), d.retryAfter()));
                        store.retryLater(item.seq(), next, d.reason());
                        status.error(regionCode, "delivery: " + d.reason());
                        return false;
                    }
                }
            }
            return true;
        } finally {
            store.delivered(stored);
        }
    }

    static Duration backoff(int attempts, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter;
        }
        long cap = Math.min(MAX_DELAY.toMillis(), BASE_DELAY.toMillis() << Math.min(attempts, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(BASE_DELAY.toMillis() / 2, Math.max(cap, BASE_DELAY.toMillis()) + 1));
    }

    private static HostResult toResult(OutboxItem item) {
        return new HostResult(item.kind(), item.regionCode(), item.resultId(), item.subject(), item.body());
    }
}
