package org.perflink.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.ResultKind;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;

/**
 * Durable state of PerfLink: event cursors, the result outbox, dead letters and the audit log.
 * <p>
 * Every method is its own transaction and is safe to call from several threads. Failures of the
 * underlying database surface as {@link StoreException}.
 */
@ProviderType
public interface PerfLinkStore {

    /** The stored event cursor of a region's stage; null when none yet. Each stage has its own cursor over the region's one event feed. */
    String cursor(String regionCode, Stage stage);

    /** Advances a cursor with no results (an event of another stage). */
    void advanceCursor(String regionCode, Stage stage, String newCursor);

    /**
     * Handles one event atomically: everything {@code work} adds, and the cursor moved to
     * {@code newCursor}, commit in ONE transaction; if work throws, nothing is stored and the cursor
     * stays (the exception is rethrown). Results are written to the database as they are added (JDBC
     * batches of about 500), never collected in memory, so 100 000 results of one event keep memory
     * flat. Also records the event in an event log (region, stage, seq, eventId, phase, counts,
     * handledAt).
     * <p>
     * The {@link EventTransaction} is valid only while {@code work} runs. If one of its operations
     * fails, the whole event is rolled back even if {@code work} caught the failure.
     */
    <E extends Exception> EventOutcome handleEvent(String regionCode, Stage stage, StageEvent event, String newCursor,
            EventWork<E> work) throws E;

    /** The work of one event, run inside its transaction. */
    @FunctionalInterface
    interface EventWork<E extends Exception> {
        void run(EventTransaction tx) throws E;
    }

    /** What the work of one event can store. */
    interface EventTransaction {
        /**
         * Queues a result; {@code json} is its body, {@code contentHash} a hash of the body without
         * volatile fields. If the latest queued result with the same (region, kind, id) has the same
         * contentHash, this is a no-op (counted as unchanged): handling an event twice never writes an
         * id twice. A different hash queues a new outbox row that supersedes the older one.
         *
         * @throws IllegalArgumentException if the result names another region than the event's
         */
        void add(HostResult result, String json, String contentHash);

        /** Parks an input item that could not be handled (e.g. unidentifiable JSON) in the dead-letter store. */
        void reject(String key, String reason, String payload);

        /**
         * Commits what was added so far, so the writer can deliver it while the event goes on; the cursor
         * still moves only when the whole event completes. If the event is handled again (after a crash),
         * the results already committed come again with the same content hash and are no-ops.
         */
        void checkpoint();
    }

    /** What handling one event stored: results queued, results unchanged (no-ops), inputs rejected. */
    record EventOutcome(int added, int unchanged, int rejected) {
    }

    /**
     * Due outbox rows of a region in seq order (oldest first), at most {@code limit}; rows superseded
     * by a newer row of the same id are marked SUPERSEDED and not returned.
     * <p>
     * Results of one subject (a project or department) are delivered in order: a row is held back
     * while an older row of the same subject waits for a retry that is not yet due.
     */
    List<OutboxItem> pending(String regionCode, Instant now, int limit);

    /**
     * The latest body of every result of {@code kind} queued for {@code subject} (a project or
     * department) in a region, oldest result first; for rules that look back, such as clearing a
     * monitoring warning that no longer holds.
     */
    List<String> resultsOf(String regionCode, ResultKind kind, String subject);

    /**
     * The latest results of a region, newest first: each result id of {@code kind} (of every kind when
     * {@code kind} is null) once, as its newest outbox row (its latest body, never a superseded one), ordered
     * by that row's seq descending, at most {@code limit} (none when {@code limit} is not positive). For the
     * administrators' view of what PerfLink decided last.
     *
     * @since 1.2
     */
    List<StoredResult> latestResults(String regionCode, ResultKind kind, int limit);

    /** Marks outbox rows delivered (stored by the host). */
    void delivered(Collection<Long> seqs);

    /** A transient failure: attempts+1, next attempt at {@code nextAttemptAt}, last error of the row and of its region. */
    void retryLater(long seq, Instant nextAttemptAt, String error);

    /** A permanent rejection: the outbox row moves to the dead-letter store, with the host's answer. */
    void deadLetter(long seq, int httpStatus, String reason);

    /** Dead letters of a region not yet replayed, oldest first. */
    List<DeadLetter> deadLetters(String regionCode);

    /**
     * Re-queues dead letters of a region (all when ids empty) as new outbox rows; returns how many.
     * <p>
     * Rejected inputs ({@code kind = "INPUT"}) are not results and stay listed. A result letter whose
     * id has been queued again since it was parked (a newer version exists) is closed without being
     * re-queued, so a replay never sends an older version over a newer one.
     */
    int replay(String regionCode, Collection<Long> deadLetterIds);

    /** Figures of one region; zeros and nulls for a region without state. */
    RegionStatus status(String regionCode);

    /** Regions with any state, in code order. */
    List<String> regions();

    /** Records an administrative action. */
    void audit(String actor, String action, String target, String before, String after);

    /** The latest audit entries, newest first, at most {@code limit}. */
    List<AuditEntry> audit(int limit);
}
