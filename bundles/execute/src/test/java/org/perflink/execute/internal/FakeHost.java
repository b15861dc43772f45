package org.perflink.execute.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.perflink.api.host.Delivery;
import org.perflink.api.host.HostException;
import org.perflink.api.host.HostGateway;
import org.perflink.api.host.Page;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.DepartmentEvaluationInput;
import org.perflink.api.model.ExecutionSnapshot;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectEvaluationInput;
import org.perflink.api.model.StageEvent;

/**
 * An in-memory host: execution snapshots in the pages a test gives, projects paged by offset cursors.
 * Records every pull so tests can check how the hook pages.
 */
class FakeHost implements HostGateway {

    record ProjectsCall(List<String> codes, String cursor, int limit) {
    }

    final List<List<Parsed<ExecutionSnapshot>>> executionPages = new ArrayList<>();
    final Map<String, Parsed<Project>> projects = new LinkedHashMap<>();
    final List<String> executionCursors = new ArrayList<>();
    final List<ProjectsCall> projectsCalls = new ArrayList<>();
    /** The host may serve fewer items than asked for. */
    int maxPageSize = Integer.MAX_VALUE;
    /** Index of the execution page whose pull fails, or -1. */
    int failingExecutionPage = -1;

    @SafeVarargs
    final FakeHost executionPage(Parsed<ExecutionSnapshot>... items) {
        executionPages.add(List.of(items));
        return this;
    }

    FakeHost project(Project p) {
        projects.put(p.projectCode(), Parsed.ok(p, p.projectCode(), p.revision()));
        return this;
    }

    FakeHost project(String code, Parsed<Project> parsed) {
        projects.put(code, parsed);
        return this;
    }

    @Override
    public Page<Parsed<ExecutionSnapshot>> execution(String regionCode, int year, LocalDate asOf, String cursor, int limit)
            throws HostException {
        executionCursors.add(cursor);
        int index = cursor == null ? 0 : Integer.parseInt(cursor);
        if (index == failingExecutionPage) {
            throw new HostException("503 from host");
        }
        if (executionPages.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        return new Page<>(executionPages.get(index), index + 1 < executionPages.size() ? String.valueOf(index + 1) : null);
    }

    @Override
    public Page<Parsed<Project>> projects(String regionCode, int year, List<String> codes, String cursor, int limit) {
        projectsCalls.add(new ProjectsCall(List.copyOf(codes), cursor, limit));
        List<Parsed<Project>> matching = codes.isEmpty() ? List.copyOf(projects.values())
                : codes.stream().filter(projects::containsKey).map(projects::get).toList();
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        int to = Math.min(matching.size(), from + Math.min(limit, maxPageSize));
        return new Page<>(matching.subList(from, to), to < matching.size() ? String.valueOf(to) : null);
    }

    @Override
    public Page<StageEvent> stageEvents(String regionCode, String afterCursor, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<Parsed<ProjectEvaluationInput>> evaluations(String regionCode, int year, String cursor, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<Parsed<DepartmentEvaluationInput>> departments(String regionCode, int year, String cursor, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Delivery deliver(HostResult result) {
        throw new UnsupportedOperationException("hooks emit, they never deliver");
    }

    @Override
    public List<Delivery> deliverBatch(String regionCode, List<HostResult> results) {
        throw new UnsupportedOperationException("hooks emit, they never deliver");
    }
}
