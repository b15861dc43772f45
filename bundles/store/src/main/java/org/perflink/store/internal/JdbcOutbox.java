package org.perflink.store.internal;

import static java.util.Objects.requireNonNull;
import static org.perflink.store.internal.Jdbc.clip;
import static org.perflink.store.internal.Jdbc.instant;
import static org.perflink.store.internal.Jdbc.ts;
import static org.perflink.store.internal.ResultRows.DEAD;
import static org.perflink.store.internal.ResultRows.DELIVERED;
import static org.perflink.store.internal.ResultRows.PENDING;
import static org.perflink.store.internal.ResultRows.SUPERSEDED;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.perflink.api.model.ResultKind;
import org.perflink.store.Outbox;
import org.perflink.store.OutboxItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Outbox} over JDBC ({@code pl_outbox}), keeping the result ledger and the region's counters in step. */
final class JdbcOutbox implements Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcOutbox.class);

    /**
     * An outbox row's body (rows queued before schema version 7 keep their own): looked up per row read, by primary
     * key. A join would let PostgreSQL merge the whole of pl_body from its start for every page of pending rows.
     */
    private static final String BODY = "COALESCE(o.body, (SELECT b.body FROM pl_body b WHERE b.seq = o.seq))";

    /** Rows deleted per pruning transaction. */
    static final int PRUNE_CHUNK = 10_000;

    private final Jdbc jdbc;

    JdbcOutbox(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<OutboxItem> pending(String regionCode, Instant now, int limit) {
        requireNonNull(regionCode, "regionCode");
        requireNonNull(now, "now");
        if (limit <= 0) {
            return List.of();
        }
        OffsetDateTime at = ts(now);
        return jdbc.inTransaction(c -> {
            // One subject's results reach the host in order: a row waits while an older row of its
            // subject waits for a retry that is not due yet. Those retries are few; find them first.
            Map<String, Long> waiting = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT subject, MIN(seq) FROM pl_outbox "
                    + "WHERE region_code = ? AND state = '" + PENDING + "' AND next_attempt_at > ? "
                    + "AND subject IS NOT NULL GROUP BY subject")) {
                ps.setString(1, regionCode);
                ps.setObject(2, at);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        waiting.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            // Superseded rows are marked when the superseding row is queued (same transaction), so
            // PENDING rows are the latest of their id. ORDER BY names the whole index
            // (region_code, state, seq) so that H2 reads it in order and stops at the limit.
            List<OutboxItem> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT o.seq, o.kind, o.result_id, o.subject, " + BODY
                    + ", o.attempts, o.created_at FROM pl_outbox o WHERE o.region_code = ? AND o.state = '"
                    + PENDING + "' AND o.next_attempt_at <= ? AND o.seq > ? "
                    + "ORDER BY o.region_code, o.state, o.seq FETCH FIRST ? ROWS ONLY")) {
                long after = Long.MIN_VALUE;
                boolean more = true;
                while (more && items.size() < limit) {
                    ps.setString(1, regionCode);
                    ps.setObject(2, at);
                    ps.setLong(3, after);
                    ps.setInt(4, limit);
                    int read = 0;
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next() && items.size() < limit) {
                            read++;
                            after = rs.getLong(1);
                            String subject = rs.getString(4);
                            Long blockedFrom = subject == null ? null : waiting.get(subject);
                            if (blockedFrom != null && blockedFrom < after) {
                                continue;
                            }
                            items.add(new OutboxItem(after, regionCode, ResultKind.valueOf(rs.getString(2)),
                                    rs.getString(3), subject, rs.getString(5), rs.getInt(6), instant(rs, 7)));
                        }
                    }
                    more = read == limit;
                }
            }
            return items;
        });
    }

    @Override
    public void delivered(String regionCode, Collection<Long> seqs) {
        requireNonNull(regionCode, "regionCode");
        requireNonNull(seqs, "seqs");
        if (seqs.isEmpty()) {
            return;
        }
        Instant now = jdbc.now();
        List<Long> ordered = new ArrayList<>(new TreeSet<>(seqs)); // rows locked in seq order, as events do
        jdbc.inTransaction(c -> {
            List<Long> wasPending = mark(c, regionCode, ordered, PENDING, now);
            List<Long> rest = new ArrayList<>(ordered);
            rest.removeAll(wasPending);
            // a row superseded while it was on its way was still stored by the host
            int wasSuperseded = rest.isEmpty() ? 0 : mark(c, regionCode, rest, SUPERSEDED, now).size();
            try (PreparedStatement ps = c.prepareStatement("UPDATE pl_result SET state = '" + DELIVERED
                    + "', delivered_at = ? WHERE region_code = ? AND outbox_seq = ?")) {
                for (long seq : wasPending) {
                    ps.setObject(1, ts(now));
                    ps.setString(2, regionCode);
                    ps.setLong(3, seq);
                    ps.addBatch();
                }
                if (!wasPending.isEmpty()) {
                    ps.executeBatch();
                }
            }
            RegionRows.count(c, regionCode, -wasPending.size(), wasPending.size() + wasSuperseded, 0);
            return null;
        });
    }

    /** Marks the rows in {@code state} delivered; returns those that were. */
    private List<Long> mark(Connection c, String regionCode, List<Long> seqs, String state, Instant now)
            throws SQLException {
        List<Long> marked = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("UPDATE pl_outbox SET state = '" + DELIVERED + "', "
                + "delivered_at = ?, delivered_by = ? WHERE seq = ? AND region_code = ? AND state = '" + state + "'")) {
            for (int from = 0; from < seqs.size(); from += ResultRows.BATCH_SIZE) {
                List<Long> chunk = seqs.subList(from, Math.min(seqs.size(), from + ResultRows.BATCH_SIZE));
                for (long seq : chunk) {
                    ps.setObject(1, ts(now));
                    ps.setString(2, jdbc.node());
                    ps.setLong(3, seq);
                    ps.setString(4, regionCode);
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] > 0) {
                        marked.add(chunk.get(i));
                    }
                }
            }
        }
        return marked;
    }

    @Override
    public void retryLater(long seq, Instant nextAttemptAt, String error) {
        requireNonNull(nextAttemptAt, "nextAttemptAt");
        Instant now = jdbc.now();
        jdbc.inTransaction(c -> {
            String region = regionOf(c, seq);
            try (PreparedStatement ps = c.prepareStatement("UPDATE pl_outbox SET attempts = attempts + 1, "
                    + "next_attempt_at = ?, last_error = ? WHERE seq = ? AND state = '" + PENDING + "'")) {
                ps.setObject(1, ts(nextAttemptAt));
                ps.setString(2, clip(error, Jdbc.MAX_TEXT));
                ps.setLong(3, seq);
                ps.executeUpdate();
            }
            RegionRows.error(c, region, error, now, 0, 0);
            return null;
        });
    }

    @Override
    public void deadLetter(long seq, int httpStatus, String reason) {
        Instant now = jdbc.now();
        jdbc.inTransaction(c -> {
            String region;
            String kind;
            String resultId;
            String subject;
            String body;
            String hash;
            String state;
            String eventId;
            try (PreparedStatement ps = c.prepareStatement("SELECT o.region_code, o.kind, o.result_id, o.subject, "
                    + BODY + ", o.content_hash, o.state, o.event_id FROM pl_outbox o WHERE o.seq = ? FOR UPDATE")) {
                ps.setLong(1, seq);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("no outbox row " + seq);
                    }
                    state = rs.getString(7);
                    if (DEAD.equals(state)) {
                        return null; // parked already
                    }
                    region = rs.getString(1);
                    kind = rs.getString(2);
                    resultId = rs.getString(3);
                    subject = rs.getString(4);
                    body = rs.getString(5);
                    hash = rs.getString(6);
                    eventId = rs.getString(8);
                }
            }
            String answer = "HTTP " + httpStatus + (reason == null || reason.isBlank() ? "" : ": " + reason);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE pl_outbox SET state = '" + DEAD + "', last_error = ? WHERE seq = ?")) {
                ps.setString(1, clip(answer, Jdbc.MAX_TEXT));
                ps.setLong(2, seq);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE pl_result SET state = '" + DEAD + "' WHERE region_code = ? AND outbox_seq = ?")) {
                ps.setString(1, region);
                ps.setLong(2, seq);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(EventTx.INSERT_DEAD_LETTER)) {
                ps.setString(1, region);
                ps.setString(2, kind);
                ps.setString(3, resultId);
                ps.setString(4, subject);
                ps.setString(5, body);
                ps.setString(6, hash);
                ps.setInt(7, httpStatus);
                ps.setString(8, clip(reason, Jdbc.MAX_TEXT));
                ps.setLong(9, seq);
                ps.setString(10, eventId);
                ps.setObject(11, ts(now));
                ps.setString(12, org.perflink.api.model.ResultKind.valueOf(kind).stage().name());
                ps.executeUpdate();
            }
            RegionRows.error(c, region, answer, now, PENDING.equals(state) ? -1 : 0, 1);
            return null;
        });
    }

    private static String regionOf(Connection c, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT region_code FROM pl_outbox WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no outbox row " + seq);
                }
                return rs.getString(1);
            }
        }
    }

    /**
     * Deletes the rows that are history only: delivered more than {@code retention} ago, or superseded (never to
     * be sent) more than {@code retention} ago, with their bodies unless a row is its result's latest: the result
     * ledger keeps the latest body of every result, and the counters keep the figures. Deletes in chunks, each its
     * own transaction; returns how many rows went.
     */
    int prune(Duration retention) {
        requireNonNull(retention, "retention");
        OffsetDateTime before = ts(jdbc.now().minus(retention));
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.inTransaction(c -> pruneChunk(c, before));
            total += deleted;
        } while (deleted == PRUNE_CHUNK);
        if (total > 0) {
            LOG.info("pruned {} outbox row(s) delivered or superseded before {}", total, before);
        }
        return total;
    }

    private static int pruneChunk(Connection c, OffsetDateTime before) throws SQLException {
        List<Long> rows = new ArrayList<>();
        List<Long> bodies = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT o.seq, CASE WHEN EXISTS (SELECT 1 FROM pl_result r "
                + "WHERE r.result_id = o.result_id AND r.region_code = o.region_code AND r.kind = o.kind "
                + "AND r.outbox_seq = o.seq) THEN 1 ELSE 0 END FROM pl_outbox o WHERE (o.state = '" + DELIVERED
                + "' AND o.delivered_at < ?) OR (o.state = '" + SUPERSEDED + "' AND o.created_at < ?) "
                + "FETCH FIRST " + PRUNE_CHUNK + " ROWS ONLY")) {
            ps.setObject(1, before);
            ps.setObject(2, before);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getLong(1));
                    if (rs.getInt(2) == 0) {
                        bodies.add(rs.getLong(1));
                    }
                }
            }
        }
        deleteBySeq(c, "DELETE FROM pl_body WHERE seq = ?", bodies);
        deleteBySeq(c, "DELETE FROM pl_outbox WHERE seq = ?", rows);
        return rows.size();
    }

    private static void deleteBySeq(Connection c, String sql, List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int from = 0; from < seqs.size(); from += ResultRows.BATCH_SIZE) {
                for (long seq : seqs.subList(from, Math.min(seqs.size(), from + ResultRows.BATCH_SIZE))) {
                    ps.setLong(1, seq);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }
}
