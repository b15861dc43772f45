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
            try (PreparedStatement ps = c.prepareStatement("SELECT id, recorded_at, actor, action_name, target, "
                    + "before_value, after_value FROM pl_audit ORDER BY id DESC FETCH FIRST ? ROWS ONLY")) {
                ps.setInt(1, limit);
                List<AuditEntry> entries = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new AuditEntry(rs.getLong(1), instant(rs, 2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7)));
                    }
                }
                return entries;
            }
        });
    }
}
