package org.perflink.mockhost;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The mock budget management integration system (模拟预算管理一体化系统): the host side of host-api-v1 on the
 * JDK's HTTP server, plus {@code /mock/} endpoints that tests and demos use to drive it. No OSGi types: the
 * standalone {@link Main} and the DS component share this class.
 *
 * <h2>Stage events and their cursor</h2>
 * {@code GET /api/v1/regions/{r}/stage-events?after=&limit=} returns the region's events with
 * {@code seq > after} (all of them when {@code after} is absent or empty), at most {@code limit} (default 200,
 * 1..1000) in increasing seq. As in the contract's example, a non-empty page's {@code nextCursor} is the
 * seq of its last item, as a string: the value to pass as {@code after} next time, whether or not more
 * events are already waiting. An empty page has {@code nextCursor: null}: nothing after {@code after} yet;
 * the client keeps its own cursor and asks again later. {@code after} must be a whole number (400
 * otherwise).
 *
 * <h2>Paged collections</h2>
 * Projects, execution snapshots, evaluation inputs and department inputs are paged by an opaque cursor
 * (it encodes an offset into the filtered list); {@code nextCursor} is null on the last page; limit
 * defaults to 200, must be 1..1000 (400 otherwise); a cursor the mock did not issue is a 400. An unknown
 * region has empty pages; a single project that does not exist is a 404.
 *
 * <h2>Results</h2>
 * {@code PUT .../{verdicts|scores|warnings|adjustments|notices}/{id}} stores a JSON object body: 201 the
 * first time the id is written (per region and kind), 200 on every repeat. A body whose own id field
 * ({@code verdictId}, ...) or {@code regionCode} contradicts the path is a 400. {@code POST
 * .../results:batch} does the same for up to 500 items (413 above), answering one status per item; it
 * answers 404 when batch support is switched off.
 */
public final class MockHost implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(MockHost.class.getName());

    static {
        // The JDK server leaves Nagle's algorithm on, so a keep-alive client meets the 40 ms delayed-ACK stall on
        // every request (≈25 requests/s per connection). The server reads this property once, when its first
        // instance is made in the JVM; an explicit setting by the operator wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    public static final int DEFAULT_LIMIT = 200;
    public static final int MAX_LIMIT = 1000;
    public static final int MAX_BATCH = 500;
    private static final int MAX_BODY = 8 * 1024 * 1024;

    /**
     * How the server is run. {@code maxLog}: how many writes {@code /mock/received/log} keeps (older ones are
     * dropped and counted); {@code keepBodies = false} records counts and fingerprints only (scale runs).
     */
    public record Options(String bind, int port, boolean batch, int threads, int maxLog, boolean keepBodies) {
        public Options {
            Objects.requireNonNull(bind, "bind");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads " + threads);
            }
            if (maxLog < 0) {
                throw new IllegalArgumentException("maxLog " + maxLog);
            }
        }

        public static Options defaults() {
            return new Options("127.0.0.1", 18181, true, 8, 100_000, true);
        }

        public Options withPort(int p) {
            return new Options(bind, p, batch, threads, maxLog, keepBodies);
        }

        public Options withBind(String b) {
            return new Options(b, port, batch, threads, maxLog, keepBodies);
        }

        public Options withBatch(boolean b) {
            return new Options(bind, port, b, threads, maxLog, keepBodies);
        }

        public Options withThreads(int t) {
            return new Options(bind, port, batch, t, maxLog, keepBodies);
        }

        public Options withMaxLog(int m) {
            return new Options(bind, port, batch, threads, m, keepBodies);
        }

        public Options withKeepBodies(boolean k) {
            return new Options(bind, port, batch, threads, maxLog, k);
        }
    }

    private final Options options;
    private volatile Dataset dataset;
    private final Map<String, EventFeed> feeds = new ConcurrentHashMap<>();
    private final Received received;
    private volatile Faults faults = Faults.NONE;
    private final AtomicLong faultCounter = new AtomicLong();
    private final AtomicLong apiRequests = new AtomicLong();
    private final AtomicLong faultedRequests = new AtomicLong();
    private volatile RequestListener requestListener;
    private HttpServer server;
    private ExecutorService executor;

    public MockHost(Options options, Dataset dataset) {
        this.options = Objects.requireNonNull(options);
        this.received = new Received(options.maxLog(), options.keepBodies());
        load(dataset);
    }

    // ---------------------------------------------------------------- lifecycle

    public synchronized MockHost start() throws IOException {
        if (server != null) {
            return this;
        }
        HttpServer s = HttpServer.create(new InetSocketAddress(options.bind(), options.port()), 64);
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor ex = new ThreadPoolExecutor(options.threads(), options.threads(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(10_000), r -> {
                    Thread t = new Thread(r, "mock-host-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        s.setExecutor(ex);
        s.createContext("/", this::handle);
        s.start();
        server = s;
        executor = ex;
        LOG.log(Level.INFO, "mock host listening on {0} (dataset {1}, batch {2})", baseUri(), dataset.name(),
                options.batch() ? "on" : "off");
        return this;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
            executor = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.getAddress().getPort();
    }

    public URI baseUri() {
        String host = options.bind().contains(":") ? "[" + options.bind() + "]" : options.bind();
        if (host.equals("0.0.0.0")) {
            host = "127.0.0.1";
        }
        return URI.create("http://" + host + ":" + port());
    }

    public Options options() {
        return options;
    }

    // ---------------------------------------------------------------- state used by tests and the component

    /** Replaces the dataset and resets every event feed to the dataset's served events. */
    public synchronized void load(Dataset d) {
        dataset = Objects.requireNonNull(d);
        feeds.clear();
        for (RegionData r : d.regions()) {
            EventFeed f = feed(r.regionCode());
            r.initialEvents().forEach(e -> f.append(e, r.year()));
        }
    }

    /** Back to a fresh start on {@code d}: no writes, no faults, zeroed counters, the dataset's own events. */
    public synchronized void reset(Dataset d) {
        received.clear();
        apiRequests.set(0);
        faultedRequests.set(0);
        faults(Faults.NONE);
        load(d);
    }

    public Dataset dataset() {
        return dataset;
    }

    public Received received() {
        return received;
    }

    public void faults(Faults f) {
        faults = Objects.requireNonNull(f);
        faultCounter.set(0);
    }

    public Faults faults() {
        return faults;
    }

    /**
     * An {@code /api/} request as it arrives, before faults or handling: when, how, which region (or null), and the
     * {@code Host} header it came with (clients given different names for this host can be told apart).
     */
    public record Request(java.time.Instant at, String method, String path, String region, String host) {
    }

    /** Told of every {@code /api/} request as it arrives (tests time who asks for a region when). */
    @FunctionalInterface
    public interface RequestListener {
        void requested(Request request);
    }

    /** Sets (or, with null, removes) the one listener of {@code /api/} requests. */
    public void onRequest(RequestListener listener) {
        requestListener = listener;
    }

    private EventFeed feed(String region) {
        return feeds.computeIfAbsent(region, EventFeed::new);
    }

    /** Appends events (an object or an array) to a region's feed; returns the stored events. */
    public List<ObjectNode> appendEvents(String region, JsonNode body) {
        RegionData r = dataset.region(region);
        Integer year = r == null ? null : r.year();
        List<ObjectNode> out = new ArrayList<>();
        EventFeed f = feed(region);
        synchronized (f) {
            if (body.isArray()) {
                for (JsonNode e : body) {
                    out.add(f.append(e, year));
                }
            } else {
                out.add(f.append(body, year));
            }
        }
        return out;
    }

    /**
     * Appends a region's scripted events of {@code stage} (and {@code phase}, when given; all stages when
     * {@code stage} is null), in the order the dataset lists them, each with a fresh seq.
     */
    public List<ObjectNode> script(String region, String stage, String phase) {
        RegionData r = dataset.region(region);
        if (r == null) {
            return List.of();
        }
        List<ObjectNode> out = new ArrayList<>();
        EventFeed f = feed(region);
        synchronized (f) {
            for (ObjectNode e : r.scriptedEvents()) {
                if ((stage == null || stage.equals(Json.textOf(e, "stage")))
                        && (phase == null || phase.equals(Json.textOf(e, "phase")))) {
                    ObjectNode copy = e.deepCopy();
                    copy.remove("seq");
                    out.add(f.append(copy, r.year()));
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- HTTP

    private void handle(HttpExchange ex) {
        Response res;
        try {
            List<String> seg = segments(ex.getRequestURI().getRawPath());
            Map<String, String> q = query(ex.getRequestURI().getRawQuery());
            if (!seg.isEmpty() && seg.get(0).equals("api")) {
                apiRequests.incrementAndGet();
                RequestListener l = requestListener;
                if (l != null) {
                    l.requested(new Request(java.time.Instant.now(), ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                            seg.size() > 3 && seg.get(2).equals("regions") ? seg.get(3) : null,
                            ex.getRequestHeaders().getFirst("Host")));
                }
                Faults f = faults;
                if (!f.none() && f.appliesTo(ex.getRequestMethod(), seg)) {
                    res = injectFault(ex, f);
                    if (res == CLOSED) {
                        ex.close(); // no response: the connection is closed under the client
                        return;
                    }
                    if (res != null) {
                        send(ex, res);
                        return;
                    }
                }
                res = api(ex, seg, q);
            } else if (!seg.isEmpty() && seg.get(0).equals("mock")) {
                res = mock(ex, seg, q);
            } else if (seg.isEmpty()) {
                res = Response.ok(index());
            } else {
                throw HttpError.notFound("no such path: " + ex.getRequestURI().getRawPath());
            }
        } catch (HttpError e) {
            res = new Response(e.status(), Json.error(e.getMessage()), Map.of());
        } catch (RuntimeException | IOException e) {
            LOG.log(Level.WARNING, "mock host failed on " + ex.getRequestMethod() + " " + ex.getRequestURI(), e);
            res = new Response(500, Json.error("mock host error: " + e), Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ex.close();
            return;
        }
        send(ex, res);
    }

    /** A response to send. */
    record Response(int status, JsonNode body, Map<String, String> headers) {
        static Response ok(JsonNode body) {
            return new Response(200, body, Map.of());
        }
    }

    private static final Response CLOSED = new Response(0, null, Map.of());

    private Response injectFault(HttpExchange ex, Faults f) throws InterruptedException {
        if (f.delayMillis() > 0) {
            Thread.sleep(f.delayMillis());
        }
        Map<String, String> headers = f.retryAfterSeconds() == null ? Map.of()
                : Map.of("Retry-After", Integer.toString(f.retryAfterSeconds()));
        if (f.down()) {
            faultedRequests.incrementAndGet();
            if (f.closeConnection()) {
                return CLOSED;
            }
            return new Response(503, Json.error("mock host is down (fault injection: down)"), headers);
        }
        if (f.status() != null) {
            long n = faultCounter.incrementAndGet();
            if (n % f.everyNth() == 0) {
                faultedRequests.incrementAndGet();
                return new Response(f.status(), Json.error("mock host answers " + f.status()
                        + " to request " + n + " (fault injection: status every " + f.everyNth() + ")"), headers);
            }
        }
        return null;
    }

    private static void send(HttpExchange ex, Response res) {
        try (ex) {
            byte[] bytes = res.body() == null ? new byte[0] : Json.write(res.body());
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            res.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            if (ex.getRequestMethod().equals("HEAD") || res.status() == 204) {
                ex.sendResponseHeaders(res.status(), -1);
                return;
            }
            ex.sendResponseHeaders(res.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // the client went away; nothing to do
            LOG.log(Level.DEBUG, "could not answer " + ex.getRequestURI() + ": " + e);
        }
    }

    // ---------------------------------------------------------------- /api/v1

    private Response api(HttpExchange ex, List<String> seg, Map<String, String> q) throws IOException {
        if (seg.size() < 5 || !seg.get(1).equals("v1") || !seg.get(2).equals("regions")) {
            throw HttpError.notFound("no such path: " + ex.getRequestURI().getRawPath());
        }
        String region = seg.get(3);
        if (!Dataset.REGION_CODE.matcher(region).matches()) {
            throw HttpError.badRequest("regionCode must be 6 digits, not starting with 0: " + region);
        }
        String method = ex.getRequestMethod();
        String what = seg.get(4);
        RegionData r = dataset.region(region);
        if (seg.size() == 5) {
            switch (what) {
                case "stage-events" -> {
                    only(method, "GET");
                    return Response.ok(stageEvents(region, q));
                }
                case "projects" -> {
                    only(method, "GET");
                    int year = year(q);
                    List<JsonNode> items;
                    if (r == null) {
                        items = List.of();
                    } else if (q.containsKey("codes") && !q.get("codes").isBlank()) {
                        Set<String> codes = new LinkedHashSet<>();
                        for (String c : q.get("codes").split(",")) {
                            if (!c.isBlank()) {
                                codes.add(c.trim());
                            }
                        }
                        items = r.projectsByCodes(year, codes);
                    } else {
                        items = r.projects(year);
                    }
                    return Response.ok(page(items, q));
                }
                case "execution" -> {
                    only(method, "GET");
                    int year = year(q);
                    String asOf = date(q, "asOf");
                    return Response.ok(page(r == null ? List.of() : r.execution(year, asOf), q));
                }
                case "evaluations" -> {
                    only(method, "GET");
                    int year = year(q);
                    return Response.ok(page(r == null ? List.of() : r.evaluations(year), q));
                }
                case "departments" -> {
                    only(method, "GET");
                    int year = year(q);
                    return Response.ok(page(r == null ? List.of() : r.departments(year), q));
                }
                case "evaluators" -> {
                    only(method, "GET");
                    return Response.ok(page(r == null ? List.of() : r.evaluators(), q));
                }
                case "subregions" -> {
                    only(method, "GET");
                    int year = year(q);
                    String b = q.get("budgetYear");
                    int budgetYear = b == null || b.isEmpty() ? year + 1 : (int) parseLong(b, "budgetYear");
                    return Response.ok(page(r == null ? List.of() : r.subregions(budgetYear), q));
                }
                case "notice-feedback" -> {
                    only(method, "GET");
                    int year = year(q);
                    return Response.ok(page(r == null ? List.of() : r.noticeFeedback(year), q));
                }
                case "results:batch" -> {
                    Boolean b = faults.batch();
                    if (!(b != null ? b : options.batch())) {
                        throw HttpError.notFound("this host has no batch support");
                    }
                    only(method, "POST");
                    return batch(region, readJson(ex));
                }
                default -> throw HttpError.notFound("no such collection: " + what);
            }
        }
        if (seg.size() == 6) {
            String key = seg.get(5);
            if (what.equals("projects")) {
                only(method, "GET");
                int year = year(q);
                Optional<JsonNode> p = r == null ? Optional.empty() : r.project(key, year);
                return Response.ok(p.orElseThrow(() -> HttpError.notFound(
                        "no project " + key + " of year " + year + " in region " + region)));
            }
            String kind = Received.KIND_BY_PATH.get(what);
            if (kind != null) {
                if (method.equals("GET")) {
                    JsonNode body = received.latest(region, kind, key);
                    if (body == null) {
                        throw HttpError.notFound("no " + kind + " " + key + " in region " + region);
                    }
                    return Response.ok(body);
                }
                only(method, "PUT", "GET");
                JsonNode body;
                try {
                    body = readJson(ex);
                } catch (HttpError e) {
                    received.reject("PUT", region, kind, key, null, e.status(), e.getMessage());
                    throw e;
                }
                Item res = write("PUT", region, kind, key, body);
                if (res.error() != null) {
                    return new Response(res.status(), Json.error(res.error()), Map.of());
                }
                return new Response(res.status(), body, Map.of());
            }
        }
        throw HttpError.notFound("no such path: " + ex.getRequestURI().getRawPath());
    }

    private static void only(String method, String... allowed) {
        for (String a : allowed) {
            if (a.equals(method)) {
                return;
            }
        }
        throw new HttpError(405, "method " + method + " not allowed here (allowed: " + String.join(", ", allowed)
                + ")");
    }

    private ObjectNode stageEvents(String region, Map<String, String> q) {
        String a = q.get("after");
        long after = 0;
        if (a != null && !a.isEmpty()) {
            try {
                after = Long.parseLong(a);
            } catch (NumberFormatException e) {
                throw HttpError.badRequest("after must be the seq of an event (a whole number): " + a);
            }
        }
        int limit = limit(q);
        EventFeed f = feeds.get(region);
        List<ObjectNode> events = f == null ? List.of() : f.after(after, limit);
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray("items");
        events.forEach(items::add);
        if (events.isEmpty()) {
            out.putNull("nextCursor");
        } else {
            out.put("nextCursor", events.get(events.size() - 1).get("seq").asText());
        }
        return out;
    }

    /** One result written, or refused. */
    record Item(int status, String error) {
    }

    private Item write(String via, String region, String kind, String id, JsonNode body) {
        Faults.Rejection rej = faults.rejectIds().get(id);
        if (rej != null) {
            received.reject(via, region, kind, id, body, rej.status(), rej.error());
            return new Item(rej.status(), rej.error());
        }
        String error = null;
        if (body == null || !body.isObject()) {
            error = "the body of a " + kind + " is a JSON object";
        } else {
            String idField = Received.ID_FIELD.get(kind);
            String bodyId = Json.textOf(body, idField);
            String bodyRegion = Json.textOf(body, "regionCode");
            if (bodyId != null && !bodyId.equals(id)) {
                error = idField + " '" + bodyId + "' in the body differs from the id '" + id + "' in the path";
            } else if (bodyRegion != null && !bodyRegion.equals(region)) {
                error = "regionCode '" + bodyRegion + "' in the body differs from the region '" + region
                        + "' in the path";
            }
        }
        if (error != null) {
            received.reject(via, region, kind, id, body, 400, error);
            return new Item(400, error);
        }
        return new Item(received.accept(via, region, kind, id, body), null);
    }

    private Response batch(String region, JsonNode body) {
        JsonNode items = body.get("items");
        if (!body.isObject() || items == null || !items.isArray()) {
            throw HttpError.badRequest("a batch is {\"items\": [{\"kind\", \"id\", \"body\"}]}");
        }
        if (items.size() > MAX_BATCH) {
            throw new HttpError(413, "a batch holds at most " + MAX_BATCH + " items, not " + items.size());
        }
        ObjectNode out = Json.object();
        ArrayNode results = out.putArray("results");
        for (JsonNode it : items) {
            ObjectNode r = results.addObject();
            String id = it.isObject() ? Json.textOf(it, "id") : null;
            r.put("id", id);
            String kind = it.isObject() ? Json.textOf(it, "kind") : null;
            Item res;
            if (id == null || id.isEmpty()) {
                res = new Item(400, "an item needs an id");
            } else if (kind == null || !Received.ID_FIELD.containsKey(kind)) {
                res = new Item(400, "kind must be one of " + Received.kinds() + ", not " + kind);
            } else {
                res = write("BATCH", region, kind, id, it.get("body"));
            }
            r.put("status", res.status());
            if (res.error() == null) {
                r.putNull("error");
            } else {
                r.put("error", res.error());
            }
        }
        return Response.ok(out);
    }

    // ---------------------------------------------------------------- /mock

    private Response mock(HttpExchange ex, List<String> seg, Map<String, String> q) throws IOException {
        String method = ex.getRequestMethod();
        String path = String.join("/", seg.subList(1, seg.size()));
        switch (path) {
            case "received" -> {
                only(method, "GET");
                return Response.ok(received.received(q.get("region"), kindParam(q), q.get("id"),
                        !"false".equals(q.get("bodies"))));
            }
            case "received/log" -> {
                only(method, "GET");
                long after = q.containsKey("after") ? parseLong(q.get("after"), "after") : 0;
                int limit = q.containsKey("limit") ? (int) parseLong(q.get("limit"), "limit") : Integer.MAX_VALUE;
                return Response.ok(received.log(q.get("region"), kindParam(q), after, limit));
            }
            case "stats" -> {
                only(method, "GET");
                ObjectNode s = received.stats();
                ObjectNode rq = s.putObject("requests");
                rq.put("api", apiRequests.get());
                rq.put("faulted", faultedRequests.get());
                ObjectNode ev = s.putObject("events");
                feeds.forEach((k, f) -> ev.put(k, f.size()));
                return Response.ok(s);
            }
            case "reset" -> {
                only(method, "POST");
                if ("true".equals(q.get("all"))) {
                    reset(dataset);
                } else {
                    received.clear();
                    apiRequests.set(0);
                    faultedRequests.set(0);
                }
                ObjectNode o = Json.object();
                o.put("reset", "true".equals(q.get("all")) ? "received, faults, events" : "received");
                return Response.ok(o);
            }
            case "dataset" -> {
                if (method.equals("GET")) {
                    return Response.ok(datasetSummary());
                }
                only(method, "POST", "GET");
                Dataset d;
                String name = q.get("name");
                if (name != null) {
                    if (!name.equals("demo") && !name.equals("none") && !name.equals("empty")) {
                        throw HttpError.badRequest("name is demo or none; upload any other dataset as the body");
                    }
                    d = Dataset.load(name);
                } else {
                    try {
                        d = Dataset.parse(readJson(ex), "uploaded");
                    } catch (IllegalArgumentException e) {
                        throw HttpError.badRequest("not a dataset: " + e.getMessage());
                    }
                }
                load(d);
                return Response.ok(datasetSummary());
            }
            case "generate" -> {
                only(method, "POST");
                JsonNode g = readJson(ex);
                String region = g.path("region").asText("440000");
                if (!Dataset.REGION_CODE.matcher(region).matches()) {
                    throw HttpError.badRequest("region must be 6 digits, not starting with 0");
                }
                if (!g.path("projects").canConvertToInt() || g.path("projects").asInt() < 0) {
                    throw HttpError.badRequest("projects (how many) is required");
                }
                GeneratedRegion gr = new GeneratedRegion(region, g.path("name").asText(null),
                        g.path("year").asInt(2027), g.get("projects").asInt(), g.path("seed").asLong(1));
                Dataset base = g.path("replaceDataset").asBoolean(false) ? Dataset.EMPTY : dataset;
                addRegion(base.with(gr), gr);
                return Response.ok(gr.summary());
            }
            case "faults" -> {
                switch (method) {
                    case "GET" -> {
                        return Response.ok(faults.toJson());
                    }
                    case "POST" -> {
                        faults(Faults.parse(readJson(ex)));
                        return Response.ok(faults.toJson());
                    }
                    case "DELETE" -> {
                        faults(Faults.NONE);
                        return Response.ok(faults.toJson());
                    }
                    default -> throw new HttpError(405, "method " + method
                            + " not allowed here (allowed: GET, POST, DELETE)");
                }
            }
            case "script" -> {
                only(method, "POST");
                ObjectNode out = Json.object();
                ArrayNode a = out.putArray("appended");
                for (RegionData r : dataset.regions()) {
                    script(r.regionCode(), q.get("stage"), q.get("phase")).forEach(a::add);
                }
                return Response.ok(out);
            }
            default -> {
                // /mock/regions/{r}/...
                if (seg.size() == 4 && seg.get(1).equals("regions")) {
                    String region = seg.get(2);
                    if (!Dataset.REGION_CODE.matcher(region).matches()) {
                        throw HttpError.badRequest("regionCode must be 6 digits, not starting with 0: " + region);
                    }
                    String what = seg.get(3);
                    switch (what) {
                        case "stage-events" -> {
                            if (method.equals("GET")) {
                                EventFeed f = feeds.get(region);
                                ObjectNode out = Json.object();
                                ArrayNode a = out.putArray("items");
                                if (f != null) {
                                    f.all().forEach(a::add);
                                }
                                return Response.ok(out);
                            }
                            only(method, "POST", "GET");
                            ObjectNode out = Json.object();
                            ArrayNode a = out.putArray("appended");
                            appendEvents(region, readJson(ex)).forEach(a::add);
                            return new Response(201, out, Map.of());
                        }
                        case "stage-events:script" -> {
                            only(method, "POST");
                            if (dataset.region(region) == null) {
                                throw HttpError.notFound("the dataset has no region " + region);
                            }
                            ObjectNode out = Json.object();
                            ArrayNode a = out.putArray("appended");
                            script(region, q.get("stage"), q.get("phase")).forEach(a::add);
                            return Response.ok(out);
                        }
                        case "projects", "execution", "evaluations", "departments" -> {
                            only(method, "POST");
                            JsonNode body = readJson(ex);
                            List<JsonNode> items = new ArrayList<>();
                            if (body.isArray()) {
                                body.forEach(items::add);
                            } else {
                                items.add(body);
                            }
                            RegionData r = dataset.region(region);
                            if (r == null) {
                                r = DatasetRegion.empty(region);
                            }
                            RegionData updated = r.upsert(what, items);
                            addRegion(dataset.with(updated), null);
                            return Response.ok(updated.summary());
                        }
                        default -> {
                        }
                    }
                }
                throw HttpError.notFound("no such path: " + ex.getRequestURI().getRawPath());
            }
        }
    }

    /** Swaps in a dataset that differs from the current one by one region, keeping the other feeds. */
    private synchronized void addRegion(Dataset d, RegionData fresh) {
        dataset = d;
        if (fresh != null) {
            feeds.remove(fresh.regionCode());
            EventFeed f = feed(fresh.regionCode());
            fresh.initialEvents().forEach(e -> f.append(e, fresh.year()));
        }
    }

    private ObjectNode datasetSummary() {
        ObjectNode s = dataset.summary();
        s.put("batch", faults.batch() != null ? faults.batch() : options.batch());
        return s;
    }

    private static String kindParam(Map<String, String> q) {
        String k = q.get("kind");
        if (k == null) {
            return null;
        }
        String n = Received.kind(k);
        if (n == null) {
            throw HttpError.badRequest("kind must be one of " + Received.kinds());
        }
        return n;
    }

    private static ObjectNode index() {
        ObjectNode o = Json.object();
        o.put("service", "PerfLink mock host (模拟预算管理一体化系统), host-api-v1");
        ArrayNode a = o.putArray("endpoints");
        for (String s : List.of(
                "GET  /api/v1/regions/{r}/stage-events?after=&limit=",
                "GET  /api/v1/regions/{r}/projects?year=&codes=&cursor=&limit=",
                "GET  /api/v1/regions/{r}/projects/{projectCode}?year=",
                "GET  /api/v1/regions/{r}/execution?year=&asOf=&cursor=&limit=",
                "GET  /api/v1/regions/{r}/evaluations?year=&cursor=&limit=",
                "GET  /api/v1/regions/{r}/departments?year=&cursor=&limit=",
                "PUT  /api/v1/regions/{r}/{verdicts|scores|warnings|adjustments|notices}/{id}",
                "POST /api/v1/regions/{r}/results:batch",
                "POST /mock/regions/{r}/stage-events", "POST /mock/regions/{r}/stage-events:script?stage=&phase=",
                "POST /mock/script?stage=&phase=", "POST /mock/regions/{r}/{projects|execution|evaluations|departments}",
                "GET  /mock/received?region=&kind=&id=&bodies=", "GET  /mock/received/log?region=&kind=&after=&limit=",
                "GET  /mock/stats", "POST /mock/reset[?all=true]", "GET|POST /mock/dataset[?name=demo]",
                "POST /mock/generate", "GET|POST|DELETE /mock/faults")) {
            a.add(s);
        }
        return o;
    }

    // ---------------------------------------------------------------- paging and parameters

    private static ObjectNode page(List<JsonNode> items, Map<String, String> q) {
        int limit = limit(q);
        int offset = decodeCursor(q.get("cursor"));
        int size = items.size();
        int from = Math.min(offset, size);
        int to = (int) Math.min(size, (long) from + limit);
        ObjectNode out = Json.object();
        ArrayNode a = out.putArray("items");
        for (int i = from; i < to; i++) {
            a.add(items.get(i));
        }
        if (to < size) {
            out.put("nextCursor", encodeCursor(to));
        } else {
            out.putNull("nextCursor");
        }
        return out;
    }

    static String encodeCursor(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("mock:" + offset).getBytes(StandardCharsets.US_ASCII));
    }

    static int decodeCursor(String c) {
        if (c == null || c.isEmpty()) {
            return 0;
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(c), StandardCharsets.US_ASCII);
            if (s.startsWith("mock:")) {
                int o = Integer.parseInt(s.substring(5));
                if (o >= 0) {
                    return o;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the 400
        }
        throw HttpError.badRequest("not a cursor of this host: " + c);
    }

    private static int limit(Map<String, String> q) {
        String l = q.get("limit");
        if (l == null || l.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        long n = parseLong(l, "limit");
        if (n < 1 || n > MAX_LIMIT) {
            throw HttpError.badRequest("limit must be 1.." + MAX_LIMIT + ", not " + l);
        }
        return (int) n;
    }

    private static long parseLong(String s, String name) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw HttpError.badRequest(name + " must be a whole number, not " + s);
        }
    }

    private static int year(Map<String, String> q) {
        String y = q.get("year");
        if (y == null || y.isEmpty()) {
            throw HttpError.badRequest("year is required");
        }
        long n = parseLong(y, "year");
        if (n < 1900 || n > 9999) {
            throw HttpError.badRequest("year out of range: " + y);
        }
        return (int) n;
    }

    private static String date(Map<String, String> q, String name) {
        String d = q.get(name);
        if (d == null || d.isEmpty()) {
            throw HttpError.badRequest(name + " is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(d).toString();
        } catch (DateTimeParseException e) {
            throw HttpError.badRequest(name + " must be YYYY-MM-DD, not " + d);
        }
    }

    private static JsonNode readJson(HttpExchange ex) throws IOException {
        byte[] body = readBody(ex.getRequestBody(), ex.getRequestURI().getPath().equals("/mock/dataset")
                ? Json.MAX_DOCUMENT_BYTES : MAX_BODY);
        if (body.length == 0) {
            throw HttpError.badRequest("a JSON body is required");
        }
        try {
            return Json.read(body);
        } catch (IOException e) {
            throw HttpError.badRequest("the body is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static byte[] readBody(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16 * 1024];
        int n;
        while ((n = in.read(buf)) >= 0) {
            out.write(buf, 0, n);
            if (out.size() > max) {
                throw new HttpError(413, "the body is larger than " + max + " bytes");
            }
        }
        return out.toByteArray();
    }

    /** Path segments, percent-decoded one by one (so an encoded '/' stays inside its segment). */
    static List<String> segments(String rawPath) {
        List<String> out = new ArrayList<>();
        if (rawPath == null) {
            return out;
        }
        for (String s : rawPath.split("/")) {
            if (!s.isEmpty()) {
                out.add(percentDecode(s));
            }
        }
        return out;
    }

    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw HttpError.badRequest("bad percent-encoding in the path");
                }
                try {
                    pending.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                } catch (NumberFormatException e) {
                    throw HttpError.badRequest("bad percent-encoding in the path");
                }
                i += 3;
                continue;
            }
            if (pending.size() > 0) {
                out.append(pending.toString(StandardCharsets.UTF_8));
                pending.reset();
            }
            out.append(c);
            i++;
        }
        out.append(pending.toString(StandardCharsets.UTF_8));
        return out.toString();
    }

    static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String kv : raw.split("&")) {
            if (kv.isEmpty()) {
                continue;
            }
            int eq = kv.indexOf('=');
            String k = eq < 0 ? kv : kv.substring(0, eq);
            String v = eq < 0 ? "" : kv.substring(eq + 1);
            try {
                q.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw HttpError.badRequest("bad percent-encoding in the query");
            }
        }
        return q;
    }
}
