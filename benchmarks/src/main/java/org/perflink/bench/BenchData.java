package org.perflink.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.perflink.api.host.Parsed;
import org.perflink.api.model.ExecutionSnapshot;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectEvaluationInput;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.host.http.HostJson;
import org.perflink.compile.internal.IndicatorLibrary;
import org.perflink.compile.internal.IndicatorLibraryFile;
import org.perflink.mockhost.GeneratedRegion;
import org.perflink.mockhost.Json;

/**
 * Benchmark data exactly as the mock host serves it: the mock's own synthetic generator
 * ({@link GeneratedRegion}, seeded and reproducible: about 18 % of projects carry one compile defect), pages of
 * {@value #PAGE} items written with the mock's ObjectMapper, read back with the contract's mapper
 * ({@link HostJson#newMapper()}) the way {@code HttpHostGateway} reads a page: one tree per page, then each item
 * bound on its own, a bad item becoming a {@link Parsed#invalid}.
 */
public final class BenchData {

    public static final String REGION = "440000";
    public static final int YEAR = 2027;
    public static final long SEED = 1;
    /** The page size the compile hook asks for (StageInputs.PAGE_SIZE) and the mock's default. */
    public static final int PAGE = 200;
    /** The second monitoring round of the generated region's script: after 31 August, so the key-project rule runs. */
    public static final LocalDate MONITOR_AS_OF = LocalDate.of(YEAR, 9, 30);

    private final GeneratedRegion region;
    private final ObjectMapper mapper;

    public BenchData(String regionCode, int year, int projects, long seed) {
        this.region = new GeneratedRegion(regionCode, null, year, projects, seed);
        this.mapper = HostJson.newMapper();
    }

    public BenchData(int projects) {
        this(REGION, YEAR, projects, SEED);
    }

    public int size() {
        return region.size();
    }

    public String regionCode() {
        return region.regionCode();
    }

    public int year() {
        return region.year();
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    // ------------------------------------------------------------------ pages as the mock serves them

    /** Page of projects {@code [from, from + limit)} as {@code GET .../projects?year=&cursor=&limit=} answers it. */
    public byte[] projectPage(int from, int limit) {
        return page(region.projects(region.year()), from, limit);
    }

    public byte[] executionPage(LocalDate asOf, int from, int limit) {
        return page(region.execution(region.year(), asOf.toString()), from, limit);
    }

    public byte[] evaluationPage(int from, int limit) {
        return page(region.evaluations(region.year()), from, limit);
    }

    public int executionCount(LocalDate asOf) {
        return region.execution(region.year(), asOf.toString()).size();
    }

    /**
     * The projects of {@code codes} as {@code GET .../projects?year=&codes=a,b&limit=1000} answers a hook's
     * lookup of one page's targets (dataset order; at most {@code limit}, the rest would be a further page).
     */
    public byte[] projectPageByCodes(java.util.Collection<String> codes, int limit) {
        return page(region.projectsByCodes(region.year(), new java.util.HashSet<>(codes)), 0, limit);
    }

    /** Every department input of the year (12, one page), as {@code GET .../departments?year=} answers it. */
    public byte[] departmentPage(int from, int limit) {
        return page(region.departments(region.year()), from, limit);
    }

    public int departmentCount() {
        return region.departments(region.year()).size();
    }

    /** The projectCode of the generator's project {@code i} (0-based). */
    public String projectCode(int i) {
        return region.projectCode(i);
    }

    /** The mock's page envelope (MockHost.page): {@code {"items": [...], "nextCursor": "..."|null}}. */
    private static byte[] page(List<JsonNode> items, int from, int limit) {
        int size = items.size();
        int start = Math.min(from, size);
        int to = (int) Math.min(size, (long) start + limit);
        ObjectNode out = Json.object();
        ArrayNode a = out.putArray("items");
        for (int i = start; i < to; i++) {
            a.add(items.get(i));
        }
        if (to < size) {
            out.put("nextCursor", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("mock:" + to).getBytes(StandardCharsets.US_ASCII)));
        } else {
            out.putNull("nextCursor");
        }
        return Json.write(out);
    }

    // ------------------------------------------------------------------ reading as HttpHostGateway does

    /** One page read as HttpHostGateway.parsePage does: a tree, then each item bound on its own. */
    public <T> List<Parsed<T>> parsePage(byte[] page, Class<T> type, String keyField) {
        JsonNode root;
        try {
            root = mapper.readTree(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode items = root.path("items");
        List<Parsed<T>> out = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            out.add(parseItem(item, type, keyField));
        }
        return out;
    }

    public List<Parsed<Project>> parseProjects(byte[] page) {
        return parsePage(page, Project.class, "projectCode");
    }

    private <T> Parsed<T> parseItem(JsonNode item, Class<T> type, String keyField) {
        String key = item.path(keyField).isTextual() ? item.path(keyField).asText() : null;
        long revision = item.path("revision").canConvertToLong() ? item.path("revision").asLong() : 0L;
        if (!item.isObject()) {
            return Parsed.invalid(null, 0, "", "item is not a JSON object");
        }
        try {
            T value = mapper.treeToValue(item, type);
            if (key == null) {
                return Parsed.invalid(null, revision, keyField, "'" + keyField + "' is missing");
            }
            return Parsed.ok(value, key, revision);
        } catch (JsonProcessingException e) {
            return Parsed.invalid(key, revision, "", e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            return Parsed.invalid(key, revision, "", e.getMessage());
        }
    }

    // ------------------------------------------------------------------ pools for the micro-benchmarks

    /** The first {@code n} projects, parsed (all of them: the generator's items match the contract). */
    public List<Parsed<Project>> parsedProjects() {
        List<Parsed<Project>> out = new ArrayList<>(size());
        for (int from = 0; from < size(); from += PAGE) {
            out.addAll(parseProjects(projectPage(from, PAGE)));
        }
        return out;
    }

    /** Execution snapshots at {@code asOf} by projectCode (2.5 % of projects have none). */
    public Map<String, ExecutionSnapshot> snapshots(LocalDate asOf) {
        Map<String, ExecutionSnapshot> out = new HashMap<>();
        int n = executionCount(asOf);
        for (int from = 0; from < n; from += PAGE) {
            for (Parsed<ExecutionSnapshot> p : parsePage(executionPage(asOf, from, PAGE), ExecutionSnapshot.class,
                    "projectCode")) {
                if (p.valid()) {
                    out.put(p.key(), p.value());
                }
            }
        }
        return out;
    }

    /** Evaluation inputs by projectCode. */
    public Map<String, ProjectEvaluationInput> evaluations() {
        Map<String, ProjectEvaluationInput> out = new HashMap<>();
        for (int from = 0; from < size(); from += PAGE) {
            for (Parsed<ProjectEvaluationInput> p : parsePage(evaluationPage(from, PAGE), ProjectEvaluationInput.class,
                    "projectCode")) {
                if (p.valid()) {
                    out.put(p.key(), p.value());
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ shared fixtures

    /** A region-wide COMPILE event of {@code phase}, as the mock would serve it for the generated region. */
    public StageEvent compileEvent(Phase phase) {
        return new StageEvent(1, "ev-" + regionCode() + "-1", regionCode(), year(), Stage.COMPILE, phase, List.of(),
                OffsetDateTime.parse(year() + "-02-20T09:00:00+08:00"), null);
    }

    /**
     * The indicator library the distribution installs ({@code config/indicator-library.json}, copied into this
     * jar at build time), so LIBRARY_UNKNOWN_INDICATOR runs as in the container.
     */
    public static IndicatorLibrary library() {
        try (InputStream in = BenchData.class.getResourceAsStream("indicator-library.json")) {
            if (in == null) {
                throw new IllegalStateException("indicator-library.json is not on the classpath");
            }
            return IndicatorLibraryFile.read(in, "indicator-library.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
