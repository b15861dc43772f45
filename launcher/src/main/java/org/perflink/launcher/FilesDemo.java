package org.perflink.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.perflink.host.files.FormWorkbooks;
import org.perflink.mockhost.Dataset;
import org.perflink.mockhost.RegionData;

/**
 * {@code demo --host files}: the demo dataset written into the drop folder stage by stage, as departments and a
 * finance office would drop it (docs/host-files.md): per COMPILE event a 绩效目标申报表 workbook whose 报送阶段 is the
 * event's phase; execution snapshots, departments and evaluators as CSV; the 绩效自评表 as a workbook; the events
 * the forms cannot imply (monitoring rounds, EVALUATE and LINK of the whole year) as an events CSV. Each file is
 * written under a temporary name, renamed, then marked {@code .ready}. What came back is read from the results
 * beside the files, in the shape the HTTP demo reads from the mock host, so the summary is the same.
 */
final class FilesDemo {

    static final String HOST_NAME = "files";

    private final Path drop;
    private final Dataset dataset;
    private final ObjectMapper mapper = new ObjectMapper();
    /** Events the folder numbers per region, so far: the seq a stage's last event gets. */
    private final Map<String, Long> seq = new HashMap<>();

    FilesDemo(Path drop) throws IOException {
        this.drop = drop;
        this.dataset = Dataset.load(DemoCommand.DEMO_DATASET); // the mock host's, lower regions included
    }

    Path drop() {
        return drop;
    }

    /** The folder host's configuration (a file-drop host named "files"). */
    String hostConfig() {
        return "folder = " + drop.toAbsolutePath().toString().replace('\\', '/') + "\nstableMillis = 500\ncontract = 1.0\n";
    }

    /** Writes a stage's files for every region; returns the seq of each region's last event of the stage. */
    Map<String, Long> writeStage(String stage, List<String> regions) throws IOException {
        Map<String, Long> last = new HashMap<>();
        for (String code : regions) {
            RegionData region = dataset.region(code);
            if (region == null) {
                continue;
            }
            Path inbox = Files.createDirectories(drop.resolve(code));
            List<ObjectNode> events = region.scriptedEvents().stream().filter(e -> stage.equals(e.path("stage").asText())).toList();
            List<JsonNode> projects = allYears(region::projects);
            Map<String, JsonNode> byCode = new HashMap<>();
            projects.forEach(p -> byCode.put(p.path("projectCode").asText(), p));
            List<JsonNode> explicit = new ArrayList<>();
            long n = seq.getOrDefault(code, 0L);
            switch (stage) {
                case "COMPILE" -> {
                    if (!region.evaluators().isEmpty()) {
                        drop(inbox, "c00-evaluators.csv", FormWorkbooks.itemsCsv(region.evaluators()).getBytes(StandardCharsets.UTF_8));
                    }
                    Set<String> sent = new LinkedHashSet<>();
                    events.forEach(e -> e.path("projectCodes").forEach(c -> sent.add(c.asText())));
                    List<JsonNode> rest = projects.stream().filter(p -> !sent.contains(p.path("projectCode").asText())).toList();
                    if (!rest.isEmpty()) { // predecessors and the like: data, no event
                        drop(inbox, "c01-projects.xlsx", declaration(rest, null));
                    }
                    int i = 2;
                    for (ObjectNode e : events) {
                        List<JsonNode> listed = new ArrayList<>();
                        e.path("projectCodes").forEach(c -> listed.add(byCode.get(c.asText())));
                        if (listed.isEmpty() || listed.contains(null)) {
                            explicit.add(e); // every project, or one the dataset lacks: only an events line says so
                        } else {
                            drop(inbox, String.format("c%02d-申报表-%s.xlsx", i++, e.path("phase").asText()), declaration(listed, e.path("phase").asText()));
                            n++;
                        }
                    }
                }
                case "EXECUTE" -> {
                    List<JsonNode> snapshots = new ArrayList<>();
                    Set<String> asOfs = new LinkedHashSet<>();
                    events.forEach(e -> asOfs.add(e.path("asOf").asText()));
                    int year = region.year() == null ? 2027 : region.year();
                    asOfs.forEach(asOf -> snapshots.addAll(region.execution(year, asOf)));
                    drop(inbox, "e00-execution.csv", FormWorkbooks.executionCsv(snapshots).getBytes(StandardCharsets.UTF_8));
                    explicit.addAll(events);
                }
                default -> {
                    closeData(inbox, region, byCode, "k");
                    explicit.addAll(events);
                }
            }
            if (!explicit.isEmpty()) {
                // c…, e…, k…: each stage's files sort after the earlier stages' and before its own events
                String prefix = switch (stage) {
                    case "COMPILE" -> "c";
                    case "EXECUTE" -> "e";
                    default -> "k";
                };
                drop(inbox, prefix + "99-events.csv", FormWorkbooks.eventsCsv(explicit).getBytes(StandardCharsets.UTF_8));
                n += explicit.size();
            }
            seq.put(code, n);
            if (!events.isEmpty()) {
                last.put(code, n);
            }
        }
        return last;
    }

    /**
     * The events the mock host serves from the start (440402/440403's CLOSE/EVALUATE, before any stage is scripted),
     * with the data they need: the region's projects (no event of their own) and its close data, under {@code a…}
     * names so they sort first. Returns, per stage, the seq of each region's last such event (empty: none).
     */
    Map<String, Map<String, Long>> writeInitial(List<String> regions) throws IOException {
        Map<String, Map<String, Long>> last = new TreeMap<>();
        for (String code : regions) {
            RegionData region = dataset.region(code);
            if (region == null || region.initialEvents().isEmpty()) {
                continue;
            }
            Path inbox = Files.createDirectories(drop.resolve(code));
            List<JsonNode> projects = allYears(region::projects);
            Map<String, JsonNode> byCode = new HashMap<>();
            projects.forEach(p -> byCode.put(p.path("projectCode").asText(), p));
            if (!projects.isEmpty()) {
                drop(inbox, "a00-projects.xlsx", declaration(projects, null));
            }
            closeData(inbox, region, byCode, "a");
            List<ObjectNode> events = region.initialEvents();
            drop(inbox, "a99-events.csv", FormWorkbooks.eventsCsv(new ArrayList<>(events)).getBytes(StandardCharsets.UTF_8));
            long n = seq.getOrDefault(code, 0L);
            for (ObjectNode e : events) {
                last.computeIfAbsent(e.path("stage").asText(), k -> new HashMap<>()).put(code, ++n);
            }
            seq.put(code, n);
        }
        return last;
    }

    /**
     * What the close stage reads besides the events, none of which implies an event: the 自评表, departments, notice
     * feedback and the lower regions' transfer baselines (v1.1 subregions) as CSV.
     */
    private void closeData(Path inbox, RegionData region, Map<String, JsonNode> byCode, String prefix) throws IOException {
        List<JsonNode> evaluations = allYears(region::evaluations);
        if (!evaluations.isEmpty()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            FormWorkbooks.selfEvaluation(out, evaluations, byCode, null);
            drop(inbox, prefix + "00-自评表.xlsx", out.toByteArray());
        }
        List<JsonNode> departments = allYears(region::departments);
        if (!departments.isEmpty()) {
            drop(inbox, prefix + "01-departments.csv", FormWorkbooks.itemsCsv(departments).getBytes(StandardCharsets.UTF_8));
        }
        List<JsonNode> feedback = allYears(region::noticeFeedback);
        if (!feedback.isEmpty()) {
            drop(inbox, prefix + "02-feedback.csv", FormWorkbooks.itemsCsv(feedback).getBytes(StandardCharsets.UTF_8));
        }
        List<JsonNode> subregions = new ArrayList<>(allYears(region::subregions));
        subregions.addAll(region.subregions(2029)); // budget years run one or two ahead of the year
        if (!subregions.isEmpty()) {
            drop(inbox, prefix + "03-subregions.csv", FormWorkbooks.itemsCsv(subregions).getBytes(StandardCharsets.UTF_8));
        }
    }

    @FunctionalInterface
    private interface ByYear {
        List<JsonNode> of(int year);
    }

    private static List<JsonNode> allYears(ByYear items) {
        List<JsonNode> all = new ArrayList<>();
        for (int year = 2025; year <= 2028; year++) {
            all.addAll(items.of(year));
        }
        return all;
    }

    private static byte[] declaration(List<JsonNode> projects, String phase) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FormWorkbooks.declaration(out, projects, phase);
        return out.toByteArray();
    }

    /** Written whole under a temporary name, renamed, then marked ready: never read half-copied. */
    private static void drop(Path inbox, String name, byte[] content) throws IOException {
        Path tmp = inbox.resolve("." + name + ".tmp");
        Files.write(tmp, content);
        Files.move(tmp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        Files.write(inbox.resolve(name + ".ready"), new byte[0]);
    }

    /** What the folder got back of one kind ("verdict", "score" …), as {"items": [{"region", "id", "body"}]}, latest per id. */
    JsonNode received(String kind) throws IOException {
        Map<String, ObjectNode> byId = new TreeMap<>();
        if (Files.isDirectory(drop)) {
            try (DirectoryStream<Path> regions = Files.newDirectoryStream(drop)) {
                for (Path region : regions) {
                    Path done = region.resolve("done");
                    if (!Files.isDirectory(done)) {
                        continue;
                    }
                    try (DirectoryStream<Path> files = Files.newDirectoryStream(done, "*.results.json")) {
                        for (Path f : files) {
                            for (JsonNode r : mapper.readTree(Files.readAllBytes(f)).path("results")) {
                                if (r.path("kind").asText().equalsIgnoreCase(kind)) {
                                    ObjectNode row = mapper.createObjectNode();
                                    row.put("region", region.getFileName().toString());
                                    row.put("id", r.path("id").asText());
                                    row.set("body", r.path("body"));
                                    byId.put(region.getFileName() + "|" + r.path("id").asText(), row);
                                }
                            }
                        }
                    }
                }
            }
        }
        ObjectNode out = mapper.createObjectNode();
        ArrayNode items = out.putArray("items");
        byId.values().forEach(items::add);
        return out;
    }
}
