package org.perflink.store.internal;

import static java.util.Objects.requireNonNull;
import static org.perflink.store.internal.Jdbc.ts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public records an event keeps ({@code pl_public_record}), written in JDBC batches on the event's connection:
 * each kept record replaces the stored one (an update, else an insert), a withdrawn one (json null) is deleted.
 * Within a batch the last record of a key wins, as one at a time would. Statements are prepared once per
 * transaction; {@link #close()} closes them.
 */
final class PublicRows implements AutoCloseable {

    private record Key(int year, String kind, String projectCode) {
    }

    private final Connection c;
    private final String regionCode;
    private final String eventId;
    private final Instant now;
    private final Map<Key, String> buffer = new LinkedHashMap<>();
    private PreparedStatement update;
    private PreparedStatement insert;
    private PreparedStatement delete;

    PublicRows(Connection c, String regionCode, String eventId, Instant now) {
        this.c = c;
        this.regionCode = regionCode;
        this.eventId = eventId;
        this.now = now;
    }

    /** Buffers a record (json null: its withdrawal); writes the buffer once it holds a batch. */
    void keep(String kind, int year, String projectCode, String json) throws SQLException {
        Key key = new Key(year, requireNonNull(kind, "kind"), requireNonNull(projectCode, "projectCode"));
        buffer.remove(key); // re-inserted at the end: the buffer's order is the records' last order
        buffer.put(key, json);
        if (buffer.size() >= ResultRows.BATCH_SIZE) {
            flush();
        }
    }

    /** Writes the buffered records. */
    void flush() throws SQLException {
        if (buffer.isEmpty()) {
            return;
        }
        List<Map.Entry<Key, String>> kept = new ArrayList<>();
        List<Key> withdrawn = new ArrayList<>();
        for (Map.Entry<Key, String> e : buffer.entrySet()) {
            if (e.getValue() == null) {
                withdrawn.add(e.getKey());
            } else {
                kept.add(e);
            }
        }
        buffer.clear();
        if (!withdrawn.isEmpty()) {
            delete = prepared(delete, "DELETE FROM pl_public_record "
                    + "WHERE region_code = ? AND budget_year = ? AND kind = ? AND project_code = ?");
            for (Key k : withdrawn) {
                key(delete, 1, k);
                delete.addBatch();
            }
            delete.executeBatch();
        }
        if (kept.isEmpty()) {
            return;
        }
        update = prepared(update, "UPDATE pl_public_record SET body = ?, event_id = ?, updated_at = ? "
                + "WHERE region_code = ? AND budget_year = ? AND kind = ? AND project_code = ?");
        for (Map.Entry<Key, String> e : kept) {
            update.setString(1, e.getValue());
            update.setString(2, eventId);
            update.setObject(3, ts(now));
            key(update, 4, e.getKey());
            update.addBatch();
        }
        int[] updated = update.executeBatch();
        boolean inserting = false;
        for (int i = 0; i < kept.size(); i++) {
            if (updated[i] == 0) { // not stored yet
                insert = prepared(insert, "INSERT INTO pl_public_record (region_code, budget_year, kind, "
                        + "project_code, body, event_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
                key(insert, 1, kept.get(i).getKey());
                insert.setString(5, kept.get(i).getValue());
                insert.setString(6, eventId);
                insert.setObject(7, ts(now));
                insert.addBatch();
                inserting = true;
            }
        }
        if (inserting) {
            insert.executeBatch();
        }
    }

    private PreparedStatement prepared(PreparedStatement ps, String sql) throws SQLException {
        return ps != null ? ps : c.prepareStatement(sql);
    }

    private void key(PreparedStatement ps, int from, Key k) throws SQLException {
        ps.setString(from, regionCode);
        ps.setInt(from + 1, k.year());
        ps.setString(from + 2, k.kind());
        ps.setString(from + 3, k.projectCode());
    }

    @Override
    public void close() {
        for (Statement s : new Statement[] {update, insert, delete}) {
            Jdbc.closeQuietly(s);
        }
    }
}
