package org.perflink.store.internal;

import static org.perflink.store.internal.Jdbc.ts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Queues results inside one transaction: the outbox rows and the result ledger rows move together. The
 * outbox holds at most one row per (region, kind, id, content hash), a unique key: a result whose body comes
 * back to an earlier content gets a new row (new seq, so it is delivered in order) and the old row of that
 * content goes. Two nodes queuing the same content of a result at once cannot both commit. Each row's body is
 * written once, into {@code pl_body} under the row's seq; the outbox and ledger rows, rewritten as the result moves
 * on, carry none.
 * <p>
 * Statements are prepared once per transaction; {@link #close()} closes them.
 */
final class ResultRows implements AutoCloseable {

    static final String PENDING = "PENDING";
    static final String DELIVERED = "DELIVERED";
    static final String SUPERSEDED = "SUPERSEDED";
    static final String DEAD = "DEAD";

    /** Ids looked up per statement; also the results an event buffers before writing them. */
    static final int BATCH_SIZE = 500;

    /** A result's identity within a region. */
    record Key(String kind, String id) {
    }

    /** A result to queue, with what the result table filters it by. */
    record Row(Key key, String subject, String body, String hash, String eventId, ResultFacets facets) {

        /** A result without a typed body: the ledger keeps the facets it had. */
        Row(Key key, String subject, String body, String hash, String eventId) {
            this(key, subject, body, hash, eventId, ResultFacets.NONE);
        }
    }

    /** What the ledger holds of a result: its latest content, state and outbox row, and its place in history. */
    record Latest(String hash, String state, long outboxSeq, long firstSeq) {
    }

    private static final String LATEST;

    static {
        StringBuilder sql = new StringBuilder("SELECT result_id, content_hash, state, outbox_seq, first_seq "
                + "FROM pl_result WHERE region_code = ? AND kind = ? AND result_id IN (");
        for (int i = 0; i < BATCH_SIZE; i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        LATEST = sql.append(")").toString();
    }

    private final Connection c;
    private final String regionCode;
    private final String node;
    private PreparedStatement latest;
    private PreparedStatement supersede;
    private PreparedStatement deleteSameContent;
    private PreparedStatement deleteSameContentBody;
    private PreparedStatement insert;
    private PreparedStatement insertBody;
    private PreparedStatement insertLedger;
    private PreparedStatement updateLedger;

    ResultRows(Connection c, String regionCode, String node) {
        this.c = c;
        this.regionCode = regionCode;
        this.node = node;
    }

    /** The ledger rows of those keys that have one. */
    Map<Key, Latest> latest(Collection<Key> keys) throws SQLException {
        Map<String, List<String>> idsByKind = new HashMap<>();
        for (Key key : Set.copyOf(keys)) {
            idsByKind.computeIfAbsent(key.kind(), k -> new ArrayList<>()).add(key.id());
        }
        if (latest == null) {
            latest = c.prepareStatement(LATEST);
        }
        Map<Key, Latest> found = new HashMap<>();
        for (Map.Entry<String, List<String>> e : idsByKind.entrySet()) {
            List<String> ids = e.getValue();
            for (int from = 0; from < ids.size(); from += BATCH_SIZE) {
                latest.setString(1, regionCode);
                latest.setString(2, e.getKey());
                for (int i = 0; i < BATCH_SIZE; i++) {
                    // unused places stay NULL, which matches nothing
                    latest.setString(3 + i, from + i < ids.size() ? ids.get(from + i) : null);
                }
                try (ResultSet rs = latest.executeQuery()) {
                    while (rs.next()) {
                        found.put(new Key(e.getKey(), rs.getString(1)),
                                new Latest(rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)));
                    }
                }
            }
        }
        return found;
    }

    /**
     * Queues {@code rows} (one per key, changed content only, in the order they are to be delivered) at
     * {@code now}: supersedes the undelivered row of each, inserts the new rows and moves the ledger to them.
     * Returns the change of the region's backlog.
     */
    long queue(List<Row> rows, Map<Key, Latest> known, Instant now) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        long backlog = supersede(rows, known);
        boolean deleting = false;
        for (Row r : rows) {
            if (known.containsKey(r.key())) {
                if (deleteSameContent == null) {
                    // the row goes, and its body: the ledger moves to the new row below
                    String sameContent = "FROM pl_outbox WHERE region_code = ? AND kind = ? AND result_id = ? "
                            + "AND content_hash = ? AND state <> '" + PENDING + "'";
                    deleteSameContentBody = c.prepareStatement(
                            "DELETE FROM pl_body WHERE seq IN (SELECT seq " + sameContent + ")");
                    deleteSameContent = c.prepareStatement("DELETE " + sameContent);
                }
                for (PreparedStatement ps : new PreparedStatement[] {deleteSameContentBody, deleteSameContent}) {
                    ps.setString(1, regionCode);
                    ps.setString(2, r.key().kind());
                    ps.setString(3, r.key().id());
                    ps.setString(4, r.hash());
                    ps.addBatch();
                }
                deleting = true;
            }
        }
        if (deleting) {
            deleteSameContentBody.executeBatch();
            deleteSameContent.executeBatch();
        }
        List<Long> seqs = insert(rows, now);
        backlog += seqs.size();
        ledger(rows, known, seqs, now);
        return backlog;
    }

    /** Supersedes (by primary key, in seq order) the undelivered rows that the new rows replace; returns -count. */
    private long supersede(List<Row> rows, Map<Key, Latest> known) throws SQLException {
        List<Long> pending = new ArrayList<>();
        for (Row r : rows) {
            Latest l = known.get(r.key());
            if (l != null && PENDING.equals(l.state())) {
                pending.add(l.outboxSeq());
            }
        }
        if (pending.isEmpty()) {
            return 0;
        }
        pending.sort(null);
        if (supersede == null) {
            supersede = c.prepareStatement("UPDATE pl_outbox SET state = '" + SUPERSEDED + "' WHERE seq = ? "
                    + "AND state = '" + PENDING + "'");
        }
        for (long seq : pending) {
            supersede.setLong(1, seq);
            supersede.addBatch();
        }
        long superseded = 0;
        for (int n : supersede.executeBatch()) {
            superseded += Math.max(0, n);
        }
        return -superseded;
    }

    /** Inserts the outbox rows, and each row's body into {@code pl_body} under the row's seq; returns the seqs. */
    private List<Long> insert(List<Row> rows, Instant now) throws SQLException {
        if (insert == null) {
            insert = c.prepareStatement("INSERT INTO pl_outbox (region_code, kind, result_id, subject, "
                    + "content_hash, state, attempts, next_attempt_at, event_id, created_at, node) "
                    + "VALUES (?, ?, ?, ?, ?, '" + PENDING + "', 0, ?, ?, ?, ?)", new String[] {"seq"});
            insertBody = c.prepareStatement("INSERT INTO pl_body (seq, body) VALUES (?, ?)");
        }
        for (Row r : rows) {
            insert.setString(1, regionCode);
            insert.setString(2, r.key().kind());
            insert.setString(3, r.key().id());
            insert.setString(4, r.subject());
            insert.setString(5, r.hash());
            insert.setObject(6, ts(now));
            insert.setString(7, r.eventId());
            insert.setObject(8, ts(now));
            insert.setString(9, node);
            insert.addBatch();
        }
        insert.executeBatch();
        List<Long> seqs = new ArrayList<>(rows.size());
        try (ResultSet keys = insert.getGeneratedKeys()) {
            while (keys.next()) {
                seqs.add(keys.getLong(1));
            }
        }
        if (seqs.size() != rows.size()) {
            throw new SQLException("the database returned " + seqs.size() + " keys for " + rows.size() + " rows");
        }
        for (int i = 0; i < rows.size(); i++) {
            insertBody.setLong(1, seqs.get(i));
            insertBody.setString(2, rows.get(i).body());
            insertBody.addBatch();
        }
        insertBody.executeBatch();
        return seqs;
    }

    /**
     * Moves the ledger to the new rows. {@code first_seq} orders a subject's results as their first row that was
     * not superseded: a result whose only row so far was superseded takes the new row's place.
     */
    private void ledger(List<Row> rows, Map<Key, Latest> known, List<Long> seqs, Instant now) throws SQLException {
        boolean inserting = false;
        boolean updating = false;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            long seq = seqs.get(i);
            Latest l = known.get(r.key());
            PreparedStatement ps;
            long firstSeq;
            if (l == null) {
                if (insertLedger == null) {
                    insertLedger = c.prepareStatement("INSERT INTO pl_result (subject, body, content_hash, state, "
                            + "outbox_seq, first_seq, created_at, delivered_at, result_id, region_code, kind, outcome, "
                            + "department, rule_ids) VALUES (?, NULL, ?, '" + PENDING + "', ?, ?, ?, NULL, ?, ?, ?, ?, ?, "
                            + "?)");
                }
                ps = insertLedger;
                firstSeq = seq;
                inserting = true;
            } else {
                if (updateLedger == null) {
                    updateLedger = c.prepareStatement("UPDATE pl_result SET subject = ?, body = NULL, content_hash = ?, "
                            + "state = '" + PENDING + "', outbox_seq = ?, first_seq = ?, created_at = ?, "
                            + "delivered_at = NULL, outcome = COALESCE(?, outcome), department = COALESCE(?, department), "
                            + "rule_ids = COALESCE(?, rule_ids) WHERE result_id = ? AND region_code = ? AND kind = ?");
                }
                ps = updateLedger;
                firstSeq = PENDING.equals(l.state()) && l.firstSeq() == l.outboxSeq() ? seq : l.firstSeq();
                updating = true;
            }
            // the body is pl_body's of the row at outbox_seq (a row queued before version 7 keeps its own until then)
            ps.setString(1, r.subject());
            ps.setString(2, r.hash());
            ps.setLong(3, seq);
            ps.setLong(4, firstSeq);
            ps.setObject(5, ts(now));
            // the same parameters in both statements, but where the facets go differs
            int facet = l == null ? 9 : 6;
            int keyAt = l == null ? 6 : 9;
            ps.setString(facet, r.facets().outcome());
            ps.setString(facet + 1, r.facets().department());
            ps.setString(facet + 2, r.facets().ruleIds());
            ps.setString(keyAt, r.key().id());
            ps.setString(keyAt + 1, regionCode);
            ps.setString(keyAt + 2, r.key().kind());
            ps.addBatch();
        }
        if (inserting) {
            insertLedger.executeBatch();
        }
        if (updating) {
            updateLedger.executeBatch();
        }
    }

    /** The last version of each key among {@code queued}, in the order of those last versions. */
    static List<Row> lastOfEach(List<Row> queued) {
        Map<Key, Row> last = new LinkedHashMap<>();
        for (Row r : queued) {
            last.remove(r.key());
            last.put(r.key(), r);
        }
        return new ArrayList<>(last.values());
    }

    @Override
    public void close() {
        for (Statement s : new Statement[] {latest, supersede, deleteSameContent, deleteSameContentBody, insert,
            insertBody, insertLedger, updateLedger}) {
            Jdbc.closeQuietly(s);
        }
    }
}
