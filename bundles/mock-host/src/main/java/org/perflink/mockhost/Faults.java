package org.perflink.mockhost;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Injected faults; they apply to {@code /api/} requests only, never to {@code /mock/}. A
 * {@code POST /mock/faults} body replaces the whole set; {@code DELETE /mock/faults} clears it.
 *
 * <pre>
 * {"down": true}                              every request answered 503 (the host is down)
 * {"down": true, "closeConnection": true}     every request's connection closed without an answer
 * {"status": 503, "everyNth": 2}              every 2nd request answered 503 (everyNth defaults to 1)
 * {"status": 429, "retryAfterSeconds": 1}     429 with a Retry-After header
 * {"delayMillis": 2000}                       every request answered 2 s late
 * {"rejectIds": {"id1": 422, "id2": {"status": 409, "error": "..."}}}
 *                                             writes of those result ids refused with that status
 * {"batch": false}                            POST .../results:batch answers 404 (no batch support)
 * {"methods": ["PUT", "POST"]}                limits down/status/delay to these HTTP methods
 * {"regions": ["440000"]}                     limits down/status/delay to these regions' paths
 *                                             ({@code /api/v1/regions/{r}/...}); other regions are served normally
 * </pre>
 */
public record Faults(boolean down, boolean closeConnection, Integer status, int everyNth, Integer retryAfterSeconds,
        long delayMillis, Map<String, Rejection> rejectIds, Boolean batch, Set<String> methods, Set<String> regions) {

    /** A configured refusal of one result id. */
    public record Rejection(int status, String error) {
    }

    public static final Faults NONE = new Faults(false, false, null, 1, null, 0, Map.of(), null, Set.of(), Set.of());

    private static final Set<String> FIELDS = Set.of("down", "closeConnection", "status", "everyNth",
            "retryAfterSeconds", "delayMillis", "rejectIds", "batch", "methods", "regions");

    public Faults {
        rejectIds = Map.copyOf(rejectIds);
        methods = Set.copyOf(methods);
        regions = Set.copyOf(regions);
    }

    public boolean none() {
        return this.equals(NONE);
    }

    /** Whether down/status/delay faults apply to a request with this method, whatever its region. */
    public boolean appliesTo(String method) {
        return methods.isEmpty() || methods.contains(method.toUpperCase(Locale.ROOT));
    }

    /**
     * Whether down/status/delay faults apply to a request with this method and path segments
     * ({@code api, v1, regions, 440000, ...}). With a {@code regions} filter, only requests under
     * {@code /api/v1/regions/{r}/} of those regions are faulted.
     */
    public boolean appliesTo(String method, List<String> pathSegments) {
        if (!appliesTo(method)) {
            return false;
        }
        if (regions.isEmpty()) {
            return true;
        }
        return pathSegments.size() > 3 && pathSegments.get(2).equals("regions") && regions.contains(pathSegments.get(3));
    }

    public static Faults parse(JsonNode f) {
        if (f == null || !f.isObject()) {
            throw HttpError.badRequest("faults are a JSON object");
        }
        for (Iterator<String> it = f.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!FIELDS.contains(name)) {
                throw HttpError.badRequest("unknown fault \"" + name + "\" (one of " + new TreeSet<>(FIELDS) + ")");
            }
        }
        boolean down = bool(f, "down", false);
        boolean close = bool(f, "closeConnection", false);
        Integer status = f.hasNonNull("status") ? integer(f, "status", 100, 599) : null;
        int everyNth = f.hasNonNull("everyNth") ? integer(f, "everyNth", 1, Integer.MAX_VALUE) : 1;
        Integer retryAfter = f.hasNonNull("retryAfterSeconds") ? integer(f, "retryAfterSeconds", 0, 86_400) : null;
        long delay = f.hasNonNull("delayMillis") ? integer(f, "delayMillis", 0, 600_000) : 0;
        Map<String, Rejection> reject = new LinkedHashMap<>();
        JsonNode r = f.get("rejectIds");
        if (r != null && !r.isNull()) {
            if (!r.isObject()) {
                throw HttpError.badRequest("rejectIds is an object {id: status}");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = r.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                int st;
                String error = null;
                if (v.isObject()) {
                    st = integer(v, "status", 400, 599);
                    error = v.hasNonNull("error") ? v.get("error").asText() : null;
                } else if (v.canConvertToInt() && v.isIntegralNumber()) {
                    st = v.asInt();
                } else {
                    throw HttpError.badRequest("rejectIds." + e.getKey() + " is a status or {status, error}");
                }
                if (st < 400 || st > 599) {
                    throw HttpError.badRequest("rejectIds." + e.getKey() + " must be a 4xx or 5xx status");
                }
                if (error == null) {
                    error = "mock host refuses result " + e.getKey() + " with " + st
                            + " (fault injection: rejectIds)";
                }
                reject.put(e.getKey(), new Rejection(st, error));
            }
        }
        Boolean batch = f.hasNonNull("batch") ? bool(f, "batch", true) : null;
        Set<String> methods = new TreeSet<>();
        JsonNode m = f.get("methods");
        if (m != null && !m.isNull()) {
            if (!m.isArray()) {
                throw HttpError.badRequest("methods is an array of HTTP methods");
            }
            m.forEach(x -> methods.add(x.asText().toUpperCase(Locale.ROOT)));
        }
        Set<String> regions = new TreeSet<>();
        JsonNode rg = f.get("regions");
        if (rg != null && !rg.isNull()) {
            if (!rg.isArray()) {
                throw HttpError.badRequest("regions is an array of region codes");
            }
            for (JsonNode x : rg) {
                if (!x.isTextual() || !Dataset.REGION_CODE.matcher(x.asText()).matches()) {
                    throw HttpError.badRequest("regions holds 6-digit region codes (not starting with 0), not " + x);
                }
                regions.add(x.asText());
            }
        }
        return new Faults(down, close, status, everyNth, retryAfter, delay, reject, batch, methods, regions);
    }

    private static boolean bool(JsonNode f, String field, boolean dflt) {
        JsonNode v = f.get(field);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isBoolean()) {
            throw HttpError.badRequest(field + " is true or false");
        }
        return v.asBoolean();
    }

    private static int integer(JsonNode f, String field, int min, int max) {
        JsonNode v = f.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
            throw HttpError.badRequest(field + " must be an integer in [" + min + ", " + max + "]");
        }
        return v.asInt();
    }

    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("down", down);
        o.put("closeConnection", closeConnection);
        if (status != null) {
            o.put("status", status);
            o.put("everyNth", everyNth);
        }
        if (retryAfterSeconds != null) {
            o.put("retryAfterSeconds", retryAfterSeconds);
        }
        o.put("delayMillis", delayMillis);
        ObjectNode r = o.putObject("rejectIds");
        rejectIds.forEach((id, rej) -> {
            ObjectNode x = r.putObject(id);
            x.put("status", rej.status());
            x.put("error", rej.error());
        });
        if (batch != null) {
            o.put("batch", batch);
        }
        if (!methods.isEmpty()) {
            methods.forEach(o.putArray("methods")::add);
        }
        if (!regions.isEmpty()) {
            new TreeSet<>(regions).forEach(o.putArray("regions")::add);
        }
        return o;
    }
}
