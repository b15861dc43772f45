package org.perflink.mockhost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every result written to the mock: a log of each write in arrival order, and per (region, kind, id) the
 * latest body, how many times it was written and whether it was ever written with a different body.
 *
 * <p>Bodies are kept serialised (compact UTF-8 JSON), and "written with a different body" is decided on 64-bit
 * fingerprints of the first and each later body, so a write costs its bytes and a few fields. For scale runs,
 * {@code keepBodies = false} keeps only counts and fingerprints. The log keeps at most {@code maxLog} entries and
 * reports how many older ones it dropped.
 */
public final class Received {

    /** Result kinds as the batch endpoint names them, and the plural path segment of the single PUT. */
    public static final Map<String, String> KIND_BY_PATH = Map.of(
            "verdicts", "verdict", "scores", "score", "warnings", "warning", "adjustments", "adjustment",
            "notices", "notice", "assessments", "assessment");

    /** The body field that carries the id, per kind. */
    static final Map<String, String> ID_FIELD = Map.of(
            "verdict", "verdictId", "score", "scoreId", "warning", "warningId", "adjustment", "adjustmentId",
            "notice", "noticeId", "assessment", "assessmentId");

    record Key(String region, String kind, String id) {
    }

    static final class Entry {
        byte[] latest;
        int count;
        long fingerprint;
        long fingerprintIgnoringTimestamps;
        boolean differentBodies;
        boolean differentBodiesIgnoringTimestamps;
        Instant firstAt;
        Instant lastAt;
    }

    record LogEntry(long n, Instant at, String via, String region, String kind, String id, int status, String error,
            byte[] body) {
    }

    private final int maxLog;
    private final boolean keepBodies;
    private final Map<Key, Entry> entries = new LinkedHashMap<>();
    private final ArrayDeque<LogEntry> log = new ArrayDeque<>();
    private long nextN = 1;
    private long dropped;
    private long rejected;

    public Received(int maxLog, boolean keepBodies) {
        this.maxLog = maxLog;
        this.keepBodies = keepBodies;
    }

    /** Normalises a kind given as {@code verdict} or {@code verdicts}; null when it is neither. */
    public static String kind(String k) {
        if (k == null) {
            return null;
        }
        if (ID_FIELD.containsKey(k)) {
            return k;
        }
        return KIND_BY_PATH.get(k);
    }

    /** Stores an accepted write; 201 when the id is new for this region and kind, 200 when it is a repeat. */
    public synchronized int accept(String via, String region, String kind, String id, JsonNode body) {
        byte[] bytes = keepBodies ? Json.write(body) : null;
        long fp = Json.fingerprint(body, false);
        long fpLoose = Json.fingerprint(body, true);
        Instant now = Instant.now();
        Key key = new Key(region, kind, id);
        Entry e = entries.get(key);
        int status = e == null ? 201 : 200;
        if (e == null) {
            e = new Entry();
            e.firstAt = now;
            e.fingerprint = fp;
            e.fingerprintIgnoringTimestamps = fpLoose;
            entries.put(key, e);
        }
        e.differentBodies |= fp != e.fingerprint;
        e.differentBodiesIgnoringTimestamps |= fpLoose != e.fingerprintIgnoringTimestamps;
        e.latest = bytes;
        e.count++;
        e.lastAt = now;
        append(new LogEntry(nextN++, now, via, region, kind, id, status, null, bytes));
        return status;
    }

    /** Logs a write the mock refused (a validation error or an injected rejection); nothing is stored. */
    public synchronized void reject(String via, String region, String kind, String id, JsonNode body, int status,
            String error) {
        rejected++;
        append(new LogEntry(nextN++, Instant.now(), via, region, kind, id, status, error,
                body == null || !keepBodies ? null : Json.write(body)));
    }

    private void append(LogEntry le) {
        log.addLast(le);
        while (log.size() > maxLog) {
            log.removeFirst();
            dropped++;
        }
    }

    public synchronized void clear() {
        entries.clear();
        log.clear();
        nextN = 1;
        dropped = 0;
        rejected = 0;
    }

    public synchronized JsonNode latest(String region, String kind, String id) {
        Entry e = entries.get(new Key(region, kind, id));
        return e == null ? null : parse(e.latest);
    }

    private static JsonNode parse(byte[] b) {
        try {
            return b == null ? null : Json.read(b);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** {@code GET /mock/received}: one row per id, filtered by region / kind / id when given. */
    public synchronized ObjectNode received(String region, String kind, String id, boolean bodies) {
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray("items");
        int different = 0;
        int differentIgnoringTimestamps = 0;
        long writes = 0;
        for (Map.Entry<Key, Entry> me : entries.entrySet()) {
            Key k = me.getKey();
            if ((region != null && !region.equals(k.region())) || (kind != null && !kind.equals(k.kind()))
                    || (id != null && !id.equals(k.id()))) {
                continue;
            }
            Entry e = me.getValue();
            ObjectNode row = items.addObject();
            row.put("region", k.region());
            row.put("kind", k.kind());
            row.put("id", k.id());
            row.put("count", e.count);
            row.put("differentBodies", e.differentBodies);
            row.put("differentBodiesIgnoringTimestamps", e.differentBodiesIgnoringTimestamps);
            row.put("firstAt", e.firstAt.toString());
            row.put("lastAt", e.lastAt.toString());
            if (bodies && e.latest != null) {
                row.set("body", parse(e.latest));
            }
            writes += e.count;
            if (e.differentBodies) {
                different++;
            }
            if (e.differentBodiesIgnoringTimestamps) {
                differentIgnoringTimestamps++;
            }
        }
        out.put("ids", items.size());
        out.put("writes", writes);
        out.put("idsWithDifferentBodies", different);
        out.put("idsWithDifferentBodiesIgnoringTimestamps", differentIgnoringTimestamps);
        return out;
    }

    /** {@code GET /mock/received/log}: writes in arrival order with {@code n > after}, at most {@code limit}. */
    public synchronized ObjectNode log(String region, String kind, long after, int limit) {
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray("items");
        for (LogEntry le : log) {
            if (le.n() <= after || (region != null && !region.equals(le.region()))
                    || (kind != null && !kind.equals(le.kind()))) {
                continue;
            }
            if (items.size() >= limit) {
                out.put("truncated", true);
                break;
            }
            ObjectNode row = items.addObject();
            row.put("n", le.n());
            row.put("at", le.at().toString());
            row.put("via", le.via());
            row.put("region", le.region());
            row.put("kind", le.kind());
            row.put("id", le.id());
            row.put("status", le.status());
            if (le.error() != null) {
                row.put("error", le.error());
            }
            if (le.body() != null) {
                row.set("body", parse(le.body()));
            }
        }
        out.put("size", log.size());
        out.put("dropped", dropped);
        return out;
    }

    /** Counts per region and kind, for {@code GET /mock/stats}. */
    public synchronized ObjectNode stats() {
        ObjectNode out = Json.object();
        long writes = 0;
        int different = 0;
        int differentIgnoringTimestamps = 0;
        int repeated = 0;
        Map<String, Map<String, long[]>> by = new TreeMap<>();
        for (Map.Entry<Key, Entry> me : entries.entrySet()) {
            Entry e = me.getValue();
            Key k = me.getKey();
            long[] c = by.computeIfAbsent(k.region(), r -> new TreeMap<>()).computeIfAbsent(k.kind(),
                    x -> new long[4]);
            c[0] += e.count;
            c[1]++;
            if (e.count > 1) {
                c[2]++;
                repeated++;
            }
            if (e.differentBodies) {
                c[3]++;
                different++;
            }
            if (e.differentBodiesIgnoringTimestamps) {
                differentIgnoringTimestamps++;
            }
            writes += e.count;
        }
        out.put("writes", writes);
        out.put("ids", entries.size());
        out.put("repeatedIds", repeated);
        out.put("idsWithDifferentBodies", different);
        out.put("idsWithDifferentBodiesIgnoringTimestamps", differentIgnoringTimestamps);
        out.put("rejectedWrites", rejected);
        ObjectNode byRegion = out.putObject("byRegion");
        by.forEach((region, kinds) -> {
            ObjectNode r = byRegion.putObject(region);
            kinds.forEach((kind, c) -> {
                ObjectNode k = r.putObject(kind);
                k.put("writes", c[0]);
                k.put("ids", c[1]);
                k.put("repeatedIds", c[2]);
                k.put("idsWithDifferentBodies", c[3]);
            });
        });
        ObjectNode l = out.putObject("log");
        l.put("size", log.size());
        l.put("dropped", dropped);
        l.put("max", maxLog);
        l.put("keepBodies", keepBodies);
        return out;
    }

    /** The kinds in a fixed order, for documentation and validation messages. */
    static List<String> kinds() {
        return List.of("verdict", "score", "warning", "adjustment", "notice", "assessment");
    }
}
