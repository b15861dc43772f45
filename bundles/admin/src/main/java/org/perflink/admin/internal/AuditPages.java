package org.perflink.admin.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.perflink.core.RegionCode;
import org.perflink.store.AuditEntry;
import org.perflink.store.AuditLog;
import org.perflink.store.Page;

/**
 * The admin API's audit table (issue 15, {@code GET audit}): checks {@code q} (a part of any of an entry's texts),
 * {@code actor}, {@code action} (as recorded, {@code perflink:replay}), {@code region} (its entries and its stages'),
 * {@code from} and {@code to} (days of China Standard Time, {@code to} inclusive, or ISO instants, {@code to}
 * exclusive), {@code sort} (newest|oldest), {@code offset} and {@code limit}, naming the one that is wrong, and
 * answers the page the store finds with its exact total.
 */
final class AuditPages {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    /** What was asked: the filters and the page. */
    record Request(AuditLog.AuditQuery query, ListParams.Paging paging) {
    }

    private AuditPages() {
    }

    static Request request(Map<String, String> p, int maxOffset) {
        String region = ListParams.blankToNull(p.get("region"));
        if (region != null && !RegionCode.valid(region)) {
            throw new IllegalArgumentException("region: " + RegionCode.MUST_BE);
        }
        String actor = ListParams.text("actor", p.get("actor"));
        String action = ListParams.text("action", p.get("action"));
        Instant from = ListParams.time("from", p.get("from"), false);
        Instant to = ListParams.time("to", p.get("to"), true);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from 须早于 to (from must be before to): " + p.get("from") + " / " + p.get("to"));
        }
        String sort = ListParams.choice("sort", p.get("sort"), List.of("newest", "oldest"));
        return new Request(new AuditLog.AuditQuery(ListParams.text("q", p.get("q")), actor, action, region, from, to,
                "oldest".equals(sort)), ListParams.paging(p, DEFAULT_LIMIT, MAX_LIMIT, maxOffset));
    }

    static Page<AuditEntry> find(AuditLog store, Request r) {
        return store.page(r.query(), r.paging().offset(), r.paging().limit());
    }

    static ObjectNode json(ObjectMapper mapper, Request r, Page<AuditEntry> page) {
        ObjectNode out = mapper.createObjectNode();
        AuditLog.AuditQuery q = r.query();
        out.put("q", q.search());
        out.put("actor", q.actor());
        out.put("action", q.action());
        out.put("region", q.region());
        out.put("from", AdminJson.text(q.from()));
        out.put("to", AdminJson.text(q.to()));
        out.put("sort", q.oldestFirst() ? "oldest" : "newest");
        ListParams.page(out, page);
        ArrayNode items = out.putArray("items");
        for (AuditEntry a : page.items()) {
            ObjectNode n = items.addObject();
            n.put("id", a.id());
            n.put("at", AdminJson.text(a.at()));
            n.put("actor", a.actor());
            n.put("action", a.action());
            n.put("target", a.target());
            n.put("before", a.before());
            n.put("after", a.after());
        }
        return out;
    }
}
