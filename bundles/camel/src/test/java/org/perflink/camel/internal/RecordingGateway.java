package org.perflink.camel.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

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
 * Passes every call to the real gateway and records each delivery request (when it started, when its
 * answer came back, what was answered) and each project pull, so tests can check spacing of retries
 * and what a restarted process fetched again.
 */
final class RecordingGateway implements HostGateway {

    /** One delivery request: a batch POST ({@code answers} null when the host has no batch) or one PUT. */
    record Attempt(Instant start, Instant end, boolean batch, List<String> ids, List<Delivery> answers) {
        boolean anyTransient() {
            return answers != null && answers.stream().anyMatch(d -> d.status() == Delivery.Status.TRANSIENT);
        }

        boolean allTransient() {
            return answers != null && !answers.isEmpty()
                    && answers.stream().allMatch(d -> d.status() == Delivery.Status.TRANSIENT);
        }
    }

    final HostGateway delegate;
    final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    /** The {@code codes} of every project pull (empty list: all projects). */
    final List<List<String>> projectPulls = new CopyOnWriteArrayList<>();

    RecordingGateway(HostGateway delegate) {
        this.delegate = delegate;
    }

    @Override
    public Page<StageEvent> stageEvents(String regionCode, String afterCursor, int limit) throws HostException {
        return delegate.stageEvents(regionCode, afterCursor, limit);
    }

    @Override
    public Page<Parsed<Project>> projects(String regionCode, int year, List<String> codes, String cursor, int limit)
            throws HostException {
        projectPulls.add(codes == null ? List.of() : List.copyOf(codes));
        return delegate.projects(regionCode, year, codes, cursor, limit);
    }

    @Override
    public Page<Parsed<ExecutionSnapshot>> execution(String regionCode, int year, LocalDate asOf, String cursor,
            int limit) throws HostException {
        return delegate.execution(regionCode, year, asOf, cursor, limit);
    }

    @Override
    public Page<Parsed<ProjectEvaluationInput>> evaluations(String regionCode, int year, String cursor, int limit)
            throws HostException {
        return delegate.evaluations(regionCode, year, cursor, limit);
    }

    @Override
    public Page<Parsed<DepartmentEvaluationInput>> departments(String regionCode, int year, String cursor, int limit)
            throws HostException {
        return delegate.departments(regionCode, year, cursor, limit);
    }

    @Override
    public Delivery deliver(HostResult result) {
        Instant start = Instant.now();
        Delivery d = delegate.deliver(result);
        attempts.add(new Attempt(start, Instant.now(), false, List.of(result.id()), List.of(d)));
        return d;
    }

    @Override
    public List<Delivery> deliverBatch(String regionCode, List<HostResult> results) {
        Instant start = Instant.now();
        List<Delivery> answers = delegate.deliverBatch(regionCode, results);
        attempts.add(new Attempt(start, Instant.now(), true, results.stream().map(HostResult::id).toList(),
                answers));
        return answers;
    }

    long transientAttempts() {
        return attempts.stream().filter(Attempt::anyTransient).count();
    }
}
