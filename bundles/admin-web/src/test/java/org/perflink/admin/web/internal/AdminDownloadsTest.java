package org.perflink.admin.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perflink.admin.internal.AdminJson;
import org.perflink.admin.internal.FakeConfigAdmin;
import org.perflink.admin.internal.FakeStore;
import org.perflink.admin.internal.LiveStatus;
import org.perflink.admin.internal.RegionConfigEditor;
import org.perflink.reports.FakeRulePacks;
import org.perflink.reports.Xlsx;
import org.perflink.store.PublicRecords;

/** The API's downloads over real HTTP: the page's lists as xlsx, and the files of the open-data export. */
class AdminDownloadsTest {

    @TempDir
    Path etc;

    private WebHarness server;
    private final HttpClient http = HttpClient.newHttpClient();

    private static final PublicRecords ONE_TARGET = new PublicRecords() {
        @Override
        public void forEach(String regionCode, int year, String kind, Consumer<PublicRecord> each) {
            each.accept(new PublicRecord(regionCode, year, kind, "440000-2027-000123", "{\"regionCode\":\"440000\","
                    + "\"year\":2027,\"projectCode\":\"440000-2027-000123\",\"projectName\":\"教育信息化建设\",\"indicators\":[]}"));
        }

        @Override
        public long count(String regionCode, int year, String kind) {
            return 1;
        }
    };

    @BeforeEach
    void start() throws Exception {
        FakeStore store = new FakeStore();
        store.letter(7, "440000", "VERDICT", "=P001", 422, "indicator unknown");
        AdminJson api = new AdminJson(List::of, store, store, store, store, new FakeRulePacks(),
                new RegionConfigEditor(new FakeConfigAdmin(), etc), () -> LiveStatus.none(etc.resolve("s.json"), "none"),
                Clock.systemUTC(), new ObjectMapper(), ONE_TARGET);
        Authenticator auth = (user, password) -> "vera".equals(user) && "vera-pw".equals(new String(password))
                ? Optional.of(new AdminUser(user, Set.of(AdminUser.VIEWER))) : Optional.empty();
        server = WebHarness.start(api, auth, new OriginCheck(), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private HttpResponse<byte[]> get(String path, boolean authenticated) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET();
        if (authenticated) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("vera:vera-pw".getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aListIsAnXlsxAttachment() throws Exception {
        for (String path : List.of("/api/admin/v1/regions/440000/dead-letters.xlsx?limit=10",
                "/api/admin/v1/regions/440000/results.xlsx?kind=score", "/api/admin/v1/audit.xlsx")) {
            HttpResponse<byte[]> r = get(path, true);
            assertEquals(200, r.statusCode(), path);
            assertEquals(Xlsx.MEDIA_TYPE, r.headers().firstValue("Content-Type").orElse(""), path);
            assertTrue(r.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment; filename=\""), path);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertEquals('P', r.body()[0], "a zip (xlsx) file");
            assertEquals('K', r.body()[1]);
        }
        assertEquals(401, get("/api/admin/v1/audit.xlsx", false).statusCode(), "downloads need a login too");
        assertEquals(400, get("/api/admin/v1/regions/440000/results.xlsx?limit=0", true).statusCode());
    }

    @Test
    void theOpenDataFilesAreServedAndUnknownOnesRefused() throws Exception {
        HttpResponse<byte[]> r = get("/api/admin/v1/regions/440000/disclosure/2027/targets.jsonl", true);
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("\"projectName\":\"教育信息化建设\""));
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").contains("440000-2027-targets.jsonl"));
        assertEquals(200, get("/api/admin/v1/regions/440000/disclosure/2027/manifest.json", true).statusCode());
        assertEquals(400, get("/api/admin/v1/regions/440000/disclosure/2027/secrets.txt", true).statusCode());
        assertEquals(404, get("/api/admin/v1/regions/440000/disclosure/20x7/targets.csv", true).statusCode());
        assertEquals(400, get("/api/admin/v1/regions/440000/disclosure/1999/targets.csv", true).statusCode());
    }
}
