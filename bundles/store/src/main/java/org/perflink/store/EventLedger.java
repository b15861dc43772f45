package org.perflink.store;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;

/**
 * The event cursors of each region's stages, the handling of one event with its results, and the log of
 * handled events.
 * <p>
 * Cursors move by compare-and-set: a writer names the cursor it read ({@code expectedCursor}) and the move
 * commits only if the cursor is still that one; otherwise {@link StaleCursorException} is thrown and nothing of
 * the transaction is stored. So a node that was paused while another took its region over cannot move a
 * cursor backwards or commit an event twice. Every method is its own transaction and thread-safe; database
 * failures surface as {@link StoreException}.
 */
@ProviderType
public interface EventLedger {

    /** The stored event cursor of a region's stage; null when none yet. Each stage has its own cursor over the region's one event feed. */
    String cursor(String regionCode, Stage stage);

    /**
     * Moves a cursor with no results (an event of another stage) from {@code expectedCursor} (null: none yet)
     * to {@code newCursor}.
     *
     * @throws StaleCursorException if the cursor is no longer {@code expectedCursor}
     */
    void advance(String regionCode, Stage stage, String expectedCursor, String newCursor);

    /**
     * Handles one event atomically: everything {@code work} adds, and the cursor moved from
     * {@code expectedCursor} to {@code newCursor}, commit in ONE transaction; if work throws, nothing is stored
     * and the cursor stays (the exception is rethrown). Results are written as they are added (JDBC batches of
     * about 500), never collected in memory. Also records the event in the event log, with the node that handled it.
     * <p>
     * The {@link EventTransaction} is valid only while {@code work} runs. If one of its operations fails, the
     * whole event is rolled back even if {@code work} caught the failure.
     *
     * @throws StaleCursorException if the cursor is no longer {@code expectedCursor} when the event (or one of its
     *         checkpoints) commits: another node handled it; what was added since the last checkpoint is dropped
     */
    <E extends Exception> EventOutcome handle(String regionCode, Stage stage, StageEvent event, String expectedCursor,
            String newCursor, EventWork<E> work) throws E;

    /** The latest handled events of a region, newest first, at most {@code limit}. */
    List<HandledEvent> handled(String regionCode, int limit);

    /** The work of one event, run inside its transaction. */
    @FunctionalInterface
    interface EventWork<E extends Exception> {
        void run(EventTransaction tx) throws E;
    }

    /** What the work of one event can store. */
    interface EventTransaction {
        /**
         * Queues a result; {@code json} is its body, {@code contentHash} a hash of the body without volatile
         * fields. If the latest queued result with the same (region, kind, id) has the same contentHash, this is
         * a no-op (counted as unchanged): handling an event twice never writes an id twice. A different hash
         * queues a new outbox row that supersedes the older one.
         *
         * @throws IllegalArgumentException if the result names another region than the event's
         */
        void add(HostResult result, String json, String contentHash);

        /**
         * Keeps (replaces) the public record of a project for the open-data export ({@link PublicRecords}); a null
         * {@code json} deletes it. Committed with the event, like its results (since 2.1).
         */
        default void keepPublic(String kind, int year, String projectCode, String json) {
            throw new UnsupportedOperationException("this store keeps no public records");
        }

        /** Parks an input item that could not be handled (e.g. unidentifiable JSON) in the dead letters. */
        void reject(String key, String reason, String payload);

        /**
         * Commits what was added so far, so the writer can deliver it while the event goes on; the cursor still
         * moves only when the whole event completes. If the event is handled again (after a crash), the results
         * already committed come again with the same content hash and are no-ops. A checkpoint also checks the
         * cursor: it fails with {@link StaleCursorException} once another node has moved it.
         */
        void checkpoint();
    }

    /** What handling one event stored: results queued, results unchanged (no-ops), inputs rejected. */
    record EventOutcome(int added, int unchanged, int rejected) {
    }
}
