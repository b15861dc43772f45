package org.perflink.camel.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * rejections (4xx other than 408/429) go to the dead-letter store with the host's answer.
 * <p>
 * The host's health, not an item's history, sets the waits. A round in which the host stored or answered
 * nothing at all - a refused or timed-out request, a 5xx or 408/429 for everything sent - means the host
 * is failing: the whole writer holds back (exponential backoff with jitter over the host's consecutive
 * failing rounds, at most {@link #MAX_HOST_WAIT}, or its Retry-After), and what it was sent waits as long. A round in which the
 * host answered means it is up: the failure count resets, and a transient answer for one result only makes
 * that result (and its subject's later ones) wait a short base delay, while other subjects keep flowing.
 * A Retry-After always holds the writer. 401, 403 and 3xx are not a result's fault: delivery to the host
 * pauses (nothing is dead-lettered), the status says why, and it resumes after a pause that grows
 * while the host keeps refusing, or at once when the host's configuration changes (a new writer). A
 * subject's later results never overtake an earlier one still waiting (the store's {@code pending}).
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
    /** Single PUTs of different subjects tried one by one per round before the host counts as failing. */
    static final int PROBES = 3;
    /**
     * The longest hold while the host is failing: it gets a probe round at least this often, so the end of
     * an outage is seen within it (an item's retries never wait longer either: they follow the host).
     */
    static final Duration MAX_HOST_WAIT = Duration.ofSeconds(10);
    /** The first pause after the host refused PerfLink (401/403/3xx); doubles while it keeps refusing. */
    static final Duration FIRST_PAUSE = Duration.ofSeconds(30);

    private final String regionCode;
    private final Outbox store;
    private final HostGateway host;
    private final boolean batchWanted;
    private final StatusBoard status;
    private final Clock clock;
    /** Learned from a 404/405 (or a refusal of the batch request as a whole): no results:batch here. */
    private volatile boolean batchUnsupported;
    /** No request to the host before this (backoff after a failure of the host, its Retry-After, a pause). */
    private volatile Instant holdUntil = Instant.MIN;
    /** Rounds in a row in which the host answered nothing, for the backoff. */
    private volatile int failures;
    /** Refusals (401/403/3xx) in a row, for the pause. */
    private volatile int refusals;

    OutboxWriter(String regionCode, Outbox store, HostGateway host, boolean batchWanted, StatusBoard status,
            Clock clock) {
        this.regionCode = regionCode;
        this.store = store;
        this.host = host;
        this.batchWanted = batchWanted;
        this.status = status;
        this.clock = clock;
    }

    /** 401, 403 and 3xx: the host refuses PerfLink itself (credentials, a moved URL), not one result. */
    static boolean hostRefusal(Delivery d) {
        int s = d.httpStatus();
        return s == 401 || s == 403 || s >= 300 && s < 400;
    }

    /** Delivers until the outbox has nothing due or the host asks to wait. */
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

    /** @return false when the round ended with something waiting (the host, or one of the results). */
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
        if (answers == null) {
            answers = putEach(items);
        }
        Delivery refusal = answers.stream().filter(d -> d != null && hostRefusal(d)).findFirst().orElse(null);
        if (refusal != null) {
            pause(refusal);
        }
        boolean hostAnswered = answers.stream().anyMatch(d -> d != null && !hostRefusal(d)
                && d.status() != Delivery.Status.TRANSIENT);
        Duration retryAfter = answers.stream().filter(d -> d != null && d.status() == Delivery.Status.TRANSIENT
                && d.retryAfter() != null).map(Delivery::retryAfter).findFirst().orElse(null);
        Instant now = clock.instant();
        Instant hostWait = null;
        if (hostAnswered) {
            failures = 0;
            if (refusal == null) {
                refusals = 0;
                status.deliveryPaused(regionCode, null);
            }
        }
        if (retryAfter != null || !hostAnswered && answers.stream().anyMatch(d -> d != null
                && d.status() == Delivery.Status.TRANSIENT && !hostRefusal(d))) {
            // the host asks to wait, or is failing: nothing goes before the wait is over
            int level = hostAnswered ? 0 : Math.min(failures, 62);
            failures = hostAnswered ? 0 : level + 1;
            Duration wait = backoff(level, retryAfter);
            hostWait = now.plus(retryAfter == null && wait.compareTo(MAX_HOST_WAIT) > 0 ? MAX_HOST_WAIT : wait);
            holdUntil = hostWait.isAfter(holdUntil) ? hostWait : holdUntil;
        }
        List<Long> stored = new ArrayList<>();
        boolean somethingWaits = hostWait != null || refusal != null;
        try {
            for (int i = 0; i < items.size(); i++) {
                OutboxItem item = items.get(i);
                Delivery d = answers.get(i);
                if (d == null || hostRefusal(d)) {
                    continue; // not sent, or refused with the host's pause: it stays pending, in its subject's order
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
                        somethingWaits = true;
                        // the host's wait when it is failing; else only this result waits, briefly
                        store.retryLater(item.seq(), hostWait != null ? hostWait : now.plus(backoff(0, null)), d.reason());
                    }
                }
            }
            return !somethingWaits;
        } finally {
            store.delivered(regionCode, stored);
        }
    }

    /** The host refused PerfLink itself: hold every request for a pause that grows while it keeps refusing. */
    private void pause(Delivery refusal) {
        Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(refusals, 4));
        refusals++;
        holdUntil = clock.instant().plus(pause.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : pause);
        String reason = "host refused PerfLink (" + refusal.reason() + "): delivery paused until " + holdUntil
                + " or until the host configuration changes; nothing was dead-lettered";
        if (!reason.equals(status.deliveryPaused(regionCode))) {
            LOG.warn("Region {}: {}", regionCode, reason);
        }
        status.deliveryPaused(regionCode, reason);
        status.error(regionCode, "delivery paused: " + refusal.reason());
    }

    /**
     * Single PUTs. First, probes one at a time: a host that is failing or asks to wait gets at most
     * {@link #PROBES} requests per round, never several at once. A probe answered 5xx stops only its subject,
     * and the next subject's result is the next probe (after an outage, one refused write must not look like
     * the outage going on); an answer that concerns the host as a whole ends the round. Once a probe is
     * answered, the rest go {@link #PARALLEL_PUTS} at a time across subjects, each subject's results one after
     * the other in outbox order; after a result that is not stored, its subject's later ones are not sent
     * (null answer). Only an answer about the host stops every new PUT of the round. A newer result of a
     * subject never reaches the host before an older one.
     */
    private List<Delivery> putEach(List<OutboxItem> items) {
        Delivery[] answers = new Delivery[items.size()];
        Set<String> stopped = new HashSet<>();
        int next = 0;
        boolean answered = false;
        for (int probes = 0; next < items.size() && probes < PROBES && !answered; next++) {
            OutboxItem item = items.get(next);
            if (stopped.contains(subjectOf(item))) {
                continue;
            }
            Delivery d = host.deliver(toResult(item));
            answers[next] = d;
            if (d.status() != Delivery.Status.STORED && concernsTheHost(d)) {
                return Arrays.asList(answers);
            }
            answered = d.status() != Delivery.Status.TRANSIENT;
            if (d.status() != Delivery.Status.STORED) {
                stopped.add(subjectOf(item));
            }
            probes += d.status() == Delivery.Status.TRANSIENT ? 1 : 0;
        }
        if (!answered) {
            return Arrays.asList(answers); // every probe failed: the host is failing
        }
        Map<String, List<Integer>> bySubject = new LinkedHashMap<>();
        for (int i = next; i < items.size(); i++) {
            if (!stopped.contains(subjectOf(items.get(i)))) {
                bySubject.computeIfAbsent(subjectOf(items.get(i)), k -> new ArrayList<>()).add(i);
            }
        }
        if (bySubject.isEmpty()) {
            return Arrays.asList(answers);
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
                        if (d.status() != Delivery.Status.STORED && concernsTheHost(d)) {
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

    private static String subjectOf(OutboxItem item) {
        return item.subject() == null ? item.resultId() : item.subject();
    }

    /** An answer about the host as a whole: no connection or answer at all, a Retry-After, a refusal. */
    private static boolean concernsTheHost(Delivery d) {
        return hostRefusal(d) || d.status() == Delivery.Status.TRANSIENT && (d.httpStatus() == 0 || d.retryAfter() != null);
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
