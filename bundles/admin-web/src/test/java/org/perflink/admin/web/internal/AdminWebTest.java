package org.perflink.admin.web.internal;

import org.perflink.reports.FakeRulePacks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perflink.admin.internal.AdminJson;
import org.perflink.admin.internal.DeadLetterAdmin;
import org.perflink.admin.internal.FakeConfigAdmin;
import org.perflink.admin.internal.FakeStore;
import org.perflink.admin.internal.LiveStatus;
import org.perflink.admin.internal.RegionAdmin;
import org.perflink.admin.internal.RegionConfigEditor;
import org.perflink.api.model.ResultKind;
import org.perflink.api.model.Stage;
import org.perflink.core.RegionSettings;
import org.perflink.store.AuditEntry;
import org.perflink.store.DeadLetter;
import org.perflink.store.RegionStatus;
import org.perflink.store.StoredResult;

/**
 * The admin page and REST API over real HTTP (the servlets in an embedded Jetty, {@link WebHarness}), with the real
 * {@link AdminJson} over a fake store and ConfigurationAdmin, and a fake authenticator.
 */
class AdminWebTest {

    /** Users of the fake realm: name → roles; every password is {@code name + "-pw"}. */
    private static final Map<String, Set<String>> USERS = Map.of(
            "vera", Set.of(AdminUser.VIEWER),
            "otto", Set.of(AdminUser.OPERATOR),
            "ada", Set.of(AdminUser.ADMIN),
            "karaf", Set.of("admin", "manager", "viewer"),
            "nemo", Set.of("viewer")); // Karaf's viewer role is not a PerfLink role

    @TempDir
    Path etc;

    private FakeStore store;
    private FakeConfigAdmin configAdmin;
    private List<RegionSettings> regions;
    /** What the routes' status file says; none unless a test sets it. */
    private volatile LiveStatus live;
    private WebHarness server;
    private Authenticator auth;
    private AdminJson api;
    private HttpClient http;
    private String base;
    private final List<String> attempts = new CopyOnWriteArrayList<>();
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        store = new FakeStore();
        store.statuses.put("440000", new RegionStatus("440000", Map.of(Stage.COMPILE, "17"), 3,
                Instant.parse("2027-03-01T07:30:00Z"), 120, 2, "HTTP 500", Instant.parse("2027-03-01T07:45:00Z"),
                Instant.parse("2027-03-01T07:59:00Z")));
        store.letter(7, "440000", "VERDICT", "P001.DECLARED.r1", 422, "indicator unknown");
        store.letter(8, "440000", DeadLetter.INPUT, "P009", 0, "unidentifiable JSON");
        live = LiveStatus.none(etc.resolve("status.json"), "无实时状态 (no live status)");
        configAdmin = new FakeConfigAdmin();
        configAdmin.addFactoryConfig(RegionConfigEditor.FACTORY_PID, "gd", Map.of("regionCode", "440000", "name", "广东省",
                "enabled", "true", "compileEnabled", "true", "executeEnabled", "true", "closeEnabled", "true",
                "rulePack", "gd"));
        regions = new CopyOnWriteArrayList<>(List.of(new RegionSettings("440000", "广东省", true,
                EnumSet.allOf(Stage.class), "gd", Duration.ofSeconds(5), null),
                new RegionSettings("440100", "广州市", false, EnumSet.of(Stage.COMPILE), "", Duration.ofSeconds(5),
                        null)));
        FakeRulePacks packs = new FakeRulePacks().define("gd", "2", Map.of()).assign("440000", "gd");
        auth = (user, password) -> {
            attempts.add(user);
            Set<String> roles = USERS.get(user);
            return roles != null && (user + "-pw").equals(new String(password))
                    ? Optional.of(new AdminUser(user, roles)) : Optional.empty();
        };
        api = new AdminJson(() -> regions, store, store, store, store, packs, new RegionConfigEditor(configAdmin, etc),
                () -> live, Clock.systemUTC(),
                mapper, store);
        serve(new OriginCheck());
        http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** (Re)starts the servlets with these public origins. */
    void serve(OriginCheck origins) throws Exception {
        if (server != null) {
            server.close();
        }
        server = WebHarness.start(api, auth, origins, Clock.systemUTC());
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    // ------------------------------------------------------------------ helpers

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String user, String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (user != null) {
            b.header("Authorization", basic(user, user + "-pw"));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode getJson(String user, String path) throws Exception {
        HttpResponse<String> r = get(user, path);
        assertEquals(200, r.statusCode(), r.body());
        return mapper.readTree(r.body());
    }

    private String csrf(String user) throws Exception {
        HttpResponse<String> r = get(user, "/api/admin/v1/csrf");
        assertEquals(200, r.statusCode(), r.body());
        String token = r.headers().firstValue("X-CSRF-Token").orElseThrow();
        assertEquals(token, mapper.readTree(r.body()).path("token").asText());
        return token;
    }

    /** A state change as the page sends it: the user's own token, same origin, JSON. */
    private HttpResponse<String> send(String method, String user, String path, String json) throws Exception {
        return send(method, user, path, json, csrf(user), base);
    }

    private HttpResponse<String> send(String method, String user, String path, String json, String token, String origin)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .header("Authorization", basic(user, user + "-pw"))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("X-CSRF-Token", token);
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private Object executeEnabled() {
        return configAdmin.configs.get("org.perflink.region~gd").value("executeEnabled");
    }

    // ------------------------------------------------------------------ authentication and roles

    @Test
    void everyRequestNeedsCredentials() throws Exception {
        for (String path : List.of("/admin/", "/api/admin/v1/regions", "/api/admin/v1/csrf", "/api/admin/v1/audit",
                "/nothing-here")) {
            HttpResponse<String> r = get(null, path);
            assertEquals(401, r.statusCode(), path);
            assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm=\"PerfLink\""), path);
        }
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/v1/regions"))
                .header("Authorization", basic("ada", "guess")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, wrong.statusCode());
        HttpResponse<String> garbage = http.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/v1/regions"))
                .header("Authorization", "Basic !!!").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, garbage.statusCode());
        HttpResponse<String> bearer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/v1/regions"))
                .header("Authorization", "Bearer abc").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, bearer.statusCode());
    }

    @Test
    void readingNeedsAPerflinkRole() throws Exception {
        for (String user : List.of("vera", "otto", "ada", "karaf")) {
            assertEquals(200, get(user, "/api/admin/v1/regions").statusCode(), user);
            assertEquals(200, get(user, "/admin/").statusCode(), user);
            assertEquals(200, get(user, "/api/admin/v1/audit").statusCode(), user);
        }
        HttpResponse<String> nemo = get("nemo", "/api/admin/v1/regions");
        assertEquals(403, nemo.statusCode());
        assertTrue(mapper.readTree(nemo.body()).path("error").asText().contains("perflink-viewer"), nemo.body());
        assertEquals(403, get("nemo", "/admin/").statusCode());
    }

    @Test
    void theCsrfEndpointSaysWhoIsLoggedInAndWhatTheyMayDo() throws Exception {
        JsonNode me = getJson("otto", "/api/admin/v1/csrf");
        assertEquals("otto", me.path("user").asText());
        assertEquals("[\"perflink-operator\"]", me.path("roles").toString());
        assertEquals("[\"READ\",\"REPLAY\"]", me.path("permissions").toString());
        assertEquals("X-CSRF-Token", me.path("header").asText());
        assertEquals("[\"READ\",\"REPLAY\",\"TOGGLE\"]", getJson("karaf", "/api/admin/v1/csrf").path("permissions").toString(),
                "Karaf's admin role counts as perflink-admin");
    }

    @Test
    void aViewerCannotToggleNorReplay() throws Exception {
        HttpResponse<String> toggle = send("PUT", "vera", "/api/admin/v1/regions/440000/stages/execute",
                "{\"enabled\":false}");
        assertEquals(403, toggle.statusCode(), toggle.body());
        HttpResponse<String> region = send("PUT", "vera", "/api/admin/v1/regions/440000", "{\"enabled\":false}");
        assertEquals(403, region.statusCode(), region.body());
        HttpResponse<String> replay = send("POST", "vera", "/api/admin/v1/regions/440000/dead-letters:replay", "{}");
        assertEquals(403, replay.statusCode(), replay.body());
        assertEquals("true", executeEnabled());
        assertTrue(store.audits.isEmpty() && store.replays.isEmpty());
    }

    @Test
    void anOperatorReplaysButCannotToggle() throws Exception {
        assertEquals(403, send("PUT", "otto", "/api/admin/v1/regions/440000/stages/execute", "{\"enabled\":false}")
                .statusCode());
        HttpResponse<String> replay = send("POST", "otto", "/api/admin/v1/regions/440000/dead-letters:replay",
                "{\"ids\":[7]}");
        assertEquals(200, replay.statusCode(), replay.body());
        JsonNode r = mapper.readTree(replay.body());
        assertEquals(2, r.path("open").asInt());
        assertEquals(1, r.path("asked").asInt());
        assertEquals(1, r.path("requeued").asInt());
        assertEquals(List.of(List.of(7L)), store.replays);
        AuditEntry a = store.audits.get(0);
        assertEquals("otto", a.actor());
        assertEquals(DeadLetterAdmin.REPLAY, a.action());
        assertEquals("440000", a.target());
        assertEquals("open=2, ids=[7]", a.before());
        assertEquals("requeued=1", a.after());
        assertEquals("true", executeEnabled());
    }

    // ------------------------------------------------------------------ CSRF and origin

    @Test
    void aStateChangeWithoutTheCsrfTokenIsRefused() throws Exception {
        String path = "/api/admin/v1/regions/440000/stages/execute";
        assertEquals(403, send("PUT", "ada", path, "{\"enabled\":false}", null, null).statusCode());
        assertEquals(403, send("PUT", "ada", path, "{\"enabled\":false}", "", base).statusCode());
        assertEquals(403, send("PUT", "ada", path, "{\"enabled\":false}", "1700000000.forged", base).statusCode());
        HttpResponse<String> othersToken = send("PUT", "ada", path, "{\"enabled\":false}", csrf("karaf"), base);
        assertEquals(403, othersToken.statusCode(), "a token is bound to its user");
        assertTrue(mapper.readTree(othersToken.body()).path("error").asText().contains("CSRF"), othersToken.body());
        assertEquals(403, send("POST", "otto", "/api/admin/v1/regions/440000/dead-letters:replay", "{}", null, base)
                .statusCode());
        assertEquals("true", executeEnabled());
        assertTrue(store.audits.isEmpty() && store.replays.isEmpty());
    }

    @Test
    void aCrossOriginStateChangeIsRefusedEvenWithAToken() throws Exception {
        String path = "/api/admin/v1/regions/440000/stages/execute";
        String token = csrf("ada");
        for (String origin : List.of("http://evil.example", "null", base + ".evil.example", "https://127.0.0.1:" + server.port())) {
            HttpResponse<String> r = send("PUT", "ada", path, "{\"enabled\":false}", token, origin);
            assertEquals(403, r.statusCode(), origin);
        }
        HttpResponse<String> crossSite = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\":false}"))
                .header("Authorization", basic("ada", "ada-pw")).header("Content-Type", "application/json")
                .header("X-CSRF-Token", token).header("Sec-Fetch-Site", "cross-site").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, crossSite.statusCode());
        assertEquals("true", executeEnabled());
        assertTrue(store.audits.isEmpty());
        // without an Origin header (curl, scripts) the token alone suffices
        assertEquals(200, send("PUT", "ada", path, "{\"enabled\":false}", token, null).statusCode());
    }

    @Test
    void aStateChangeMustBeJson() throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/v1/regions/440000"))
                .PUT(HttpRequest.BodyPublishers.ofString("enabled=false"))
                .header("Authorization", basic("ada", "ada-pw")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-CSRF-Token", csrf("ada")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(415, form.statusCode());
        assertEquals(400, send("PUT", "ada", "/api/admin/v1/regions/440000", "{\"enabled\":\"no\"}").statusCode());
        assertEquals(400, send("PUT", "ada", "/api/admin/v1/regions/440000", "[true]").statusCode());
        assertEquals(400, send("PUT", "ada", "/api/admin/v1/regions/440000", "{not json").statusCode());
        assertEquals(413, send("PUT", "ada", "/api/admin/v1/regions/440000",
                "{\"enabled\":false,\"pad\":\"" + "x".repeat(ApiServlet.MAX_BODY) + "\"}").statusCode());
        assertEquals("true", configAdmin.configs.get("org.perflink.region~gd").value("enabled"));
    }

    // ------------------------------------------------------------------ toggles

    @Test
    void anAdminTogglesAStageWhichWritesTheConfigurationAndTheAuditLog() throws Exception {
        HttpResponse<String> r = send("PUT", "ada", "/api/admin/v1/regions/440000/stages/execute", "{\"enabled\":false}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = mapper.readTree(r.body());
        assertTrue(body.path("changed").asBoolean());
        assertEquals("EXECUTE", body.path("stage").asText());
        assertEquals("{\"executeEnabled\":\"true\"}", body.path("before").toString());
        assertEquals("{\"executeEnabled\":\"false\"}", body.path("after").toString());
        assertEquals("{\"enabled\":true,\"stages\":{\"COMPILE\":true,\"EXECUTE\":false,\"CLOSE\":true}}",
                body.path("switches").toString());
        assertEquals("org.perflink.region-440000.cfg", body.path("file").asText());

        assertEquals("false", executeEnabled());
        String cfg = Files.readString(etc.resolve("org.perflink.region-440000.cfg"), StandardCharsets.ISO_8859_1);
        assertTrue(cfg.contains("executeEnabled = false"), cfg);
        assertEquals(1, store.audits.size());
        AuditEntry a = store.audits.get(0);
        assertEquals("ada", a.actor(), "the JAAS user is the actor");
        assertEquals(RegionAdmin.DISABLE, a.action());
        assertEquals("440000/EXECUTE", a.target());
        assertEquals("executeEnabled=true", a.before());
        assertEquals("executeEnabled=false", a.after());

        JsonNode again = mapper.readTree(send("PUT", "ada", "/api/admin/v1/regions/440000/stages/执行",
                "{\"enabled\":false}").body());
        assertFalse(again.path("changed").asBoolean(), "Chinese stage names work; no change, no audit");
        assertEquals(1, store.audits.size());
    }

    @Test
    void theRegionsOwnSwitchAndKarafsAdminRole() throws Exception {
        HttpResponse<String> r = send("PUT", "karaf", "/api/admin/v1/regions/440000", "{\"enabled\":false}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("false", configAdmin.configs.get("org.perflink.region~gd").value("enabled"));
        assertEquals("true", executeEnabled(), "the stages keep their switches");
        assertEquals("karaf", store.audits.get(0).actor());
        assertEquals("440000", store.audits.get(0).target());

        JsonNode on = mapper.readTree(send("PUT", "ada", "/api/admin/v1/regions/440000/stages/close",
                "{\"enabled\":true}").body());
        assertFalse(on.path("changed").asBoolean());
    }

    @Test
    void unknownRegionsStagesAndPaths() throws Exception {
        assertEquals(404, send("PUT", "ada", "/api/admin/v1/regions/450000/stages/compile", "{\"enabled\":false}")
                .statusCode());
        assertEquals(400, send("PUT", "ada", "/api/admin/v1/regions/44/stages/compile", "{\"enabled\":false}")
                .statusCode());
        assertEquals(400, send("PUT", "ada", "/api/admin/v1/regions/440000/stages/audit", "{\"enabled\":false}")
                .statusCode());
        assertEquals(404, get("ada", "/api/admin/v1/nothing").statusCode());
        HttpResponse<String> wrongMethod = get("ada", "/api/admin/v1/regions/440000/dead-letters:replay");
        assertEquals(405, wrongMethod.statusCode());
        assertEquals("POST", wrongMethod.headers().firstValue("Allow").orElse(""));
        assertTrue(store.audits.isEmpty());
    }

    // ------------------------------------------------------------------ reads

    @Test
    void theRegionMatrixWithHealth() throws Exception {
        JsonNode data = getJson("vera", "/api/admin/v1/regions");
        assertEquals("[\"COMPILE\",\"EXECUTE\",\"CLOSE\"]", data.path("stages").toString());
        JsonNode gd = data.path("regions").get(0);
        assertEquals("440000", gd.path("code").asText());
        assertEquals("广东省", gd.path("name").asText());
        assertEquals("ACTIVE", gd.path("state").asText());
        assertTrue(gd.path("enabled").asBoolean());
        assertEquals("{\"COMPILE\":true,\"EXECUTE\":true,\"CLOSE\":true}", gd.path("stages").toString());
        assertEquals("gd@2", gd.path("rulePack").path("effective").asText());
        assertEquals("17", gd.path("cursors").path("COMPILE").asText());
        assertTrue(gd.path("cursors").path("EXECUTE").isNull());
        assertEquals(3, gd.path("backlog").asInt());
        assertEquals("2027-03-01T07:30:00Z", gd.path("oldestUndelivered").asText());
        assertEquals(2, gd.path("deadLetters").asInt());
        assertEquals("HTTP 500", gd.path("lastError").path("message").asText());
        assertEquals("store", gd.path("lastError").path("source").asText());
        JsonNode gz = data.path("regions").get(1);
        assertEquals("DISABLED", gz.path("state").asText());
        assertEquals("{\"COMPILE\":true,\"EXECUTE\":false,\"CLOSE\":false}", gz.path("stages").toString());
        assertEquals(2, data.path("summary").path("configured").asInt());
        assertEquals(1, data.path("summary").path("disabled").asInt());
        assertFalse(data.path("live").path("present").asBoolean());
    }

    @Test
    void eachRegionCarriesItsRoutesStatisticsAndThePageShowsThem() throws Exception {
        assertEquals(0, getJson("vera", "/api/admin/v1/regions").path("regions").get(0).path("routes").size());
        live = new LiveStatus(etc.resolve("status.json"), Instant.now(), Map.of("440000", new LiveStatus.Region("ACTIVE", null,
                Map.of("perflink-poll-compile-440000", new LiveStatus.Route(12, 2, 35L, Instant.parse("2027-03-01T08:00:04Z"),
                        "HostException")))), null);

        JsonNode routes = getJson("vera", "/api/admin/v1/regions").path("regions").get(0).path("routes");
        assertEquals(1, routes.size());
        JsonNode poll = routes.get(0);
        assertEquals("perflink-poll-compile-440000", poll.path("id").asText());
        assertEquals(12, poll.path("exchangesTotal").asLong());
        assertEquals(2, poll.path("exchangesFailed").asLong());
        assertEquals(35, poll.path("lastProcessingTimeMs").asLong());
        assertEquals("2027-03-01T08:00:04Z", poll.path("lastCompletedAt").asText());
        assertEquals("HostException", poll.path("lastFailure").asText());
        assertEquals(0, getJson("vera", "/api/admin/v1/regions").path("regions").get(1).path("routes").size());

        String page = get("vera", "/admin/").body();
        assertTrue(page.contains("<table id=\"routes\">") && page.contains("function renderRoutes(data)")
                && page.contains("route.exchangesFailed") && page.contains("route.lastProcessingTimeMs"), "the page renders the routes");
    }

    @Test
    void deadLettersOfARegion() throws Exception {
        JsonNode data = getJson("vera", "/api/admin/v1/regions/440000/dead-letters");
        assertEquals(2, data.path("items").size());
        JsonNode first = data.path("items").get(0);
        assertEquals(7, first.path("id").asInt());
        assertEquals("VERDICT", first.path("kind").asText());
        assertEquals(422, first.path("httpStatus").asInt());
        assertEquals("indicator unknown", first.path("reason").asText());
        assertTrue(data.path("items").get(1).path("httpStatus").isNull());
        assertEquals(0, getJson("vera", "/api/admin/v1/regions/450000/dead-letters").path("items").size());

        HttpResponse<String> unknown = send("POST", "otto", "/api/admin/v1/regions/440000/dead-letters:replay",
                "{\"ids\":[7, 99]}");
        assertEquals(400, unknown.statusCode());
        assertTrue(mapper.readTree(unknown.body()).path("error").asText().contains("[99]"), unknown.body());
        assertTrue(store.replays.isEmpty() && store.audits.isEmpty(), "nothing replayed, nothing audited");

        JsonNode all = mapper.readTree(send("POST", "otto", "/api/admin/v1/regions/440000/dead-letters:replay", "").body());
        assertEquals(2, all.path("asked").asInt());
        assertEquals(1, all.path("requeued").asInt(), "a rejected input stays");
        assertEquals(List.of(List.of()), store.replays);
    }

    @Test
    void theTimelineRunsFromVerdictsToTheAdjustment() throws Exception {
        String p = "P-2027/01"; // a code with a slash travels encoded
        put(ResultKind.ADJUSTMENT, p, "{\"adjustmentId\":\"440000-2027.PROJECT.P\",\"action\":\"REDUCE\"}");
        put(ResultKind.SCORE, p, "{\"scoreId\":\"P.2027\",\"score\":\"71.5\",\"grade\":\"MEDIUM\"}");
        put(ResultKind.WARNING, p, "{\"warningId\":\"w1\",\"level\":\"YELLOW\"}");
        put(ResultKind.WARNING, p, "{\"warningId\":\"w2\",\"level\":\"RED\"}");
        put(ResultKind.VERDICT, p, "{\"verdictId\":\"v1\",\"outcome\":\"WARN\",\"findings\":[{\"ruleId\":\"R1\"}]}");
        put(ResultKind.VERDICT, p, "{\"verdictId\":\"v2\",\"outcome\":\"PASS\",\"findings\":[]}");
        put(ResultKind.VERDICT, "OTHER", "{\"verdictId\":\"x\"}");

        JsonNode data = getJson("vera", "/api/admin/v1/regions/440000/projects/"
                + URLEncoder.encode(p, StandardCharsets.UTF_8) + "/timeline");
        assertEquals(p, data.path("project").asText());
        List<String> order = new ArrayList<>();
        for (JsonNode e : data.path("entries")) {
            JsonNode result = e.path("result");
            String id = result.path(switch (e.path("kind").asText()) {
                case "VERDICT" -> "verdictId";
                case "WARNING" -> "warningId";
                case "SCORE" -> "scoreId";
                default -> "adjustmentId";
            }).asText();
            order.add(e.path("kind").asText() + ":" + id + (e.path("latest").asBoolean() ? "*" : ""));
        }
        assertEquals(List.of("VERDICT:v1", "VERDICT:v2*", "WARNING:w1", "WARNING:w2*", "SCORE:P.2027*",
                "ADJUSTMENT:440000-2027.PROJECT.P*"), order);
        assertEquals("R1", data.path("entries").get(0).path("result").path("findings").get(0).path("ruleId").asText());
        assertEquals("COMPILE", data.path("entries").get(0).path("stage").asText());
        assertEquals("CLOSE", data.path("entries").get(5).path("stage").asText());
        assertEquals(0, getJson("vera", "/api/admin/v1/regions/440000/projects/NONE/timeline").path("entries").size());
    }

    @Test
    void aDepartmentsNoticeHistoryIsServedCaseByCase() throws Exception {
        put(ResultKind.NOTICE, "101", "{\"noticeId\":\"440000-2027.101.REMINDER\",\"type\":\"REMINDER\",\"dueDate\":\"2028-04-20\"}");
        put(ResultKind.NOTICE, "101", "{\"noticeId\":\"440000-2027.101.REMINDER.REFERRAL\",\"type\":\"REFERRAL\","
                + "\"referralTo\":\"ORGANIZATION\",\"caseId\":\"440000-2027.101.REMINDER\",\"issuedOn\":\"2028-05-10\","
                + "\"triggers\":[{\"ruleId\":\"NOTICE_FEEDBACK_OVERDUE\",\"noticeId\":\"440000-2027.101.REMINDER\",\"dueDate\":\"2028-04-20\"}]}");
        JsonNode data = getJson("vera", "/api/admin/v1/regions/440000/departments/101/notices");
        assertEquals("101", data.path("subject").asText());
        JsonNode c = data.path("cases").get(0);
        assertEquals("440000-2027.101.REMINDER", c.path("caseId").asText());
        assertEquals("REFERRED", c.path("state").asText());
        assertEquals("已报送组织部门", c.path("stateZh").asText());
        assertEquals(2, c.path("steps").size());
        assertEquals("NOTICE_FEEDBACK_OVERDUE", c.path("steps").get(1).path("triggers").get(0).path("ruleId").asText());
        assertEquals(0, getJson("vera", "/api/admin/v1/regions/440000/departments/999/notices").path("cases").size());
        assertTrue(get("vera", "/admin/").body().contains("id=\"nh-table\""), "the page has the notice history");
    }

    @Test
    void theLatestResultsOfARegionNewestFirstWithTheirStateAndFindings() throws Exception {
        store.stored.add(new StoredResult(42, "440000", ResultKind.VERDICT, "P2.DECLARED.r1", "P2", StoredResult.DEAD,
                "{\"verdictId\":\"P2.DECLARED.r1\",\"outcome\":\"BLOCK\",\"findings\":[{\"ruleId\":\"EX_ANTE_REQUIRED\","
                        + "\"severity\":\"BLOCK\",\"message\":\"须开展事前评估\"}]}",
                Instant.parse("2027-03-01T08:00:00Z"), null));
        store.stored.add(new StoredResult(41, "440000", ResultKind.WARNING, "P1.2027-06-30.EXECUTION_LAG", "P1",
                StoredResult.DELIVERED, "{\"warningId\":\"P1.2027-06-30.EXECUTION_LAG\",\"level\":\"RED\"}",
                Instant.parse("2027-03-01T07:00:00Z"), Instant.parse("2027-03-01T07:00:01Z")));
        store.stored.add(new StoredResult(40, "440000", ResultKind.VERDICT, "P1.DECLARED.r1", "P1", StoredResult.DELIVERED,
                "not json", Instant.parse("2027-03-01T06:00:00Z"), Instant.parse("2027-03-01T06:00:01Z")));

        JsonNode all = getJson("vera", "/api/admin/v1/regions/440000/results");
        assertEquals(20, all.path("limit").asInt());
        assertTrue(all.path("kind").isNull() && all.path("project").isNull());
        assertEquals(3, all.path("items").size());
        JsonNode first = all.path("items").get(0);
        assertEquals("VERDICT", first.path("kind").asText());
        assertEquals("COMPILE", first.path("stage").asText());
        assertEquals("P2.DECLARED.r1", first.path("id").asText());
        assertEquals("P2", first.path("subject").asText());
        assertEquals(42, first.path("seq").asLong());
        assertEquals("DEAD", first.path("state").asText());
        assertEquals("2027-03-01T08:00:00Z", first.path("createdAt").asText());
        assertTrue(first.path("deliveredAt").isNull());
        assertEquals("EX_ANTE_REQUIRED", first.path("result").path("findings").get(0).path("ruleId").asText());
        assertEquals("2027-03-01T07:00:01Z", all.path("items").get(1).path("deliveredAt").asText());
        assertTrue(all.path("items").get(2).path("result").isNull());
        assertEquals("not json", all.path("items").get(2).path("raw").asText());

        JsonNode verdicts = getJson("vera", "/api/admin/v1/regions/440000/results?kind=verdict&limit=1");
        assertEquals("VERDICT", verdicts.path("kind").asText());
        assertEquals(1, verdicts.path("items").size());
        assertEquals("P2.DECLARED.r1", verdicts.path("items").get(0).path("id").asText());
        assertEquals(1, getJson("vera", "/api/admin/v1/regions/440000/results?kind=%E9%A2%84%E8%AD%A6").path("items").size(),
                "预警 (warning)");

        put(ResultKind.VERDICT, "P1", "{\"verdictId\":\"P1.DECLARED.r1\",\"outcome\":\"WARN\"}");
        put(ResultKind.VERDICT, "P1", "{\"verdictId\":\"P1.REVIEWED.r1\",\"outcome\":\"PASS\"}");
        put(ResultKind.WARNING, "P1", "{\"warningId\":\"w1\",\"level\":\"RED\"}");
        JsonNode project = getJson("vera", "/api/admin/v1/regions/440000/results?project=P1&limit=1");
        assertEquals("P1", project.path("project").asText());
        List<String> ids = new ArrayList<>();
        for (JsonNode i : project.path("items")) {
            ids.add(i.path("id").asText() + (i.path("latest").asBoolean() ? "*" : "") + (i.path("seq").isNull() ? "" : "+seq"));
        }
        assertEquals(List.of("P1.REVIEWED.r1*", "w1*"), ids, "the latest of each kind, in the order of the year");

        for (String bad : List.of("kind=opinion", "limit=0", "limit=501", "limit=x")) {
            HttpResponse<String> r = get("vera", "/api/admin/v1/regions/440000/results?" + bad);
            assertEquals(400, r.statusCode(), bad + ": " + r.body());
        }
        assertEquals(400, get("vera", "/api/admin/v1/regions/44/results").statusCode());
        assertEquals(403, get("nemo", "/api/admin/v1/regions/440000/results").statusCode());
    }

    @Test
    void theInstitutionsQualityGradesOfARegionAndTheirTabOnThePage() throws Exception {
        String body = "{\"assessmentId\":\"440000-2027.EVALUATOR.INST-B\",\"regionCode\":\"440000\",\"year\":2027,"
                + "\"scope\":\"EVALUATOR\",\"subjectCode\":\"INST-B\",\"total\":\"20.00\",\"grade\":\"POOR\","
                + "\"parts\":[{\"ruleId\":\"EVALUATOR_QUALITY_GRADE\",\"points\":\"20.00\",\"max\":\"100\",\"figures\":"
                + "{\"projectCode\":\"P4\",\"conflict\":\"0\",\"deviation\":\"40\",\"late\":\"20\",\"unscored\":\"20\"}}],"
                + "\"rulePack\":\"default@1\",\"assessedAt\":\"2028-06-30T10:00:00+08:00\"}";
        store.stored.add(new StoredResult(50, "440000", ResultKind.ASSESSMENT, "440000-2027.EVALUATOR.INST-B", "INST-B",
                StoredResult.PENDING, body, Instant.parse("2028-06-30T02:00:00Z"), null));
        store.stored.add(new StoredResult(49, "440000", ResultKind.ASSESSMENT, "440000-2027.DEPARTMENT.101", "101",
                StoredResult.DELIVERED, "{\"scope\":\"DEPARTMENT\",\"year\":2027,\"subjectCode\":\"101\"}",
                Instant.parse("2028-06-30T02:00:00Z"), null));

        JsonNode grades = getJson("vera", "/api/admin/v1/regions/440000/evaluators?year=2027");
        assertEquals("440000", grades.path("region").asText());
        assertEquals(2027, grades.path("year").asInt());
        assertEquals(1, grades.path("items").size(), "the department's assessment is not an institution's grade");
        JsonNode b = grades.path("items").get(0);
        assertEquals("INST-B", b.path("institutionId").asText());
        assertEquals(List.of(1, 0, 1, 1, 1), List.of(b.path("reports").asInt(), b.path("conflicts").asInt(),
                b.path("deviations").asInt(), b.path("late").asInt(), b.path("unscored").asInt()));
        assertEquals("20.00", b.path("total").asText());
        assertEquals("POOR", b.path("grade").asText());
        assertEquals("PENDING", b.path("state").asText());
        assertEquals("P4", b.path("parts").get(0).path("projectCode").asText());
        assertTrue(b.path("parts").get(0).path("deviation").asBoolean() && !b.path("parts").get(0).path("conflict").asBoolean());
        assertTrue(getJson("vera", "/api/admin/v1/regions/440000/evaluators").path("year").isNull());
        assertEquals(0, getJson("vera", "/api/admin/v1/regions/440000/evaluators?year=2026").path("items").size());

        HttpResponse<String> bad = get("vera", "/api/admin/v1/regions/440000/evaluators?year=27");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("year"), bad.body());
        assertEquals(400, get("vera", "/api/admin/v1/regions/44/evaluators").statusCode());
        assertEquals(403, get("nemo", "/api/admin/v1/regions/440000/evaluators").statusCode());

        String html = get("vera", "/admin/").body();
        for (String expected : List.of("href=\"#/evaluators\"", "评价机构质量", "id=\"ev-table\"", "'/evaluators'",
                "利益冲突", "得分偏差", "逾期", "未评分", "Evaluator quality")) {
            assertTrue(html.contains(expected), expected);
        }
    }

    @Test
    void theRankingOfARegionsYearWithEachPartsPointsAndFigures() throws Exception {
        store.stored.add(new StoredResult(51, "440000", ResultKind.ASSESSMENT, "440000-2027.DEPARTMENT.102", "102",
                StoredResult.DELIVERED, "{\"assessmentId\":\"440000-2027.DEPARTMENT.102\",\"year\":2027,\"scope\":\"DEPARTMENT\","
                        + "\"subjectCode\":\"102\",\"total\":\"75.00\",\"grade\":\"MEDIUM\",\"rank\":2,\"rankOf\":2,"
                        + "\"parts\":[{\"ruleId\":\"ASSESS_SELF_EVAL_HONESTY\",\"points\":\"0.00\",\"max\":\"10\","
                        + "\"figures\":{\"inflated\":\"1\",\"evaluated\":\"1\",\"worst\":\"C\"}}]}",
                Instant.parse("2028-03-31T02:00:01Z"), null));
        store.stored.add(new StoredResult(50, "440000", ResultKind.ASSESSMENT, "440000-2027.DEPARTMENT.101", "101",
                StoredResult.DELIVERED, "{\"assessmentId\":\"440000-2027.DEPARTMENT.101\",\"year\":2027,\"scope\":\"DEPARTMENT\","
                        + "\"subjectCode\":\"101\",\"total\":\"95.00\",\"grade\":\"EXCELLENT\",\"rank\":1,\"rankOf\":2,"
                        + "\"composite\":\"90.00\",\"list\":\"PRAISE\",\"parts\":[]}",
                Instant.parse("2028-03-31T02:00:00Z"), null));
        JsonNode r = getJson("vera", "/api/admin/v1/regions/440000/ranking?year=2027");
        assertEquals(2027, r.path("year").asInt());
        assertEquals("101", r.path("departments").get(0).path("subjectCode").asText());
        assertEquals("PRAISE", r.path("departments").get(0).path("list").asText());
        assertEquals("C", r.path("departments").get(1).path("parts").get(0).path("figures").path("worst").asText());
        assertEquals(0, r.path("regions").size());
        assertEquals("101", getJson("vera", "/api/admin/v1/regions/440000/ranking").path("departments").get(0)
                .path("subjectCode").asText(), "no year: the latest assessed");
        assertEquals(400, get("vera", "/api/admin/v1/regions/440000/ranking?year=27").statusCode());
        assertEquals(403, get("nemo", "/api/admin/v1/regions/440000/ranking").statusCode());

        String html = get("vera", "/admin/").body();
        for (String expected : List.of("view-ranking", "考核排名", "rk-region", "/ranking", "通报表扬", "通报批评")) {
            assertTrue(html.contains(expected), expected);
        }
    }

    private void put(ResultKind kind, String subject, String json) {
        store.results.computeIfAbsent("440000/" + kind + "/" + subject, k -> new ArrayList<>()).add(json);
    }

    @Test
    void theAuditLogNewestFirst() throws Exception {
        send("PUT", "ada", "/api/admin/v1/regions/440000/stages/compile", "{\"enabled\":false}");
        send("PUT", "ada", "/api/admin/v1/regions/440000/stages/compile", "{\"enabled\":true}");
        JsonNode items = getJson("vera", "/api/admin/v1/audit?limit=1").path("items");
        assertEquals(1, items.size());
        assertEquals(400, get("vera", "/api/admin/v1/audit?limit=0").statusCode());
        assertEquals(400, get("vera", "/api/admin/v1/audit?limit=many").statusCode());
        assertEquals(2, getJson("vera", "/api/admin/v1/audit").path("items").size());
    }

    @Test
    void theListsTakeTheirSearchParametersAndNameABadOne() throws Exception {
        JsonNode inputs = getJson("vera", "/api/admin/v1/regions/440000/dead-letters?kind=input&sort=newest&limit=5");
        assertEquals(1, inputs.path("items").size());
        assertEquals("P009", inputs.path("items").get(0).path("key").asText());
        assertEquals(1, inputs.path("total").asInt());
        assertEquals("INPUT", inputs.path("kind").asText());
        HttpResponse<String> state = get("vera", "/api/admin/v1/regions/440000/dead-letters?state=lost");
        assertEquals(400, state.statusCode());
        assertTrue(state.body().contains("state 须为 open、replayed、skipped 或 all"), state.body());

        send("PUT", "ada", "/api/admin/v1/regions/440000/stages/compile", "{\"enabled\":false}");
        send("PUT", "karaf", "/api/admin/v1/regions/440000/stages/compile", "{\"enabled\":true}");
        JsonNode ada = getJson("vera", "/api/admin/v1/audit?actor=ada&region=440000&from=2020-01-01");
        assertEquals(1, ada.path("total").asInt());
        assertEquals("ada", ada.path("items").get(0).path("actor").asText());
        HttpResponse<String> sort = get("vera", "/api/admin/v1/audit?sort=sideways");
        assertEquals(400, sort.statusCode());
        assertTrue(sort.body().contains("sort 须为 newest 或 oldest"), sort.body());
        HttpResponse<String> from = get("vera", "/api/admin/v1/audit?from=monday");
        assertEquals(400, from.statusCode());
        assertTrue(from.body().contains("from 须为日期"), from.body());

        assertEquals(200, get("vera", "/api/admin/v1/regions/440000/ranking?sort=score&scope=department").statusCode());
        HttpResponse<String> grade = get("vera", "/api/admin/v1/regions/440000/ranking?grade=Z");
        assertEquals(400, grade.statusCode());
        assertTrue(grade.body().contains("grade 须为 EXCELLENT、GOOD、MEDIUM 或 POOR"), grade.body());

        // the audit log's export as a job needs no region
        JsonNode job = mapper.readTree(send("POST", "vera", "/api/admin/v1/jobs",
                "{\"export\":\"audit.xlsx\",\"query\":{\"actor\":\"ada\"}}").body());
        assertEquals("audit.xlsx", job.path("name").asText(), job.toString());
        assertEquals(400, send("POST", "vera", "/api/admin/v1/jobs", "{\"export\":\"dead-letters.xlsx\"}").statusCode(),
                "a region's list needs its region");
    }

    // ------------------------------------------------------------------ the page

    @Test
    void thePageIsSelfContainedAndLockedDownByItsContentSecurityPolicy() throws Exception {
        HttpResponse<String> r = get("vera", "/admin/");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String html = r.body();
        for (String external : List.of("http://", "https://", "src=\"//", "href=\"//", "url(", "@import", "<link",
                "<iframe", " src=")) {
            assertFalse(html.contains(external), "no external resource: " + external);
        }
        assertFalse(html.contains(AdminPage.NONCE), "the nonce placeholder is replaced");
        String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        Matcher m = Pattern.compile("script-src 'nonce-([A-Za-z0-9+/=]+)'").matcher(csp);
        assertTrue(m.find(), csp);
        String nonce = m.group(1);
        assertTrue(html.contains("<script nonce=\"" + nonce + "\">") && html.contains("<style nonce=\"" + nonce + "\">"),
                "inline script and style carry the response's nonce");
        assertTrue(csp.contains("default-src 'none'") && csp.contains("connect-src 'self'")
                && csp.contains("frame-ancestors 'none'"), csp);
        assertFalse(html.contains(" onclick=") || html.contains(" onchange=") || html.contains(" style=\""),
                "no inline handlers or style attributes (blocked by the policy)");
        for (String expected : List.of("编制", "执行", "决算", "English", "/api/admin/v1", "X-CSRF-Token", "lang=\"zh-CN\"")) {
            assertTrue(html.contains(expected), expected);
        }
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""));

        String other = get("vera", "/admin/").headers().firstValue("Content-Security-Policy").orElseThrow();
        assertFalse(other.equals(csp), "a fresh nonce per response");

        HttpResponse<String> root = get("vera", "/");
        assertEquals(302, root.statusCode());
        assertEquals("/admin/", root.headers().firstValue("Location").orElse(""));
    }

    // ------------------------------------------------------------------ the OpenAPI file

    /** The OpenAPI file is part of the change; tests run in bundles/admin-web. */
    static final Path OPENAPI = Path.of("../../docs/openapi/admin-api-v1.yaml");

    @Test
    void everyOperationOfTheOpenApiFileIsServed() throws Exception {
        List<String> lines = Files.readAllLines(OPENAPI, StandardCharsets.UTF_8);
        // a finished job for the job paths (issue 15)
        String job = "{\"export\":\"results.xlsx\",\"region\":\"440000\"}";
        String jobId = mapper.readTree(send("POST", "ada", "/api/admin/v1/jobs", job).body()).path("id").asText();
        for (int i = 0; i < 500 && !getJson("ada", "/api/admin/v1/jobs/" + jobId).path("state").asText().equals("DONE"); i++) {
            Thread.sleep(10);
        }
        Pattern pathLine = Pattern.compile("^  (/\\S+):$");
        Pattern methodLine = Pattern.compile("^    (get|put|post):$");
        String path = null;
        int operations = 0;
        for (String line : lines) {
            Matcher p = pathLine.matcher(line);
            if (p.matches()) {
                path = p.group(1).replace("{regionCode}", "440000").replace("{stage}", "compile")
                        .replace("{projectCode}", "P1").replace("{departmentCode}", "101").replace("{year}", "2027")
                        .replace("{file}", "manifest.json").replace("{chart}", "grades")
                        .replace("{jobId}", jobId);
                continue;
            }
            Matcher m = methodLine.matcher(line);
            if (path != null && m.matches()) {
                String method = m.group(1).toUpperCase(java.util.Locale.ROOT);
                HttpResponse<String> r = method.equals("GET") ? get("ada", path)
                        : send(method, "ada", path, method.equals("PUT") ? "{\"enabled\":true}"
                                : path.endsWith("/jobs") ? job : "{}");
                assertEquals(200, r.statusCode(), method + " " + path + ": " + r.body());
                operations++;
            }
        }
        assertEquals(25, operations, "every operation of the file was tried");
    }

    // ------------------------------------------------------------------ abuse and secrets

    @Test
    void repeatedFailedLoginsAreThrottled() throws Exception {
        HttpRequest bad = HttpRequest.newBuilder(URI.create(base + "/api/admin/v1/regions"))
                .header("Authorization", basic("ada", "wrong")).build();
        for (int i = 0; i < LoginThrottle.MAX_PAIR_FAILURES; i++) {
            assertEquals(401, http.send(bad, HttpResponse.BodyHandlers.ofString()).statusCode());
        }
        attempts.clear();
        HttpResponse<String> blocked = get("ada", "/api/admin/v1/regions");
        assertEquals(429, blocked.statusCode());
        assertTrue(blocked.headers().firstValue("Retry-After").isPresent());
        assertTrue(attempts.isEmpty(), "credentials are not even checked while blocked");
    }

    @Test
    void credentialsNeverReachTheLog() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            http.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/v1/regions"))
                    .header("Authorization", basic("ada", "S3cret-guess")).build(), HttpResponse.BodyHandlers.ofString());
            send("PUT", "ada", "/api/admin/v1/regions/440000/stages/close", "{\"enabled\":false}");
            get("ada", "/api/admin/v1/regions");
        } finally {
            System.setErr(err);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("failed login"), "the failure is logged: " + log);
        for (String secret : List.of("S3cret-guess", "ada-pw", basic("ada", "ada-pw").substring(6),
                basic("ada", "S3cret-guess").substring(6), "Authorization")) {
            assertFalse(log.contains(secret), secret + " in\n" + log);
        }
    }

    @Test
    void basicCredentialsAreDecodedAsUtf8() {
        char[] c = BasicCredentials.decode(basic("张三", "密码:含冒号"));
        assertNotNull(c);
        assertEquals("张三:密码:含冒号", new String(c));
        assertNull(BasicCredentials.decode("Basic " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff})));
        assertNull(BasicCredentials.decode(null));
    }

    // ------------------------------------------------------------------ issue 17: hardening

    private int status(String user, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/v1/regions"))
                .header("Authorization", basic(user, password)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void aValidLoginDoesNotResetAnotherUsersCount() throws Exception {
        for (int i = 0; i < LoginThrottle.MAX_PAIR_FAILURES - 1; i++) {
            assertEquals(401, status("ada", "guess-" + i));
        }
        assertEquals(200, status("vera", "vera-pw"), "another user logs in from the same address");
        assertEquals(401, status("ada", "guess-last"));
        attempts.clear();
        assertEquals(429, status("ada", "ada-pw"), "vera's success did not clear ada's failures");
        assertTrue(attempts.isEmpty(), "ada's credentials are not checked while blocked");
    }

    @Test
    void aLockedAddressDoesNotBlockADifferentValidUser() throws Exception {
        for (int i = 0; i < LoginThrottle.MAX_PAIR_FAILURES; i++) {
            assertEquals(401, status("ada", "guess-" + i));
        }
        assertEquals(429, status("ada", "ada-pw"));
        assertEquals(200, status("vera", "vera-pw"), "vera's correct credentials from the same address");
        assertEquals(200, status("otto", "otto-pw"));
        assertEquals(429, status("ada", "ada-pw"), "and ada stays blocked");
    }

    @Test
    void aStateChangeFromAConfiguredHttpsPublicOriginIsAccepted() throws Exception {
        String path = "/api/admin/v1/regions/440000/stages/execute";
        String proxy = "https://perflink.example.gov.cn";
        assertEquals(403, send("PUT", "ada", path, "{\"enabled\":false}", csrf("ada"), proxy).statusCode(),
                "not configured: refused");
        assertEquals("true", executeEnabled());

        serve(new OriginCheck("https://other.example.gov.cn, " + proxy + "/", " "));
        String token = csrf("ada");
        assertEquals(403, send("PUT", "ada", path, "{\"enabled\":false}", token, "https://evil.example").statusCode());
        assertEquals(403, send("PUT", "ada", path, "{\"enabled\":false}", token, "http://perflink.example.gov.cn")
                .statusCode(), "the scheme counts");
        assertEquals("true", executeEnabled());
        HttpResponse<String> ok = send("PUT", "ada", path, "{\"enabled\":false}", token, "HTTPS://PerfLink.example.gov.cn");
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("false", executeEnabled());
        assertEquals(200, send("PUT", "ada", path, "{\"enabled\":true}", token, base).statusCode(),
                "the server's own origin still works");
    }

    @Test
    void theLastErrorIsShownAsACategoryAndAReferenceNeverAsRawText() throws Exception {
        String raw = "org.h2.jdbc.JdbcSQLSyntaxErrorException: Table \"PL_OUTBOX\" not found; SQL statement: "
                + "SELECT seq FROM pl_outbox WHERE region_code = ? [42102-232]";
        store.statuses.put("440000", new RegionStatus("440000", Map.of(), 0, null, 0, 0, raw,
                Instant.parse("2027-03-01T07:45:00Z"), null));
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        HttpResponse<String> r;
        try {
            r = get("vera", "/api/admin/v1/regions");
        } finally {
            System.setErr(err);
        }
        assertEquals(200, r.statusCode());
        for (String secret : List.of("PL_OUTBOX", "SELECT", "JdbcSQL", "org.h2", "region_code")) {
            assertFalse(r.body().contains(secret), secret + " shown: " + r.body());
        }
        JsonNode last = mapper.readTree(r.body()).path("regions").get(0).path("lastError");
        assertEquals("store", last.path("category").asText());
        String ref = last.path("ref").asText();
        assertTrue(ref.matches("[0-9a-f]{8}"), ref);
        assertTrue(last.path("message").asText().contains(ref), last.toString());
        assertEquals("2027-03-01T07:45:00Z", last.path("at").asText());
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains(ref) && log.contains("PL_OUTBOX"), "the full text is in the log under its ref: " + log);
    }

    @Test
    void deadLettersComeAPageAtATimeWithTheirTotal() throws Exception {
        for (int i = 0; i < 5; i++) {
            store.letter(100 + i, "440000", "VERDICT", "P10" + i + ".DECLARED.r1", 422, "refused " + i);
        }
        JsonNode first = getJson("vera", "/api/admin/v1/regions/440000/dead-letters?limit=3");
        assertEquals(7, first.path("total").asInt());
        assertEquals(0, first.path("offset").asInt());
        assertEquals(3, first.path("limit").asInt());
        assertEquals(3, first.path("items").size());
        JsonNode last = getJson("vera", "/api/admin/v1/regions/440000/dead-letters?limit=3&offset=6");
        assertEquals(1, last.path("items").size());
        assertEquals(7, last.path("total").asInt());
        List<Long> ids = new ArrayList<>();
        for (int offset = 0; offset < 7; offset += 3) {
            getJson("vera", "/api/admin/v1/regions/440000/dead-letters?limit=3&offset=" + offset).path("items")
                    .forEach(i -> ids.add(i.path("id").asLong()));
        }
        assertEquals(7, ids.stream().distinct().count(), "every letter once over the pages: " + ids);
        assertEquals(100, getJson("vera", "/api/admin/v1/regions/440000/dead-letters").path("limit").asInt(),
                "a default page size");
        for (String bad : List.of("limit=0", "limit=501", "offset=-1", "offset=x")) {
            assertEquals(400, get("vera", "/api/admin/v1/regions/440000/dead-letters?" + bad).statusCode(), bad);
        }
    }

    @Test
    void theLatestResultsComeAPageAtATime() throws Exception {
        for (int i = 0; i < 5; i++) {
            store.stored.add(new StoredResult(50 - i, "440000", ResultKind.VERDICT, "P" + i + ".DECLARED.r1", "P" + i,
                    StoredResult.DELIVERED, "{\"verdictId\":\"P" + i + ".DECLARED.r1\"}",
                    Instant.parse("2027-03-01T08:00:00Z").minusSeconds(i), Instant.parse("2027-03-01T08:00:01Z")));
        }
        JsonNode page1 = getJson("vera", "/api/admin/v1/regions/440000/results?limit=2");
        assertEquals(List.of("P0.DECLARED.r1", "P1.DECLARED.r1"), ids(page1));
        assertTrue(page1.path("hasMore").asBoolean());
        assertTrue(page1.path("total").isNull());
        JsonNode page3 = getJson("vera", "/api/admin/v1/regions/440000/results?limit=2&offset=4");
        assertEquals(List.of("P4.DECLARED.r1"), ids(page3));
        assertFalse(page3.path("hasMore").asBoolean());
        assertEquals(5, page3.path("total").asInt());
        assertEquals(4, page3.path("offset").asInt());
        assertEquals(400, get("vera", "/api/admin/v1/regions/440000/results?offset=-2").statusCode());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }
}
