package org.perflink.admin.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin web page ({@code /admin/}) and REST API ({@code /api/admin/v1/}) on the JDK's HTTP server.
 * <p>
 * Every request, the page included, is authenticated with HTTP Basic by the {@link Authenticator} (Karaf's
 * JAAS realm in the container) before anything else: 401 without or with wrong credentials, 429 after too
 * many failures from one address ({@link LoginThrottle}). Each route needs a {@link Permission}; a user whose
 * roles do not grant it gets 403. A state-changing request (PUT, POST) must also
 * <ul>
 * <li>come from this origin: an {@code Origin} header, when sent, must be {@code http://<Host>}, and a
 * {@code Sec-Fetch-Site} header, when sent, {@code same-origin} (else 403);</li>
 * <li>carry the user's CSRF token ({@code GET /api/admin/v1/csrf}) in {@code X-CSRF-Token} (else 403);</li>
 * <li>have a JSON body ({@code Content-Type: application/json}, else 415) of at most 64 KiB (else 413).</li>
 * </ul>
 * The {@code Authorization} header and passwords are never logged, stored or echoed.
 */
public final class AdminServer implements AutoCloseable {

    public static final String API = "/api/admin/v1";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    static final int MAX_BODY = 64 * 1024;
    static final String REALM_HEADER = "Basic realm=\"PerfLink\", charset=\"UTF-8\"";

    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
    private static final String JSON = "application/json; charset=utf-8";
    private static final String REGION = "/regions/([^/]+)";

    private record Route(String method, Pattern path, Permission permission, Handler handler) {
    }

    @FunctionalInterface
    private interface Handler {
        Object handle(Request request) throws IOException;
    }

    /** What a handler sees: the user, the decoded path groups, the query and the JSON body. */
    private record Request(AdminUser user, List<String> groups, URI uri, JsonNode body, HttpExchange exchange) {

        String group(int i) {
            return groups.get(i);
        }

        String query(String name) {
            String q = uri.getRawQuery();
            if (q == null) {
                return null;
            }
            for (String part : q.split("&")) {
                int eq = part.indexOf('=');
                String k = decode(eq < 0 ? part : part.substring(0, eq));
                if (k.equals(name)) {
                    return eq < 0 ? "" : decode(part.substring(eq + 1));
                }
            }
            return null;
        }
    }

    /** The admin page (served with a fresh CSP nonce per response). */
    private record Page(String html) {
    }

    private final AdminApi api;
    private final Authenticator authenticator;
    private final CsrfTokens csrf;
    private final LoginThrottle throttle;
    private final ObjectMapper mapper;
    private final SecureRandom random;
    private final String pageTemplate;
    private final List<Route> routes = new ArrayList<>();
    private HttpServer server;
    private ExecutorService executor;

    AdminServer(AdminApi api, Authenticator authenticator, Clock clock, ObjectMapper mapper) {
        this.api = api;
        this.authenticator = authenticator;
        this.random = new SecureRandom();
        this.csrf = new CsrfTokens(random, clock);
        this.throttle = new LoginThrottle(clock);
        this.mapper = mapper;
        this.pageTemplate = AdminPage.template();

        get("/", Permission.READ, r -> redirect(r, "/admin/"));
        get("/admin", Permission.READ, r -> redirect(r, "/admin/"));
        get("/admin/", Permission.READ, r -> new Page(pageTemplate));
        get(API + "/csrf", Permission.READ, this::csrf);
        get(API + "/regions", Permission.READ, r -> api.regions());
        route("PUT", API + REGION, Permission.TOGGLE, r -> api.setRegionEnabled(r.user(), r.group(0), r.body()));
        route("PUT", API + REGION + "/stages/([^/]+)", Permission.TOGGLE,
                r -> api.setStageEnabled(r.user(), r.group(0), r.group(1), r.body()));
        get(API + REGION + "/dead-letters", Permission.READ, r -> api.deadLetters(r.group(0)));
        route("POST", API + REGION + "/dead-letters:replay", Permission.REPLAY,
                r -> api.replay(r.user(), r.group(0), r.body()));
        get(API + REGION + "/results", Permission.READ,
                r -> api.results(r.group(0), r.query("kind"), r.query("limit"), r.query("project")));
        get(API + REGION + "/projects/([^/]+)/timeline", Permission.READ,
                r -> api.timeline(r.group(0), r.group(1)));
        get(API + "/audit", Permission.READ, r -> api.audit(r.query("limit")));
    }

    private void get(String path, Permission permission, Handler handler) {
        route("GET", path, permission, handler);
    }

    private void route(String method, String path, Permission permission, Handler handler) {
        routes.add(new Route(method, Pattern.compile(path.replace(".", "\\.")), permission, handler));
    }

    /** Starts listening; {@code port} 0 picks a free port. */
    public synchronized AdminServer start(String bind, int port) throws IOException {
        if (server != null) {
            return this;
        }
        HttpServer s = HttpServer.create(new InetSocketAddress(bind, port), 32);
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor ex = new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(256),
                r -> {
                    Thread t = new Thread(r, "perflink-admin-http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        s.setExecutor(ex);
        s.createContext("/", this::handle);
        s.start();
        server = s;
        executor = ex;
        return this;
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.getAddress().getPort();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
            executor = null;
        }
    }

    // ------------------------------------------------------------------ request handling

    void handle(HttpExchange exchange) {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getRawPath();
        String user = null;
        int status;
        try {
            try {
                AdminUser u = authenticate(exchange);
                user = u.name();
                status = dispatch(exchange, u, method, path);
            } catch (HttpError e) {
                status = e.status;
                sendError(exchange, e.status, e.getMessage());
            } catch (IllegalArgumentException e) {
                status = 400;
                sendError(exchange, 400, e.getMessage());
            } catch (IllegalStateException e) {
                status = 409;
                sendError(exchange, 409, e.getMessage());
            } catch (RuntimeException e) {
                status = 500;
                LOG.error("admin API {} {} failed", method, path, e);
                sendError(exchange, 500, "内部错误，详见日志 (internal error, see the log)");
            }
        } catch (IOException | UncheckedIOException e) {
            status = -1;
            LOG.debug("admin API {} {}: connection failed: {}", method, path, e.getMessage());
        } finally {
            exchange.close();
        }
        LOG.debug("admin API {} {} user={} -> {}", method, path, user, status);
    }

    private AdminUser authenticate(HttpExchange exchange) {
        String address = exchange.getRemoteAddress() == null ? "?"
                : exchange.getRemoteAddress().getAddress().getHostAddress();
        long wait = throttle.blockedFor(address);
        if (wait > 0) {
            exchange.getResponseHeaders().set("Retry-After", String.valueOf(wait));
            throw new HttpError(429, "登录失败次数过多，请稍后再试 (too many failed logins; try again later)");
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        char[] credentials = basicCredentials(header);
        if (credentials == null) {
            exchange.getResponseHeaders().set("WWW-Authenticate", REALM_HEADER);
            throw new HttpError(401, "需要登录 (authentication required)");
        }
        Optional<AdminUser> user;
        int colon = indexOf(credentials, ':');
        try {
            if (colon <= 0) {
                user = Optional.empty();
            } else {
                String name = new String(credentials, 0, colon);
                char[] password = Arrays.copyOfRange(credentials, colon + 1, credentials.length);
                try {
                    user = authenticator.authenticate(name, password);
                } finally {
                    Arrays.fill(password, '\0');
                }
            }
        } finally {
            Arrays.fill(credentials, '\0');
        }
        if (user.isEmpty()) {
            throttle.failed(address);
            LOG.warn("admin API: failed login from {}", address);
            exchange.getResponseHeaders().set("WWW-Authenticate", REALM_HEADER);
            throw new HttpError(401, "用户名或密码错误 (wrong user name or password)");
        }
        throttle.succeeded(address);
        return user.get();
    }

    /** The decoded {@code user:password} of a Basic header (UTF-8), or null. */
    static char[] basicCredentials(String header) {
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(header.substring(6).strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes));
            char[] result = new char[chars.remaining()];
            chars.get(result);
            Arrays.fill(chars.array(), '\0');
            return result;
        } catch (CharacterCodingException e) {
            return null;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static int indexOf(char[] chars, char c) {
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private int dispatch(HttpExchange exchange, AdminUser user, String method, String path) throws IOException {
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
                        groups.add(decode(m.group(i)));
                    }
                }
            }
        }
        if (route == null) {
            if (allowed.isEmpty()) {
                throw new HttpError(404, "未找到 (not found)");
            }
            exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
            throw new HttpError(405, "不支持此方法 (method not allowed)");
        }
        if (!user.may(route.permission())) {
            throw new HttpError(403, "权限不足 (insufficient permissions): 需要 (needs) " + roleFor(route.permission()));
        }
        JsonNode body = null;
        if (!route.method().equals("GET")) {
            checkSameOrigin(exchange.getRequestHeaders());
            if (!csrf.valid(user.name(), exchange.getRequestHeaders().getFirst(CSRF_HEADER))) {
                throw new HttpError(403, "缺少或无效的 CSRF 令牌 (missing or invalid CSRF token): GET " + API
                        + "/csrf, 放入请求头 (send it in the header) " + CSRF_HEADER);
            }
            body = readJson(exchange);
        }
        Object result = route.handler().handle(new Request(user, groups, exchange.getRequestURI(), body, exchange));
        if (!route.method().equals("GET")) {
            LOG.info("admin API: {} {} by {}", method, path, user.name());
        }
        if (result instanceof Page page) {
            sendPage(exchange, page.html(), method.equals("HEAD"));
            return 200;
        }
        if (result instanceof Integer redirectStatus) {
            return redirectStatus;
        }
        sendJson(exchange, 200, (JsonNode) result, method.equals("HEAD"));
        return 200;
    }

    private static String roleFor(Permission p) {
        return switch (p) {
            case READ -> AdminUser.VIEWER;
            case REPLAY -> AdminUser.OPERATOR;
            case TOGGLE -> AdminUser.ADMIN;
        };
    }

    /** Refuses a cross-origin state change (403). */
    static void checkSameOrigin(Headers headers) {
        String origin = headers.getFirst("Origin");
        if (origin != null) {
            String host = headers.getFirst("Host");
            if (host == null || !origin.strip().equalsIgnoreCase("http://" + host.strip())) {
                throw new HttpError(403, "拒绝跨源请求 (cross-origin request refused)");
            }
        }
        String site = headers.getFirst("Sec-Fetch-Site");
        if (site != null && !site.strip().equalsIgnoreCase("same-origin")) {
            throw new HttpError(403, "拒绝跨站请求 (cross-site request refused)");
        }
    }

    private JsonNode readJson(HttpExchange exchange) throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        }
        if (bytes.length > MAX_BODY) {
            throw new HttpError(413, "请求体过大 (request body too large)");
        }
        if (bytes.length == 0) {
            return mapper.createObjectNode();
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
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

    private ObjectNode csrf(Request r) {
        String token = csrf.issue(r.user().name());
        r.exchange().getResponseHeaders().set(CSRF_HEADER, token);
        ObjectNode out = mapper.createObjectNode();
        out.put("token", token);
        out.put("header", CSRF_HEADER);
        out.put("expiresAt", csrf.expiry(token).toString());
        out.put("user", r.user().name());
        out.set("roles", mapper.valueToTree(r.user().roles().stream().sorted().toList()));
        out.set("permissions", mapper.valueToTree(r.user().permissions().stream().map(Enum::name).toList()));
        return out;
    }

    private static Integer redirect(Request r, String location) throws IOException {
        HttpExchange exchange = r.exchange();
        securityHeaders(exchange.getResponseHeaders());
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        return 302;
    }

    // ------------------------------------------------------------------ responses

    private static void securityHeaders(Headers h) {
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Cross-Origin-Resource-Policy", "same-origin");
        h.set("Cross-Origin-Opener-Policy", "same-origin");
    }

    private void sendJson(HttpExchange exchange, int status, JsonNode body, boolean head) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(body);
        Headers h = exchange.getResponseHeaders();
        securityHeaders(h);
        h.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        h.set("Content-Type", JSON);
        send(exchange, status, bytes, head);
    }

    private void sendError(HttpExchange exchange, int status, String message) throws IOException {
        ObjectNode body = mapper.createObjectNode();
        body.put("error", message);
        body.put("status", status);
        sendJson(exchange, status, body, exchange.getRequestMethod().equalsIgnoreCase("HEAD"));
    }

    private void sendPage(HttpExchange exchange, String template, boolean head) throws IOException {
        byte[] n = new byte[18];
        random.nextBytes(n);
        String nonce = Base64.getEncoder().encodeToString(n);
        byte[] bytes = template.replace(AdminPage.NONCE, nonce).getBytes(StandardCharsets.UTF_8);
        Headers h = exchange.getResponseHeaders();
        securityHeaders(h);
        h.set("Content-Security-Policy", "default-src 'none'; script-src 'nonce-" + nonce + "'; style-src 'nonce-"
                + nonce + "'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
                + "frame-ancestors 'none'");
        h.set("Content-Type", "text/html; charset=utf-8");
        send(exchange, 200, bytes, head);
    }

    private static void send(HttpExchange exchange, int status, byte[] bytes, boolean head) throws IOException {
        if (head) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
