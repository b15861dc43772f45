package org.perflink.admin.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.perflink.store.DeadLetter;
import org.perflink.store.DeadLetters;
import org.perflink.store.Page;

/**
 * The admin API's dead-letter table (issue 15, {@code GET regions/{code}/dead-letters}): checks {@code state}
 * (open|replayed|skipped|all, open when absent), {@code stage} (compile|execute|close, 编制|执行|决算), {@code kind}
 * (a result kind or {@code input}), {@code q} (the start of a project/department code or result id, or a part of the
 * host's reason), {@code sort} (oldest|newest|subject|stage, oldest when absent), {@code offset} and {@code limit},
 * naming the one that is wrong, and answers the page the store finds with its exact total.
 */
final class DeadLetterPages {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    /** What was asked: the region, the filters and the page. */
    record Request(String region, DeadLetters.LetterQuery query, ListParams.Paging paging) {
    }

    private DeadLetterPages() {
    }

    static Request request(String region, Map<String, String> p, int maxOffset) {
        String state = ListParams.choice("state", p.get("state"), List.of("open", "replayed", "skipped", "all"));
        String stage = null;
        String kind = ListParams.blankToNull(p.get("kind"));
        try {
            stage = ListParams.blankToNull(p.get("stage")) == null ? null : Stages.parse(p.get("stage")).name();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("stage: " + e.getMessage(), e);
        }
        if (kind != null) {
            try {
                kind = kind.equalsIgnoreCase("input") || kind.equals("输入") ? DeadLetter.INPUT
                        : LatestResults.parseKind(kind).name();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("kind: " + e.getMessage() + " 或 (or) input|输入", e);
            }
        }
        String sort = ListParams.choice("sort", p.get("sort"), List.of("oldest", "newest", "subject", "stage"));
        String q = ListParams.text("q", p.get("q"));
        return new Request(region, new DeadLetters.LetterQuery(
                state == null ? DeadLetter.OPEN : state.equals("all") ? null : state.toUpperCase(Locale.ROOT), stage, kind,
                q, DeadLetters.LetterSort.valueOf(sort == null ? "OLDEST" : sort.toUpperCase(Locale.ROOT))),
                ListParams.paging(p, DEFAULT_LIMIT, MAX_LIMIT, maxOffset));
    }

    static Page<DeadLetter> find(DeadLetters store, Request r) {
        return store.page(r.region(), r.query(), r.paging().offset(), r.paging().limit());
    }

    static ObjectNode json(ObjectMapper mapper, Request r, Page<DeadLetter> page) {
        ObjectNode out = mapper.createObjectNode();
        DeadLetters.LetterQuery q = r.query();
        out.put("region", r.region());
        out.put("state", q.state() == null ? "ALL" : q.state());
        out.put("stage", q.stage());
        out.put("kind", q.kind());
        out.put("q", q.search());
        out.put("sort", q.sort().name().toLowerCase(Locale.ROOT));
        ListParams.page(out, page);
        ArrayNode items = out.putArray("items");
        for (DeadLetter d : page.items()) {
            ObjectNode n = items.addObject();
            n.put("id", d.id());
            n.put("region", d.regionCode());
            n.put("kind", d.kind());
            n.put("stage", d.stage());
            n.put("key", d.key());
            n.put("subject", d.subject());
            if (d.httpStatus() == 0) {
                n.putNull("httpStatus");
            } else {
                n.put("httpStatus", d.httpStatus());
            }
            n.put("reason", d.reason());
            n.put("state", d.state());
            n.put("createdAt", AdminJson.text(d.createdAt()));
            n.put("replayedAt", AdminJson.text(d.replayedAt()));
            n.put("body", d.body());
        }
        return out;
    }
}
