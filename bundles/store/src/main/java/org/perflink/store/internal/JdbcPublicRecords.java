package org.perflink.store.internal;

import static java.util.Objects.requireNonNull;
import static org.perflink.store.internal.Jdbc.ts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.perflink.store.PublicRecords;

/** {@link PublicRecords} over JDBC ({@code pl_public_record}); {@link #keep} is the event transaction's write. */
final class JdbcPublicRecords implements PublicRecords {

    /** Rows read per round trip while streaming a year (a region may hold 100 000 projects). */
    private static final int FETCH_SIZE = 500;

    private final Jdbc jdbc;

    JdbcPublicRecords(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void forEach(String regionCode, int year, String kind, Consumer<PublicRecord> each) {
        requireNonNull(regionCode, "regionCode");
        requireNonNull(kind, "kind");
        requireNonNull(each, "each");
        jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT project_code, body FROM pl_public_record "
                    + "WHERE region_code = ? AND budget_year = ? AND kind = ? ORDER BY project_code")) {
                ps.setString(1, regionCode);
                ps.setInt(2, year);
                ps.setString(3, kind);
                ps.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        each.accept(new PublicRecord(regionCode, year, kind, rs.getString(1), rs.getString(2)));
                    }
                }
            }
            return null;
        });
    }

    @Override
    public long count(String regionCode, int year, String kind) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM pl_public_record "
                    + "WHERE region_code = ? AND budget_year = ? AND kind = ?")) {
                ps.setString(1, regionCode);
                ps.setInt(2, year);
                ps.setString(3, kind);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public List<Integer> years(String regionCode) {
        requireNonNull(regionCode, "regionCode");
        return jdbc.inTransaction(c -> {
            // the primary key's leading columns: an index range, one row per year
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT budget_year FROM pl_public_record "
                    + "WHERE region_code = ? ORDER BY budget_year")) {
                ps.setString(1, regionCode);
                List<Integer> years = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        years.add(rs.getInt(1));
                    }
                }
                return years;
            }
        });
    }

    /** Replaces (or, json null, deletes) one record, on the event's connection: an update, else an insert. */
    static void keep(Connection c, String regionCode, int year, String kind, String projectCode, String json,
            String eventId, Instant now) throws SQLException {
        requireNonNull(kind, "kind");
        requireNonNull(projectCode, "projectCode");
        if (json == null) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM pl_public_record "
                    + "WHERE region_code = ? AND budget_year = ? AND kind = ? AND project_code = ?")) {
                key(ps, 1, regionCode, year, kind, projectCode);
                ps.executeUpdate();
            }
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE pl_public_record SET body = ?, event_id = ?, "
                + "updated_at = ? WHERE region_code = ? AND budget_year = ? AND kind = ? AND project_code = ?")) {
            ps.setString(1, json);
            ps.setString(2, eventId);
            ps.setObject(3, ts(now));
            key(ps, 4, regionCode, year, kind, projectCode);
            if (ps.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO pl_public_record (region_code, budget_year, kind, "
                + "project_code, body, event_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            key(ps, 1, regionCode, year, kind, projectCode);
            ps.setString(5, json);
            ps.setString(6, eventId);
            ps.setObject(7, ts(now));
            ps.executeUpdate();
        }
    }

    private static void key(PreparedStatement ps, int from, String regionCode, int year, String kind,
            String projectCode) throws SQLException {
        ps.setString(from, regionCode);
        ps.setInt(from + 1, year);
        ps.setString(from + 2, kind);
        ps.setString(from + 3, projectCode);
    }
}
