package org.perflink.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Results on their way to the host. A row is PENDING until the host stores it (DELIVERED), refuses it for
 * good (moved to {@link DeadLetters}), or a newer body of its result supersedes it. Delivered rows are deleted
 * after the configured retention (default 30 days); the {@link ResultLedger} keeps the latest body of each
 * result. Each delivery records the node that made it.
 */
@ProviderType
public interface Outbox {

    /**
     * Due rows of a region in seq order (oldest first), at most {@code limit}. Results of one subject (a project
     * or department) are delivered in order: a row is held back while an older row of the same subject waits
     * for a retry that is not yet due.
     */
    List<OutboxItem> pending(String regionCode, Instant now, int limit);

    /** Marks rows of a region delivered (stored by the host); rows of other regions are left alone. */
    void delivered(String regionCode, Collection<Long> seqs);

    /** A transient failure: attempts+1, next attempt at {@code nextAttemptAt}, last error of the row and of its region. */
    void retryLater(long seq, Instant nextAttemptAt, String error);

    /** A permanent rejection: the row moves to the dead letters, with the host's answer. */
    void deadLetter(long seq, int httpStatus, String reason);
}
