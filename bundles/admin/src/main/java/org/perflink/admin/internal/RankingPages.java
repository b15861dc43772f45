package org.perflink.admin.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.perflink.api.model.Grade;
import org.perflink.store.Page;
import org.perflink.store.ResultLedger;

/**
 * The admin API's ranking table (issue 15, {@code GET regions/{code}/ranking}): a year's work assessments
 * ({@link AssessmentTable}) filtered by {@code scope} (department|region), {@code grade}, {@code list}
 * (praise|criticism) and {@code q} (the start of the subject's code), sorted by {@code sort} (rank: departments then
 * lower regions, each by rank; score: highest total first; code: subject code A→Z) and paged ({@code offset},
 * {@code limit}). A year holds one row per department and lower region (bounded by {@link AssessmentTable#MAX_ROWS}),
 * so the table is filtered in memory after the one read of the year's assessments.
 */
final class RankingPages {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    /** What was asked: the region, the year (null: the latest assessed), the filters, the sort and the page. */
    record Request(String region, Integer year, String scope, String grade, String list, String q, String sort,
            ListParams.Paging paging) {
    }

    private RankingPages() {
    }

    static Request request(String region, Map<String, String> p, int maxOffset) {
        int year = AdminJson.number("year", p.get("year"), 0, 2000, 2100);
        String scope = ListParams.choice("scope", p.get("scope"), List.of("department", "region"));
        String grade = ListParams.choice("grade", p.get("grade"),
                java.util.Arrays.stream(Grade.values()).map(Grade::name).toList());
        String list = ListParams.choice("list", p.get("list"), List.of("PRAISE", "CRITICISM"));
        String q = ListParams.code("q", "考核对象代码的开头 (the start of a department or region code)", p.get("q"));
        String sort = ListParams.choice("sort", p.get("sort"), List.of("rank", "score", "code"));
        return new Request(region, year == 0 ? null : year, scope == null ? null : scope.toUpperCase(java.util.Locale.ROOT),
                grade, list, q, sort == null ? "rank" : sort, ListParams.paging(p, DEFAULT_LIMIT, MAX_LIMIT, maxOffset));
    }

    /** The year's rows that match, in the asked order, and the page of them. */
    static Page<AssessmentTable.Row> find(ResultLedger results, Request r) {
        List<AssessmentTable.Row> rows = AssessmentTable.find(results, r.region(), r.year()).stream()
                .filter(row -> r.scope() == null || r.scope().equals(row.scope()))
                .filter(row -> r.grade() == null || r.grade().equals(row.text("grade")))
                .filter(row -> r.list() == null || r.list().equals(row.text("list")))
                .filter(row -> r.q() == null || row.subject().startsWith(r.q()))
                .sorted(order(r.sort())).toList();
        int from = Math.min(r.paging().offset(), rows.size());
        int to = Math.min(from + r.paging().limit(), rows.size());
        return new Page<>(rows.subList(from, to), rows.size(), r.paging().offset(), r.paging().limit());
    }

    private static Comparator<AssessmentTable.Row> order(String sort) {
        Comparator<AssessmentTable.Row> bySubject = Comparator.comparing(AssessmentTable.Row::subject);
        return switch (sort) {
            case "score" -> Comparator.comparing((AssessmentTable.Row row) -> total(row), Comparator.reverseOrder())
                    .thenComparing(bySubject);
            case "code" -> bySubject;
            default -> Comparator.comparingInt((AssessmentTable.Row row) -> AssessmentTable.SCOPES.indexOf(row.scope()))
                    .thenComparingInt(AssessmentTable.Row::rank).thenComparing(bySubject);
        };
    }

    private static java.math.BigDecimal total(AssessmentTable.Row row) {
        String t = row.text("total");
        try {
            return t == null ? java.math.BigDecimal.ZERO : new java.math.BigDecimal(t);
        } catch (NumberFormatException e) {
            return java.math.BigDecimal.ZERO;
        }
    }

    /**
     * The page as the API answers it: the rows of the page ({@code items}, each an Assessment body), their total,
     * and, as before 1.3, the page's rows of each scope ({@code departments}, {@code regions}) with the parts' names.
     */
    static ObjectNode json(ObjectMapper mapper, Request r, Page<AssessmentTable.Row> page) {
        ObjectNode out = AssessmentTable.json(mapper, r.region(), page.items());
        if (page.items().isEmpty() && r.year() != null) {
            out.put("year", r.year());
        }
        out.put("scope", r.scope());
        out.put("grade", r.grade());
        out.put("list", r.list());
        out.put("q", r.q());
        out.put("sort", r.sort());
        ListParams.page(out, page);
        ArrayNode items = out.putArray("items");
        page.items().forEach(row -> items.add(row.body().deepCopy()));
        return out;
    }
}
