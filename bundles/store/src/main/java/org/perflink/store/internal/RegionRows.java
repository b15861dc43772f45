package org.perflink.store.internal;

import static org.perflink.store.internal.Jdbc.clip;
import static org.perflink.store.internal.Jdbc.ts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

import org.perflink.api.model.Stage;
import org.perflink.store.StoreException;

/**
 * The rows of a region that several parts write: the region row (its counters and last error) and its cursor
 * rows. Counters change by deltas, as the last statement before a commit, so a transaction holds the region
 * row's lock only for the instant of its commit (the writer and the event transactions share that row).
 */
final class RegionRows {

    private RegionRows() {
    }

    /**
     * Makes sure the region has its row and a (null) cursor row for {@code stage}, in statements of their own: a
     * region's routes may all meet a new region at once, and the loser of that race only needs to know the row
     * is there (inside an event's transaction the duplicate key would abort the event on PostgreSQL).
     */
    static void ensure(Jdbc jdbc, String regionCode, Stage stage) {
        Instant now = jdbc.now();
        try {
            jdbc.autoCommit(c -> {
                insertIgnoringDuplicate(c, "INSERT INTO pl_region (region_code, created_at) "
                        + "SELECT CAST(? AS VARCHAR(16)), CAST(? AS TIMESTAMP WITH TIME ZONE) "
                        + "WHERE NOT EXISTS (SELECT 1 FROM pl_region WHERE region_code = ?)",
                        regionCode, ts(now), regionCode);
                if (stage != null) {
                    insertIgnoringDuplicate(c, "INSERT INTO pl_cursor (region_code, stage, cursor_value, updated_at) "
                            + "SELECT CAST(? AS VARCHAR(16)), CAST(? AS VARCHAR(16)), NULL, "
                            + "CAST(? AS TIMESTAMP WITH TIME ZONE) WHERE NOT EXISTS "
                            + "(SELECT 1 FROM pl_cursor WHERE region_code = ? AND stage = ?)",
                            regionCode, stage.name(), ts(now), regionCode, stage.name());
                }
                return null;
            });
        } catch (SQLException e) {
            throw new StoreException("cannot register region " + regionCode + ": " + e.getMessage(), e);
        }
    }

    private static void insertIgnoringDuplicate(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!Jdbc.isDuplicateKey(e)) { // another thread inserted it first: fine
                throw e;
            }
        }
    }

    /**
     * Compare-and-set of a cursor: moves it from {@code expected} to {@code newCursor} (the same value to only
     * check it, locking its row until the commit). Returns false when the cursor is not {@code expected}.
     */
    static boolean compareAndSet(Connection c, String regionCode, Stage stage, String expected, String newCursor,
            Instant now) throws SQLException {
        String sql = "UPDATE pl_cursor SET cursor_value = ?, updated_at = ? WHERE region_code = ? AND stage = ? AND "
                + (expected == null ? "cursor_value IS NULL" : "cursor_value = ?");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, newCursor);
            ps.setObject(2, ts(now));
            ps.setString(3, regionCode);
            ps.setString(4, stage.name());
            if (expected != null) {
                ps.setString(5, expected);
            }
            return ps.executeUpdate() == 1;
        }
    }

    /** Adds to the region's counters; the last statement of a transaction before its commit. */
    static void count(Connection c, String regionCode, long backlog, long delivered, long deadLetters)
            throws SQLException {
        if (backlog == 0 && delivered == 0 && deadLetters == 0) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE pl_region SET backlog = backlog + ?, "
                + "delivered = delivered + ?, dead_letters = dead_letters + ? WHERE region_code = ?")) {
            ps.setLong(1, backlog);
            ps.setLong(2, delivered);
            ps.setLong(3, deadLetters);
            ps.setString(4, regionCode);
            ps.executeUpdate();
        }
    }

    /** Records the region's last error, with the counters' deltas in the same statement. */
    static void error(Connection c, String regionCode, String error, Instant now, long backlog, long deadLetters)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE pl_region SET last_error = ?, last_error_at = ?, "
                + "backlog = backlog + ?, dead_letters = dead_letters + ? WHERE region_code = ?")) {
            ps.setString(1, clip(error, Jdbc.MAX_TEXT));
            ps.setObject(2, ts(now));
            ps.setLong(3, backlog);
            ps.setLong(4, deadLetters);
            ps.setString(5, regionCode);
            ps.executeUpdate();
        }
    }
}
