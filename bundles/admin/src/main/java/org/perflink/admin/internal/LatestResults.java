package org.perflink.admin.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.perflink.api.model.ResultKind;
import org.perflink.api.model.Stage;
import org.perflink.core.RegionCode;
import org.perflink.store.ResultLedger;
import org.perflink.store.StoredResult;

/**
 * What PerfLink decided last, shared by {@code perflink:results} and the admin REST API
 * ({@code GET regions/{code}/results}): the latest results of a region ({@link ResultLedger#latestResults},
 * newest first), or of one project ({@link ProjectTimeline}: its year in order, each kind oldest first), of one
 * kind or of every kind. {@link ResultsText} prints them for the shell; the API sends their JSON bodies.
 */
public final class LatestResults {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 500;

    /** The kinds as typed: {@code verdict}, {@code verdicts}, {@code VERDICT} or {@code 结论}, .... */
    public static final List<String> KIND_NAMES = List.of("verdict", "warning", "score", "adjustment", "notice");

    /**
     * One result: its kind and stage, id and subject (project or department), its JSON body as queued for the
     * host, whether it is the newest of its kind for the project (always true for a region's listing: each id
     * comes once), and, for a region's listing, its outbox row: seq, state ({@link StoredResult#PENDING},
     * {@code DELIVERED}, {@code DEAD}) and times. A project's timeline has no row figures (null).
     */
    public record Item(ResultKind kind, Stage stage, String id, String subject, String json, boolean latest, Long seq,
            String state, Instant createdAt, Instant deliveredAt) {
    }

    /** What was asked: a region, a project of it (or null), a kind (or null: every kind) and a limit. */
    public record Query(String region, String project, ResultKind kind, int limit) {

        public boolean ofProject() {
            return project != null;
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LatestResults() {
    }

    /**
     * Checks what an administrator typed: a region code, an optional project code, an optional kind and an
     * optional limit ({@value #DEFAULT_LIMIT} when none; 1 to {@value #MAX_LIMIT}).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Query query(String region, String project, String kind, String limit) {
        String r = region == null ? "" : region.strip();
        if (!RegionCode.valid(r)) {
            throw new IllegalArgumentException(RegionCode.MUST_BE);
        }
        String p = project == null || project.isBlank() ? null : ProjectTimeline.requireProject(project);
        return new Query(r, p, parseKind(kind), parseLimit(limit));
    }

    /** null or blank: every kind. */
    public static ResultKind parseKind(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        for (ResultKind k : ResultKind.values()) {
            if (k.name().equalsIgnoreCase(t) || k.collection().equalsIgnoreCase(t) || ProjectTimeline.zh(k).equals(t)) {
                return k;
            }
        }
        throw new IllegalArgumentException("未知结果类型 (unknown result kind) '" + t + "': 可用 (use) "
                + String.join("|", KIND_NAMES) + " 或 (or) 结论|预警|评分|挂钩调整|问责通知");
    }

    /** null or blank: {@value #DEFAULT_LIMIT}. */
    public static int parseLimit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit 须为 1 至 " + MAX_LIMIT + " (limit must be 1 to " + MAX_LIMIT + ")");
        }
        return limit;
    }

    /**
     * The results the query asks for. A region's: its latest {@code limit} results (of the kind, or of every
     * kind), newest first. A project's: its timeline ({@link ProjectTimeline#ORDER}, each kind oldest first),
     * of the kind or of every kind, keeping at most the latest {@code limit} results of each kind.
     */
    public static List<Item> find(ResultLedger store, Query q) {
        List<Item> items = new ArrayList<>();
        if (q.ofProject()) {
            List<ProjectTimeline.Entry> entries = ProjectTimeline.of(store, q.region(), q.project());
            for (ResultKind kind : ProjectTimeline.ORDER) {
                if (q.kind() != null && q.kind() != kind) {
                    continue;
                }
                List<ProjectTimeline.Entry> ofKind = entries.stream().filter(e -> e.kind() == kind).toList();
                for (ProjectTimeline.Entry e : ofKind.subList(Math.max(0, ofKind.size() - q.limit()), ofKind.size())) {
                    items.add(new Item(kind, e.stage(), idOf(kind, e.json()), q.project(), e.json(), e.latest(), null,
                            null, null, null));
                }
            }
            return items;
        }
        for (StoredResult r : store.latestResults(q.region(), q.kind(), q.limit())) {
            items.add(new Item(r.kind(), ProjectTimeline.stageOf(r.kind()), r.resultId(), r.subject(), r.body(), true,
                    r.seq(), r.state(), r.createdAt(), r.deliveredAt()));
        }
        return items;
    }

    /** The result's id as its body gives it; null when the body is not JSON or has none. */
    static String idOf(ResultKind kind, String json) {
        try {
            JsonNode id = MAPPER.readTree(json).get(idField(kind));
            return id == null || !id.isTextual() ? null : id.asText();
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    /** The id field of a result body of the kind: {@code verdictId}, {@code warningId}, .... */
    public static String idField(ResultKind kind) {
        return kind.name().toLowerCase(Locale.ROOT) + "Id";
    }

    /** The field of a body that names its subject: a project, or (adjustments, notices) a subject or department. */
    public static String subjectField(ResultKind kind) {
        return SUBJECT.get(kind);
    }

    private static final Map<ResultKind, String> SUBJECT = Map.of(ResultKind.VERDICT, "projectCode",
            ResultKind.WARNING, "projectCode", ResultKind.SCORE, "projectCode", ResultKind.ADJUSTMENT, "subjectCode",
            ResultKind.NOTICE, "departmentCode");
}
