package org.perflink.camel.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link WorkTracker} of a cluster, in {@code pl_cluster_work} on the shared database: every firing sets its route's row
 * (and, for a stage poll, its region's) to this node, keeping {@code since} when the node did not change. One short
 * statement per firing, next to Quartz's own several; the status reads the whole table once a second.
 */
final class SharedWork implements WorkTracker {

    private static final Logger LOG = LoggerFactory.getLogger(SharedWork.class);

    private static final String UPDATE = "UPDATE pl_cluster_work SET since_ms = CASE WHEN node = ? THEN since_ms ELSE ? END,"
            + " node = ?, fired_ms = ? WHERE work_key = ?";
    private static final String INSERT = "INSERT INTO pl_cluster_work (work_key, region_code, node, since_ms, fired_ms)"
            + " VALUES (?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final String node;
    private final Clock clock;

    SharedWork(DataSource dataSource, String node, Clock clock) {
        this.dataSource = dataSource;
        this.node = node;
        this.clock = clock;
    }

    @Override
    public void fired(String regionCode, String routeId, boolean stagePoll) {
        long now = clock.millis();
        try (Connection c = dataSource.getConnection()) {
            mark(c, routeId, regionCode, now);
            if (stagePoll) {
                mark(c, WorkTracker.regionKey(regionCode), regionCode, now);
            }
        } catch (SQLException e) {
            // what the status shows, never a reason to skip the work itself (which needs the same database)
            LOG.debug("Region {}: cannot record node {} for {}: {}", regionCode, node, routeId, e.getMessage());
        }
    }

    private void mark(Connection c, String key, String regionCode, long now) throws SQLException {
        if (update(c, key, now) > 0) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, key);
            s.setString(2, regionCode);
            s.setString(3, node);
            s.setLong(4, now);
            s.setLong(5, now);
            s.executeUpdate();
        } catch (SQLException raced) {
            // another node inserted the row first (autocommit: nothing else rolls back): update it after all
            if (update(c, key, now) == 0) {
                throw raced;
            }
        }
    }

    private int update(Connection c, String key, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPDATE)) {
            s.setString(1, node);
            s.setLong(2, now);
            s.setString(3, node);
            s.setLong(4, now);
            s.setString(5, key);
            return s.executeUpdate();
        }
    }

    @Override
    public Map<String, Work> snapshot() {
        Map<String, Work> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT work_key, region_code, node, since_ms, fired_ms FROM pl_cluster_work");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), new Work(rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)),
                        Instant.ofEpochMilli(rs.getLong(5))));
            }
        } catch (SQLException e) {
            LOG.debug("Cannot read which node has which region: {}", e.getMessage());
        }
        return out;
    }
}
