package org.perflink.store.internal;

import static java.util.Objects.requireNonNull;
import static org.perflink.store.internal.Jdbc.clip;
import static org.perflink.store.internal.Jdbc.instant;
import static org.perflink.store.internal.Jdbc.ts;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.perflink.store.AuditEntry;
import org.perflink.store.AuditLog;
import org.perflink.store.Page;

/** {@link AuditLog} over JDBC ({@code pl_audit}). */
final class JdbcAuditLog implements AuditLog {

    private final Jdbc jdbc;

    JdbcAuditLog(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(String actor, String action, String target, String before, String after) {
        requireNonNull(actor, "actor");
        requireNonNull(action, "action");
        Instant now = jdbc.now();
        jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO pl_audit (recorded_at, actor, action_name, "
                    + "target, before_value, after_value) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, ts(now));
                ps.setString(2, clip(actor, Jdbc.MAX_NAME));
                ps.setString(3, clip(action, Jdbc.MAX_NAME));
                ps.setString(4, clip(target, Jdbc.MAX_KEY));
                ps.setString(5, clip(before, Jdbc.MAX_BODY));
                ps.setString(6, clip(after, Jdbc.MAX_BODY));
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<AuditEntry> latest(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM pl_audit ORDER BY id DESC FETCH FIRST ? ROWS ONLY")) {
                ps.setInt(1, limit);
                List<AuditEntry> entries = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entries.add(entry(rs));
                    }
                }
                return entries;
            }
        });
    }

    @Override
    public Page<AuditEntry> page(AuditQuery query, int offset, int limit) {
        requireNonNull(query, "query");
        PageQuery where = new PageQuery().equal("actor", query.actor()).equal("action_name", query.action());
        if (query.region() != null) {
            where.and("(target = ? OR target LIKE ? ESCAPE '!')", query.region(), PageQuery.startsWith(query.region() + "/"));
        }
        if (query.from() != null) {
            where.and("recorded_at >= ?", query.from());
        }
        if (query.to() != null) {
            where.and("recorded_at < ?", query.to());
        }
        if (query.search() != null && !query.search().isBlank()) {
            String p = PageQuery.contains(query.search().strip());
            where.and("(LOWER(actor) LIKE ? ESCAPE '!' OR LOWER(action_name) LIKE ? ESCAPE '!' OR LOWER(target) LIKE ?"
                    + " ESCAPE '!' OR LOWER(before_value) LIKE ? ESCAPE '!' OR LOWER(after_value) LIKE ? ESCAPE '!')",
                    p, p, p, p, p);
        }
        return jdbc.inTransaction(c -> where.page(c, "pl_audit", COLUMNS, query.oldestFirst() ? "id" : "id DESC",
                offset, limit, JdbcAuditLog::entry));
    }

    private static final String COLUMNS = "id, recorded_at, actor, action_name, target, before_value, after_value";

    private static AuditEntry entry(ResultSet rs) throws java.sql.SQLException {
        return new AuditEntry(rs.getLong(1), instant(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7));
    }
}
