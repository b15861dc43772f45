package org.perflink.reports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.perflink.api.hook.LowerRegions;
import org.perflink.api.hook.ResultHistory;
import org.perflink.api.hook.StageInputs;
import org.perflink.api.host.EvaluationFeed;
import org.perflink.api.host.HostException;
import org.perflink.api.host.HostGateway;
import org.perflink.api.host.HostUnavailable;
import org.perflink.api.model.DepartmentEvaluationInput;
import org.perflink.api.model.Project;
import org.perflink.api.rules.Param;
import org.perflink.api.rules.RulePack;
import org.perflink.api.stage.LinkSimulation;
import org.perflink.api.stage.RuleCatalog;

/**
 * The what-if simulation (测算) of a candidate rule pack against a host: streams a region's evaluation inputs
 * of a year page by page (with the target projects of each page in one paged query, as the close hook reads
 * them: {@link StageInputs}, rejecting as {@link EvaluationFeed} words it) and its department inputs, and runs the close stage's {@link LinkSimulation}
 * over them, the current pack against the candidate. <b>Reads only</b>: the gateway's {@code deliver} methods
 * are never called. Shared by {@code perflink:simulate} and {@code ./perflink simulate}; rendered by
 * {@link SimulationTable} and {@link SimulationCsv}.
 * <p>
 * Items the host serves that cannot be used (not matching the contract, an evaluation without its project) are
 * skipped and listed, as the close hook rejects them; only the names of projects and departments outlive a page.
 */
public final class HostSimulation {

    /** The close stage as the simulation uses it: its simulation and its rule catalogue (for the parameters). */
    public record CloseStage(LinkSimulation simulation, RuleCatalog catalog) {
    }

    /** A key the candidate pack sets: its value under the current pack and under the candidate. */
    public record ParameterChange(String key, String current, String candidate) {
    }

    /**
     * @param host where the data came from (a URL), for the report
     * @param current the current pack, {@code candidate} the candidate, as simulated
     * @param report the differences ({@link LinkSimulation.Report})
     * @param skipped host items that could not be used, by key (projectCode, departmentCode or page position), sorted
     * @param evaluations evaluation inputs simulated
     * @param departments department inputs read
     * @param projectNames project names by code, as the host's projects give them
     * @param departmentNames department names by code, as the host's projects give them
     * @param parameters the keys the candidate file sets that the close stage reads, current vs candidate value
     * @param unreadKeys keys the candidate file sets that the close stage does not read (a typo, or another stage's)
     * @param redWarningsKnown whether the year's RED warnings were known (for the REMINDER notice)
     */
    public record Result(String regionCode, int year, String host, RulePack current, RulePack candidate,
            LinkSimulation.Report report,
            Map<String, String> skipped, int evaluations, int departments, Map<String, String> projectNames,
            Map<String, String> departmentNames, List<ParameterChange> parameters, List<String> unreadKeys,
            boolean redWarningsKnown) {

        public Result {
            skipped = Collections.unmodifiableSortedMap(new TreeMap<>(skipped));
            projectNames = Map.copyOf(projectNames);
            departmentNames = Map.copyOf(departmentNames);
            parameters = List.copyOf(parameters);
            unreadKeys = List.copyOf(unreadKeys);
        }
    }

    private HostSimulation() {
    }

    /**
     * @param candidate the candidate pack, usually the file's pack laid over {@code current}
     * @param history what PerfLink wrote for the region, for the year's RED warnings
     *        ({@link LinkSimulation#NO_HISTORY} when not known)
     * @param pageSize items per page of evaluations and departments (1..1000)
     * @throws HostException the host could not be read; nothing was simulated
     * @throws CheckInputException a parameter of either pack cannot be read (the message names it)
     */
    public static Result run(CloseStage close, HostGateway host, String hostLabel, String regionCode, int year,
            RulePack current, RulePack candidate, ResultHistory history, boolean redWarningsKnown, int pageSize)
            throws HostException, CheckInputException {
        return run(close, host, hostLabel, regionCode, year, current, candidate, history, null, redWarningsKnown, pageSize);
    }

    /**
     * As {@link #run(CloseStage, HostGateway, String, String, int, RulePack, RulePack, ResultHistory, boolean, int)},
     * with PerfLink's whole record of the region in {@code history} and its lower regions: the components come from
     * the records (rules.md §4.1, §4.2) and the lower regions' transfer factors (§4.3) are simulated too.
     *
     * @param lowerRegions the region's lower regions; null: the simulation of v1 (host components, no lower regions)
     */
    public static Result run(CloseStage close, HostGateway host, String hostLabel, String regionCode, int year,
            RulePack current, RulePack candidate, ResultHistory history, LowerRegions lowerRegions, boolean redWarningsKnown,
            int pageSize) throws HostException, CheckInputException {
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("pageSize must be 1..1000, got " + pageSize);
        }
        Reader reader = new Reader(host, regionCode, year, pageSize);
        LinkSimulation.Report report;
        try {
            report = lowerRegions == null
                    ? close.simulation().simulate(regionCode, year, reader.cases(), reader.departments(), current,
                            candidate, history)
                    : close.simulation().simulate(regionCode, year, reader.cases(), reader.departments(), current,
                            candidate, history, lowerRegions, host);
        } catch (HostUnavailable e) {
            throw e.hostException();
        } catch (IllegalArgumentException e) {
            // A pack's parameter that cannot be read (the message names the pack and the key); the simulation
            // reports what is wrong with the data per subject, so only the packs get here.
            throw new CheckInputException("规则包参数有误 (rule pack parameter malformed): " + e.getMessage());
        }
        List<ParameterChange> parameters = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        Map<String, Param> known = new HashMap<>();
        close.catalog().parameters().forEach(p -> known.put(p.key(), p));
        for (String key : ownKeys(candidate)) {
            Param p = known.get(key);
            if (p == null && !key.startsWith("rule.")) {
                unread.add(key);
            } else {
                String builtIn = p == null ? null : p.defaultValue();
                parameters.add(new ParameterChange(key, current.lookup(key).orElse(builtIn),
                        candidate.lookup(key).orElse(builtIn)));
            }
        }
        return new Result(regionCode, year, hostLabel, current, candidate, report, reader.skipped, reader.evaluations,
                reader.departments, reader.projectNames, reader.departmentNames, parameters, unread, redWarningsKnown);
    }

    /** The keys the candidate itself sets (not its parents'), sorted. */
    private static Set<String> ownKeys(RulePack candidate) {
        return new TreeSet<>(candidate.values().keySet());
    }

    /** Reads the host as the simulation iterates, through the stage inputs; each collection is read once. */
    private static final class Reader {
        final StageInputs inputs;
        final Map<String, String> skipped = new LinkedHashMap<>();
        final Map<String, String> projectNames = new HashMap<>();
        final Map<String, String> departmentNames = new HashMap<>();
        int evaluations;
        int departments;

        Reader(HostGateway host, String regionCode, int year, int pageSize) {
            // nothing is emitted, so there is nothing to checkpoint
            this.inputs = StageInputs.of(host, regionCode, year, pageSize,
                    (key, reason) -> skipped.merge(key, reason, (a, b) -> a + "; " + b), () -> { });
        }

        Iterable<LinkSimulation.Case> cases() {
            return () -> new Mapped<>(inputs.evaluations(null).iterator(), e -> {
                Project p = e.project();
                if (p.name() != null) {
                    projectNames.put(p.projectCode(), p.name());
                }
                if (p.departmentCode() != null && p.departmentName() != null) {
                    departmentNames.putIfAbsent(p.departmentCode(), p.departmentName());
                }
                evaluations++;
                return new LinkSimulation.Case(p, e.input());
            });
        }

        Iterable<DepartmentEvaluationInput> departments() {
            return () -> new Mapped<>(inputs.departments().iterator(), d -> {
                departments++;
                return d.input();
            });
        }
    }

    /** An iterator that maps each item as it is taken. */
    private static final class Mapped<S, T> implements Iterator<T> {
        private final Iterator<S> source;
        private final Function<S, T> map;

        Mapped(Iterator<S> source, Function<S, T> map) {
            this.source = source;
            this.map = map;
        }

        @Override
        public boolean hasNext() {
            return source.hasNext();
        }

        @Override
        public T next() {
            return map.apply(source.next());
        }
    }
}
