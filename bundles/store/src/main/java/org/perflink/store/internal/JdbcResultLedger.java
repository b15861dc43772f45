package org.perflink.store.internal;

import static java.util.Objects.requireNonNull;
import static org.perflink.store.internal.Jdbc.instant;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.perflink.api.model.ResultKind;
import org.perflink.store.Page;
import org.perflink.store.ResultLedger;
import org.perflink.store.StoredResult;

/** {@link ResultLedger} over JDBC: one {@code pl_result} row per result, written by {@link ResultRows}. */
final class JdbcResultLedger implements ResultLedger {

    private final Jdbc jdbc;

    JdbcResultLedger(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> resultsOf(String regionCode, ResultKind kind, String subject) {
        requireNonNull(regionCode, "regionCode");
        requireNonNull(kind, "kind");
        requireNonNull(subject, "subject");
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM pl_result "
                    + "WHERE region_code = ? AND kind = ? AND subject = ? ORDER BY first_seq")) {
                ps.setString(1, regionCode);
                ps.setString(2, kind.name());
                ps.setString(3, subject);
                List<String> bodies = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        bodies.add(rs.getString(1));
                    }
                }
                return bodies;
            }
        });
    }

    @Override
    public List<StoredResult> latestResults(String regionCode, ResultKind kind, int limit) {
        requireNonNull(regionCode, "regionCode");
        if (limit <= 0) {
            return List.of();
        }
        String sql = "SELECT outbox_seq, kind, result_id, subject, state, body, created_at, delivered_at "
                + "FROM pl_result WHERE region_code = ?" + (kind == null ? "" : " AND kind = ?")
                + " ORDER BY region_code DESC, " + (kind == null ? "" : "kind DESC, ")
                + "outbox_seq DESC FETCH FIRST ? ROWS ONLY"; // the index's order: read in order, not sorted
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setString(i++, regionCode);
                if (kind != null) {
                    ps.setString(i++, kind.name());
                }
                ps.setInt(i, limit);
                List<StoredResult> results = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        results.add(new StoredResult(rs.getLong(1), regionCode, ResultKind.valueOf(rs.getString(2)),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), instant(rs, 7),
                                instant(rs, 8)));
                    }
                }
                return results;
            }
        });
    }

    @Override
    public Page<StoredResult> page(String regionCode, ResultQuery query, int offset, int limit) {
        requireNonNull(regionCode, "regionCode");
        requireNonNull(query, "query");
        if (offset < 0 || limit <= 0) {
            throw new IllegalArgumentException("offset must be >= 0 and limit > 0: " + offset + ", " + limit);
        }
        List<Object> params = new ArrayList<>();
        String where = where(regionCode, query, params);
        String direction = query.oldestFirst() || query.bySubject() ? "" : " DESC";
        String select = "SELECT outbox_seq, kind, result_id, subject, state, body, created_at, delivered_at FROM pl_result"
                + where + " ORDER BY " + indexOrder(query, direction) + "outbox_seq" + direction
                + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
        return jdbc.inTransaction(c -> {
            List<StoredResult> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(select)) {
                int i = bind(ps, params);
                ps.setInt(i++, offset);
                ps.setInt(i, limit == Integer.MAX_VALUE ? limit : limit + 1); // one past the page: do more follow?
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(new StoredResult(rs.getLong(1), regionCode, ResultKind.valueOf(rs.getString(2)),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), instant(rs, 7),
                                instant(rs, 8)));
                    }
                }
            }
            boolean more = items.size() > limit;
            long total = more ? TOTAL_UNKNOWN : offset + items.size();
            return new Page<>(more ? items.subList(0, limit) : items, total, offset, limit);
        });
    }

    /**
     * The equality columns of the index that serves the query, named in the ORDER BY before outbox_seq: they are
     * constant in the result, so the order is the same, but H2 then reads the index in order (and stops after the
     * page) instead of sorting every row of the region (measured: 21 ms instead of 1.6 s for 200 000 results).
     */
    private static String indexOrder(ResultQuery q, String direction) {
        String order = "region_code" + direction + ", ";
        if (q.bySubject()) {
            return order + "subject, "; // the subject index; a filter on another column sorts its matches
        }
        if (q.outcome() != null) {
            return order + (q.kind() != null ? "kind" + direction + ", " : "") + "outcome" + direction + ", ";
        }
        if (q.department() != null) {
            return order + "department" + direction + ", ";
        }
        if (q.kind() != null) {
            return order + "kind" + direction + ", ";
        }
        return q.state() != null ? order + "state" + direction + ", " : order;
    }

    /** The WHERE clause of a query: each filter but the rule id on a column that leads an index after region_code. */
    private static String where(String regionCode, ResultQuery q, List<Object> params) {
        StringBuilder w = new StringBuilder(" WHERE region_code = ?");
        params.add(regionCode);
        if (q.kind() != null) {
            w.append(" AND kind = ?");
            params.add(q.kind().name());
        }
        if (q.state() != null) {
            w.append(" AND state = ?");
            params.add(q.state());
        }
        if (q.subjectPrefix() != null && !q.subjectPrefix().isEmpty()) {
            w.append(" AND subject LIKE ? ESCAPE '!'");
            params.add(q.subjectPrefix().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (q.outcome() != null) {
            w.append(" AND outcome = ?");
            params.add(q.outcome());
        }
        if (q.department() != null) {
            w.append(" AND department = ?");
            params.add(q.department());
        }
        if (q.ruleId() != null) {
            w.append(" AND rule_ids LIKE ? ESCAPE '!'"); // no index: read in the order's index until the page is full
            params.add(ResultFacets.ruleIdPattern(q.ruleId()));
        }
        return w.toString();
    }

    private static int bind(PreparedStatement ps, List<Object> params) throws java.sql.SQLException {
        int i = 1;
        for (Object p : params) {
            ps.setString(i++, (String) p);
        }
        return i;
    }
}
