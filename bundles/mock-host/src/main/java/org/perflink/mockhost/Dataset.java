package org.perflink.mockhost;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The regions the mock serves, in the order the dataset lists them. Immutable.
 *
 * <p>Document format (see the module README):
 * <pre>
 * {"name": "...", "regions": [
 *   {"regionCode": "440000", "name": "广东省(演示)", "year": 2027,
 *    "projects": [...], "execution": [...], "evaluations": [...], "departments": [...],
 *    "events": [...], "scriptedEvents": [...]},
 *   {"regionCode": "450000", "generated": {"projects": 100000, "year": 2027, "seed": 42}}]}
 * </pre>
 */
public final class Dataset {

    /** The built-in demo dataset, a resource of this bundle. */
    public static final String DEMO_RESOURCE = "/datasets/demo-dataset.json";

    static final Pattern REGION_CODE = Pattern.compile("^[1-9][0-9]{5}$");

    private static final Set<String> REGION_FIELDS = Set.of("regionCode", "name", "year", "projects", "execution",
            "evaluations", "departments", "events", "scriptedEvents", "generated", "comment", "_comment", "evaluators",
            "noticeFeedback", "subregions");

    public static final Dataset EMPTY = new Dataset("empty", Map.of());

    private final String name;
    private final Map<String, RegionData> regions;

    public Dataset(String name, Map<String, RegionData> regions) {
        this.name = name;
        this.regions = Collections.unmodifiableMap(new LinkedHashMap<>(regions));
    }

    public String name() {
        return name;
    }

    public Collection<RegionData> regions() {
        return regions.values();
    }

    public RegionData region(String code) {
        return regions.get(code);
    }

    /** This dataset with {@code region} added, or replacing the region of the same code. */
    public Dataset with(RegionData region) {
        Map<String, RegionData> m = new LinkedHashMap<>(regions);
        m.put(region.regionCode(), region);
        return new Dataset(name, m);
    }

    /** The demo's lower regions of 440400 (rules.md §4.3), an overlay of the demo dataset. */
    public static final String LOWER_REGIONS_RESOURCE = "/datasets/demo-lower-regions.json";

    /**
     * "demo" (the built-in dataset), "demo+lower-regions" (with the lower regions of 440400 that {@code ./perflink
     * demo} shows), "none"/"empty" (no regions) or a file path.
     */
    public static Dataset load(String spec) throws IOException {
        if (spec == null || spec.isBlank() || spec.equals("none") || spec.equals("empty")) {
            return EMPTY;
        }
        if (spec.equals("demo")) {
            return demo();
        }
        if (spec.equals("demo+lower-regions")) {
            Dataset d = demo();
            try (InputStream in = Dataset.class.getResourceAsStream(LOWER_REGIONS_RESOURCE)) {
                if (in == null) {
                    throw new IOException("resource " + LOWER_REGIONS_RESOURCE + " is missing");
                }
                for (RegionData r : parse(Json.read(in.readAllBytes()), "demo-lower-regions").regions()) {
                    d = d.with(r);
                }
            }
            return new Dataset("demo+lower-regions", d.regions);
        }
        return parse(Json.read(Files.readAllBytes(Path.of(spec))), spec);
    }

    public static Dataset demo() throws IOException {
        try (InputStream in = Dataset.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new IOException("resource " + DEMO_RESOURCE + " is missing");
            }
            return parse(Json.read(in.readAllBytes()), "demo");
        }
    }

    /** Reads a dataset document; a structural error is an {@link IllegalArgumentException} naming the place. */
    public static Dataset parse(JsonNode root, String defaultName) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a dataset is a JSON object with a \"regions\" array");
        }
        JsonNode rs = root.get("regions");
        if (rs == null || !rs.isArray()) {
            throw new IllegalArgumentException("a dataset is a JSON object with a \"regions\" array");
        }
        String name = root.hasNonNull("name") ? root.get("name").asText() : defaultName;
        Map<String, RegionData> regions = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode r : rs) {
            String where = "regions[" + i++ + "]";
            RegionData region = parseRegion(r, where);
            if (regions.putIfAbsent(region.regionCode(), region) != null) {
                throw new IllegalArgumentException(where + ": region " + region.regionCode() + " is listed twice");
            }
        }
        return new Dataset(name, regions);
    }

    private static RegionData parseRegion(JsonNode r, String where) {
        if (!r.isObject()) {
            throw new IllegalArgumentException(where + " is not an object");
        }
        for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!REGION_FIELDS.contains(f)) {
                throw new IllegalArgumentException(where + ": unknown field \"" + f + "\" (one of " + REGION_FIELDS + ")");
            }
        }
        String code = Json.textOf(r, "regionCode");
        if (code == null || !REGION_CODE.matcher(code).matches()) {
            throw new IllegalArgumentException(where + ".regionCode must be 6 digits, not starting with 0");
        }
        String name = Json.textOf(r, "name");
        Integer year = null;
        if (r.hasNonNull("year")) {
            if (!r.get("year").canConvertToInt()) {
                throw new IllegalArgumentException(where + ".year is not an integer");
            }
            year = r.get("year").asInt();
        }
        if (r.has("generated")) {
            JsonNode g = r.get("generated");
            if (!g.isObject() || !g.path("projects").canConvertToInt()) {
                throw new IllegalArgumentException(where + ".generated needs {\"projects\": N, \"year\": Y, \"seed\": S}");
            }
            int y = g.path("year").asInt(year == null ? 2027 : year);
            long seed = g.path("seed").asLong(1L);
            return new GeneratedRegion(code, name, y, g.get("projects").asInt(), seed);
        }
        return new DatasetRegion(code, name, year, items(r, "projects", where), items(r, "execution", where),
                items(r, "evaluations", where), items(r, "departments", where), events(r, "events", where),
                events(r, "scriptedEvents", where), items(r, "evaluators", where), items(r, "noticeFeedback", where),
                items(r, "subregions", where));
    }

    private static List<JsonNode> items(JsonNode r, String field, String where) {
        JsonNode a = r.get(field);
        if (a == null || a.isNull()) {
            return List.of();
        }
        if (!a.isArray()) {
            throw new IllegalArgumentException(where + "." + field + " is not an array");
        }
        List<JsonNode> out = new ArrayList<>(a.size());
        a.forEach(out::add);
        return out;
    }

    private static List<ObjectNode> events(JsonNode r, String field, String where) {
        List<ObjectNode> out = new ArrayList<>();
        int i = 0;
        for (JsonNode e : items(r, field, where)) {
            if (!e.isObject()) {
                throw new IllegalArgumentException(where + "." + field + "[" + i + "] is not an object");
            }
            out.add((ObjectNode) e);
            i++;
        }
        return out;
    }

    public ObjectNode summary() {
        ObjectNode s = Json.object();
        s.put("name", name);
        ArrayNode a = s.putArray("regions");
        regions.values().forEach(r -> a.add(r.summary()));
        return s;
    }
}
