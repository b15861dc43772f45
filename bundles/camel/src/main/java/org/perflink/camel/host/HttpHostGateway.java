package org.perflink.camel.host;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.perflink.api.host.Delivery;
import org.perflink.api.host.HostException;
import org.perflink.api.host.HostGateway;
import org.perflink.api.host.Page;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.DepartmentEvaluationInput;
import org.perflink.api.model.ExecutionSnapshot;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectEvaluationInput;
import org.perflink.api.model.StageEvent;
import org.perflink.core.HostSettings;

/**
 * Host contract v1 over HTTP. Pages are read as JSON trees and each item is bound on its own, so an
 * item that does not match the contract becomes a {@link Parsed#invalid} naming the field while the rest
 * of the page goes on. A {@link HostResult} body may be a record or its JSON text (as stored in the outbox).
 */
public final class HttpHostGateway implements HostGateway {

    private final HostSettings settings;
    private final HttpClient client;
    private final ObjectMapper mapper;
    private final String authorization;

    public HttpHostGateway(HostSettings settings, ObjectMapper mapper) {
        this.settings = settings;
        this.mapper = mapper;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .build();
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
        JsonNode page = get(regionPath(regionCode) + "/stage-events?" + query("after", afterCursor, "limit", limit));
        List<StageEvent> events = new ArrayList<>();
        for (JsonNode item : items(page)) {
            try {
                events.add(mapper.treeToValue(item, StageEvent.class));
            } catch (JsonProcessingException e) {
                // The feed is the one thing PerfLink cannot skip past unnoticed: stop here and say why.
                throw new HostException("stage event " + item.path("seq").asText("?") + " of region " + regionCode
                        + " does not match the contract at '" + pathOf(e) + "': " + e.getOriginalMessage());
            }
        }
        return new Page<>(events, nextCursor(page));
    }

    @Override
    public Page<Parsed<Project>> projects(String regionCode, int year, List<String> codes, String cursor, int limit)
            throws HostException {
        String codeList = codes == null || codes.isEmpty() ? null : String.join(",", codes);
        JsonNode page = get(regionPath(regionCode) + "/projects?"
                + query("year", year, "codes", codeList, "cursor", cursor, "limit", limit));
        return parsePage(page, Project.class, "projectCode");
    }

    @Override
    public Page<Parsed<ExecutionSnapshot>> execution(String regionCode, int year, LocalDate asOf, String cursor,
            int limit) throws HostException {
        JsonNode page = get(regionPath(regionCode) + "/execution?"
                + query("year", year, "asOf", asOf, "cursor", cursor, "limit", limit));
        return parsePage(page, ExecutionSnapshot.class, "projectCode");
    }

    @Override
    public Page<Parsed<ProjectEvaluationInput>> evaluations(String regionCode, int year, String cursor, int limit)
            throws HostException {
        JsonNode page = get(regionPath(regionCode) + "/evaluations?" + query("year", year, "cursor", cursor, "limit", limit));
        return parsePage(page, ProjectEvaluationInput.class, "projectCode");
    }

    @Override
    public Page<Parsed<DepartmentEvaluationInput>> departments(String regionCode, int year, String cursor, int limit)
            throws HostException {
        JsonNode page = get(regionPath(regionCode) + "/departments?" + query("year", year, "cursor", cursor, "limit", limit));
        return parsePage(page, DepartmentEvaluationInput.class, "departmentCode");
    }

    @Override
    public Delivery deliver(HostResult result) {
        String path = regionPath(result.regionCode()) + "/" + result.kind().collection() + "/" + encode(result.id());
        try {
            HttpResponse<String> response = send(request(path)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .PUT(HttpRequest.BodyPublishers.ofString(json(result.body()), StandardCharsets.UTF_8)));
            return new Delivery(result.id(), Delivery.classify(response.statusCode()), response.statusCode(),
                    reason(response), retryAfter(response));
        } catch (IOException e) {
            return new Delivery(result.id(), Delivery.Status.TRANSIENT, 0, describe(e), null);
        }
    }

    @Override
    public List<Delivery> deliverBatch(String regionCode, List<HostResult> results) {
        ObjectNode body = mapper.createObjectNode();
        ArrayNode items = body.putArray("items");
        try {
            for (HostResult r : results) {
                ObjectNode item = items.addObject();
                item.put("kind", r.kind().batchName());
                item.put("id", r.id());
                item.set("body", mapper.readTree(json(r.body())));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a queued result is not valid JSON", e);
        }
        HttpResponse<String> response;
        try {
            response = send(request(regionPath(regionCode) + "/results:batch")
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return allAs(results, Delivery.Status.TRANSIENT, 0, describe(e), null);
        }
        int status = response.statusCode();
        if (status == 404 || status == 405) {
            return null; // no batch support: the caller falls back to single PUTs
        }
        if (status != 200) {
            return allAs(results, Delivery.classify(status), status, reason(response), retryAfter(response));
        }
        try {
            JsonNode answers = mapper.readTree(response.body()).path("results");
            List<Delivery> deliveries = new ArrayList<>(results.size());
            for (int i = 0; i < results.size(); i++) {
                JsonNode a = answers.path(i);
                int itemStatus = a.path("status").asInt(0);
                String id = a.path("id").asText(results.get(i).id());
                deliveries.add(itemStatus == 0
                        ? new Delivery(id, Delivery.Status.TRANSIENT, 0, "no answer for this item", null)
                        : new Delivery(id, Delivery.classify(itemStatus), itemStatus, a.path("error").asText(null), null));
            }
            return deliveries;
        } catch (JsonProcessingException e) {
            return allAs(results, Delivery.Status.TRANSIENT, status, "unreadable batch answer", null);
        }
    }

    // --- plumbing ---------------------------------------------------------------------------------

    private <T> Page<Parsed<T>> parsePage(JsonNode page, Class<T> type, String keyField) {
        List<Parsed<T>> items = new ArrayList<>();
        for (JsonNode item : items(page)) {
            items.add(parseItem(item, type, keyField));
        }
        return new Page<>(items, nextCursor(page));
    }

    private <T> Parsed<T> parseItem(JsonNode item, Class<T> type, String keyField) {
        String key = item.path(keyField).isTextual() ? item.path(keyField).asText() : null;
        long revision = item.path("revision").canConvertToLong() ? item.path("revision").asLong() : 0L;
        if (!item.isObject()) {
            return Parsed.invalid(null, 0, "", "item is not a JSON object");
        }
        try {
            T value = mapper.treeToValue(item, type);
            if (key == null) {
                return Parsed.invalid(null, revision, keyField, "'" + keyField + "' is missing");
            }
            return Parsed.ok(value, key, revision);
        } catch (JsonProcessingException e) {
            return Parsed.invalid(key, revision, pathOf(e), e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            return Parsed.invalid(key, revision, "", e.getMessage());
        }
    }

    /** {@code target.indicators[2].operator} from Jackson's reference chain. */
    static String pathOf(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException m)) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : m.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static Iterable<JsonNode> items(JsonNode page) {
        return page.path("items");
    }

    private static String nextCursor(JsonNode page) {
        JsonNode next = page.path("nextCursor");
        return next.isNull() || next.isMissingNode() || next.asText().isEmpty() ? null : next.asText();
    }

    private JsonNode get(String path) throws HostException {
        HttpResponse<String> response;
        try {
            response = send(request(path).GET());
        } catch (IOException e) {
            throw new HostException("host " + settings.url() + " unreachable: " + describe(e), e);
        }
        if (response.statusCode() != 200) {
            throw new HostException("GET " + path + " answered " + response.statusCode() + ": " + reason(response));
        }
        try {
            return mapper.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new HostException("GET " + path + " answered with unreadable JSON: " + e.getOriginalMessage(), e);
        }
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

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
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

    private static String reason(HttpResponse<String> response) {
        String body = response.body();
        if (body == null || body.isBlank()) {
            return "HTTP " + response.statusCode();
        }
        return "HTTP " + response.statusCode() + ": " + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
    }

    private static Duration retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").map(v -> {
            try {
                return Duration.ofSeconds(Long.parseLong(v.trim()));
            } catch (NumberFormatException e) {
                return null; // HTTP-date form: fall back to our own backoff
            }
        }).orElse(null);
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
