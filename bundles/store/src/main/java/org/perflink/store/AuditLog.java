package org.perflink.store;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The administrators' actions: who did what to which target, with the state before and after. */
@ProviderType
public interface AuditLog {

    /** Records an administrative action. */
    void record(String actor, String action, String target, String before, String after);

    /** The latest audit entries, newest first, at most {@code limit}. */
    List<AuditEntry> latest(int limit);

    /**
     * What a page of the audit log is filtered by, each null for any: a {@code search} (a part of the actor, action,
     * target or the state before or after, letters of any case), the {@code actor} and the {@code action} as recorded,
     * a {@code region} (entries whose target is the region or one of its stages, {@code 440000/COMPILE}), and a time
     * range {@code from} (inclusive) to {@code to} (exclusive); newest first unless {@code oldestFirst} (since 2.3).
     */
    record AuditQuery(String search, String actor, String action, String region, java.time.Instant from,
            java.time.Instant to, boolean oldestFirst) {
    }

    /**
     * One page of the audit log as {@code query} says, with the number of entries it selects as the page's total
     * (since 2.3).
     *
     * @throws IllegalArgumentException if offset is negative or limit not positive
     */
    Page<AuditEntry> page(AuditQuery query, int offset, int limit);
}
