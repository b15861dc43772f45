package org.perflink.api.hook.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.perflink.api.hook.PagedInput;
import org.perflink.api.hook.StageInputs;
import org.perflink.api.host.EvaluationFeed;
import org.perflink.api.host.HostException;
import org.perflink.api.host.HostGateway;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.ExecutionSnapshot;
import org.perflink.api.model.Project;

/** The stage inputs of one region's year at one host: {@link StageInputs#of}. */
public final class HostInputs implements StageInputs {

    private final HostGateway host;
    private final String regionCode;
    private final int year;
    private final int pageSize;
    private final Runnable checkpoint;
    private final EvaluationFeed feed;

    public HostInputs(HostGateway host, String regionCode, int year, int pageSize, EvaluationFeed.Rejects rejects,
            Runnable checkpoint) {
        if (pageSize < 1 || pageSize > LOOKUP_SIZE) {
            throw new IllegalArgumentException("pageSize must be 1.." + LOOKUP_SIZE + ", got " + pageSize);
        }
        this.host = host;
        this.regionCode = regionCode;
        this.year = year;
        this.pageSize = pageSize;
        this.checkpoint = checkpoint;
        this.feed = new EvaluationFeed(host, regionCode, year, pageSize, rejects);
    }

    @Override
    public PagedInput<Parsed<Project>> projects(List<String> codes) {
        List<HostGateway.PageCall<Parsed<Project>>> requests = new ArrayList<>();
        for (List<String> chunk : chunks(codes)) {
            requests.add(cursor -> host.projects(regionCode, year, chunk, cursor, pageSize));
        }
        return new Paged<>(requests, checkpoint);
    }

    @Override
    public PagedInput<Parsed<Project>> projectLookup(Collection<String> codes) {
        List<String> asked = List.copyOf(codes);
        return new Paged<>(List.of(cursor -> host.projects(regionCode, year, asked, cursor, LOOKUP_SIZE)), () -> { });
    }

    @Override
    public Map<String, Parsed<Project>> projectsByCode(Collection<String> codes) throws HostException {
        return feed.projectsOf(codes);
    }

    @Override
    public PagedInput<Parsed<ExecutionSnapshot>> execution(LocalDate asOf) {
        return new Paged<>(List.of(cursor -> host.execution(regionCode, year, asOf, cursor, pageSize)), checkpoint);
    }

    @Override
    public PagedInput<EvaluationFeed.Evaluated> evaluations(Set<String> only) {
        return new Paged<>(List.of(cursor -> feed.evaluations(cursor, only)), checkpoint);
    }

    @Override
    public PagedInput<EvaluationFeed.Department> departments() {
        return new Paged<>(List.of(feed::departments), checkpoint);
    }

    /** The codes without repeats in requests of at most {@link #CODES_PER_CALL}; none means one request for all. */
    static List<List<String>> chunks(List<String> projectCodes) {
        if (projectCodes.isEmpty()) {
            return List.of(List.of());
        }
        List<String> codes = List.copyOf(new LinkedHashSet<>(projectCodes));
        List<List<String>> chunks = new ArrayList<>((codes.size() + CODES_PER_CALL - 1) / CODES_PER_CALL);
        for (int from = 0; from < codes.size(); from += CODES_PER_CALL) {
            chunks.add(codes.subList(from, Math.min(codes.size(), from + CODES_PER_CALL)));
        }
        return chunks;
    }
}
