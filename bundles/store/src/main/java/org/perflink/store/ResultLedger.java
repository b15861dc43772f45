package org.perflink.store;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.perflink.api.model.ResultKind;

/**
 * The latest body of every result PerfLink queued, by (region, kind, id), and where it stands. Kept up to date
 * in the transactions that queue, deliver, park and replay results, and kept after the outbox row is pruned:
 * the history the stage hooks look back at, and what the administrators' page shows.
 */
@ProviderType
public interface ResultLedger {

    /**
     * The latest body of every result of {@code kind} queued for {@code subject} (a project or department) in a
     * region, oldest result first; for rules that look back, such as clearing a monitoring warning that no
     * longer holds.
     */
    List<String> resultsOf(String regionCode, ResultKind kind, String subject);

    /**
     * The latest results of a region, newest first: each result id of {@code kind} (of every kind when
     * {@code kind} is null) once, with its latest body, ordered by the seq of its latest outbox row descending,
     * at most {@code limit} (none when {@code limit} is not positive).
     */
    List<StoredResult> latestResults(String regionCode, ResultKind kind, int limit);

    /**
     * What a page of a region's latest results is filtered and sorted by: a kind, a delivery state
     * ({@link StoredResult#PENDING}, {@code DELIVERED}, {@code DEAD}) and a subject (project or department code)
     * prefix, each null for any; newest first unless {@code oldestFirst}. Since 2.2 also an {@code outcome} (a
     * verdict's outcome, a warning's level, a score's or assessment's grade, an adjustment's action, a notice's
     * type), a {@code department} (the department a notice, a department adjustment or assessment names), a
     * {@code ruleId} the result cites, each null for any, and {@code bySubject}: subject A→Z, each subject's
     * results oldest first ({@code oldestFirst} then does not apply).
     */
    record ResultQuery(ResultKind kind, String state, String subjectPrefix, boolean oldestFirst, String outcome,
            String department, String ruleId, boolean bySubject) {

        public ResultQuery(ResultKind kind, String state, String subjectPrefix, boolean oldestFirst) {
            this(kind, state, subjectPrefix, oldestFirst, null, null, null, false);
        }
    }

    /** The total of a {@link #page} that does not reach the end of the list. */
    long TOTAL_UNKNOWN = -1;

    /**
     * One page of a region's latest results (each id once, as {@link #latestResults}), filtered and sorted as
     * {@code query} says. Every filter is served by an index of (region, filter, seq), so a page reads the rows it
     * shows and one more: the page's total is exact when the page reaches the end of the list, and
     * {@value #TOTAL_UNKNOWN} while more follow (counting would read every matching row of a province) (since 2.1).
     *
     * @throws IllegalArgumentException if offset is negative or limit not positive
     */
    default Page<StoredResult> page(String regionCode, ResultQuery query, int offset, int limit) {
        throw new UnsupportedOperationException("this store does not page results");
    }
}
