package org.perflink.store.internal;

import static java.util.Objects.requireNonNull;
import static org.perflink.store.internal.Jdbc.instant;
import static org.perflink.store.internal.Jdbc.ts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.store.EventLedger;
import org.perflink.store.HandledEvent;
import org.perflink.store.StaleCursorException;

/** {@link EventLedger} over JDBC: cursors in {@code pl_cursor}, the event log in {@code pl_event_log}. */
final class JdbcEventLedger implements EventLedger {

    private final Jdbc jdbc;
    /** The (region, stage) rows this process made sure exist: rows are never deleted, so once is enough. */
    private final Set<String> ensured = ConcurrentHashMap.newKeySet();

    JdbcEventLedger(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    private void ensure(String regionCode, Stage stage) {
        String key = regionCode + "/" + stage;
        if (!ensured.contains(key)) {
            RegionRows.ensure(jdbc, regionCode, stage);
            ensured.add(key);
        }
    }

    @Override
    public String cursor(String regionCode, Stage stage) {
        requireNonNull(regionCode, "regionCode");
        requireNonNull(stage, "stage");
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT cursor_value FROM pl_cursor WHERE region_code = ? AND stage = ?")) {
                ps.setString(1, regionCode);
                ps.setString(2, stage.name());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    @Override
    public void advance(String regionCode, Stage stage, String expectedCursor, String newCursor) {
        requireNonNull(regionCode, "regionCode");
        requireNonNull(stage, "stage");
        ensure(regionCode, stage);
        Instant now = jdbc.now();
        jdbc.inTransaction(c -> {
            if (!RegionRows.compareAndSet(c, regionCode, stage, expectedCursor, newCursor, now)) {
                throw new StaleCursorException(regionCode, stage, expectedCursor);
            }
            return null;
        });
    }

    @Override
    public <E extends Exception> EventOutcome handle(String regionCode, Stage stage, StageEvent event,
            String expectedCursor, String newCursor, EventWork<E> work) throws E {
        requireNonNull(regionCode, "regionCode");
        requireNonNull(stage, "stage");
        requireNonNull(work, "work");
        ensure(regionCode, stage);
        Instant now = jdbc.now();
        Connection c = jdbc.openEventConnection();
        EventTx tx = null;
        boolean committed = false;
        try {
            Jdbc.sql(() -> {
                jdbc.forceCustomPlans(c);
                return null;
            });
            tx = new EventTx(jdbc, c, regionCode, stage, expectedCursor, event, now);
            work.run(tx); // the work's own exception propagates as it is
            EventTx done = tx;
            Jdbc.sql(() -> {
                done.complete(event, newCursor);
                return null;
            });
            committed = true;
            return new EventOutcome(tx.added, tx.unchanged, tx.rejected);
        } finally {
            if (tx != null) {
                tx.close();
            }
            jdbc.release(c, committed);
        }
    }

    /** Writes the event-log row of an event (in the event's transaction). */
    static void log(Connection c, String regionCode, Stage stage, StageEvent event, String newCursor, int added,
            int unchanged, int rejected, String node, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO pl_event_log (region_code, stage, event_seq, "
                + "event_id, phase, new_cursor, added, unchanged, rejected, node, handled_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, regionCode);
            ps.setString(2, stage.name());
            if (event == null) {
                ps.setNull(3, Types.BIGINT);
            } else {
                ps.setLong(3, event.seq());
            }
            ps.setString(4, event == null ? null : event.eventId());
            ps.setString(5, event == null || event.phase() == null ? null : event.phase().name());
            ps.setString(6, newCursor);
            ps.setInt(7, added);
            ps.setInt(8, unchanged);
            ps.setInt(9, rejected);
            ps.setString(10, node);
            ps.setObject(11, ts(now));
            ps.executeUpdate();
        }
    }

    @Override
    public List<HandledEvent> handled(String regionCode, int limit) {
        requireNonNull(regionCode, "regionCode");
        if (limit <= 0) {
            return List.of();
        }
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, stage, event_seq, event_id, phase, new_cursor, "
                    + "added, unchanged, rejected, node, handled_at FROM pl_event_log WHERE region_code = ? "
                    + "ORDER BY id DESC FETCH FIRST ? ROWS ONLY")) {
                ps.setString(1, regionCode);
                ps.setInt(2, limit);
                List<HandledEvent> events = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long seq = rs.getLong(3);
                        Long eventSeq = rs.wasNull() ? null : seq;
                        events.add(new HandledEvent(rs.getLong(1), regionCode, JdbcStoreStatus.stageOrNull(
                                rs.getString(2)), eventSeq, rs.getString(4), rs.getString(5), rs.getString(6),
                                rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getString(10), instant(rs, 11)));
                    }
                }
                return events;
            }
        });
    }
}
