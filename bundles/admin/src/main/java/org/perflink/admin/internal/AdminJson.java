package org.perflink.admin.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
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

import org.perflink.core.RegionKeys;
import org.perflink.admin.api.AdminOperations;
import org.perflink.admin.api.ExportProgress;
import org.perflink.admin.api.NotFoundException;

import org.perflink.api.model.Stage;
import org.perflink.core.RegionCode;
import org.perflink.core.RegionSettings;
import org.perflink.core.RulePacks;
import org.perflink.reports.Progress;
import org.perflink.reports.SheetTable;
import org.perflink.reports.Xlsx;
import org.perflink.store.AuditLog;
import org.perflink.store.PublicRecords;
import org.perflink.store.StoredResult;
import org.perflink.store.Page;
import org.perflink.store.DeadLetters;
import org.perflink.store.ResultLedger;
import org.perflink.store.StoreStatus;

/**
 * The operations of {@code /api/admin/v1/} as JSON ({@link AdminOperations}, the service the web bundle calls).
 * Every one delegates to the logic the {@code perflink:} commands use ({@link RegionTable}, {@link RegionAdmin},
 * {@link DeadLetterAdmin}, {@link ProjectTimeline}, {@link LatestResults}), so the shell and the API read and
 * change the same things in the same way and audit them alike. Access control, CSRF and HTTP belong to the web
 * bundle. Error texts of the routes and the store reach the answer only as {@link ErrorReport}s.
 */
public final class AdminJson implements AdminOperations {

    /** How far a page may start: bounds what one request makes the store read. */
    static final int MAX_OFFSET = 100_000;

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
    private final ErrorReport errors = new ErrorReport();
    private final RegionJson regionJson;

    /** The open-data records (rules.md §9); null: no open-data export here. */
    private final PublicRecords publicRecords;

    public AdminJson(Supplier<Collection<RegionSettings>> regions, StoreStatus store, DeadLetters deadLetters,
            ResultLedger results, AuditLog audit, RulePacks rulePacks, RegionConfigEditor editor,
            Supplier<LiveStatus> live, Clock clock, ObjectMapper mapper) {
        this(regions, store, deadLetters, results, audit, rulePacks, editor, live, clock, mapper, null);
    }

    public AdminJson(Supplier<Collection<RegionSettings>> regions, StoreStatus store, DeadLetters deadLetters,
            ResultLedger results, AuditLog audit, RulePacks rulePacks, RegionConfigEditor editor,
            Supplier<LiveStatus> live, Clock clock, ObjectMapper mapper, PublicRecords publicRecords) {
        this.publicRecords = publicRecords;
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
        this.regionJson = new RegionJson(mapper, errors);
    }

    @Override
    public ObjectNode regions() {
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
            items.add(regionJson.of(row));
        }
        ObjectNode summary = out.putObject("summary");
        summary.put("configured", overview.configured());
        summary.put("active", overview.active());
        summary.put("disabled", overview.disabled());
        summary.put("storeOnly", overview.rows().size() - overview.configured());
        out.put("storeProblem", errors.shown(overview.storeProblem(), "store"));
        ObjectNode l = out.putObject("live");
        l.put("present", liveStatus.present());
        l.put("updatedAt", text(liveStatus.updatedAt()));
        l.put("stale", RegionTable.stale(liveStatus, now));
        l.put("problem", errors.shown(liveStatus.problem(), "live status"));
        ObjectNode cluster = l.putObject("cluster");
        cluster.put("enabled", liveStatus.cluster().enabled());
        cluster.put("state", liveStatus.cluster().state());
        cluster.put("node", liveStatus.cluster().node());
        cluster.put("problem", liveStatus.cluster().problem());
        ArrayNode alive = cluster.putArray("nodesAlive");
        liveStatus.cluster().nodesAlive().forEach(alive::add);
        return out;
    }

    @Override
    public ObjectNode setRegionEnabled(String actor, String code, boolean enabled) throws IOException {
        return toggle(actor, configured(code), EnumSet.noneOf(Stage.class), enabled);
    }

    @Override
    public ObjectNode setStageEnabled(String actor, String code, String stage, boolean enabled) throws IOException {
        Stage s = Stages.parse(stage);
        return toggle(actor, configured(code), EnumSet.of(s), enabled);
    }

    private ObjectNode toggle(String actor, String code, Set<Stage> stages, boolean on) throws IOException {
        RegionAdmin admin = new RegionAdmin(editor, audit);
        RegionAdmin.Toggle t = admin.toggle(actor, code, stages, on);
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
            st.put(s.name(), on(props.get(RegionKeys.stageEnabled(s))));
        }
        return sw;
    }

    private static boolean on(Object value) {
        return value == null || Boolean.parseBoolean(value.toString().strip()); // metatype default: on
    }

    @Override
    public ObjectNode deadLetters(String code, String offsetParam, String limitParam) {
        Map<String, String> query = new java.util.HashMap<>();
        query.put("offset", offsetParam);
        query.put("limit", limitParam);
        return deadLetters(code, query);
    }

    @Override
    public ObjectNode deadLetters(String code, Map<String, String> query) {
        DeadLetterPages.Request r = DeadLetterPages.request(valid(code), query, MAX_OFFSET);
        return DeadLetterPages.json(mapper, r, DeadLetterPages.find(deadLetters, r));
    }

    @Override
    public ObjectNode replay(String actor, String code, List<Long> ids) {
        String region = valid(code);
        DeadLetterAdmin.Replay r = new DeadLetterAdmin(deadLetters, audit).replayIds(actor, region, List.copyOf(ids));
        ObjectNode out = mapper.createObjectNode();
        out.put("region", region);
        out.put("open", r.open());
        out.put("asked", r.asked());
        out.put("requeued", r.requeued());
        return out;
    }

    @Override
    public ObjectNode timeline(String code, String projectCode) {
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

    @Override
    public ObjectNode notices(String code, String departmentCode) {
        String region = valid(code);
        String subject = NoticeHistory.requireSubject(departmentCode);
        return NoticeHistory.json(mapper, region, subject, NoticeHistory.of(results, mapper, region, subject));
    }

    /**
     * The region's latest results, newest first (each result id once, with its delivery state), from {@code offset}
     * on; or with {@code project} that project's results in timeline order (at most {@code limit} of each kind, no
     * offset); {@code kind} one of verdict|warning|score|adjustment|notice, none for every kind. {@code total} is
     * known once the listing reached its end (else null, and {@code hasMore} true).
     */
    @Override
    public ObjectNode results(String code, String kind, String limit, String offsetParam, String project) {
        LatestResults.Query q = LatestResults.query(valid(code), project, kind, limit);
        int offset = number("offset", offsetParam, 0, 0, q.ofProject() ? 0 : MAX_OFFSET);
        List<LatestResults.Item> found;
        boolean more = false;
        if (q.ofProject()) {
            found = LatestResults.find(results, q);
        } else {
            // one row past the page tells whether there is a next one
            List<LatestResults.Item> upTo = LatestResults.find(results,
                    new LatestResults.Query(q.region(), null, q.kind(), offset + q.limit() + 1));
            more = upTo.size() > offset + q.limit();
            found = upTo.subList(Math.min(offset, upTo.size()), Math.min(offset + q.limit(), upTo.size()));
        }
        ObjectNode out = mapper.createObjectNode();
        out.put("region", q.region());
        out.put("project", q.project());
        out.put("kind", q.kind() == null ? null : q.kind().name());
        out.put("limit", q.limit());
        out.put("offset", offset);
        out.put("hasMore", more);
        if (more) {
            out.putNull("total");
        } else {
            out.put("total", q.ofProject() ? found.size() : offset + found.size());
        }
        items(out, found);
        return out;
    }

    /** The items of a results answer, in the given order. */
    private void items(ObjectNode out, List<LatestResults.Item> found) {
        ArrayNode items = out.putArray("items");
        for (LatestResults.Item i : found) {
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
    }

    @Override
    public ObjectNode results(String code, Map<String, String> query) {
        if (query.get("project") != null || !ResultPages.isSearch(query)) {
            return results(code, query.get("kind"), query.get("limit"), query.get("offset"), query.get("project"));
        }
        ResultPages.Request r = ResultPages.request(valid(code), query, MAX_OFFSET);
        Page<StoredResult> page = results.page(r.region(), r.query(), r.offset(), r.limit());
        ObjectNode out = mapper.createObjectNode();
        out.put("region", r.region());
        out.putNull("project");
        out.put("kind", r.query().kind() == null ? null : r.query().kind().name());
        out.put("state", r.query().state());
        out.put("q", r.query().subjectPrefix());
        out.put("outcome", r.query().outcome());
        out.put("department", r.query().department());
        out.put("rule", r.query().ruleId());
        out.put("sort", ResultPages.sortOf(r.query()));
        out.put("limit", r.limit());
        out.put("offset", r.offset());
        boolean more = page.total() == ResultLedger.TOTAL_UNKNOWN;
        out.put("hasMore", more);
        if (more) {
            out.putNull("total"); // known once the search reaches its last page, as the plain list
        } else {
            out.put("total", page.total());
        }
        items(out, page.items().stream().map(ResultPages::item).toList());
        return out;
    }

    /** The institutions' quality grades of a year, or of every year ({@link EvaluatorGrades}). */
    @Override
    public ObjectNode evaluators(String code, String year) {
        EvaluatorGrades.Query q = EvaluatorGrades.query(valid(code), year);
        ObjectNode out = mapper.createObjectNode();
        out.put("region", q.region());
        out.put("year", q.year());
        ArrayNode items = out.putArray("items");
        for (EvaluatorGrades.Row r : EvaluatorGrades.find(results, q)) {
            ObjectNode n = items.addObject();
            n.put("assessmentId", r.assessmentId());
            n.put("year", r.year());
            n.put("institutionId", r.institutionId());
            n.put("reports", r.reports().size());
            n.put("conflicts", r.conflicts());
            n.put("deviations", r.deviations());
            n.put("late", r.late());
            n.put("unscored", r.unscored());
            n.put("total", r.total());
            n.put("grade", r.grade());
            n.put("state", r.state());
            n.put("rulePack", r.rulePack());
            n.put("assessedAt", r.assessedAt());
            n.set("parts", mapper.valueToTree(r.reports()));
        }
        return out;
    }

    @Override
    public ObjectNode audit(String limitParam) {
        Map<String, String> query = new java.util.HashMap<>();
        query.put("limit", limitParam);
        return audit(query);
    }

    @Override
    public ObjectNode audit(Map<String, String> query) {
        AuditPages.Request r = AuditPages.request(query, MAX_OFFSET);
        return AuditPages.json(mapper, r, AuditPages.find(audit, r));
    }

    @Override
    public Download disclosure(String code, String yearParam, String file) {
        String region = valid(code);
        int year = Disclosure.year(yearParam);
        byte[] bytes = Disclosure.file(disclosureInput(region, year), file);
        return new Download(region + "-" + year + "-" + file, Disclosure.mediaType(file), bytes);
    }

    /** What the open-data export of a region's year is made of, read from the store now. */
    org.perflink.reports.OpenDataExport.Input disclosureInput(String region, int year) {
        if (publicRecords == null) {
            throw new NotFoundException("未启用公开数据导出 (no open-data export here)");
        }
        return Disclosure.input(region, year, publicRecords, results, rulePacks);
    }

    /**
     * A list as xlsx: every row the query's filters select (all pages, up to {@value LongExports#MAX_ROWS}), as the
     * long export of the same list makes it; one project's results as its timeline's page.
     */
    @Override
    public Download listXlsx(String list, String code, Map<String, String> query) throws IOException {
        if (!List.of("results", "dead-letters", "audit", "ranking").contains(list)) {
            throw new IllegalArgumentException("未知列表 (unknown list) '" + list
                    + "': results | dead-letters | audit | ranking");
        }
        if (list.equals("results") && query.get("project") != null) {
            SheetTable sheet = ListSheets.results(results(code, query));
            return new Download(code + "-" + list + ".xlsx", Xlsx.MEDIA_TYPE, ListSheets.bytes(sheet));
        }
        Download all = export(list + ".xlsx", code, query, ExportProgress.NONE);
        return new Download((code == null ? "" : code + "-") + list + ".xlsx", all.mediaType(), all.bytes());
    }

    @Override
    public Download export(String export, String code, Map<String, String> query, ExportProgress progress)
            throws IOException {
        return LongExports.export(this, export, "audit.xlsx".equals(export) ? null : valid(code), query, progress);
    }

    @Override
    public void checkExport(String export, String code, Map<String, String> query) {
        if (code != null || !"audit.xlsx".equals(export)) { // the audit log is every region's
            valid(code);
        }
        LongExports.check(export, query);
    }

    @Override
    public ObjectNode figures(String code, String year, String department) {
        return YearReport.json(years().figures(valid(code), YearReport.year(year), department, Progress.NONE));
    }

    @Override
    public Download chart(String code, String year, String chart) {
        return years().chart(valid(code), YearReport.year(year), chart);
    }

    @Override
    public Download report(String code, String year, String format) throws IOException {
        return report(valid(code), YearReport.year(year), YearReport.format(format), Progress.NONE);
    }

    /** The annual report of a region's year under the configured region's name, its steps told to {@code progress}. */
    Download report(String region, Integer year, YearReport.Format format, Progress progress) throws IOException {
        String name = regions.get().stream().filter(r -> r.regionCode().equals(region)).map(RegionSettings::name)
                .findFirst().orElse(null);
        return years().report(region, year, format, name, null, progress);
    }

    private YearReport years() {
        return new YearReport(results, publicRecords);
    }

    /** A configured region's code; 404 when there is no configuration for it. */
    private String configured(String code) throws IOException {
        String region = valid(code);
        if (editor.find(region).isEmpty()) {
            throw new NotFoundException("区划未配置 (region not configured): " + region);
        }
        return region;
    }

    @Override
    public ObjectNode ranking(String code, String year) {
        String region = valid(code);
        int y = number("year", year, 0, 2000, 2100);
        return AssessmentTable.json(mapper, region, AssessmentTable.find(results, region, y == 0 ? null : y));
    }

    @Override
    public ObjectNode ranking(String code, Map<String, String> query) {
        RankingPages.Request r = RankingPages.request(valid(code), query, MAX_OFFSET);
        return RankingPages.json(mapper, r, RankingPages.find(results, r));
    }

    private static String valid(String code) {
        if (!RegionCode.valid(code)) {
            throw new IllegalArgumentException(RegionCode.MUST_BE);
        }
        return code;
    }

    /** A whole-number query parameter in [min, max]; {@code fallback} when absent. */
    static int number(String name, String text, int fallback, int min, int max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        int n;
        try {
            n = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            n = min - 1;
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(name + " 须为 " + min + " 至 " + max + " (" + name + " must be " + min
                    + " to " + max + ")");
        }
        return n;
    }

    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
