package org.perflink.compile.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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

/** A host with a fixed list of project items, served in small pages; it records each request. */
final class FakeHost implements HostGateway {

    record Request(List<String> codes, String cursor, int limit) {
    }

    private final List<Parsed<Project>> items;
    private final int pageSize;
    final List<Request> requests = new ArrayList<>();
    HostException failure;
    /** The contract this host speaks (v1.1 phases need 1.1). */
    String contract = CONTRACT_1_0;
    /** Earlier records served by {@code GET …/projects/{code}?year=}, keyed {@code code@year}. */
    final java.util.Map<String, Project> earlier = new java.util.HashMap<>();
    final List<org.perflink.api.model.NoticeFeedback> feedback = new ArrayList<>();

    FakeHost(List<Parsed<Project>> items, int pageSize) {
        this.items = items;
        this.pageSize = pageSize;
    }

    @Override
    public Page<Parsed<Project>> projects(String regionCode, int year, List<String> codes, String cursor, int limit)
            throws HostException {
        requests.add(new Request(List.copyOf(codes), cursor, limit));
        if (failure != null) {
            throw failure;
        }
        // Unidentified items cannot be asked for by code: they come with "all projects" only.
        List<Parsed<Project>> matching = items.stream()
                .filter(p -> codes.isEmpty() || codes.contains(p.key())).toList();
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        int to = Math.min(matching.size(), from + Math.min(pageSize, limit));
        return new Page<>(matching.subList(from, to), to < matching.size() ? String.valueOf(to) : null);
    }

    @Override
    public String contract() {
        return contract;
    }

    @Override
    public Parsed<Project> project(String regionCode, String projectCode, int year) throws HostException {
        Project p = earlier.get(projectCode + "@" + year);
        return p == null ? null : Parsed.ok(p, p.projectCode(), p.revision());
    }

    @Override
    public Page<Parsed<org.perflink.api.model.NoticeFeedback>> noticeFeedback(String regionCode, int year,
            String cursor, int limit) {
        return new Page<>(feedback.stream().map(f -> Parsed.ok(f, f.noticeId(), 0)).toList(), null);
    }

    @Override
    public Page<StageEvent> stageEvents(String regionCode, String afterCursor, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<Parsed<ExecutionSnapshot>> execution(String regionCode, int year, LocalDate asOf, String cursor, int limit) {
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
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Delivery> deliverBatch(String regionCode, List<HostResult> results) {
        throw new UnsupportedOperationException();
    }
}
