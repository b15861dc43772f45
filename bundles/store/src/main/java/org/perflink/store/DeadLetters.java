package org.perflink.store;

import java.util.Collection;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Results the host refused for good, and inputs that could not be handled; results can be replayed. */
@ProviderType
public interface DeadLetters {

    /**
     * Open (not replayed) letters of a region, oldest first: {@code limit} of them from {@code offset}, with the
     * number of open letters of the region as the page's total.
     *
     * @throws IllegalArgumentException if offset is negative or limit not positive
     */
    Page<DeadLetter> open(String regionCode, int offset, int limit);

    /** The orders of a {@link #page}: newest or oldest first, by subject or by stage (each then oldest first). */
    enum LetterSort {
        NEWEST, OLDEST, SUBJECT, STAGE
    }

    /**
     * What a page of a region's dead letters is filtered and sorted by, each filter null for any: a {@code state}
     * ({@link DeadLetter#OPEN}, {@link DeadLetter#REPLAYED}, {@link DeadLetter#SKIPPED}), a {@code stage} (a
     * {@link org.perflink.api.model.Stage} name), a {@code kind} (a result kind's name or {@link DeadLetter#INPUT}),
     * and a {@code search}: the start of the subject (project or department code) or of the key (result id), or a
     * part of the host's reason, letters of any case (since 2.3).
     */
    record LetterQuery(String state, String stage, String kind, String search, LetterSort sort) {

        public LetterQuery {
            sort = sort == null ? LetterSort.NEWEST : sort;
        }
    }

    /**
     * One page of a region's dead letters as {@code query} says, with the number of letters it selects as the
     * page's total (since 2.3).
     *
     * @throws IllegalArgumentException if offset is negative or limit not positive
     */
    Page<DeadLetter> page(String regionCode, LetterQuery query, int offset, int limit);

    /** Every open letter of a region, oldest first. */
    default List<DeadLetter> all(String regionCode) {
        return open(regionCode, 0, Integer.MAX_VALUE).items();
    }

    /**
     * Re-queues dead letters of a region (all when ids empty) as new outbox rows; returns how many.
     * <p>
     * Rejected inputs ({@code kind = "INPUT"}) are not results and stay listed. A result letter whose id has been
     * queued again since it was parked (a newer version exists) is closed without being re-queued, so a replay
     * never sends an older version over a newer one.
     */
    int replay(String regionCode, Collection<Long> deadLetterIds);
}
