package org.perflink.admin.web.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perflink.admin.api.AdminOperations;
import org.perflink.admin.api.ExportProgress;
import org.perflink.admin.internal.AdminJson;
import org.perflink.admin.internal.FakeConfigAdmin;
import org.perflink.admin.internal.FakeStore;
import org.perflink.admin.internal.LiveStatus;
import org.perflink.admin.internal.RegionConfigEditor;
import org.perflink.reports.FakeRulePacks;

/** Long exports as jobs over real HTTP: start, progress, cancel, the file when done, bounds and owners. */
class AdminJobsTest {

    @TempDir
    Path etc;

    private WebHarness server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();
    /** What a test's export waits for before it finishes, by the region it exports. */
    private final Map<String, CountDownLatch> release = new ConcurrentHashMap<>();
    /** The steps of the year's figures before the report's charts (the year, each part read, the figures counted). */
    private static final int YEAR_STEPS = org.perflink.reports.StoreYear.STEPS;
    /** The steps the real annual report told its job, in order. */
    private final List<Long> reportSteps = new CopyOnWriteArrayList<>();
    /** The report's step after which it waits for the release of 440000 (0: none), as if that step were long. */
    private final AtomicLong holdReportAfter = new AtomicLong();

    @BeforeEach
    void start() throws Exception {
        FakeStore store = new FakeStore().withFixtureYear();
        AdminJson real = new AdminJson(List::of, store, store, store, store, new FakeRulePacks(),
                new RegionConfigEditor(new FakeConfigAdmin(), etc), () -> LiveStatus.none(etc.resolve("s.json"), "none"),
                Clock.systemUTC(), mapper, null);
        // the operations, but an export that steps once, then waits for its release, checking for a cancel
        AdminOperations api = (AdminOperations) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AdminOperations.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("export")) {
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }
                    String region = (String) args[1];
                    ExportProgress progress = (ExportProgress) args[3];
                    if (((String) args[0]).startsWith("report.")) { // the real report, its steps watched
                        return real.export((String) args[0], region, (Map<String, String>) args[2],
                                watched(progress, release.computeIfAbsent(region, r -> new CountDownLatch(1))));
                    }
                    progress.step(1, 3, "第一部分 (part one)");
                    CountDownLatch latch = release.computeIfAbsent(region, r -> new CountDownLatch(1));
                    while (!latch.await(20, TimeUnit.MILLISECONDS)) {
                        progress.checkCancelled();
                    }
                    progress.step(3, 3, "完成 (done)");
                    return new AdminOperations.Download(region + "-" + args[0], "application/zip",
                            ("file of " + region).getBytes(StandardCharsets.UTF_8));
                });
        Authenticator auth = (user, password) -> (user + "-pw").equals(new String(password))
                ? Optional.of(new AdminUser(user, Set.of(AdminUser.VIEWER))) : Optional.empty();
        server = WebHarness.start(api, auth, new OriginCheck(), Clock.systemUTC());
    }

    /** The job's progress, each step recorded, and held after {@link #holdReportAfter} until released or cancelled. */
    private ExportProgress watched(ExportProgress job, CountDownLatch latch) {
        return new ExportProgress() {
            @Override
            public void step(long done, long total, String what) {
                reportSteps.add(done);
                job.step(done, total, what);
                try {
                    while (done == holdReportAfter.get() && !job.cancelled() && !latch.await(20, TimeUnit.MILLISECONDS)) {
                        Thread.onSpinWait(); // each turn waited 20 ms for the release
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public boolean cancelled() {
                return job.cancelled();
            }
        };
    }

    @AfterEach
    void stop() throws Exception {
        release.values().forEach(CountDownLatch::countDown);
        server.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-pw").getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> get(String user, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", basic(user)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode json(HttpResponse<byte[]> r) throws Exception {
        return mapper.readTree(r.body());
    }

    private HttpResponse<byte[]> send(String method, String user, String path, String body, boolean withToken)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Authorization", basic(user)).header("Content-Type", "application/json");
        if (withToken) {
            b.header(ApiServlet.CSRF_HEADER, get(user, "/api/admin/v1/csrf").headers().firstValue(ApiServlet.CSRF_HEADER)
                    .orElseThrow());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode startJob(String user, String region) throws Exception {
        HttpResponse<byte[]> r = send("POST", user, "/api/admin/v1/jobs",
                "{\"export\":\"results.xlsx\",\"region\":\"" + region + "\",\"query\":{\"state\":\"DEAD\"}}", true);
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        return json(r);
    }

    /** Polls the job until {@code state}, as the page does. */
    private JsonNode awaitState(String user, String id, String state) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        JsonNode job;
        do {
            job = json(get(user, "/api/admin/v1/jobs/" + id));
            if (job.path("state").asText().equals(state)) {
                return job;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < until);
        throw new AssertionError("job " + id + " not " + state + ": " + job);
    }

    @Test
    void aJobShowsItsProgressAndItsFileIsDownloadedWhenDone() throws Exception {
        JsonNode started = startJob("vera", "440000");
        String id = started.path("id").asText();
        assertTrue(id.matches("[0-9a-f]{32}"), id);
        assertEquals("440000 results.xlsx", started.path("name").asText());
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        JsonNode running = json(get("vera", "/api/admin/v1/jobs/" + id));
        while (running.path("done").asLong() < 1 && System.nanoTime() < until) {
            running = json(get("vera", "/api/admin/v1/jobs/" + id));
        }
        assertEquals("RUNNING", running.path("state").asText());
        assertEquals(1, running.path("done").asLong());
        assertEquals(3, running.path("total").asLong());
        assertEquals("第一部分 (part one)", running.path("what").asText());
        assertEquals(409, get("vera", "/api/admin/v1/jobs/" + id + "/file").statusCode(), "no file before it is done");
        assertEquals(404, get("otto", "/api/admin/v1/jobs/" + id).statusCode(), "another user's job is not there");
        assertEquals(1, json(get("vera", "/api/admin/v1/jobs")).path("items").size());
        assertEquals(0, json(get("otto", "/api/admin/v1/jobs")).path("items").size());

        release.computeIfAbsent("440000", r -> new CountDownLatch(1)).countDown();
        JsonNode done = awaitState("vera", id, "DONE");
        assertEquals(3, done.path("done").asLong());
        assertEquals("/api/admin/v1/jobs/" + id + "/file", done.path("download").asText());
        HttpResponse<byte[]> file = get("vera", done.path("download").asText());
        assertEquals(200, file.statusCode());
        assertArrayEquals("file of 440000".getBytes(StandardCharsets.UTF_8), file.body());
        assertTrue(file.headers().firstValue("Content-Disposition").orElse("").contains("440000-results.xlsx"));

        assertEquals(200, send("DELETE", "vera", "/api/admin/v1/jobs/" + id, "", true).statusCode(), "a finished job is dropped");
        assertEquals(404, get("vera", "/api/admin/v1/jobs/" + id).statusCode());
    }

    @Test
    void aCancelledJobStopsAtItsNextPartAndHasNoFile() throws Exception {
        String id = startJob("vera", "440100").path("id").asText();
        assertEquals(403, send("DELETE", "vera", "/api/admin/v1/jobs/" + id, "", false).statusCode(), "a cancel needs the token");
        HttpResponse<byte[]> cancel = send("DELETE", "vera", "/api/admin/v1/jobs/" + id, "", true);
        assertEquals(200, cancel.statusCode(), new String(cancel.body(), StandardCharsets.UTF_8));
        JsonNode cancelled = awaitState("vera", id, "CANCELLED");
        assertTrue(cancelled.path("download").isNull());
        assertEquals(409, get("vera", "/api/admin/v1/jobs/" + id + "/file").statusCode());
    }

    private JsonNode startReport(String export, String query) throws Exception {
        HttpResponse<byte[]> r = send("POST", "vera", "/api/admin/v1/jobs",
                "{\"export\":\"" + export + "\",\"region\":\"440000\",\"query\":" + query + "}", true);
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        return json(r);
    }

    @Test
    void theAnnualReportAsAJobStepsToTheEndAndItsPdfIsDownloaded() throws Exception {
        JsonNode started = startReport("report.pdf", "{\"year\":2027}");
        assertEquals("440000 2027 report.pdf", started.path("name").asText());
        JsonNode done = awaitState("vera", started.path("id").asText(), "DONE");
        long total = done.path("total").asLong();
        assertTrue(total > 10, "the report's parts read, charts drawn and file written: " + done);
        assertEquals(total, done.path("done").asLong(), "at its end: " + done);
        List<Long> oneByOne = new ArrayList<>();
        for (long i = 1; i <= total; i++) {
            oneByOne.add(i);
        }
        assertEquals(oneByOne, reportSteps, "every step told to the job, one more each time");
        assertTrue(done.path("what").asText().endsWith("pages written)"), done.toString());
        HttpResponse<byte[]> file = get("vera", done.path("download").asText());
        assertEquals(200, file.statusCode());
        assertEquals("440000-2027-report.pdf", done.path("fileName").asText());
        assertTrue(file.headers().firstValue("Content-Disposition").orElse("").contains("440000-2027-report.pdf"));
        try (PDDocument doc = Loader.loadPDF(file.body())) {
            assertTrue(new PDFTextStripper().getText(doc).matches("(?s).*项目 projects\\s+4\\b.*"), "the project count");
        }
        assertEquals(200, get("vera", "/api/admin/v1/regions/440000/report?year=2027&format=pdf").statusCode(),
                "the plain download stays");
    }

    @Test
    void aCancelledReportJobStopsAtItsNextStepAndKeepsNoFile() throws Exception {
        holdReportAfter.set(YEAR_STEPS + 3); // the figures read, three charts drawn
        String id = startReport("report.pdf", "{\"year\":\"2027\"}").path("id").asText();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        JsonNode running = json(get("vera", "/api/admin/v1/jobs/" + id));
        while (running.path("done").asLong() < YEAR_STEPS + 3 && System.nanoTime() < until) {
            Thread.sleep(20);
            running = json(get("vera", "/api/admin/v1/jobs/" + id));
        }
        assertEquals("RUNNING", running.path("state").asText(), running.toString());
        assertEquals(YEAR_STEPS + 3, running.path("done").asLong(), running.toString());
        assertTrue(running.path("total").asLong() > YEAR_STEPS + 3, running.toString());
        assertEquals(200, send("DELETE", "vera", "/api/admin/v1/jobs/" + id, "", true).statusCode());
        JsonNode cancelled = awaitState("vera", id, "CANCELLED");
        assertEquals(YEAR_STEPS + 3, reportSteps.size(), "no step after the cancel: " + reportSteps);
        assertTrue(cancelled.path("download").isNull() && cancelled.path("fileName").isNull(), cancelled.toString());
        assertEquals(409, get("vera", "/api/admin/v1/jobs/" + id + "/file").statusCode(), "no file");
    }

    /** A start that is refused with a 400 whose error begins with {@code named}; the error. */
    private String refused(String export, String query, String named) throws Exception {
        HttpResponse<byte[]> r = send("POST", "vera", "/api/admin/v1/jobs",
                "{\"export\":\"" + export + "\",\"region\":\"440000\",\"query\":" + query + "}", true);
        assertEquals(400, r.statusCode(), export + " " + query);
        String error = json(r).path("error").asText();
        assertTrue(error.startsWith(named), error);
        return error;
    }

    @Test
    void aBadYearIsA400NamingItAndStartsNoJob() throws Exception {
        for (String query : List.of("{\"year\":\"27\"}", "{\"year\":1999}", "{\"year\":\"twenty\"}")) {
            String error = refused("report.pdf", query, "query.year 须为 2000 至 2100");
            assertTrue(error.contains("query.year must be 2000 to 2100"), error);
        }
        refused("report.html", "{\"format\":\"pdf\"}", "query.format");
        refused("disclosure.zip", "{\"year\":\"27\"}", "query.year");
        assertEquals(0, json(get("vera", "/api/admin/v1/jobs")).path("items").size(), "no job started");
        assertEquals(List.of(), reportSteps);
    }

    @Test
    void jobsAreBoundedAndBadStartsAreNamed() throws Exception {
        startJob("vera", "440100");
        startJob("otto", "440300");
        HttpResponse<byte[]> third = send("POST", "vera", "/api/admin/v1/jobs",
                "{\"export\":\"results.xlsx\",\"region\":\"440400\"}", true);
        assertEquals(409, third.statusCode(), "at most " + Jobs.MAX_RUNNING + " run at once");
        assertTrue(json(third).path("error").asText().contains("jobs are running"), json(third).toString());

        HttpResponse<byte[]> unknown = send("POST", "vera", "/api/admin/v1/jobs", "{\"export\":\"all.pdf\",\"region\":\"440000\"}",
                true);
        assertEquals(400, unknown.statusCode());
        assertTrue(json(unknown).path("error").asText().startsWith("export"), json(unknown).toString());
        HttpResponse<byte[]> region = send("POST", "vera", "/api/admin/v1/jobs",
                "{\"export\":\"results.xlsx\",\"region\":\"44\"}", true);
        assertEquals(400, region.statusCode());
        assertTrue(json(region).path("error").asText().startsWith("region"), json(region).toString());
        assertEquals(404, get("vera", "/api/admin/v1/jobs/" + "0".repeat(32)).statusCode());
    }
}
