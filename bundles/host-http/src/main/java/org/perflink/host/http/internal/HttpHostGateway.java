package org.perflink.host.http.internal;

import org.perflink.host.http.HostJson;
import org.perflink.host.http.internal.HttpTransport.Answer;
import org.perflink.host.http.internal.HttpTransport.AnswerTooLarge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.perflink.api.host.Delivery;
import org.perflink.api.host.HostException;
import org.perflink.api.host.HostGateway;
import org.perflink.api.host.Page;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.DepartmentEvaluationInput;
import org.perflink.api.model.ExecutionSnapshot;
import org.perflink.api.model.Evaluator;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.NoticeFeedback;
import org.perflink.api.model.Subregion;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectEvaluationInput;
import org.perflink.api.model.StageEvent;
import org.perflink.core.HostSettings;
import org.perflink.core.InOrder;

/**
 * Host contract v1 over HTTP. A page of items is split into its items first (with limits only on the
 * page as a whole), then each item is read and bound on its own under the strict limits of
 * {@link HostJson} and checked against the contract's ranges ({@link ContractBounds}): an item that does
 * not match the contract - a wrong type, an unknown enum value, a duplicate key, nesting or a number
 * beyond the limits, a negative or absurd amount - becomes a {@link Parsed#invalid} naming the field
 * while the rest of the page goes on. Only a page that is not JSON at all (or not a page) is a
 * {@link HostException}. A {@link HostResult} body may be a record or its JSON text (as stored in the
 * outbox).
 */
public final class HttpHostGateway implements HostGateway {

    /** A delivery answer's body is read for its reason and per-item results only; more is cut off. */
    static final int MAX_ANSWER_LENGTH = 4 * 1024 * 1024;

    private final HostSettings settings;
    private final HttpClient client;
    private final ObjectMapper mapper;
    private final JsonFactory pageFactory = HostJson.newPageFactory();
    private final ItemReader reader;
    private final HttpTransport transport;
    private final String authorization;

    public HttpHostGateway(HostSettings settings, ObjectMapper mapper) {
        this.settings = settings;
        this.mapper = mapper;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .build();
        this.reader = new ItemReader(mapper, pageFactory);
        this.transport = new HttpTransport(client, settings.requestTimeout());
        this.authorization = switch (settings.auth()) {
            case NONE -> null;
            case BASIC -> "Basic " + Base64.getEncoder().encodeToString(
                    (settings.username() + ":" + settings.secret()).getBytes(StandardCharsets.UTF_8));
            case BEARER -> "Bearer " + settings.secret();
        };
    }

    public String url() {
        return settings.url();
    }

    @Override
    public Page<StageEvent> stageEvents(String regionCode, String afterCursor, int limit) throws HostException {
        String path = regionPath(regionCode) + "/stage-events?" + query("after", afterCursor, "limit", pageLimit(limit));
        String body = get(path);
        JsonNode page;
        try {
            page = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new HostException("GET " + path + " answered with unreadable JSON: " + e.getOriginalMessage(), e);
        }
        List<StageEvent> events = new ArrayList<>();
        for (JsonNode item : page.path("items")) {
            try {
                events.add(mapper.treeToValue(item, StageEvent.class));
            } catch (JsonProcessingException e) {
                // The feed is the one thing PerfLink cannot skip past unnoticed: stop here and say why.
                throw new HostException("stage event " + item.path("seq").asText("?") + " of region " + regionCode
                        + " does not match the contract at '" + ItemReader.pathOf(e) + "': " + e.getOriginalMessage());
            }
        }
        return new Page<>(events, nextCursor(page));
    }

    @Override
    public Page<Parsed<Project>> projects(String regionCode, int year, List<String> codes, String cursor, int limit)
            throws HostException {
        String codeList = codes == null || codes.isEmpty() ? null : String.join(",", codes);
        String path = regionPath(regionCode) + "/projects?"
                + query("year", year, "codes", codeList, "cursor", cursor, "limit", pageLimit(limit));
        return parsePage(path, get(path), Project.class, "projectCode");
    }

    @Override
    public Page<Parsed<ExecutionSnapshot>> execution(String regionCode, int year, LocalDate asOf, String cursor,
            int limit) throws HostException {
        String path = regionPath(regionCode) + "/execution?"
                + query("year", year, "asOf", asOf, "cursor", cursor, "limit", pageLimit(limit));
        return parsePage(path, get(path), ExecutionSnapshot.class, "projectCode");
    }

    @Override
    public Page<Parsed<ProjectEvaluationInput>> evaluations(String regionCode, int year, String cursor, int limit)
            throws HostException {
        String path = regionPath(regionCode) + "/evaluations?" + query("year", year, "cursor", cursor, "limit", pageLimit(limit));
        return parsePage(path, get(path), ProjectEvaluationInput.class, "projectCode");
    }

    @Override
    public Page<Parsed<DepartmentEvaluationInput>> departments(String regionCode, int year, String cursor, int limit)
            throws HostException {
        String path = regionPath(regionCode) + "/departments?" + query("year", year, "cursor", cursor, "limit", pageLimit(limit));
        return parsePage(path, get(path), DepartmentEvaluationInput.class, "departmentCode");
    }

    @Override
    public String contract() {
        return settings.contract();
    }

    /** The same host for a region that speaks another contract (its {@code hostContract}). */
    @Override
    public HostGateway forContract(String otherContract) {
        return otherContract.equals(settings.contract()) ? this
                : new HttpHostGateway(settings.withContract(otherContract), mapper);
    }

    /** {@code GET …/projects/{projectCode}?year=} (v1.1); a 404 means the host has no such record. */
    @Override
    public Parsed<Project> project(String regionCode, String projectCode, int year) throws HostException {
        if (!v11()) {
            return HostGateway.super.project(regionCode, projectCode, year);
        }
        String path = regionPath(regionCode) + "/projects/" + encode(projectCode) + "?" + query("year", year);
        Answer answer;
        try {
            answer = send(request(path).GET(), HostJson.MAX_DOCUMENT_LENGTH, true);
        } catch (IOException e) {
            throw new HostException("host " + settings.url() + " unreachable: " + describe(e), e);
        }
        if (answer.status() == 404) {
            return null;
        }
        if (answer.status() != 200) {
            throw new HostException("GET " + path + " answered " + answer.status() + ": " + reason(answer));
        }
        return reader.parse(answer.body(), Project.class, "projectCode");
    }

    /** The evaluator registry (v1.1 pull); a 1.0 host is not asked. */
    @Override
    public Page<Parsed<Evaluator>> evaluators(String regionCode, String cursor, int limit) throws HostException {
        if (!v11()) {
            return HostGateway.super.evaluators(regionCode, cursor, limit);
        }
        String path = regionPath(regionCode) + "/evaluators?" + query("cursor", cursor, "limit", pageLimit(limit));
        return parsePage(path, get(path), Evaluator.class, "evaluatorId");
    }

    /** Feedback on a year's notices (v1.1 pull); a 1.0 host is not asked. */
    @Override
    public Page<Parsed<NoticeFeedback>> noticeFeedback(String regionCode, int year, String cursor, int limit)
            throws HostException {
        if (!v11()) {
            return HostGateway.super.noticeFeedback(regionCode, year, cursor, limit);
        }
        String path = regionPath(regionCode) + "/notice-feedback?"
                + query("year", year, "cursor", cursor, "limit", pageLimit(limit));
        return parsePage(path, get(path), NoticeFeedback.class, "noticeId");
    }

    /** R's lower regions with their transfer baselines for a budget year (v1.1 pull); a 1.0 host is not asked. */
    @Override
    public Page<Parsed<Subregion>> subregions(String regionCode, int year, int budgetYear, String cursor, int limit)
            throws HostException {
        String path = regionPath(regionCode) + "/subregions?"
                + query("year", year, "budgetYear", budgetYear, "cursor", cursor, "limit", pageLimit(limit));
        return v11() ? parsePage(path, get(path), Subregion.class, "regionCode") : new Page<>(List.of(), null);
    }

    @Override
    public Delivery deliver(HostResult result) {
        String path = regionPath(result.regionCode()) + "/" + result.kind().collection() + "/" + encode(result.id());
        try {
            Answer answer = send(request(path)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .PUT(HttpRequest.BodyPublishers.ofString(json(result.body()), StandardCharsets.UTF_8)),
                    MAX_ANSWER_LENGTH, false);
            return new Delivery(result.id(), Delivery.classify(answer.status()), answer.status(), reason(answer),
                    retryAfter(answer));
        } catch (IOException e) {
            return new Delivery(result.id(), Delivery.Status.TRANSIENT, 0, describe(e), null);
        }
    }

    @Override
    public List<Delivery> deliverBatch(String regionCode, List<HostResult> results) {
        if (!settings.batch()) {
            return null; // the host configuration says: single PUTs
        }
        String body = batchBody(results);
        Answer answer;
        try {
            answer = send(request(regionPath(regionCode) + "/results:batch")
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)),
                    MAX_ANSWER_LENGTH, false);
        } catch (IOException e) {
            return allAs(results, Delivery.Status.TRANSIENT, 0, describe(e), null);
        }
        int status = answer.status();
        if (status == 404 || status == 405) {
            return null; // no batch support: the caller falls back to single PUTs
        }
        if (hostRefusal(status)) {
            // not the results' fault: the caller pauses delivery to this host (see HostGateway's contract)
            return allAs(results, Delivery.Status.PERMANENT, status, reason(answer), null);
        }
        if (status != 200 && Delivery.classify(status) == Delivery.Status.PERMANENT) {
            // 400, 413, ...: the host refused the batch request itself, not any one result; parking every
            // result as a dead letter would be wrong. Single PUTs get each result its own answer.
            return null;
        }
        if (status != 200) {
            return allAs(results, Delivery.classify(status), status, reason(answer), retryAfter(answer));
        }
        try {
            JsonNode answers = mapper.readTree(answer.body()).path("results");
            // One answer per item, in order; an answer that names another id is matched by its id.
            Map<String, JsonNode> byId = new HashMap<>();
            for (JsonNode a : answers) {
                if (a.path("id").isTextual()) {
                    byId.putIfAbsent(a.path("id").asText(), a);
                }
            }
            List<Delivery> deliveries = new ArrayList<>(results.size());
            for (int i = 0; i < results.size(); i++) {
                String id = results.get(i).id();
                JsonNode a = answers.path(i);
                if (a.path("id").isTextual() && !a.path("id").asText().equals(id)) {
                    a = byId.getOrDefault(id, com.fasterxml.jackson.databind.node.MissingNode.getInstance());
                }
                int itemStatus = a.path("status").canConvertToInt() ? a.path("status").asInt(0) : 0;
                deliveries.add(itemStatus == 0
                        ? new Delivery(id, Delivery.Status.TRANSIENT, 0, "no answer for this item", null)
                        : new Delivery(id, Delivery.classify(itemStatus), itemStatus, a.path("error").asText(null), null));
            }
            return deliveries;
        } catch (JsonProcessingException e) {
            return allAs(results, Delivery.Status.TRANSIENT, status, "unreadable batch answer", null);
        }
    }

    /** 401, 403 and 3xx: the host refuses PerfLink itself (credentials, a moved URL), not one result. */
    static boolean hostRefusal(int status) {
        return status == 401 || status == 403 || status >= 300 && status < 400;
    }

    /** The page size asked for: what the caller wants, at most the host configuration's {@code pageSize}. */
    private int pageLimit(int requested) {
        return Math.max(1, Math.min(requested, settings.pageSize()));
    }

    /**
     * {@code {"items": [{"kind", "id", "body"}]}} with each body written as the JSON text it already is
     * (stored results are JSON): no re-parsing of hundreds of bodies per request.
     */
    private String batchBody(List<HostResult> results) {
        StringWriter out = new StringWriter(results.size() * 1024);
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("items");
            for (HostResult r : results) {
                g.writeStartObject();
                g.writeStringField("kind", r.kind().batchName());
                g.writeStringField("id", r.id());
                g.writeFieldName("body");
                g.writeRawValue(json(r.body()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a batch request", e);
        }
        return out.toString();
    }

    // --- reading pages ----------------------------------------------------------------------------

    /**
     * Splits {@code {"items": [...], "nextCursor": ...}} into the JSON text of each item without binding
     * anything, then reads each item on its own. Duplicate keys, deep nesting, long numbers and long
     * strings inside one item therefore only make that item invalid.
     */
    private <T> Page<Parsed<T>> parsePage(String path, String body, Class<T> type, String keyField)
            throws HostException {
        List<String> rawItems = new ArrayList<>();
        String next = null;
        boolean sawItems = false;
        try (JsonParser p = pageFactory.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new HostException("GET " + path + " answered with something that is not a page (a JSON object)");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals("items")) {
                    if (sawItems || t != JsonToken.START_ARRAY) {
                        throw new HostException("GET " + path + " answered with a page whose 'items' is "
                                + (sawItems ? "given twice" : "not an array"));
                    }
                    sawItems = true;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        int start = (int) p.currentTokenLocation().getCharOffset();
                        p.skipChildren();
                        int end = (int) p.currentLocation().getCharOffset();
                        rawItems.add(body.substring(start, end));
                    }
                } else if (name.equals("nextCursor")) {
                    next = t == JsonToken.VALUE_NULL || !t.isScalarValue() ? null : p.getText();
                    p.skipChildren();
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new HostException("GET " + path + " answered with trailing content after the page");
            }
        } catch (JsonProcessingException e) {
            throw new HostException("GET " + path + " answered with unreadable JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new HostException("GET " + path + " could not be read: " + describe(e), e);
        }
        if (!sawItems) {
            // Read as "no items" this would end an event without its projects: stop and say why instead.
            throw new HostException("GET " + path + " answered with a page without 'items'");
        }
        // each item is read on its own (the reader is thread-safe): on every core, in the page's order
        List<Parsed<T>> items = InOrder.map(rawItems, raw -> reader.parse(raw, type, keyField));
        return new Page<>(items, next == null || next.isEmpty() ? null : next);
    }

    private static String nextCursor(JsonNode page) {
        JsonNode next = page.path("nextCursor");
        return next.isNull() || next.isMissingNode() || next.asText().isEmpty() ? null : next.asText();
    }

    // --- HTTP -------------------------------------------------------------------------------------

    private String get(String path) throws HostException {
        Answer answer;
        try {
            answer = send(request(path).GET(), HostJson.MAX_DOCUMENT_LENGTH, true);
        } catch (AnswerTooLarge e) {
            throw new HostException("GET " + path + " answered with more than " + HostJson.MAX_DOCUMENT_LENGTH
                    + " bytes", e);
        } catch (IOException e) {
            throw new HostException("host " + settings.url() + " unreachable: " + describe(e), e);
        }
        if (answer.status() != 200) {
            throw new HostException("GET " + path + " answered " + answer.status() + ": " + reason(answer));
        }
        return answer.body();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(settings.url() + path))
                .timeout(settings.requestTimeout())
                .header("Accept", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    private Answer send(HttpRequest.Builder request, long limit, boolean whole) throws IOException {
        return transport.send(request.build(), limit, whole);
    }

    private String json(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + body.getClass().getSimpleName(), e);
        }
    }

    private static List<Delivery> allAs(List<HostResult> results, Delivery.Status status, int http, String reason,
            Duration retryAfter) {
        return results.stream().map(r -> new Delivery(r.id(), status, http, reason, retryAfter)).toList();
    }

    private static String reason(Answer answer) {
        String body = answer.body();
        if (body == null || body.isBlank()) {
            return "HTTP " + answer.status();
        }
        return "HTTP " + answer.status() + ": " + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
    }

    private static Duration retryAfter(Answer answer) {
        return answer.headers().firstValue("Retry-After").map(v -> retryAfter(v, Instant.now())).orElse(null);
    }

    /**
     * {@code Retry-After} as delay-seconds or as an HTTP-date (RFC 9110 §10.2.3); null when it is neither,
     * so the writer falls back to its own backoff. A date in the past is no wait at all.
     */
    static Duration retryAfter(String value, Instant now) {
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static String regionPath(String regionCode) {
        return "/api/v1/regions/" + encode(regionCode);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String query(Object... pairs) {
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            if (v != null) {
                if (q.length() > 0) {
                    q.append('&');
                }
                q.append(pairs[i]).append('=').append(encode(v.toString()));
            }
        }
        return q.toString();
    }
}
