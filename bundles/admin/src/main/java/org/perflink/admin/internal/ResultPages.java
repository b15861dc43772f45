package org.perflink.admin.internal;

import java.util.Locale;
import java.util.Map;

import org.perflink.store.ResultLedger;
import org.perflink.store.StoredResult;

/**
 * The admin API's searchable result list (issue 15): checks the query parameters {@code kind}, {@code state},
 * {@code q} (a project or department code prefix), {@code sort}, {@code offset} and {@code limit}, naming the one
 * that is wrong, and turns them into a {@link ResultLedger.ResultQuery} the store serves from its indexes.
 */
final class ResultPages {

    /** What was asked: the region, the filters and the page. */
    record Request(String region, ResultLedger.ResultQuery query, int offset, int limit) {
    }

    private ResultPages() {
    }

    static Request request(String region, Map<String, String> p, int maxOffset) {
        String state = blankToNull(p.get("state"));
        if (state != null) {
            state = state.toUpperCase(Locale.ROOT);
            if (!state.matches("PENDING|DELIVERED|DEAD")) {
                throw new IllegalArgumentException("state 须为 PENDING、DELIVERED 或 DEAD (state must be PENDING, DELIVERED"
                        + " or DEAD): '" + p.get("state") + "'");
            }
        }
        String q = blankToNull(p.get("q"));
        if (q != null && !q.matches("[A-Za-z0-9._-]{1,128}")) {
            throw new IllegalArgumentException("q 须为项目或部门代码的开头 (q must be the start of a project or department"
                    + " code: letters, digits, . _ -): '" + q + "'");
        }
        String sort = blankToNull(p.get("sort"));
        if (sort != null && !sort.matches("newest|oldest")) {
            throw new IllegalArgumentException("sort 须为 newest 或 oldest (sort must be newest or oldest): '" + sort + "'");
        }
        int limit = LatestResults.parseLimit(p.get("limit"));
        int offset = AdminJson.number("offset", p.get("offset"), 0, 0, maxOffset);
        return new Request(region, new ResultLedger.ResultQuery(LatestResults.parseKind(p.get("kind")), state, q,
                "oldest".equals(sort)), offset, limit);
    }

    static LatestResults.Item item(StoredResult r) {
        return new LatestResults.Item(r.kind(), ProjectTimeline.stageOf(r.kind()), r.resultId(), r.subject(), r.body(),
                true, r.seq(), r.state(), r.createdAt(), r.deliveredAt());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
