package org.perflink.admin.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.perflink.api.host.HostException;
import org.perflink.api.host.HostGateway;
import org.perflink.api.host.Page;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.DepartmentEvaluationInput;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectEvaluationInput;
import org.perflink.api.rules.Param;
import org.perflink.api.rules.RulePack;
import org.perflink.close.internal.CloseRules;
import org.perflink.close.internal.EvaluationInputException;
import org.perflink.close.internal.Simulation;
import org.perflink.close.internal.WarningHistory;

/**
 * The what-if simulation (测算) of a candidate rule pack against a host: streams a region's evaluation inputs
 * of a year page by page (with the target projects of each page in one paged query) and its department inputs,
 * and runs {@link Simulation} over them, the current pack against the candidate. <b>Reads only</b>: the
 * gateway's {@code deliver} methods are never called. Shared by {@code perflink:simulate} and
 * {@code ./perflink simulate}; rendered by {@link SimulationTable} and {@link SimulationCsv}.
 * <p>
 * Items the host serves that cannot be used (not matching the contract, an evaluation without its project) are
 * skipped and listed, as the close hook rejects them; only the names of projects and departments outlive a page.
 */
public final class HostSimulation {

    /** Target projects are asked for by the codes of one page of inputs, in pages of this size. */
    public static final int PROJECT_PAGE = 1000;

    /** A key the candidate pack sets: its value under the current pack and under the candidate. */
    public record ParameterChange(String key, String current, String candidate) {
    }

    /**
     * @param host where the data came from (a URL), for the report
     * @param current the current pack, {@code candidate} the candidate, as simulated
     * @param report the differences ({@link Simulation.Report})
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
            Simulation.Report report,
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
     * @param history the year's RED warnings ({@link WarningHistory#NONE} when not known)
     * @param pageSize items per page of evaluations and departments (1..1000)
     * @throws HostException the host could not be read; nothing was simulated
     * @throws CheckInputException a parameter of either pack cannot be read (the message names it)
     */
    public static Result run(HostGateway host, String hostLabel, String regionCode, int year, RulePack current,
            RulePack candidate, WarningHistory history, boolean redWarningsKnown, int pageSize)
            throws HostException, CheckInputException {
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("pageSize must be 1..1000, got " + pageSize);
        }
        Reader reader = new Reader(host, regionCode, year, pageSize);
        Simulation.Report report;
        try {
            report = Simulation.run(regionCode, year, reader::cases, reader::departments, current, candidate, history);
        } catch (HostFailure e) {
            throw e.cause;
        } catch (EvaluationInputException e) {
            throw e; // about the data, not a pack; Simulation reports those per subject, so none should get here
        } catch (IllegalArgumentException e) {
            // A pack's parameter that cannot be read (the message names the pack and the key).
            throw new CheckInputException("规则包参数有误 (rule pack parameter malformed): " + e.getMessage());
        }
        List<ParameterChange> parameters = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        Map<String, Param> known = new HashMap<>();
        CloseRules.parameters().forEach(p -> known.put(p.key(), p));
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
        return new Result(regionCode, year, hostLabel, current, candidate, report, reader.skipped, reader.evaluations, reader.departments,
                reader.projectNames, reader.departmentNames, parameters, unread, redWarningsKnown);
    }

    /** The keys the candidate itself sets (not its parents'), sorted. */
    private static Set<String> ownKeys(RulePack candidate) {
        return new TreeSet<>(candidate.values().keySet());
    }

    /** A host failure carried through {@link Simulation#run}'s iteration. */
    private static final class HostFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient HostException cause;

        HostFailure(HostException cause) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
        }
    }

    /** Pages through the host as {@link Simulation#run} iterates; each collection is read once. */
    private static final class Reader {
        final HostGateway host;
        final String regionCode;
        final int year;
        final int pageSize;
        final Map<String, String> skipped = new LinkedHashMap<>();
        final Map<String, String> projectNames = new HashMap<>();
        final Map<String, String> departmentNames = new HashMap<>();
        int evaluations;
        int departments;

        Reader(HostGateway host, String regionCode, int year, int pageSize) {
            this.host = host;
            this.regionCode = regionCode;
            this.year = year;
            this.pageSize = pageSize;
        }

        Iterator<Simulation.Case> cases() {
            return new Paged<>() {
                @Override
                Page<Simulation.Case> next(String cursor) throws HostException {
                    return casesPage(cursor);
                }
            };
        }

        Iterator<DepartmentEvaluationInput> departments() {
            return new Paged<>() {
                @Override
                Page<DepartmentEvaluationInput> next(String cursor) throws HostException {
                    return departmentsPage(cursor);
                }
            };
        }

        /** One page of evaluation inputs with their projects, as the close hook pairs them. */
        Page<Simulation.Case> casesPage(String cursor) throws HostException {
            Page<Parsed<ProjectEvaluationInput>> page = host.evaluations(regionCode, year, cursor, pageSize);
            List<ProjectEvaluationInput> inputs = new ArrayList<>();
            int index = 0;
            for (Parsed<ProjectEvaluationInput> item : page.items()) {
                String key = item.identified() ? item.key() : "evaluations@" + (cursor == null ? "first" : cursor) + "#" + index;
                index++;
                if (!item.valid()) {
                    skip(key, "evaluation input: " + item.errorPath() + ": " + item.error());
                } else if (item.value().projectCode() == null) {
                    skip(key, "evaluation input: projectCode: missing");
                } else {
                    inputs.add(item.value());
                }
            }
            Map<String, Parsed<Project>> projects = projectsOf(inputs);
            List<Simulation.Case> cases = new ArrayList<>(inputs.size());
            for (ProjectEvaluationInput input : inputs) {
                Parsed<Project> project = projects.get(input.projectCode());
                if (project == null) {
                    skip(input.projectCode(), "no project " + input.projectCode() + " of year " + year
                            + " at the host: its target indicators are needed to score it");
                } else if (!project.valid()) {
                    skip(input.projectCode(), "project: " + project.errorPath() + ": " + project.error());
                } else {
                    Project p = project.value();
                    if (p.name() != null) {
                        projectNames.put(p.projectCode(), p.name());
                    }
                    if (p.departmentCode() != null && p.departmentName() != null) {
                        departmentNames.putIfAbsent(p.departmentCode(), p.departmentName());
                    }
                    cases.add(new Simulation.Case(p, input));
                    evaluations++;
                }
            }
            return new Page<>(cases, page.nextCursor());
        }

        Page<DepartmentEvaluationInput> departmentsPage(String cursor) throws HostException {
            Page<Parsed<DepartmentEvaluationInput>> page = host.departments(regionCode, year, cursor, pageSize);
            List<DepartmentEvaluationInput> inputs = new ArrayList<>();
            int index = 0;
            for (Parsed<DepartmentEvaluationInput> item : page.items()) {
                String key = item.identified() ? item.key() : "departments@" + (cursor == null ? "first" : cursor) + "#" + index;
                index++;
                if (!item.valid()) {
                    skip(key, "department input: " + item.errorPath() + ": " + item.error());
                } else {
                    inputs.add(item.value());
                    departments++;
                }
            }
            return new Page<>(inputs, page.nextCursor());
        }

        /** The target projects of one page of inputs; a valid copy wins over an invalid one of the same code. */
        private Map<String, Parsed<Project>> projectsOf(List<ProjectEvaluationInput> inputs) throws HostException {
            Map<String, Parsed<Project>> byCode = new HashMap<>();
            if (inputs.isEmpty()) {
                return byCode; // an empty code list would ask the host for every project of the year
            }
            Set<String> codes = new LinkedHashSet<>();
            inputs.forEach(i -> codes.add(i.projectCode()));
            String cursor = null;
            do {
                Page<Parsed<Project>> page = host.projects(regionCode, year, List.copyOf(codes), cursor, PROJECT_PAGE);
                for (Parsed<Project> p : page.items()) {
                    if (p.identified() && codes.contains(p.key())) {
                        byCode.merge(p.key(), p, (old, neu) -> old.valid() ? old : neu);
                    }
                }
                cursor = page.nextCursor();
            } while (cursor != null);
            return byCode;
        }

        private void skip(String key, String reason) {
            skipped.merge(key, reason, (a, b) -> a + "; " + b);
        }
    }

    /** Iterates a paged collection, asking for the next page only when the current one is used up. */
    private abstract static class Paged<T> implements Iterator<T> {
        private final Deque<T> buffer = new ArrayDeque<>();
        private String cursor;
        private boolean started;

        abstract Page<T> next(String cursor) throws HostException;

        @Override
        public boolean hasNext() {
            while (buffer.isEmpty() && (!started || cursor != null)) {
                Page<T> page;
                try {
                    page = next(cursor);
                } catch (HostException e) {
                    throw new HostFailure(e);
                }
                started = true;
                buffer.addAll(page.items());
                cursor = page.nextCursor();
            }
            return !buffer.isEmpty();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return buffer.removeFirst();
        }
    }
}
