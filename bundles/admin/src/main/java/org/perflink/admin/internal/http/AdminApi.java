package org.perflink.admin.internal.http;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.perflink.admin.internal.DeadLetterAdmin;
import org.perflink.admin.internal.LatestResults;
import org.perflink.admin.internal.LiveStatus;
import org.perflink.admin.internal.ProjectTimeline;
import org.perflink.admin.internal.RegionAdmin;
import org.perflink.admin.internal.RegionConfigEditor;
import org.perflink.admin.internal.RegionTable;
import org.perflink.admin.internal.Stages;
import org.perflink.api.model.Stage;
import org.perflink.core.RegionCode;
import org.perflink.core.RegionSettings;
import org.perflink.core.RulePacks;
import org.perflink.store.AuditEntry;
import org.perflink.store.DeadLetter;
import org.perflink.store.AuditLog;
import org.perflink.store.DeadLetters;
import org.perflink.store.RegionStatus;
import org.perflink.store.ResultLedger;
import org.perflink.store.StoreStatus;

/**
 * The operations of {@code /api/admin/v1/} as JSON. Every one delegates to the logic the {@code perflink:}
 * commands use ({@link RegionTable}, {@link RegionAdmin}, {@link DeadLetterAdmin}, {@link ProjectTimeline},
 * {@link LatestResults}),
 * so the shell and the API read and change the same things in the same way and audit them alike. Access
 * control, CSRF and HTTP belong to {@link AdminServer}.
 */
final class AdminApi {

    static final int DEFAULT_AUDIT_LIMIT = 100;
    static final int MAX_AUDIT_LIMIT = 1000;

    private final Supplier<Collection<RegionSettings>> regions;
    private final StoreStatus store;
    private final DeadLetters deadLetters;
    private final ResultLedger results;
    private final AuditLog audit;
    private final RulePacks rulePacks;
    private final RegionConfigEditor editor;
    private final Supplier<LiveStatus> live;
    private final Clock clock;
    private final ObjectMapper mapper;

    AdminApi(Supplier<Collection<RegionSettings>> regions, StoreStatus store, DeadLetters deadLetters,
            ResultLedger results, AuditLog audit, RulePacks rulePacks, RegionConfigEditor editor,
            Supplier<LiveStatus> live, Clock clock, ObjectMapper mapper) {
        this.regions = regions;
        this.store = store;
        this.deadLetters = deadLetters;
        this.results = results;
        this.audit = audit;
        this.rulePacks = rulePacks;
        this.editor = editor;
        this.live = live;
        this.clock = clock;
        this.mapper = mapper;
    }

    /** GET regions: the region × stage matrix with each region's health. */
    ObjectNode regions() {
        LiveStatus liveStatus = live.get();
        RegionTable.Overview overview = RegionTable.overview(regions.get(), store, rulePacks, liveStatus);
        Instant now = clock.instant();
        ObjectNode out = mapper.createObjectNode();
        out.put("generatedAt", now.toString());
        ArrayNode stages = out.putArray("stages");
        for (Stage s : Stage.values()) {
            stages.add(s.name());
        }
        ArrayNode items = out.putArray("regions");
        for (RegionTable.Row row : overview.rows()) {
            items.add(region(row));
        }
        ObjectNode summary = out.putObject("summary");
        summary.put("configured", overview.configured());
        summary.put("active", overview.active());
        summary.put("disabled", overview.disabled());
        summary.put("storeOnly", overview.rows().size() - overview.configured());
        out.put("storeProblem", overview.storeProblem());
        ObjectNode l = out.putObject("live");
        l.put("present", liveStatus.present());
        l.put("updatedAt", text(liveStatus.updatedAt()));
        l.put("stale", RegionTable.stale(liveStatus, now));
        l.put("problem", liveStatus.problem());
        return out;
    }

    private ObjectNode region(RegionTable.Row row) {
        ObjectNode r = mapper.createObjectNode();
        RegionSettings settings = row.settings();
        r.put("code", row.code());
        r.put("name", settings == null || settings.name().isBlank() ? null : settings.name());
        r.put("state", row.state());
        r.put("configured", settings != null);
        if (settings == null) {
            r.putNull("enabled");
            r.putNull("stages");
            r.putNull("rulePack");
        } else {
            r.put("enabled", settings.enabled());
            ObjectNode st = r.putObject("stages");
            for (Stage s : Stage.values()) {
                st.put(s.name(), settings.stages().contains(s));
            }
            ObjectNode pack = r.putObject("rulePack");
            pack.put("effective", row.pack().effective());
            pack.put("own", row.pack().own().isEmpty() ? null : row.pack().own());
            pack.put("ownDefined", row.pack().ownDefined());
        }
        RegionStatus status = row.status();
        if (status == null) {
            r.putNull("cursors");
            r.putNull("backlog");
            r.putNull("oldestUndelivered");
            r.putNull("delivered");
            r.putNull("deadLetters");
            r.putNull("lastEventAt");
        } else {
            ObjectNode cursors = r.putObject("cursors");
            for (Stage s : Stage.values()) {
                cursors.put(s.name(), status.cursors().get(s));
            }
            r.put("backlog", status.backlog());
            r.put("oldestUndelivered", text(status.oldestUndelivered()));
            r.put("delivered", status.delivered());
            r.put("deadLetters", status.deadLetters());
            r.put("lastEventAt", text(status.lastEventAt()));
        }
        RegionTable.LastError last = row.lastError();
        if (last == null) {
            r.putNull("lastError");
        } else {
            ObjectNode e = r.putObject("lastError");
            e.put("message", last.message());
            e.put("at", text(last.at()));
            e.put("source", last.source());
        }
        r.put("liveState", row.live() == null ? null : row.live().state());
        return r;
    }

    /** PUT regions/{code}: the region's own {@code enabled} flag. */
    ObjectNode setRegionEnabled(AdminUser user, String code, JsonNode body) throws IOException {
        return toggle(user, configured(code), EnumSet.noneOf(Stage.class), enabledOf(body));
    }

    /** PUT regions/{code}/stages/{stage}: one stage switch (compile, 编制, COMPILE, ...). */
    ObjectNode setStageEnabled(AdminUser user, String code, String stage, JsonNode body) throws IOException {
        Stage s = Stages.parse(stage);
        return toggle(user, configured(code), EnumSet.of(s), enabledOf(body));
    }

    private ObjectNode toggle(AdminUser user, String code, Set<Stage> stages, boolean on) throws IOException {
        RegionAdmin admin = new RegionAdmin(editor, audit);
        RegionAdmin.Toggle t = admin.toggle(user.name(), code, stages, on);
        ObjectNode out = mapper.createObjectNode();
        out.put("region", code);
        out.put("stage", stages.isEmpty() ? null : stages.iterator().next().name());
        out.put("enabled", on);
        out.put("changed", t.change().changed());
        out.set("before", mapper.valueToTree(t.change().before()));
        out.set("after", mapper.valueToTree(t.change().after()));
        out.put("regionDisabled", t.regionDisabled());
        out.put("file", t.change().file() == null ? null : t.change().file().getFileName().toString());
        out.set("switches", switches(code));
        return out;
    }

    /** The region's switches as its configuration holds them now (the region service follows a moment later). */
    private ObjectNode switches(String code) throws IOException {
        Map<String, Object> props = editor.properties(code);
        ObjectNode sw = mapper.createObjectNode();
        sw.put("enabled", on(props.get("enabled")));
        ObjectNode st = sw.putObject("stages");
        for (Stage s : Stage.values()) {
            st.put(s.name(), on(props.get(Stages.configKey(s))));
        }
        return sw;
    }

    private static boolean on(Object value) {
        return value == null || Boolean.parseBoolean(value.toString().strip()); // metatype default: on
    }

    /** GET regions/{code}/dead-letters. */
    ObjectNode deadLetters(String code) {
        String region = valid(code);
        ObjectNode out = mapper.createObjectNode();
        out.put("region", region);
        ArrayNode items = out.putArray("items");
        for (DeadLetter d : new DeadLetterAdmin(deadLetters, audit).open(List.of(region))) {
            ObjectNode n = items.addObject();
            n.put("id", d.id());
            n.put("region", d.regionCode());
            n.put("kind", d.kind());
            n.put("key", d.key());
            if (d.httpStatus() == 0) {
                n.putNull("httpStatus");
            } else {
                n.put("httpStatus", d.httpStatus());
            }
            n.put("reason", d.reason());
            n.put("createdAt", text(d.createdAt()));
            n.put("body", d.body());
        }
        return out;
    }

    /** POST regions/{code}/dead-letters:replay {"ids": [...]} (no ids: all open ones of the region). */
    ObjectNode replay(AdminUser user, String code, JsonNode body) {
        String region = valid(code);
        List<Long> ids = new ArrayList<>();
        JsonNode idsNode = body == null ? null : body.get("ids");
        if (idsNode != null && !idsNode.isNull()) {
            if (!idsNode.isArray()) {
                throw new IllegalArgumentException("'ids' 须为数组 (must be an array of dead-letter ids)");
            }
            for (JsonNode id : idsNode) {
                if (!id.canConvertToExactIntegral() || !id.canConvertToLong()) {
                    throw new IllegalArgumentException("死信编号须为数字 (a dead-letter id is a number): " + id);
                }
                ids.add(id.asLong());
            }
        }
        DeadLetterAdmin.Replay r = new DeadLetterAdmin(deadLetters, audit).replayIds(user.name(), region, ids);
        ObjectNode out = mapper.createObjectNode();
        out.put("region", region);
        out.put("open", r.open());
        out.put("asked", r.asked());
        out.put("requeued", r.requeued());
        return out;
    }

    /** GET regions/{code}/projects/{projectCode}/timeline: verdicts → warnings → score → adjustment. */
    ObjectNode timeline(String code, String projectCode) {
        String region = valid(code);
        String project = ProjectTimeline.requireProject(projectCode);
        ObjectNode out = mapper.createObjectNode();
        out.put("region", region);
        out.put("project", project);
        ArrayNode entries = out.putArray("entries");
        for (ProjectTimeline.Entry e : ProjectTimeline.of(results, region, project)) {
            ObjectNode n = entries.addObject();
            n.put("kind", e.kind().name());
            n.put("stage", e.stage().name());
            n.put("latest", e.latest());
            try {
                n.set("result", mapper.readTree(e.json()));
            } catch (JsonProcessingException ex) {
                n.putNull("result");
                n.put("raw", e.json());
            }
        }
        return out;
    }

    /**
     * GET regions/{code}/results?kind=&limit=&project=: the region's latest results, newest first (each result
     * id once, with its delivery state), or with {@code project} that project's results in timeline order (at most
     * {@code limit} of each kind); {@code kind} one of verdict|warning|score|adjustment|notice, none for every kind.
     */
    ObjectNode results(String code, String kind, String limit, String project) {
        LatestResults.Query q = LatestResults.query(valid(code), project, kind, limit);
        ObjectNode out = mapper.createObjectNode();
        out.put("region", q.region());
        out.put("project", q.project());
        out.put("kind", q.kind() == null ? null : q.kind().name());
        out.put("limit", q.limit());
        ArrayNode items = out.putArray("items");
        for (LatestResults.Item i : LatestResults.find(results, q)) {
            ObjectNode n = items.addObject();
            n.put("kind", i.kind().name());
            n.put("stage", i.stage().name());
            n.put("id", i.id());
            n.put("subject", i.subject());
            n.put("latest", i.latest());
            if (i.seq() == null) {
                n.putNull("seq");
            } else {
                n.put("seq", i.seq());
            }
            n.put("state", i.state());
            n.put("createdAt", text(i.createdAt()));
            n.put("deliveredAt", text(i.deliveredAt()));
            try {
                n.set("result", mapper.readTree(i.json()));
            } catch (JsonProcessingException ex) {
                n.putNull("result");
                n.put("raw", i.json());
            }
        }
        return out;
    }

    /** GET audit?limit=N: the latest entries, newest first. */
    ObjectNode audit(String limitParam) {
        int limit = DEFAULT_AUDIT_LIMIT;
        if (limitParam != null) {
            try {
                limit = Integer.parseInt(limitParam.strip());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_AUDIT_LIMIT) {
                throw new IllegalArgumentException("limit 须为 1 至 " + MAX_AUDIT_LIMIT + " (limit must be 1 to "
                        + MAX_AUDIT_LIMIT + ")");
            }
        }
        ObjectNode out = mapper.createObjectNode();
        ArrayNode items = out.putArray("items");
        for (AuditEntry a : audit.latest(limit)) {
            ObjectNode n = items.addObject();
            n.put("id", a.id());
            n.put("at", text(a.at()));
            n.put("actor", a.actor());
            n.put("action", a.action());
            n.put("target", a.target());
            n.put("before", a.before());
            n.put("after", a.after());
        }
        return out;
    }

    /** A configured region's code; 404 when there is no configuration for it. */
    private String configured(String code) throws IOException {
        String region = valid(code);
        if (editor.find(region).isEmpty()) {
            throw new HttpError(404, "区划未配置 (region not configured): " + region);
        }
        return region;
    }

    private static String valid(String code) {
        if (!RegionCode.valid(code)) {
            throw new IllegalArgumentException("区划代码须为6位数字 (region code must be 6 digits, ^[1-9][0-9]{5}$)");
        }
        return code;
    }

    private static boolean enabledOf(JsonNode body) {
        JsonNode e = body == null ? null : body.get("enabled");
        if (e == null || !e.isBoolean()) {
            throw new IllegalArgumentException("请求体须为 {\"enabled\": true|false} (body must be {\"enabled\": true|false})");
        }
        return e.booleanValue();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
