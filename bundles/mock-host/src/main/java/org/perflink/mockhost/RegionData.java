package org.perflink.mockhost;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the mock serves for one region. Items are JSON exactly as the dataset holds (or the generator makes)
 * them; lists may be computed on demand ({@link GeneratedRegion}), so callers only index into them.
 *
 * <p>Year and {@code asOf} filters compare the item's field as text, so {@code 2027} and {@code "2027"} both
 * match; an item that has no such field at all is served for every year / cut-off date (a deliberately
 * malformed item still reaches the client).
 */
public interface RegionData {

    String regionCode();

    /** Display name, e.g. 广东省(演示). */
    String name();

    /** Default year of the region's events, or null. */
    Integer year();

    List<JsonNode> projects(int year);

    /** The projects of the year whose projectCode is in {@code codes}, in dataset order. */
    List<JsonNode> projectsByCodes(int year, Set<String> codes);

    Optional<JsonNode> project(String projectCode, int year);

    List<JsonNode> execution(int year, String asOf);

    List<JsonNode> evaluations(int year);

    List<JsonNode> departments(int year);

    /** The evaluator registry (host contract v1.1 {@code evaluators}); none by default. */
    default List<JsonNode> evaluators() {
        return List.of();
    }

    /** Feedback on the notices of a year (host contract v1.1 {@code notice-feedback}); none by default. */
    default List<JsonNode> noticeFeedback(int year) {
        return List.of();
    }

    /** The lower regions' transfer baselines for a budget year (host contract v1.1 {@code subregions}); none by default. */
    default List<JsonNode> subregions(int budgetYear) {
        return List.of();
    }

    /** Events served from the start. */
    List<ObjectNode> initialEvents();

    /** Events served only once a test or demo appends them (the {@code :script} endpoints). */
    List<ObjectNode> scriptedEvents();

    /** Adds or replaces items of a collection (projects, execution, evaluations, departments) by natural key. */
    RegionData upsert(String collection, List<JsonNode> items);

    /** A short description for {@code GET /mock/dataset}. */
    ObjectNode summary();
}
