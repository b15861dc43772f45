package org.perflink.mockhost;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The stage events of one region, in increasing {@code seq}. Appending fills in what the event leaves out:
 * {@code seq} (last + 1), {@code eventId} ({@code ev-{region}-{seq}}), {@code regionCode}, {@code year}
 * (the region's default year, when it has one) and {@code occurredAt} (now, +08:00). Nothing else is
 * checked, so a test can serve a deliberately malformed event.
 */
public final class EventFeed {

    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private final String regionCode;
    private final List<ObjectNode> events = new ArrayList<>();
    private long lastSeq;

    public EventFeed(String regionCode) {
        this.regionCode = regionCode;
    }

    /**
     * Appends one event. An explicit {@code seq} must be an integer greater than every seq so far (409
     * otherwise); the stored event is a normalised copy, which is returned.
     */
    public synchronized ObjectNode append(JsonNode event, Integer defaultYear) {
        if (event == null || !event.isObject()) {
            throw HttpError.badRequest("an event is a JSON object");
        }
        long seq;
        JsonNode s = event.get("seq");
        if (s == null || s.isNull()) {
            seq = lastSeq + 1;
        } else {
            if (!s.canConvertToLong() || !s.isIntegralNumber()) {
                throw HttpError.badRequest("seq must be an integer");
            }
            seq = s.asLong();
            if (seq <= lastSeq) {
                throw new HttpError(409, "seq " + seq + " is not greater than the last seq " + lastSeq
                        + " of region " + regionCode);
            }
        }
        ObjectNode e = Json.object();
        e.put("seq", seq);
        e.set("eventId", orDefault(event, "eventId", Json.NODES.textNode("ev-" + regionCode + "-" + seq)));
        e.set("regionCode", orDefault(event, "regionCode", Json.NODES.textNode(regionCode)));
        JsonNode y = event.get("year");
        if (y != null) {
            e.set("year", y);
        } else if (defaultYear != null) {
            e.put("year", defaultYear);
        }
        copy(event, e, "stage");
        copy(event, e, "phase");
        copy(event, e, "asOf");
        copy(event, e, "projectCodes");
        e.set("occurredAt", orDefault(event, "occurredAt",
                Json.NODES.textNode(OffsetDateTime.now(CHINA).truncatedTo(ChronoUnit.SECONDS).toString())));
        for (Iterator<Map.Entry<String, JsonNode>> it = event.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!e.has(f.getKey())) {
                e.set(f.getKey(), f.getValue());
            }
        }
        events.add(e);
        lastSeq = seq;
        return e;
    }

    private static JsonNode orDefault(JsonNode event, String field, JsonNode dflt) {
        JsonNode v = event.get(field);
        return v == null || v.isNull() ? dflt : v;
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        if (from.has(field)) {
            to.set(field, from.get(field));
        }
    }

    /** Up to {@code limit} events with seq greater than {@code after}. */
    public synchronized List<ObjectNode> after(long after, int limit) {
        // events are in increasing seq: binary search for the first seq > after
        int lo = 0;
        int hi = events.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (events.get(mid).get("seq").asLong() <= after) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return new ArrayList<>(events.subList(lo, Math.min(events.size(), lo + limit)));
    }

    public synchronized List<ObjectNode> all() {
        return new ArrayList<>(events);
    }

    public synchronized long lastSeq() {
        return lastSeq;
    }

    public synchronized int size() {
        return events.size();
    }
}
