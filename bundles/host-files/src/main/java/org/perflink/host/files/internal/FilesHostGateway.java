package org.perflink.host.files.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.perflink.api.host.Delivery;
import org.perflink.api.host.HostException;
import org.perflink.api.host.HostGateway;
import org.perflink.api.host.Page;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.DepartmentEvaluationInput;
import org.perflink.api.model.Evaluator;
import org.perflink.api.model.ExecutionSnapshot;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.NoticeFeedback;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectEvaluationInput;
import org.perflink.api.model.StageEvent;
import org.perflink.api.model.Subregion;

/**
 * The host as a drop folder (docs/host-files.md): {@code <folder>/<regionCode>/} per region. The stage-event poll
 * takes the complete files first ({@link RegionFolder#scan}), so the engine's own timer is the folder's watcher;
 * pulls page through what the files delivered; each result is written beside the file its subject came from.
 */
public final class FilesHostGateway implements HostGateway {

    private final Path root;
    private final long stableMillis;
    private final String contract;
    private final LongSupplier clock;
    private final ObjectMapper mapper;
    private final Map<String, RegionFolder> folders;

    public FilesHostGateway(Path root, long stableMillis, String contract, ObjectMapper mapper) {
        this(root, stableMillis, contract, System::currentTimeMillis, mapper, new ConcurrentHashMap<>());
    }

    FilesHostGateway(Path root, long stableMillis, String contract, LongSupplier clock, ObjectMapper mapper,
            Map<String, RegionFolder> folders) {
        this.root = root;
        this.stableMillis = stableMillis;
        this.contract = contract;
        this.clock = clock;
        this.mapper = mapper;
        this.folders = folders;
    }

    public Path root() {
        return root;
    }

    RegionFolder folder(String regionCode) throws HostException {
        RegionFolder f = folders.computeIfAbsent(regionCode, r -> new RegionFolder(root, r, stableMillis, clock, mapper));
        try {
            f.open();
        } catch (IOException e) {
            throw unavailable(f, e);
        }
        return f;
    }

    private static HostException unavailable(RegionFolder f, IOException e) {
        return new HostException("文件夹 " + f.inbox + " 无法读写 (drop folder not accessible): " + e, e);
    }

    @Override
    public Page<StageEvent> stageEvents(String regionCode, String afterCursor, int limit) throws HostException {
        RegionFolder f = folder(regionCode);
        try {
            f.scan();
        } catch (IOException e) {
            throw unavailable(f, e);
        }
        long after = afterCursor == null || afterCursor.isBlank() ? 0 : Long.parseLong(afterCursor);
        List<StageEvent> events = new ArrayList<>();
        boolean more = false;
        synchronized (f) {
            for (ObjectNode e : f.state.events()) {
                if (e.path("seq").asLong() <= after) {
                    continue;
                }
                if (events.size() == Math.max(1, limit)) {
                    more = true;
                    break;
                }
                try {
                    events.add(mapper.treeToValue(e, StageEvent.class));
                } catch (JsonProcessingException ex) {
                    throw new HostException("stage event " + e.path("seq") + " of region " + regionCode + " unreadable: "
                            + ex.getOriginalMessage(), ex);
                }
            }
        }
        return new Page<>(events, more ? Long.toString(events.get(events.size() - 1).seq()) : null);
    }

    @Override
    public Page<Parsed<Project>> projects(String regionCode, int year, List<String> codes, String cursor, int limit)
            throws HostException {
        return page(regionCode, FormItem.Kind.PROJECT, Project.class,
                s -> year(s, year) && (codes == null || codes.isEmpty() || codes.contains(s.key())), cursor, limit);
    }

    @Override
    public Page<Parsed<ExecutionSnapshot>> execution(String regionCode, int year, LocalDate asOf, String cursor, int limit)
            throws HostException {
        return page(regionCode, FormItem.Kind.EXECUTION, ExecutionSnapshot.class,
                s -> year(s, year) && asOf.toString().equals(s.asOf()), cursor, limit);
    }

    @Override
    public Page<Parsed<ProjectEvaluationInput>> evaluations(String regionCode, int year, String cursor, int limit)
            throws HostException {
        return page(regionCode, FormItem.Kind.EVALUATION, ProjectEvaluationInput.class, s -> year(s, year), cursor, limit);
    }

    @Override
    public Page<Parsed<DepartmentEvaluationInput>> departments(String regionCode, int year, String cursor, int limit)
            throws HostException {
        return page(regionCode, FormItem.Kind.DEPARTMENT, DepartmentEvaluationInput.class, s -> year(s, year), cursor, limit);
    }

    @Override
    public Page<Parsed<Evaluator>> evaluators(String regionCode, String cursor, int limit) throws HostException {
        if (!v11()) {
            return HostGateway.super.evaluators(regionCode, cursor, limit);
        }
        return page(regionCode, FormItem.Kind.EVALUATOR, Evaluator.class, s -> true, cursor, limit);
    }

    @Override
    public Page<Parsed<NoticeFeedback>> noticeFeedback(String regionCode, int year, String cursor, int limit)
            throws HostException {
        if (!v11()) {
            return HostGateway.super.noticeFeedback(regionCode, year, cursor, limit);
        }
        String ofYear = "-" + year + ".";
        return page(regionCode, FormItem.Kind.FEEDBACK, NoticeFeedback.class,
                s -> s.key() != null && s.key().contains(ofYear), cursor, limit);
    }

    /** The lower regions' transfer baselines (v1.1), from a CSV with 转移支付基数, by the budget year they are for. */
    @Override
    public Page<Parsed<Subregion>> subregions(String regionCode, int year, int budgetYear, String cursor, int limit)
            throws HostException {
        if (!v11()) {
            return HostGateway.super.subregions(regionCode, year, budgetYear, cursor, limit);
        }
        return page(regionCode, FormItem.Kind.SUBREGION, Subregion.class, s -> year(s, budgetYear), cursor, limit);
    }

    private static boolean year(FolderState.Stored s, int year) {
        return s.year() != null && s.year() == year;
    }

    private <T> Page<Parsed<T>> page(String regionCode, FormItem.Kind kind, Class<T> type,
            Predicate<FolderState.Stored> filter, String cursor, int limit) throws HostException {
        RegionFolder f = folder(regionCode);
        List<FolderState.Stored> all;
        synchronized (f) {
            all = f.state.items(kind).stream().filter(filter).toList();
        }
        int from = cursor == null || cursor.isBlank() ? 0 : Integer.parseInt(cursor);
        int to = Math.min(all.size(), from + Math.max(1, Math.min(limit, 1000)));
        List<Parsed<T>> items = new ArrayList<>();
        for (FolderState.Stored s : all.subList(Math.min(from, all.size()), to)) {
            if (s.json() == null) {
                items.add(Parsed.invalid(s.key(), s.revision(), s.errorPath(), s.error()));
                continue;
            }
            try {
                items.add(Parsed.ok(mapper.treeToValue(s.json(), type), s.key(), s.revision()));
            } catch (JsonProcessingException e) {
                items.add(Parsed.invalid(s.key(), s.revision(), s.cells().getOrDefault(Intake.pathOf(e), s.file()),
                        e.getOriginalMessage()));
            }
        }
        return new Page<>(items, to < all.size() ? Integer.toString(to) : null);
    }

    @Override
    public String contract() {
        return contract;
    }

    @Override
    public HostGateway forContract(String other) {
        return other.equals(contract) ? this : new FilesHostGateway(root, stableMillis, other, clock, mapper, folders);
    }

    @Override
    public Delivery deliver(HostResult result) {
        List<Delivery> d = deliverBatch(result.regionCode(), List.of(result));
        return d.get(0);
    }

    /** Always "batched": each file's results are rewritten once for all of its results in the call. */
    @Override
    public List<Delivery> deliverBatch(String regionCode, List<HostResult> results) {
        Map<String, List<ObjectNode>> byFile = new LinkedHashMap<>();
        Map<String, List<HostResult>> resultsByFile = new LinkedHashMap<>();
        Map<String, Delivery> outcome = new LinkedHashMap<>();
        RegionFolder f;
        try {
            f = folder(regionCode);
        } catch (HostException e) {
            return results.stream().map(r -> transientFailure(r, e.getMessage())).toList();
        }
        for (HostResult r : results) {
            try {
                FolderState.Stored source;
                synchronized (f) {
                    source = source(f, r);
                }
                String file = source != null ? source.file() : "region-" + regionCode;
                byFile.computeIfAbsent(file, k -> new ArrayList<>()).add(node(r, source));
                resultsByFile.computeIfAbsent(file, k -> new ArrayList<>()).add(r);
            } catch (IOException | IllegalArgumentException e) {
                outcome.put(r.id(), new Delivery(r.id(), Delivery.Status.PERMANENT, 400, "result body unreadable: " + e.getMessage(), null));
            }
        }
        synchronized (f) {
            for (Map.Entry<String, List<ObjectNode>> e : byFile.entrySet()) {
                try {
                    f.results.write(e.getKey(), e.getValue(), f.state.problems(e.getKey()));
                    resultsByFile.get(e.getKey()).forEach(r -> outcome.put(r.id(), new Delivery(r.id(), Delivery.Status.STORED, 200, null, null)));
                } catch (IOException ex) {
                    resultsByFile.get(e.getKey()).forEach(r -> outcome.put(r.id(), transientFailure(r, ex.toString())));
                }
            }
        }
        return results.stream().map(r -> outcome.get(r.id())).toList();
    }

    private static Delivery transientFailure(HostResult r, String reason) {
        return new Delivery(r.id(), Delivery.Status.TRANSIENT, 503, "结果无法写入文件夹 (results not writable): " + reason, null);
    }

    /** The stored item a result is about: the form its subject came from. */
    private static FolderState.Stored source(RegionFolder f, HostResult r) {
        if (r.subject() == null) {
            return null;
        }
        List<FormItem.Kind> kinds = switch (r.kind()) {
            case VERDICT -> List.of(FormItem.Kind.PROJECT);
            case SCORE -> List.of(FormItem.Kind.EVALUATION, FormItem.Kind.PROJECT);
            case WARNING -> List.of(FormItem.Kind.EXECUTION, FormItem.Kind.PROJECT);
            case ADJUSTMENT -> List.of(FormItem.Kind.EVALUATION, FormItem.Kind.DEPARTMENT);
            case NOTICE -> List.of(FormItem.Kind.DEPARTMENT);
            default -> List.<FormItem.Kind>of();
        };
        for (FormItem.Kind k : kinds) {
            FolderState.Stored s = f.state.latest(k, r.subject());
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    private ObjectNode node(HostResult r, FolderState.Stored source) throws IOException {
        JsonNode body = r.body() instanceof String json ? mapper.readTree(json) : mapper.valueToTree(r.body());
        ObjectNode n = mapper.createObjectNode();
        n.put("kind", r.kind().name());
        n.put("id", r.id());
        n.put("subject", r.subject());
        n.set("body", body);
        ArrayNode cells = n.putArray("findingCells");
        for (JsonNode finding : body.path("findings")) {
            String path = finding.path("path").asText("");
            cells.add(source == null ? "" : cellOf(source, path));
        }
        return n;
    }

    /** The cell of a finding's path (target.indicators[2].value), else its nearest parent's, else the item's file. */
    static String cellOf(FolderState.Stored source, String path) {
        if (source.errorPath() != null && (path.isEmpty() || path.equals(source.errorPath()))) {
            return source.errorPath();
        }
        String p = path;
        while (p != null && !p.isEmpty()) {
            String c = source.cells().get(p);
            if (c != null) {
                return c;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? null : p.substring(0, cut);
        }
        return source.cells().values().stream().findFirst().orElse(source.file());
    }
}
