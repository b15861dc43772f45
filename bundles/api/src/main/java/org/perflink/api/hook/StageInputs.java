package org.perflink.api.hook;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.perflink.api.hook.internal.HostInputs;
import org.perflink.api.host.EvaluationFeed;
import org.perflink.api.host.HostException;
import org.perflink.api.host.HostGateway;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.ExecutionSnapshot;
import org.perflink.api.model.Project;

/**
 * The inputs a stage hook reads from the host, for one region and year, as {@link PagedInput}s: every one pages with
 * the contract's sizes and checkpoints after each page, and the close stage's inputs reject unusable items as
 * {@link EvaluationFeed} words them. Hooks get them from {@link StageContext#inputs()}; the what-if simulation
 * makes its own with {@link #of} (since 1.3).
 */
@ProviderType
public interface StageInputs {

    /** Items per page of a stream (the contract's default page). */
    int PAGE_SIZE = 200;
    /** Items per page of a lookup by codes that covers a whole page of another stream (the contract's maximum). */
    int LOOKUP_SIZE = 1000;
    /** Codes per request of {@link #projects}: keeps {@code ?codes=} URLs short. */
    int CODES_PER_CALL = 100;

    /**
     * The year's projects of these codes (repeats dropped, asked for {@link #CODES_PER_CALL} at a time), every
     * project when {@code codes} is empty; each item as the host sent it, so that the hook can report an invalid one.
     */
    PagedInput<Parsed<Project>> projects(List<String> codes);

    /**
     * The year's projects of these codes in one request (paged at {@link #LOOKUP_SIZE} if the host splits it), each
     * as sent; for the codes of a page of another stream, so it never checkpoints.
     */
    PagedInput<Parsed<Project>> projectLookup(Collection<String> codes);

    /** The projects of these codes by code, a valid copy winning over an invalid one (one lookup; none for no codes). */
    Map<String, Parsed<Project>> projectsByCode(Collection<String> codes) throws HostException;

    /** The year's execution snapshots at {@code asOf}, each as the host sent it. */
    PagedInput<Parsed<ExecutionSnapshot>> execution(LocalDate asOf);

    /**
     * The year's evaluation inputs with their projects (those of {@code only}, or all when null); an input that
     * does not match the contract, or whose project is missing or invalid, is rejected and the page goes on.
     */
    PagedInput<EvaluationFeed.Evaluated> evaluations(Set<String> only);

    /** The year's department inputs with their keys; an invalid one is rejected and the page goes on. */
    PagedInput<EvaluationFeed.Department> departments();

    /**
     * The inputs of a region's year at a host, outside a stage context (the simulation, a tool).
     *
     * @param pageSize items per page of the streams (1..1000; a context uses {@link #PAGE_SIZE})
     * @param rejects where unusable items go
     * @param checkpoint what runs after each page pushed through (a context's {@link StageContext#checkpoint()})
     */
    static StageInputs of(HostGateway host, String regionCode, int year, int pageSize, EvaluationFeed.Rejects rejects,
            Runnable checkpoint) {
        return new HostInputs(host, regionCode, year, pageSize, rejects, checkpoint);
    }
}
