package org.perflink.admin.internal;

import java.util.List;
import java.util.Map;

import org.perflink.store.ResultLedger;
import org.perflink.store.StoredResult;

/**
 * The admin API's searchable result list (issue 15): checks the query parameters {@code kind}, {@code state},
 * {@code q} (a project or department code prefix), {@code outcome} (outcome, level, grade, action or notice type),
 * {@code department}, {@code rule} (a rule id the result cites), {@code sort} (newest|oldest|subject),
 * {@code offset} and {@code limit}, naming the one that is wrong, and turns them into a
 * {@link ResultLedger.ResultQuery} the store serves from its indexes.
 */
final class ResultPages {

    /** What was asked: the region, the filters and the page. */
    record Request(String region, ResultLedger.ResultQuery query, int offset, int limit) {
    }

    /** The parameters that make a list a search (served by {@link ResultLedger#page}). */
    static final List<String> SEARCH = List.of("state", "q", "sort", "outcome", "department", "rule");

    private ResultPages() {
    }

    static boolean isSearch(Map<String, String> p) {
        return SEARCH.stream().anyMatch(p::containsKey);
    }

    static Request request(String region, Map<String, String> p, int maxOffset) {
        String state = ListParams.choice("state", p.get("state"), List.of("PENDING", "DELIVERED", "DEAD"));
        String q = p.get("q");
        if (ListParams.blankToNull(q) != null && !q.strip().matches(ListParams.CODE)) {
            throw new IllegalArgumentException("q 须为项目或部门代码的开头 (q must be the start of a project or department"
                    + " code: letters, digits, . _ -): '" + q.strip() + "'");
        }
        String sort = ListParams.choice("sort", p.get("sort"), List.of("newest", "oldest", "subject"));
        String outcome = ListParams.upperName("outcome", "结论、预警级别、等级、调整动作或通知类型，如 BLOCK、RED、POOR"
                + " (outcome must be an outcome, level, grade, action or notice type such as BLOCK, RED, POOR)",
                p.get("outcome"));
        String department = ListParams.code("department", "部门代码 (a department code)", p.get("department"));
        String rule = ListParams.code("rule", "规则编号 (a rule id)", p.get("rule"));
        int limit = LatestResults.parseLimit(p.get("limit"));
        int offset = AdminJson.number("offset", p.get("offset"), 0, 0, maxOffset);
        return new Request(region, new ResultLedger.ResultQuery(LatestResults.parseKind(p.get("kind")), state,
                ListParams.blankToNull(q), "oldest".equals(sort), outcome, department, rule, "subject".equals(sort)),
                offset, limit);
    }

    /** The sort a query asked for, as the answer names it. */
    static String sortOf(ResultLedger.ResultQuery q) {
        return q.bySubject() ? "subject" : q.oldestFirst() ? "oldest" : "newest";
    }

    static LatestResults.Item item(StoredResult r) {
        return new LatestResults.Item(r.kind(), ProjectTimeline.stageOf(r.kind()), r.resultId(), r.subject(), r.body(),
                true, r.seq(), r.state(), r.createdAt(), r.deliveredAt());
    }
}
