package org.perflink.mockhost;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A region whose items are listed in a dataset document. Immutable; {@link #upsert} returns a copy. */
public final class DatasetRegion implements RegionData {

    /** Collections and the fields that identify an item in them (its natural key). */
    static final List<String> COLLECTIONS = List.of("projects", "execution", "evaluations", "departments");

    private final String regionCode;
    private final String name;
    private final Integer year;
    private final List<JsonNode> projects;
    private final List<JsonNode> execution;
    private final List<JsonNode> evaluations;
    private final List<JsonNode> departments;
    private final List<ObjectNode> events;
    private final List<ObjectNode> scriptedEvents;
    /** Host contract v1.1 collections: the evaluator registry and the notice feedback (with their {@code year}). */
    private final List<JsonNode> evaluators;
    private final List<JsonNode> noticeFeedback;
    /** Host contract v1.1 {@code subregions}: the lower regions' transfer baselines (with their {@code budgetYear}). */
    private final List<JsonNode> subregions;

    public DatasetRegion(String regionCode, String name, Integer year, List<JsonNode> projects,
            List<JsonNode> execution, List<JsonNode> evaluations, List<JsonNode> departments,
            List<ObjectNode> events, List<ObjectNode> scriptedEvents) {
        this(regionCode, name, year, projects, execution, evaluations, departments, events, scriptedEvents, List.of(),
                List.of());
    }

    public DatasetRegion(String regionCode, String name, Integer year, List<JsonNode> projects,
            List<JsonNode> execution, List<JsonNode> evaluations, List<JsonNode> departments,
            List<ObjectNode> events, List<ObjectNode> scriptedEvents, List<JsonNode> evaluators,
            List<JsonNode> noticeFeedback) {
        this(regionCode, name, year, projects, execution, evaluations, departments, events, scriptedEvents, evaluators,
                noticeFeedback, List.of());
    }

    public DatasetRegion(String regionCode, String name, Integer year, List<JsonNode> projects,
            List<JsonNode> execution, List<JsonNode> evaluations, List<JsonNode> departments,
            List<ObjectNode> events, List<ObjectNode> scriptedEvents, List<JsonNode> evaluators,
            List<JsonNode> noticeFeedback, List<JsonNode> subregions) {
        this.subregions = List.copyOf(subregions);
        this.evaluators = List.copyOf(evaluators);
        this.noticeFeedback = List.copyOf(noticeFeedback);
        this.regionCode = Objects.requireNonNull(regionCode);
        this.name = name;
        this.year = year;
        this.projects = List.copyOf(projects);
        this.execution = List.copyOf(execution);
        this.evaluations = List.copyOf(evaluations);
        this.departments = List.copyOf(departments);
        this.events = List.copyOf(events);
        this.scriptedEvents = List.copyOf(scriptedEvents);
    }

    @Override
    public String regionCode() {
        return regionCode;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Integer year() {
        return year;
    }

    @Override
    public List<JsonNode> projects(int y) {
        return filter(projects, y, null);
    }

    @Override
    public List<JsonNode> projectsByCodes(int y, Set<String> codes) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : projects(y)) {
            if (codes.contains(Json.textOf(p, "projectCode"))) {
                out.add(p);
            }
        }
        return out;
    }

    @Override
    public Optional<JsonNode> project(String projectCode, int y) {
        for (JsonNode p : projects(y)) {
            if (projectCode.equals(Json.textOf(p, "projectCode"))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    @Override
    public List<JsonNode> execution(int y, String asOf) {
        return filter(execution, y, asOf);
    }

    @Override
    public List<JsonNode> evaluations(int y) {
        return filter(evaluations, y, null);
    }

    @Override
    public List<JsonNode> departments(int y) {
        return filter(departments, y, null);
    }

    @Override
    public List<JsonNode> evaluators() {
        return evaluators;
    }

    @Override
    public List<JsonNode> noticeFeedback(int y) {
        return filter(noticeFeedback, y, null);
    }

    @Override
    public List<JsonNode> subregions(int budgetYear) {
        String b = Integer.toString(budgetYear);
        return subregions.stream().filter(s -> {
            String ib = Json.textOf(s, "budgetYear");
            return ib == null || ib.equals(b);
        }).toList();
    }

    @Override
    public List<ObjectNode> initialEvents() {
        return events;
    }

    @Override
    public List<ObjectNode> scriptedEvents() {
        return scriptedEvents;
    }

    private static List<JsonNode> filter(List<JsonNode> items, int y, String asOf) {
        String ys = Integer.toString(y);
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode item : items) {
            String iy = Json.textOf(item, "year");
            if (iy != null && !iy.equals(ys)) {
                continue;
            }
            if (asOf != null) {
                String ia = Json.textOf(item, "asOf");
                if (ia != null && !ia.equals(asOf)) {
                    continue;
                }
            }
            out.add(item);
        }
        return out;
    }

    static List<String> naturalKey(String collection) {
        return switch (collection) {
            case "projects", "evaluations" -> List.of("projectCode", "year");
            case "execution" -> List.of("projectCode", "year", "asOf");
            case "departments" -> List.of("departmentCode", "year");
            default -> throw HttpError.notFound("no collection '" + collection + "' (one of " + COLLECTIONS + ")");
        };
    }

    private static boolean sameKey(JsonNode a, JsonNode b, List<String> key) {
        for (String f : key) {
            if (!Objects.equals(Json.textOf(a, f), Json.textOf(b, f))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public RegionData upsert(String collection, List<JsonNode> items) {
        List<String> key = naturalKey(collection);
        List<JsonNode> target = new ArrayList<>(switch (collection) {
            case "projects" -> projects;
            case "execution" -> execution;
            case "evaluations" -> evaluations;
            default -> departments;
        });
        for (JsonNode item : items) {
            int at = -1;
            for (int i = 0; i < target.size(); i++) {
                if (sameKey(target.get(i), item, key)) {
                    at = i;
                    break;
                }
            }
            if (at >= 0) {
                target.set(at, item);
            } else {
                target.add(item);
            }
        }
        return new DatasetRegion(regionCode, name, year,
                collection.equals("projects") ? target : projects,
                collection.equals("execution") ? target : execution,
                collection.equals("evaluations") ? target : evaluations,
                collection.equals("departments") ? target : departments,
                events, scriptedEvents, evaluators, noticeFeedback, subregions);
    }

    @Override
    public ObjectNode summary() {
        ObjectNode s = Json.object();
        s.put("regionCode", regionCode);
        s.put("name", name);
        if (year != null) {
            s.put("year", year);
        }
        s.put("source", "dataset");
        s.put("projects", projects.size());
        s.put("execution", execution.size());
        s.put("evaluations", evaluations.size());
        s.put("departments", departments.size());
        s.put("events", events.size());
        s.put("scriptedEvents", scriptedEvents.size());
        if (!evaluators.isEmpty()) {
            s.put("evaluators", evaluators.size());
        }
        return s;
    }

    /** An empty region, for events appended to a region the dataset does not list. */
    static DatasetRegion empty(String regionCode) {
        return new DatasetRegion(regionCode, null, null, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of());
    }
}
