package org.perflink.admin.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.perflink.admin.api.AdminOperations;
import org.perflink.admin.api.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API ({@code /api/admin/v1/*}, {@code docs/openapi/admin-api-v1.yaml}) over {@link AdminOperations}. The
 * user comes logged in from {@link AdminContext}; each operation needs a {@link Permission} (else 403). A
 * state-changing request (PUT, POST) must also pass the {@link OriginCheck}, carry the user's CSRF token
 * ({@code GET /api/admin/v1/csrf}) in {@value #CSRF_HEADER} (else 403), and have a JSON object body
 * ({@code Content-Type: application/json}, else 415) of at most 64 KiB (else 413).
 */
final class ApiServlet extends HttpServlet {

    static final String API = "/api/admin/v1";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final int MAX_BODY = 64 * 1024;

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    private static final String REGION = "/regions/([^/]+)";
    private static final String JOB = "/jobs/([0-9a-f]{32})";
    private static final String[] RESULT_QUERY = {"kind", "limit", "offset", "project", "state", "q", "sort", "outcome",
        "department", "rule"};
    private static final String[] DEAD_LETTER_QUERY = {"state", "stage", "kind", "q", "sort", "offset", "limit"};
    private static final String[] AUDIT_QUERY = {"q", "actor", "action", "region", "from", "to", "sort", "offset", "limit"};
    private static final String[] RANKING_QUERY = {"year", "scope", "grade", "list", "q", "sort", "offset", "limit"};

    @FunctionalInterface
    private interface Handler {
        ObjectNode handle(Call call) throws IOException;
    }

    private record Route(String method, Pattern path, Permission permission, Handler handler) {
    }

    /** One request as a handler sees it: the user, the decoded path groups, the JSON body (state changes only). */
    private record Call(AdminUser user, List<String> groups, JsonNode body, HttpServletRequest request,
            HttpServletResponse response) {

        String group(int i) {
            return groups.get(i);
        }

        String query(String name) {
            return request.getParameter(name);
        }

        /** The named query parameters that are present. */
        java.util.Map<String, String> queries(String... names) {
            java.util.Map<String, String> out = new java.util.HashMap<>();
            for (String n : names) {
                if (request.getParameter(n) != null) {
                    out.put(n, request.getParameter(n));
                }
            }
            return out;
        }
    }

    private final transient AdminOperations operations;
    private final transient CsrfTokens csrf;
    private final transient OriginCheck origins;
    private final transient ObjectMapper mapper = new ObjectMapper();
    private final transient List<Route> routes = new ArrayList<>();
    private final transient Jobs jobs;

    ApiServlet(AdminOperations operations, OriginCheck origins, Clock clock) {
        this(operations, origins, clock, new Jobs(clock));
    }

    ApiServlet(AdminOperations operations, OriginCheck origins, Clock clock, Jobs jobs) {
        this.operations = operations;
        this.jobs = jobs;
        this.origins = origins;
        this.csrf = new CsrfTokens(new SecureRandom(), clock);
        get("/csrf", Permission.READ, this::csrf);
        get("/regions", Permission.READ, c -> operations.regions());
        route("PUT", REGION, Permission.TOGGLE,
                c -> operations.setRegionEnabled(c.user().name(), c.group(0), enabledOf(c.body())));
        route("PUT", REGION + "/stages/([^/]+)", Permission.TOGGLE,
                c -> operations.setStageEnabled(c.user().name(), c.group(0), c.group(1), enabledOf(c.body())));
        get(REGION + "/dead-letters", Permission.READ,
                c -> operations.deadLetters(c.group(0), c.queries(DEAD_LETTER_QUERY)));
        route("POST", REGION + "/dead-letters:replay", Permission.REPLAY,
                c -> operations.replay(c.user().name(), c.group(0), idsOf(c.body())));
        get(REGION + "/results", Permission.READ, c -> operations.results(c.group(0),
                c.queries(RESULT_QUERY)));
        get(REGION + "/ranking", Permission.READ, c -> operations.ranking(c.group(0), c.queries(RANKING_QUERY)));
        get(REGION + "/projects/([^/]+)/timeline", Permission.READ, c -> operations.timeline(c.group(0), c.group(1)));
        get(REGION + "/departments/([^/]+)/notices", Permission.READ, c -> operations.notices(c.group(0), c.group(1)));
        get(REGION + "/evaluators", Permission.READ, c -> operations.evaluators(c.group(0), c.query("year")));
        get("/audit", Permission.READ, c -> operations.audit(c.queries(AUDIT_QUERY)));
        // downloads (issue 15): the page's lists as xlsx, and the files of the open-data export (rules.md §9)
        get(REGION + "/results.xlsx", Permission.READ, c -> download(c, operations.listXlsx("results", c.group(0),
                c.queries(RESULT_QUERY))));
        get(REGION + "/dead-letters.xlsx", Permission.READ, c -> download(c, operations.listXlsx("dead-letters",
                c.group(0), c.queries(DEAD_LETTER_QUERY))));
        get(REGION + "/ranking.xlsx", Permission.READ, c -> download(c, operations.listXlsx("ranking", c.group(0),
                c.queries(RANKING_QUERY))));
        get("/audit.xlsx", Permission.READ, c -> download(c, operations.listXlsx("audit", null, c.queries(AUDIT_QUERY))));
        get(REGION + "/disclosure/([0-9]+)/([a-z]+[.][a-z]+)", Permission.READ,
                c -> download(c, operations.disclosure(c.group(0), c.group(1), c.group(2))));
        // the figures of a region's year and their charts (issue 15: annual report, dashboard)
        get(REGION + "/figures", Permission.READ,
                c -> operations.figures(c.group(0), c.query("year"), c.query("department")));
        get(REGION + "/charts/([a-z-]+).svg", Permission.READ,
                c -> download(c, operations.chart(c.group(0), c.query("year"), c.group(1))));
        get(REGION + "/report", Permission.READ,
                c -> download(c, operations.report(c.group(0), c.query("year"), c.query("format"))));
        // long exports as jobs (issue 15): start, progress, cancel, the file when done
        route("POST", "/jobs", Permission.READ, this::startJob);
        get("/jobs", Permission.READ, c -> {
            ObjectNode out = mapper.createObjectNode();
            var items = out.putArray("items");
            jobs.of(c.user().name()).forEach(j -> items.add(j.json(mapper)));
            return out;
        });
        get(JOB, Permission.READ, c -> jobs.find(c.user().name(), c.group(0)).json(mapper));
        route("DELETE", JOB, Permission.READ, c -> jobs.cancel(c.user().name(), c.group(0)).json(mapper));
        get(JOB + "/file", Permission.READ, c -> {
            Jobs.Job job = jobs.find(c.user().name(), c.group(0));
            if (job.state() != Jobs.State.DONE) {
                throw new IllegalStateException("任务尚未完成 (the job has not finished): " + job.state());
            }
            return download(c, job.file());
        });
    }

    /**
     * {"export": "results.xlsx", "region": "440000", "query": {"state": "DEAD", ...}}, {"export": "report.pdf",
     * "region": "440000", "query": {"year": "2027"}}: the job, started.
     */
    private ObjectNode startJob(Call c) {
        String export = c.body().path("export").asText("");
        if (!AdminOperations.EXPORTS.contains(export)) {
            throw new IllegalArgumentException("export 须为 (must be) " + String.join(" | ", AdminOperations.EXPORTS)
                    + ": '" + export + "'");
        }
        String region = c.body().path("region").asText("");
        if (export.equals("audit.xlsx") && region.isEmpty()) {
            region = null; // the audit log is every region's
        } else if (!org.perflink.core.RegionCode.valid(region)) {
            throw new IllegalArgumentException("region: " + org.perflink.core.RegionCode.MUST_BE);
        }
        java.util.Map<String, String> query = new java.util.HashMap<>();
        JsonNode q = c.body().path("query");
        if (!q.isMissingNode() && !q.isNull() && !q.isObject()) {
            throw new IllegalArgumentException("query 须为对象 (query must be an object of the list's parameters)");
        }
        q.properties().forEach(e -> {
            if (!e.getValue().isValueNode()) {
                throw new IllegalArgumentException("query." + e.getKey() + " 须为文本 (must be text)");
            }
            query.put(e.getKey(), e.getValue().asText());
        });
        String of = region;
        operations.checkExport(export, of, query); // a bad parameter is a 400 now, not a failed job later
        String year = query.getOrDefault("year", "").strip();
        String name = (of == null ? "" : of + " ") + (year.isEmpty() ? "" : year + " ") + export;
        return jobs.start(c.user().name(), name, progress -> operations.export(export, of, query, progress))
                .json(mapper);
    }

    @Override
    public void destroy() {
        jobs.close();
        super.destroy();
    }

    /** Sends the file; null tells dispatch that the answer is written. */
    private static ObjectNode download(Call c, AdminOperations.Download d) throws IOException {
        Responses.download(c.response(), d.fileName(), d.mediaType(), d.bytes());
        return null;
    }

    private void get(String path, Permission permission, Handler handler) {
        route("GET", path, permission, handler);
    }

    private void route(String method, String path, Permission permission, Handler handler) {
        routes.add(new Route(method, Pattern.compile(Pattern.quote(API) + path.replace(".", "\\.")), permission, handler));
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String method = req.getMethod().toUpperCase(Locale.ROOT);
        String path = req.getRequestURI().substring(req.getContextPath().length());
        AdminUser user = AdminContext.user(req);
        int status;
        try {
            status = dispatch(req, resp, user, method, path);
        } catch (HttpError e) {
            status = e.status;
            Responses.error(resp, e.status, e.getMessage());
        } catch (NotFoundException e) {
            status = 404;
            Responses.error(resp, 404, e.getMessage());
        } catch (IllegalArgumentException e) {
            status = 400;
            Responses.error(resp, 400, e.getMessage());
        } catch (IllegalStateException e) {
            status = 409;
            Responses.error(resp, 409, e.getMessage());
        } catch (RuntimeException e) {
            status = 500;
            LOG.error("admin API {} {} failed", method, path, e);
            Responses.error(resp, 500, "内部错误，详见日志 (internal error, see the log)");
        }
        LOG.debug("admin API {} {} user={} -> {}", method, path, user.name(), status);
    }

    private int dispatch(HttpServletRequest req, HttpServletResponse resp, AdminUser user, String method, String path)
            throws IOException {
        Route route = null;
        List<String> groups = null;
        List<String> allowed = new ArrayList<>();
        for (Route r : routes) {
            Matcher m = r.path().matcher(path);
            if (m.matches()) {
                allowed.add(r.method());
                if (r.method().equals(method) || (method.equals("HEAD") && r.method().equals("GET"))) {
                    route = r;
                    groups = new ArrayList<>();
                    for (int i = 1; i <= m.groupCount(); i++) {
                        groups.add(URLDecoder.decode(m.group(i).replace("+", "%2B"), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        if (route == null) {
            if (allowed.isEmpty()) {
                throw new HttpError(404, "未找到 (not found)");
            }
            resp.setHeader("Allow", String.join(", ", allowed));
            throw new HttpError(405, "不支持此方法 (method not allowed)");
        }
        if (!user.may(route.permission())) {
            throw new HttpError(403, insufficient(route.permission()));
        }
        JsonNode body = null;
        boolean change = !route.method().equals("GET");
        if (change) {
            origins.check(req.getScheme(), req.getHeader("Host"), req.getHeader("Origin"), req.getHeader("Sec-Fetch-Site"));
            if (!csrf.valid(user.name(), req.getHeader(CSRF_HEADER))) {
                throw new HttpError(403, "缺少或无效的 CSRF 令牌 (missing or invalid CSRF token): GET " + API
                        + "/csrf, 放入请求头 (send it in the header) " + CSRF_HEADER);
            }
            body = readJson(req);
        }
        ObjectNode result = route.handler().handle(new Call(user, groups, body, req, resp));
        if (change) {
            LOG.info("admin API: {} {} by {}", method, path, user.name());
        }
        if (result != null) {
            Responses.json(resp, 200, result);
        }
        return 200;
    }

    static String insufficient(Permission p) {
        String role = switch (p) {
            case READ -> AdminUser.VIEWER;
            case REPLAY -> AdminUser.OPERATOR;
            case TOGGLE -> AdminUser.ADMIN;
        };
        return "权限不足 (insufficient permissions): 需要 (needs) " + role;
    }

    private JsonNode readJson(HttpServletRequest req) throws IOException {
        byte[] bytes;
        try (InputStream in = req.getInputStream()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        }
        if (bytes.length > MAX_BODY) {
            throw new HttpError(413, "请求体过大 (request body too large)");
        }
        if (bytes.length == 0) {
            return mapper.createObjectNode();
        }
        String type = req.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).strip().startsWith("application/json")) {
            throw new HttpError(415, "请求体须为 JSON (Content-Type must be application/json)");
        }
        try {
            JsonNode node = mapper.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new HttpError(400, "请求体须为 JSON 对象 (the body must be a JSON object)");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new HttpError(400, "请求体不是有效的 JSON (the body is not valid JSON)");
        }
    }

    private ObjectNode csrf(Call c) {
        String token = csrf.issue(c.user().name());
        c.response().setHeader(CSRF_HEADER, token);
        ObjectNode out = mapper.createObjectNode();
        out.put("token", token);
        out.put("header", CSRF_HEADER);
        out.put("expiresAt", csrf.expiry(token).toString());
        out.put("user", c.user().name());
        out.set("roles", mapper.valueToTree(c.user().roles().stream().sorted().toList()));
        out.set("permissions", mapper.valueToTree(c.user().permissions().stream().map(Enum::name).toList()));
        return out;
    }

    private static boolean enabledOf(JsonNode body) {
        JsonNode e = body == null ? null : body.get("enabled");
        if (e == null || !e.isBoolean()) {
            throw new IllegalArgumentException("请求体须为 {\"enabled\": true|false} (body must be {\"enabled\": true|false})");
        }
        return e.booleanValue();
    }

    /** {"ids": [...]}; none: every open dead letter of the region. */
    private static List<Long> idsOf(JsonNode body) {
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
        return ids;
    }
}
