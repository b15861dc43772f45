package org.perflink.camel.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import org.perflink.api.host.Delivery;
import org.perflink.api.host.HostGateway;
import org.perflink.api.model.HostResult;
import org.perflink.store.OutboxItem;
import org.perflink.store.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains a region's outbox to the host, oldest first. Stored results are marked delivered; permanent
 * rejections (4xx other than 408/429) go to the dead-letter store with the host's answer. A transient
 * failure of the host - a refused or timed-out request, a 5xx or 408/429 answer to the request - holds
 * the whole writer back (capped exponential backoff with jitter, or the host's Retry-After, growing with
 * consecutive failures), so a host that is down or asks to wait gets no request before that time, and the
 * results it was sent wait until then too. A transient answer for one item of an otherwise answered batch
 * only reschedules that item. A subject's later results never overtake an earlier one still waiting
 * (the store's {@code pending} holds them back).
 */
final class OutboxWriter {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWriter.class);
    static final int BATCH = 500;
    static final Duration BASE_DELAY = Duration.ofMillis(500);
    static final Duration MAX_DELAY = Duration.ofMinutes(5);
    /** A Retry-After above this is taken as this: an hour is long enough to be asked to wait. */
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);
    /** Single PUTs in flight at once (different subjects only): keeps a host without batch busy, not flooded. */
    static final int PARALLEL_PUTS = 4;

    private final String regionCode;
    private final Outbox store;
    private final HostGateway host;
    private final boolean batchWanted;
    private final StatusBoard status;
    private final Clock clock;
    /** Learned from a 404/405 (or a refusal of the batch request as a whole): no results:batch here. */
    private volatile boolean batchUnsupported;
    /** No request to the host before this (backoff after a failure of the host, or its Retry-After). */
    private volatile Instant holdUntil = Instant.MIN;
    /** Transient failures of the host in a row, for the backoff. */
    private volatile int failures;

    OutboxWriter(String regionCode, Outbox store, HostGateway host, boolean batchWanted, StatusBoard status,
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
        if (clock.instant().isBefore(holdUntil)) {
            return;
        }
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
                LOG.info("Region {}: host has no results:batch (it answered 404/405 or refused the request as a "
                        + "whole); using single PUTs", regionCode);
            }
        }
        // Every answer of a batch transient: the request failed (the host), not one item.
        boolean requestFailed = answers != null
                && answers.stream().allMatch(d -> d.status() == Delivery.Status.TRANSIENT);
        boolean single = answers == null;
        if (single) {
            answers = putEach(items);
        }
        List<Long> stored = new ArrayList<>();
        Instant hostWait = null;
        boolean itemWaits = false;
        try {
            for (int i = 0; i < items.size(); i++) {
                OutboxItem item = items.get(i);
                Delivery d = answers.get(i);
                if (d == null) {
                    continue; // not sent this round (see putEach): it stays pending, in its subject's order
                }
                switch (d.status()) {
                    case STORED -> stored.add(item.seq());
                    case PERMANENT -> {
                        LOG.warn("Region {}: host rejected {} {} permanently ({}); parked as a dead letter",
                                regionCode, item.kind(), item.resultId(), d.reason());
                        store.deadLetter(item.seq(), d.httpStatus(), d.reason());
                    }
                    case TRANSIENT -> {
                        status.error(regionCode, "delivery: " + d.reason());
                        if (single || requestFailed) {
                            // The host is failing (or asks to wait): hold the writer back; what was sent waits as long.
                            if (hostWait == null) {
                                int level = Math.max(failures, item.attempts());
                                failures = Math.min(level, 62) + 1;
                                hostWait = clock.instant().plus(backoff(level, d.retryAfter()));
                                holdUntil = hostWait;
                            }
                            store.retryLater(item.seq(), hostWait, d.reason());
                        } else {
                            // One item of an answered batch: only it waits; the others' answers still count.
                            itemWaits = true;
                            store.retryLater(item.seq(), clock.instant().plus(backoff(item.attempts(), d.retryAfter())),
                                    d.reason());
                        }
                    }
                }
            }
            if (hostWait == null) {
                failures = 0;
            }
            return hostWait == null && !itemWaits;
        } finally {
            store.delivered(regionCode, stored);
        }
    }

    /**
     * Single PUTs. The first goes alone, as a probe: a host that is failing or asks to wait gets one request
     * per round, never several at once. When it is stored, the rest go {@link #PARALLEL_PUTS} at a time
     * across subjects, each subject's results one after the other in outbox order; after a result that is
     * not stored, its subject's later ones are not sent (null answer), and after a transient answer no new
     * PUT starts this round. A newer result of a subject never reaches the host before an older one.
     */
    private List<Delivery> putEach(List<OutboxItem> items) {
        Delivery[] answers = new Delivery[items.size()];
        answers[0] = host.deliver(toResult(items.get(0)));
        if (answers[0].status() != Delivery.Status.STORED || items.size() == 1) {
            if (answers[0].status() != Delivery.Status.TRANSIENT) {
                for (int i = 1; i < items.size(); i++) { // a permanent answer concerns one result: the rest go alone
                    answers[i] = host.deliver(toResult(items.get(i)));
                    if (answers[i].status() == Delivery.Status.TRANSIENT) {
                        break;
                    }
                }
            }
            return Arrays.asList(answers);
        }
        Map<String, List<Integer>> bySubject = new LinkedHashMap<>();
        for (int i = 1; i < items.size(); i++) {
            OutboxItem item = items.get(i);
            bySubject.computeIfAbsent(item.subject() == null ? item.resultId() : item.subject(), k -> new ArrayList<>()).add(i);
        }
        AtomicBoolean hostFailing = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL_PUTS, bySubject.size()), r -> {
            Thread t = new Thread(r, "perflink-put-" + regionCode);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>(bySubject.size());
            for (List<Integer> indexes : bySubject.values()) {
                running.add(pool.submit(() -> {
                    for (int i : indexes) {
                        if (hostFailing.get()) {
                            return;
                        }
                        Delivery d = host.deliver(toResult(items.get(i)));
                        answers[i] = d;
                        if (d.status() == Delivery.Status.TRANSIENT) {
                            hostFailing.set(true);
                        }
                        if (d.status() != Delivery.Status.STORED) {
                            return;
                        }
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a PUT to the host failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return Arrays.asList(answers);
    }

    /**
     * The wait before the next attempt: the host's Retry-After when it gave one (at most
     * {@link #MAX_RETRY_AFTER}), else a random delay between half the base delay and
     * base × 2^attempts, capped at {@link #MAX_DELAY}.
     */
    static Duration backoff(int attempts, Duration retryAfter) {
        if (retryAfter != null && !retryAfter.isNegative()) {
            return retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
        }
        long cap = Math.min(MAX_DELAY.toMillis(), BASE_DELAY.toMillis() << Math.min(Math.max(attempts, 0), 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(BASE_DELAY.toMillis() / 2, Math.max(cap, BASE_DELAY.toMillis()) + 1));
    }

    private static HostResult toResult(OutboxItem item) {
        return new HostResult(item.kind(), item.regionCode(), item.resultId(), item.subject(), item.body());
    }
}
