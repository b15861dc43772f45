package org.perflink.admin.internal;

import java.util.List;
import java.util.Locale;
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

    private static final String CODE = "[A-Za-z0-9._-]{1,128}";

    private ResultPages() {
    }

    static boolean isSearch(Map<String, String> p) {
        return SEARCH.stream().anyMatch(p::containsKey);
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
        if (q != null && !q.matches(CODE)) {
            throw new IllegalArgumentException("q 须为项目或部门代码的开头 (q must be the start of a project or department"
                    + " code: letters, digits, . _ -): '" + q + "'");
        }
        String sort = blankToNull(p.get("sort"));
        if (sort != null && !sort.matches("newest|oldest|subject")) {
            throw new IllegalArgumentException("sort 须为 newest、oldest 或 subject (sort must be newest, oldest or subject): '"
                    + sort + "'");
        }
        String outcome = blankToNull(p.get("outcome"));
        if (outcome != null) {
            outcome = outcome.toUpperCase(Locale.ROOT);
            if (!outcome.matches("[A-Z_]{1,32}")) {
                throw new IllegalArgumentException("outcome 须为结论、预警级别、等级、调整动作或通知类型，如 BLOCK、RED、POOR"
                        + " (outcome must be an outcome, level, grade, action or notice type such as BLOCK, RED, POOR): '"
                        + p.get("outcome") + "'");
            }
        }
        String department = code("department", "部门代码 (a department code)", p.get("department"));
        String rule = code("rule", "规则编号 (a rule id)", p.get("rule"));
        int limit = LatestResults.parseLimit(p.get("limit"));
        int offset = AdminJson.number("offset", p.get("offset"), 0, 0, maxOffset);
        return new Request(region, new ResultLedger.ResultQuery(LatestResults.parseKind(p.get("kind")), state, q,
                "oldest".equals(sort), outcome, department, rule, "subject".equals(sort)), offset, limit);
    }

    /** The sort a query asked for, as the answer names it. */
    static String sortOf(ResultLedger.ResultQuery q) {
        return q.bySubject() ? "subject" : q.oldestFirst() ? "oldest" : "newest";
    }

    private static String code(String name, String what, String value) {
        String v = blankToNull(value);
        if (v != null && !v.matches(CODE)) {
            throw new IllegalArgumentException(name + " 须为" + what.replace(" (", "，字母、数字、. _ - (") + ": '" + value + "'");
        }
        return v;
    }

    static LatestResults.Item item(StoredResult r) {
        return new LatestResults.Item(r.kind(), ProjectTimeline.stageOf(r.kind()), r.resultId(), r.subject(), r.body(),
                true, r.seq(), r.state(), r.createdAt(), r.deliveredAt());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
