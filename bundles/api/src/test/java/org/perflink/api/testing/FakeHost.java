package org.perflink.api.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.perflink.api.host.Delivery;
import org.perflink.api.host.HostException;
import org.perflink.api.host.HostGateway;
import org.perflink.api.host.Page;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.DepartmentEvaluationInput;
import org.perflink.api.model.ExecutionSnapshot;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.NoticeFeedback;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectEvaluationInput;
import org.perflink.api.model.StageEvent;
import org.perflink.api.model.Subregion;

/**
 * An in-memory host for stage tests: each feed serves its items in pages of at most {@link #maxPageSize} (a host
 * may serve fewer than asked for) with offset cursors; execution snapshots come in the explicit pages a test
 * gives, with the page index as cursor. Every pull is recorded; fault switches make chosen pulls fail. Hooks
 * never deliver, so delivering is an error here.
 */
public class FakeHost implements HostGateway {

    /** The host's collections. */
    public enum Feed { EVENTS, PROJECTS, EXECUTION, EVALUATIONS, DEPARTMENTS, PROJECT_BY_YEAR, NOTICE_FEEDBACK, SUBREGIONS }

    /** One pull, as asked (codes only for projects). */
    public record Call(Feed feed, String regionCode, int year, List<String> codes, String cursor, int limit) {
    }

    private record Fault(Feed feed, Predicate<Call> when, HostException failure) {
    }

    public final List<StageEvent> events = new ArrayList<>();
    public final List<Parsed<Project>> projects = new ArrayList<>();
    public final List<List<Parsed<ExecutionSnapshot>>> executionPages = new ArrayList<>();
    public final List<Parsed<ProjectEvaluationInput>> evaluations = new ArrayList<>();
    public final List<Parsed<DepartmentEvaluationInput>> departments = new ArrayList<>();
    /** Every call, in the order they came; the next page of a stream is asked for on a thread of its own. */
    public final List<Call> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Earlier records served by the v1.1 pull of one project by year, keyed {@code code@year}. */
    public final Map<String, Project> earlier = new HashMap<>();
    public final List<Parsed<NoticeFeedback>> feedback = new ArrayList<>();
    /** The v1.1 {@code subregions} pull's items (every budget year; the caller picks its own). */
    public final List<Parsed<Subregion>> subregions = new ArrayList<>();
    /** The contract this host speaks (v1.1 phases and pulls need 1.1). */
    public String contract = CONTRACT_1_0;
    private final Map<Feed, Integer> maxPageSize = new EnumMap<>(Feed.class);
    private final List<Fault> faults = new ArrayList<>();

    /** Serves at most {@code size} items per page of this feed. */
    public FakeHost maxPageSize(Feed feed, int size) {
        maxPageSize.put(feed, size);
        return this;
    }

    /** Every pull of the feed that matches {@code when} throws {@code failure}. */
    public FakeHost failWhen(Feed feed, Predicate<Call> when, HostException failure) {
        faults.add(new Fault(feed, when, failure));
        return this;
    }

    /** Every pull of the feed throws {@code failure}. */
    public FakeHost fail(Feed feed, HostException failure) {
        return failWhen(feed, c -> true, failure);
    }

    /** The pulls of one feed, in order. */
    public List<Call> calls(Feed feed) {
        return calls.stream().filter(c -> c.feed() == feed).toList();
    }

    public FakeHost project(Project p) {
        return project(Parsed.ok(p, p.projectCode(), p.revision()));
    }

    public FakeHost project(Parsed<Project> item) {
        projects.add(item);
        return this;
    }

    /** A project with its evaluation input. */
    public FakeHost evaluated(Project p, ProjectEvaluationInput input) {
        project(p);
        evaluations.add(Parsed.ok(input, input.projectCode(), 0));
        return this;
    }

    @SafeVarargs
    public final FakeHost executionPage(Parsed<ExecutionSnapshot>... items) {
        executionPages.add(List.of(items));
        return this;
    }

    private Call pull(Feed feed, String regionCode, int year, List<String> codes, String cursor, int limit)
            throws HostException {
        Call call = new Call(feed, regionCode, year, codes, cursor, limit);
        calls.add(call);
        for (Fault f : faults) {
            if (f.feed() == feed && f.when().test(call)) {
                throw f.failure();
            }
        }
        return call;
    }

    private <T> Page<T> page(List<T> all, Call call) {
        int from = call.cursor() == null ? 0 : Integer.parseInt(call.cursor());
        int size = Math.min(call.limit(), maxPageSize.getOrDefault(call.feed(), Integer.MAX_VALUE));
        int to = Math.min(all.size(), from + size);
        return new Page<>(List.copyOf(all.subList(from, to)), to < all.size() ? String.valueOf(to) : null);
    }

    /** As the contract pages the feed: the events after the one whose seq is {@code afterCursor}, in seq order. */
    @Override
    public Page<StageEvent> stageEvents(String regionCode, String afterCursor, int limit) throws HostException {
        Call call = pull(Feed.EVENTS, regionCode, 0, List.of(), afterCursor, limit);
        long after = afterCursor == null ? 0 : Long.parseLong(afterCursor);
        List<StageEvent> next = events.stream().filter(e -> e.seq() > after)
                .sorted(Comparator.comparingLong(StageEvent::seq)).toList();
        List<StageEvent> page = next.subList(0, Math.min(next.size(), Math.min(limit,
                maxPageSize.getOrDefault(Feed.EVENTS, Integer.MAX_VALUE))));
        return new Page<>(List.copyOf(page), page.size() < next.size() ? Long.toString(page.get(page.size() - 1).seq()) : null);
    }

    /** All projects when {@code codes} is empty (unidentified items come with those only), else those asked for. */
    @Override
    public Page<Parsed<Project>> projects(String regionCode, int year, List<String> codes, String cursor, int limit)
            throws HostException {
        Call call = pull(Feed.PROJECTS, regionCode, year, List.copyOf(codes), cursor, limit);
        return page(projects.stream().filter(p -> codes.isEmpty() || codes.contains(p.key())).toList(), call);
    }

    @Override
    public Page<Parsed<ExecutionSnapshot>> execution(String regionCode, int year, LocalDate asOf, String cursor, int limit)
            throws HostException {
        pull(Feed.EXECUTION, regionCode, year, List.of(), cursor, limit);
        if (executionPages.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        int index = cursor == null ? 0 : Integer.parseInt(cursor);
        return new Page<>(executionPages.get(index), index + 1 < executionPages.size() ? String.valueOf(index + 1) : null);
    }

    @Override
    public Page<Parsed<ProjectEvaluationInput>> evaluations(String regionCode, int year, String cursor, int limit)
            throws HostException {
        return page(evaluations, pull(Feed.EVALUATIONS, regionCode, year, List.of(), cursor, limit));
    }

    @Override
    public Page<Parsed<DepartmentEvaluationInput>> departments(String regionCode, int year, String cursor, int limit)
            throws HostException {
        return page(departments, pull(Feed.DEPARTMENTS, regionCode, year, List.of(), cursor, limit));
    }

    @Override
    public String contract() {
        return contract;
    }

    /** A project's record of an earlier year (v1.1), as {@link #earlier} holds it. */
    public FakeHost earlier(Project p) {
        earlier.put(p.projectCode() + "@" + p.year(), p);
        return this;
    }

    public FakeHost feedback(NoticeFeedback f) {
        feedback.add(Parsed.ok(f, f.noticeId(), 0));
        return this;
    }

    @Override
    public Parsed<Project> project(String regionCode, String projectCode, int year) throws HostException {
        pull(Feed.PROJECT_BY_YEAR, regionCode, year, List.of(projectCode), null, 1);
        Project p = earlier.get(projectCode + "@" + year);
        return p == null ? null : Parsed.ok(p, p.projectCode(), p.revision());
    }

    @Override
    public Page<Parsed<NoticeFeedback>> noticeFeedback(String regionCode, int year, String cursor, int limit)
            throws HostException {
        return page(feedback, pull(Feed.NOTICE_FEEDBACK, regionCode, year, List.of(), cursor, limit));
    }

    public FakeHost subregion(Subregion s) {
        subregions.add(Parsed.ok(s, s.regionCode(), 0));
        return this;
    }

    @Override
    public Page<Parsed<Subregion>> subregions(String regionCode, int year, int budgetYear, String cursor, int limit)
            throws HostException {
        return page(subregions, pull(Feed.SUBREGIONS, regionCode, year, List.of(), cursor, limit));
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
