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
}
