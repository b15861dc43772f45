package org.perflink.store.internal;

import static java.util.Objects.requireNonNull;
import static org.perflink.store.internal.Jdbc.instant;
import static org.perflink.store.internal.ResultRows.PENDING;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.perflink.api.model.Stage;
import org.perflink.store.RegionStatus;
import org.perflink.store.StoreStatus;

/**
 * {@link StoreStatus} over JDBC: the region row with its counters (and the oldest undelivered row, one read
 * in index order), and the cursor rows. No counting.
 */
final class JdbcStoreStatus implements StoreStatus {

    private final Jdbc jdbc;

    JdbcStoreStatus(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public RegionStatus status(String regionCode) {
        requireNonNull(regionCode, "regionCode");
        return jdbc.inTransaction(c -> {
            Map<Stage, String> cursors = new EnumMap<>(Stage.class);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT stage, cursor_value FROM pl_cursor WHERE region_code = ?")) {
                ps.setString(1, regionCode);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Stage stage = stageOrNull(rs.getString(1));
                        if (stage != null && rs.getString(2) != null) {
                            cursors.put(stage, rs.getString(2));
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT r.backlog, r.delivered, r.dead_letters, "
                    + "r.last_error, r.last_error_at, r.last_event_at, (SELECT o.created_at FROM pl_outbox o "
                    + "WHERE o.region_code = r.region_code AND o.state = '" + PENDING + "' "
                    + "ORDER BY o.region_code, o.state, o.seq FETCH FIRST 1 ROWS ONLY) "
                    + "FROM pl_region r WHERE r.region_code = ?")) {
                ps.setString(1, regionCode);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return new RegionStatus(regionCode, cursors, 0, null, 0, 0, null, null, null);
                    }
                    return new RegionStatus(regionCode, cursors, rs.getLong(1), instant(rs, 7), rs.getLong(2),
                            rs.getLong(3), rs.getString(4), instant(rs, 5), instant(rs, 6));
                }
            }
        });
    }

    static Stage stageOrNull(String name) {
        try {
            return Stage.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null; // a stage this version does not know
        }
    }

    @Override
    public List<String> regions() {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT region_code FROM pl_region ORDER BY region_code");
                    ResultSet rs = ps.executeQuery()) {
                List<String> regions = new ArrayList<>();
                while (rs.next()) {
                    regions.add(rs.getString(1));
                }
                return regions;
            }
        });
    }
}
