package org.perflink.store.internal;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.perflink.api.model.HostResult;
import org.perflink.api.model.ResultKind;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.store.AuditEntry;
import org.perflink.store.DeadLetter;
import org.perflink.store.OutboxItem;
import org.perflink.store.PerfLinkStore;
import org.perflink.store.RegionStatus;
import org.perflink.store.StoreException;
import org.perflink.store.StoredResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PerfLinkStore} over plain JDBC: one connection per operation, one transaction per method,
 * SQL that runs unchanged on H2 2.3 and PostgreSQL 15. The schema is migrated when the store is
 * created ({@code db/V1__schema.sql}, ...).
 *
 * <h2>Durability with embedded H2</h2>
 * H2 2.x (MVStore) does not write a transaction log: a commit becomes durable when the store writes
 * its next chunk to the file. With the default {@code WRITE_DELAY} of 500 ms a background thread
 * does that, so a process killed uncleanly loses up to the last half second of commits (consistently:
 * an event's results and its cursor go together, so the event is only read again). With
 * {@code WRITE_DELAY=0} (which H2 2.x maps to the MVStore's {@code autoCommitDelay}) every commit
 * writes its chunk before {@code commit()} returns, so anything committed survives {@code kill -9}
 * and a JVM crash (measured: a writer killed with {@code kill -9} after 3 355 acknowledged events
 * reopened with its cursor at 3 355; with the default delay one killed after 6 043 reopened at 4 254).
 * H2 never {@code fsync}s on commit, though: after a power loss or an OS crash
 * the last commits still in the OS page cache can be lost; use PostgreSQL where that matters. The
 * settings that {@link org.perflink.store.jdbc.JdbcStores#h2Url(String)} adds to an H2 file URL:
 * <ul>
 * <li>{@code WRITE_DELAY=0}: write every commit to the file at once (see above);</li>
 * <li>{@code DB_CLOSE_DELAY=-1}: keep the database open between the store's short-lived
 * connections (otherwise H2 closes and reopens the file on every operation); whoever owns the
 * store closes it with {@code SHUTDOWN} (the OSGi component does on deactivation);</li>
 * <li>{@code DB_CLOSE_ON_EXIT=FALSE}: no H2 shutdown hook racing the container's orderly stop;
 * a JVM that exits without that stop leaves nothing unwritten (every commit is in the file)
 * and H2 recovers the file on the next open.</li>
 * </ul>
 * Without the background writer H2 compacts the file only when it is closed, and large transactions
 * leave much free space behind (four events of 20 000 results grew a file to about 150 MB that
 * holds about 20 MB of rows): a long-running store may grow its file until it is next closed.
 * <p>
 * On PostgreSQL (12 or later) the event transaction sets {@code plan_cache_mode =
 * force_custom_plan} for itself; see {@link #handleEvent}.
 */
public final class JdbcStore implements PerfLinkStore {

    /** Results written per JDBC batch; also how many a transaction holds in memory at most. */
    static final int BATCH_SIZE = 500;

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);

    private static final String PENDING = "PENDING";
    private static final String DELIVERED = "DELIVERED";
    private static final String SUPERSEDED = "SUPERSEDED";
    private static final String DEAD = "DEAD";

    private static final int MAX_TEXT = 4000;
    private static final int MAX_KEY = 400;
    private static final int MAX_NAME = 200;
    private static final int MAX_BODY = 1_000_000;

    private static final String INSERT_OUTBOX = "INSERT INTO pl_outbox (region_code, kind, result_id, subject, body, "
            + "content_hash, state, attempts, next_attempt_at, event_id, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)";
    private static final String SUPERSEDE = "UPDATE pl_outbox SET state = '" + SUPERSEDED + "' "
            + "WHERE region_code = ? AND kind = ? AND result_id = ? AND state = '" + PENDING + "'";
    private static final String SUPERSEDE_ROW = "UPDATE pl_outbox SET state = '" + SUPERSEDED + "' "
            + "WHERE seq = ? AND state = '" + PENDING + "'";
    private static final String INSERT_DEAD_LETTER = "INSERT INTO pl_dead_letter (region_code, kind, item_key, "
            + "subject, body, content_hash, http_status, reason, outbox_seq, event_id, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String LATEST_ROWS;

    static {
        StringBuilder sql = new StringBuilder("SELECT result_id, seq, content_hash, state FROM pl_outbox "
                + "WHERE region_code = ? AND kind = ? AND result_id IN (");
        for (int i = 0; i < BATCH_SIZE; i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        LATEST_ROWS = sql.append(") ORDER BY seq").toString();
    }

    private final DataSource dataSource;
    private final Clock clock;
    /** PostgreSQL 12 or later: the event transaction asks for custom plans (see handleEvent). */
    private final boolean customPlans;

    /**
     * Opens the store over {@code dataSource}, migrating the schema first.
     *
     * @throws StoreException if the database cannot be reached or migrated
     */
    public JdbcStore(DataSource dataSource, Clock clock) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
        this.clock = requireNonNull(clock, "clock");
        try {
            Migrations.migrate(dataSource, clock);
            try (Connection c = dataSource.getConnection()) {
                DatabaseMetaData meta = c.getMetaData();
                customPlans = "PostgreSQL".equals(meta.getDatabaseProductName())
                        && meta.getDatabaseMajorVersion() >= 12;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot migrate the PerfLink store schema", e);
        }
    }

    // ---------------------------------------------------------------------------------- cursors

    @Override
    public String cursor(String regionCode, Stage stage) {
        requireNonNull(regionCode, "regionCode");
        requireNonNull(stage, "stage");
        return inTransaction(c -> {
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
    public void advanceCursor(String regionCode, Stage stage, String newCursor) {
        requireNonNull(regionCode, "regionCode");
        requireNonNull(stage, "stage");
        Instant now = now();
        ensureRegion(regionCode, now);
        inTransaction(c -> {
            writeCursor(c, regionCode, stage, newCursor, now);
            return null;
        });
    }

    private static void writeCursor(Connection c, String regionCode, Stage stage, String cursor, Instant now)
            throws SQLException {
        // Only a region's event reader writes its cursors, so update-else-insert does not race.
        try (PreparedStatement up = c.prepareStatement(
                "UPDATE pl_cursor SET cursor_value = ?, updated_at = ? WHERE region_code = ? AND stage = ?")) {
            up.setString(1, cursor);
            up.setObject(2, ts(now));
            up.setString(3, regionCode);
            up.setString(4, stage.name());
            if (up.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement in = c.prepareStatement(
                "INSERT INTO pl_cursor (region_code, stage, cursor_value, updated_at) VALUES (?, ?, ?, ?)")) {
            in.setString(1, regionCode);
            in.setString(2, stage.name());
            in.setString(3, cursor);
            in.setObject(4, ts(now));
            in.executeUpdate();
        }
    }

    /**
     * Makes sure the region has its row, in a short transaction of its own: a region's stage routes may
     * all meet a new region at once, and the loser of that race only needs to know the row is there
     * (inside an event's transaction the duplicate key would abort the event on PostgreSQL).
     */
    private void ensureRegion(String regionCode, Instant now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO pl_region (region_code, created_at) "
                        + "SELECT CAST(? AS VARCHAR(16)), CAST(? AS TIMESTAMP WITH TIME ZONE) "
                        + "WHERE NOT EXISTS (SELECT 1 FROM pl_region WHERE region_code = ?)")) {
            c.setAutoCommit(true);
            ps.setString(1, regionCode);
            ps.setObject(2, ts(now));
            ps.setString(3, regionCode);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) { // unique violation: another thread inserted it first
                throw new StoreException("cannot register region " + regionCode + ": " + e.getMessage(), e);
            }
        }
    }

    // ----------------------------------------------------------------------------------- events

    @Override
    public <E extends Exception> EventOutcome handleEvent(String regionCode, Stage stage, StageEvent event,
            String newCursor, EventWork<E> work) throws E {
        requireNonNull(regionCode, "regionCode");
        requireNonNull(stage, "stage");
        requireNonNull(work, "work");
        Instant now = now();
        ensureRegion(regionCode, now);
        Connection c = sql(dataSource::getConnection);
        EventTx tx = null;
        boolean committed = false;
        try {
            sql(() -> {
                c.setAutoCommit(false);
                if (customPlans) {
                    forceCustomPlans(c);
                }
                return null;
            });
            tx = new EventTx(c, regionCode, event, now, customPlans);
            work.run(tx); // the work's own exception propagates as it is
            EventTx done = tx;
            EventOutcome outcome = sql(() -> complete(c, done, stage, event, newCursor, now));
            committed = true;
            return outcome;
        } finally {
            if (tx != null) {
                tx.close();
            }
            if (!committed) {
                rollbackQuietly(c);
            }
            closeQuietly(c);
        }
    }

    /**
     * The event's statements run hundreds of times on one connection. After five, PostgreSQL may switch to
     * a generic plan made while the outbox looked empty (its statistics cannot see this transaction's
     * rows): a sequential scan per lookup, quadratic in the event's size. Custom plans keep using the
     * indexes. SET LOCAL lasts one transaction, so every checkpoint asks again.
     */
    private static void forceCustomPlans(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        }
    }

    private EventOutcome complete(Connection c, EventTx tx, Stage stage, StageEvent event, String newCursor,
            Instant now) throws SQLException {
        if (tx.failure != null) { // the work caught it, but the transaction may be broken: store nothing
            throw new StoreException("an operation of the event's transaction failed; nothing was stored",
                    tx.failure);
        }
        tx.flush();
        String region = tx.regionCode;
        EventOutcome outcome = new EventOutcome(tx.added, tx.unchanged, tx.rejected);
        writeCursor(c, region, stage, newCursor, now);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO pl_event_log (region_code, stage, event_seq, "
                + "event_id, phase, new_cursor, added, unchanged, rejected, handled_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, region);
            ps.setString(2, stage.name());
            if (event == null) {
                ps.setNull(3, Types.BIGINT);
            } else {
                ps.setLong(3, event.seq());
            }
            ps.setString(4, event == null ? null : event.eventId());
            ps.setString(5, event == null || event.phase() == null ? null : event.phase().name());
            ps.setString(6, newCursor);
            ps.setInt(7, outcome.added());
            ps.setInt(8, outcome.unchanged());
            ps.setInt(9, outcome.rejected());
            ps.setObject(10, ts(now));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE pl_region SET last_event_at = ? WHERE region_code = ?")) {
            ps.setObject(1, ts(now));
            ps.setString(2, region);
            ps.executeUpdate();
        }
        c.commit();
        return outcome;
    }

    /** The transaction of one event: buffers at most {@link #BATCH_SIZE} results, then writes them. */
    private static final class EventTx implements EventTransaction {

        private record Key(ResultKind kind, String id) {
        }

        private record Queued(Key key, String subject, String json, String hash) {
        }

        final String regionCode;
        private final Connection c;
        private final String eventId;
        private final Instant now;
        private final List<Queued> buffer = new ArrayList<>();
        private PreparedStatement latestRows;
        private PreparedStatement insert;
        private PreparedStatement supersede;
        private PreparedStatement insertDeadLetter;
        int added;
        int unchanged;
        int rejected;
        Exception failure;
        private boolean closed;

        private final boolean customPlans;

        EventTx(Connection c, String regionCode, StageEvent event, Instant now, boolean customPlans) {
            this.c = c;
            this.regionCode = regionCode;
            this.eventId = event == null ? null : event.eventId();
            this.now = now;
            this.customPlans = customPlans;
        }

        @Override
        public void checkpoint() {
            checkOpen();
            guarded(() -> {
                flush();
                c.commit();
                if (customPlans) {
                    forceCustomPlans(c);
                }
            });
        }

        @Override
        public void add(HostResult result, String json, String contentHash) {
            checkOpen();
            requireNonNull(result, "result");
            requireNonNull(result.kind(), "result.kind");
            requireNonNull(result.id(), "result.id");
            requireNonNull(json, "json");
            requireNonNull(contentHash, "contentHash");
            if (result.regionCode() != null && !result.regionCode().equals(regionCode)) {
                throw new IllegalArgumentException("result " + result.id() + " is of region " + result.regionCode()
                        + ", not of the event's region " + regionCode);
            }
            buffer.add(new Queued(new Key(result.kind(), result.id()), result.subject(), json, contentHash));
            if (buffer.size() >= BATCH_SIZE) {
                guarded(this::flush);
            }
        }

        @Override
        public void reject(String key, String reason, String payload) {
            checkOpen();
            guarded(() -> {
                if (insertDeadLetter == null) {
                    insertDeadLetter = c.prepareStatement(INSERT_DEAD_LETTER);
                }
                PreparedStatement ps = insertDeadLetter;
                ps.setString(1, regionCode);
                ps.setString(2, DeadLetter.INPUT);
                ps.setString(3, clip(key == null ? "" : key, MAX_KEY));
                ps.setString(4, null);
                ps.setString(5, clip(payload, MAX_BODY));
                ps.setString(6, null);
                ps.setInt(7, 0);
                ps.setString(8, clip(reason, MAX_TEXT));
                ps.setNull(9, Types.BIGINT);
                ps.setString(10, eventId);
                ps.setObject(11, ts(now));
                ps.executeUpdate();
            });
            rejected++;
        }

        /** Writes the buffered results: those whose content changed become new outbox rows. */
        void flush() throws SQLException {
            if (buffer.isEmpty()) {
                return;
            }
            Map<Key, Stored> stored = stored();
            Map<Key, String> lastHash = new HashMap<>();
            stored.forEach((key, s) -> lastHash.put(key, s.latestHash()));
            // the rows to insert, in order; an earlier row of an id replaced within this batch is inserted superseded
            Map<Key, Integer> lastIndex = new HashMap<>();
            List<Queued> rows = new ArrayList<>();
            List<String> states = new ArrayList<>();
            for (Queued q : buffer) {
                if (q.hash().equals(lastHash.get(q.key()))) {
                    unchanged++;
                    continue;
                }
                Integer earlier = lastIndex.put(q.key(), rows.size());
                if (earlier != null) {
                    states.set(earlier, SUPERSEDED);
                }
                rows.add(q);
                states.add(PENDING);
                lastHash.put(q.key(), q.hash());
                added++;
            }
            buffer.clear();
            if (rows.isEmpty()) {
                return;
            }
            // undelivered older rows of a changed id are superseded by the new row (by primary key:
            // cheap whatever the planner thinks of the table)
            boolean superseding = false;
            for (Key key : lastIndex.keySet()) {
                Stored s = stored.get(key);
                if (s == null) {
                    continue;
                }
                for (long seq : s.pendingSeqs()) {
                    if (supersede == null) {
                        supersede = c.prepareStatement(SUPERSEDE_ROW);
                    }
                    supersede.setLong(1, seq);
                    supersede.addBatch();
                    superseding = true;
                }
            }
            if (superseding) {
                supersede.executeBatch();
            }
            if (insert == null) {
                insert = c.prepareStatement(INSERT_OUTBOX);
            }
            for (int i = 0; i < rows.size(); i++) {
                Queued q = rows.get(i);
                insert.setString(1, regionCode);
                insert.setString(2, q.key().kind().name());
                insert.setString(3, q.key().id());
                insert.setString(4, q.subject());
                insert.setString(5, q.json());
                insert.setString(6, q.hash());
                insert.setString(7, states.get(i));
                insert.setObject(8, ts(now));
                insert.setString(9, eventId);
                insert.setObject(10, ts(now));
                insert.addBatch();
            }
            insert.executeBatch();
        }

        /** What is stored of an id: the content hash of its latest row, and its undelivered rows. */
        private record Stored(String latestHash, List<Long> pendingSeqs) {
        }

        /** The stored rows of each buffered id that has any. */
        private Map<Key, Stored> stored() throws SQLException {
            Map<ResultKind, Set<String>> idsByKind = new EnumMap<>(ResultKind.class);
            for (Queued q : buffer) {
                idsByKind.computeIfAbsent(q.key().kind(), k -> new HashSet<>()).add(q.key().id());
            }
            if (latestRows == null) {
                latestRows = c.prepareStatement(LATEST_ROWS);
            }
            Map<Key, Stored> stored = new HashMap<>();
            for (Map.Entry<ResultKind, Set<String>> e : idsByKind.entrySet()) {
                List<String> ids = new ArrayList<>(e.getValue());
                latestRows.setString(1, regionCode);
                latestRows.setString(2, e.getKey().name());
                for (int i = 0; i < BATCH_SIZE; i++) {
                    // unused places stay NULL, which matches nothing
                    latestRows.setString(3 + i, i < ids.size() ? ids.get(i) : null);
                }
                try (ResultSet rs = latestRows.executeQuery()) {
                    while (rs.next()) { // in seq order: the last row of an id is its latest
                        Key key = new Key(e.getKey(), rs.getString(1));
                        List<Long> pending = stored.containsKey(key) ? stored.get(key).pendingSeqs() : new ArrayList<>();
                        if (PENDING.equals(rs.getString(4))) {
                            pending.add(rs.getLong(2));
                        }
                        stored.put(key, new Stored(rs.getString(3), pending));
                    }
                }
            }
            return stored;
        }

        private void guarded(SqlRun run) {
            try {
                run.run();
            } catch (SQLException | RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
                throw e instanceof SQLException sqe ? new StoreException("cannot store the event's items", sqe)
                        : (RuntimeException) e;
            }
        }

        private void checkOpen() {
            if (closed) {
                throw new IllegalStateException("the event's transaction is over");
            }
            if (failure != null) {
                throw new IllegalStateException("the event's transaction failed before", failure);
            }
        }

        void close() {
            closed = true;
            for (Statement s : new Statement[] {latestRows, insert, supersede, insertDeadLetter}) {
                if (s != null) {
                    try {
                        s.close();
                    } catch (SQLException e) {
                        LOG.debug("closing a statement failed", e);
                    }
                }
            }
        }
    }

    // ----------------------------------------------------------------------------------- outbox

    @Override
    public List<OutboxItem> pending(String regionCode, Instant now, int limit) {
        requireNonNull(regionCode, "regionCode");
        requireNonNull(now, "now");
        if (limit <= 0) {
            return List.of();
        }
        OffsetDateTime at = ts(now.truncatedTo(ChronoUnit.MICROS));
        return inTransaction(c -> {
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
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, kind, result_id, subject, body, attempts, "
                    + "created_at FROM pl_outbox WHERE region_code = ? AND state = '" + PENDING + "' "
                    + "AND next_attempt_at <= ? AND seq > ? "
                    + "ORDER BY region_code, state, seq FETCH FIRST ? ROWS ONLY")) {
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
    public void delivered(Collection<Long> seqs) {
        requireNonNull(seqs, "seqs");
        if (seqs.isEmpty()) {
            return;
        }
        Instant now = now();
        inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE pl_outbox SET state = '" + DELIVERED
                    + "', delivered_at = ? WHERE seq = ? AND state IN ('" + PENDING + "', '" + SUPERSEDED + "')")) {
                int n = 0;
                for (Long seq : seqs) {
                    ps.setObject(1, ts(now));
                    ps.setLong(2, seq);
                    ps.addBatch();
                    if (++n % BATCH_SIZE == 0) {
                        ps.executeBatch();
                    }
                }
                if (n % BATCH_SIZE != 0) {
                    ps.executeBatch();
                }
            }
            return null;
        });
    }

    @Override
    public void retryLater(long seq, Instant nextAttemptAt, String error) {
        requireNonNull(nextAttemptAt, "nextAttemptAt");
        Instant now = now();
        inTransaction(c -> {
            String region = regionOf(c, seq);
            try (PreparedStatement ps = c.prepareStatement("UPDATE pl_outbox SET attempts = attempts + 1, "
                    + "next_attempt_at = ?, last_error = ? WHERE seq = ? AND state = '" + PENDING + "'")) {
                ps.setObject(1, ts(nextAttemptAt.truncatedTo(ChronoUnit.MICROS)));
                ps.setString(2, clip(error, MAX_TEXT));
                ps.setLong(3, seq);
                ps.executeUpdate();
            }
            regionError(c, region, error, now);
            return null;
        });
    }

    @Override
    public void deadLetter(long seq, int httpStatus, String reason) {
        Instant now = now();
        inTransaction(c -> {
            String region;
            String kind;
            String resultId;
            String subject;
            String body;
            String hash;
            String eventId;
            try (PreparedStatement ps = c.prepareStatement("SELECT region_code, kind, result_id, subject, body, "
                    + "content_hash, state, event_id FROM pl_outbox WHERE seq = ? FOR UPDATE")) {
                ps.setLong(1, seq);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("no outbox row " + seq);
                    }
                    if (DEAD.equals(rs.getString(7))) {
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
                ps.setString(1, clip(answer, MAX_TEXT));
                ps.setLong(2, seq);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(INSERT_DEAD_LETTER)) {
                ps.setString(1, region);
                ps.setString(2, kind);
                ps.setString(3, resultId);
                ps.setString(4, subject);
                ps.setString(5, body);
                ps.setString(6, hash);
                ps.setInt(7, httpStatus);
                ps.setString(8, clip(reason, MAX_TEXT));
                ps.setLong(9, seq);
                ps.setString(10, eventId);
                ps.setObject(11, ts(now));
                ps.executeUpdate();
            }
            regionError(c, region, answer, now);
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

    private static void regionError(Connection c, String region, String error, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE pl_region SET last_error = ?, last_error_at = ? WHERE region_code = ?")) {
            ps.setString(1, clip(error, MAX_TEXT));
            ps.setObject(2, ts(now));
            ps.setString(3, region);
            ps.executeUpdate();
        }
    }

    // ----------------------------------------------------------------------------- dead letters

    @Override
    public List<String> resultsOf(String regionCode, ResultKind kind, String subject) {
        requireNonNull(regionCode, "regionCode");
        requireNonNull(kind, "kind");
        requireNonNull(subject, "subject");
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT result_id, body FROM pl_outbox "
                    + "WHERE region_code = ? AND kind = ? AND subject = ? AND state <> 'SUPERSEDED' ORDER BY seq")) {
                ps.setString(1, regionCode);
                ps.setString(2, kind.name());
                ps.setString(3, subject);
                // a later row of the same id is its newer body; keep the order of first appearance
                Map<String, String> latest = new LinkedHashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        latest.put(rs.getString(1), rs.getString(2));
                    }
                }
                return new ArrayList<>(latest.values());
            }
        });
    }

    @Override
    public List<StoredResult> latestResults(String regionCode, ResultKind kind, int limit) {
        requireNonNull(regionCode, "regionCode");
        if (limit <= 0) {
            return List.of();
        }
        // the newest row of each id (never SUPERSEDED: only an older row is), found with pl_outbox_result
        String sql = "SELECT o.seq, o.kind, o.result_id, o.subject, o.state, o.body, o.created_at, o.delivered_at "
                + "FROM pl_outbox o WHERE o.region_code = ?" + (kind == null ? "" : " AND o.kind = ?")
                + " AND o.state <> 'SUPERSEDED' AND NOT EXISTS (SELECT 1 FROM pl_outbox n "
                + "WHERE n.result_id = o.result_id AND n.region_code = o.region_code AND n.kind = o.kind "
                + "AND n.seq > o.seq) ORDER BY o.seq DESC FETCH FIRST ? ROWS ONLY";
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setString(i++, regionCode);
                if (kind != null) {
                    ps.setString(i++, kind.name());
                }
                ps.setInt(i, limit);
                List<StoredResult> results = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        results.add(new StoredResult(rs.getLong(1), regionCode, ResultKind.valueOf(rs.getString(2)),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), instant(rs, 7),
                                instant(rs, 8)));
                    }
                }
                return results;
            }
        });
    }

    @Override
    public List<DeadLetter> deadLetters(String regionCode) {
        requireNonNull(regionCode, "regionCode");
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, region_code, kind, item_key, body, "
                    + "http_status, reason, created_at FROM pl_dead_letter "
                    + "WHERE region_code = ? AND replayed_at IS NULL ORDER BY id")) {
                ps.setString(1, regionCode);
                List<DeadLetter> letters = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        letters.add(new DeadLetter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getInt(6), rs.getString(7), instant(rs, 8)));
                    }
                }
                return letters;
            }
        });
    }

    @Override
    public int replay(String regionCode, Collection<Long> deadLetterIds) {
        requireNonNull(regionCode, "regionCode");
        Set<Long> wanted = deadLetterIds == null ? Set.of() : new HashSet<>(deadLetterIds);
        Instant now = now();
        int requeued = inTransaction(c -> {
            record Letter(long id, String kind, String key, String subject, String body, String hash, long outboxSeq,
                    String eventId) {
            }
            List<Letter> letters = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, kind, item_key, subject, body, content_hash, "
                    + "outbox_seq, event_id FROM pl_dead_letter WHERE region_code = ? AND replayed_at IS NULL "
                    + "AND kind <> '" + DeadLetter.INPUT + "' ORDER BY id FOR UPDATE")) {
                ps.setString(1, regionCode);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        if (wanted.isEmpty() || wanted.contains(id)) {
                            letters.add(new Letter(id, rs.getString(2), rs.getString(3), rs.getString(4),
                                    rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8)));
                        }
                    }
                }
            }
            int count = 0;
            try (PreparedStatement newer = c.prepareStatement("SELECT seq FROM pl_outbox WHERE region_code = ? "
                    + "AND kind = ? AND result_id = ? AND seq > ? ORDER BY seq FETCH FIRST 1 ROWS ONLY");
                    PreparedStatement supersede = c.prepareStatement(SUPERSEDE);
                    PreparedStatement insert = c.prepareStatement(INSERT_OUTBOX, new String[] {"seq"});
                    PreparedStatement close = c.prepareStatement(
                            "UPDATE pl_dead_letter SET replayed_at = ?, replay_seq = ? WHERE id = ?")) {
                for (Letter l : letters) {
                    newer.setString(1, regionCode);
                    newer.setString(2, l.kind());
                    newer.setString(3, l.key());
                    newer.setLong(4, l.outboxSeq());
                    boolean stale;
                    try (ResultSet rs = newer.executeQuery()) {
                        stale = rs.next();
                    }
                    Long replaySeq = null;
                    if (stale) {
                        LOG.info("dead letter {} of region {} not re-queued: {} {} was queued again since",
                                l.id(), regionCode, l.kind(), l.key());
                    } else {
                        supersede.setString(1, regionCode);
                        supersede.setString(2, l.kind());
                        supersede.setString(3, l.key());
                        supersede.executeUpdate();
                        insert.setString(1, regionCode);
                        insert.setString(2, l.kind());
                        insert.setString(3, l.key());
                        insert.setString(4, l.subject());
                        insert.setString(5, l.body());
                        insert.setString(6, l.hash());
                        insert.setString(7, PENDING);
                        insert.setObject(8, ts(now));
                        insert.setString(9, l.eventId());
                        insert.setObject(10, ts(now));
                        insert.executeUpdate();
                        try (ResultSet keys = insert.getGeneratedKeys()) {
                            keys.next();
                            replaySeq = keys.getLong(1);
                        }
                        count++;
                    }
                    close.setObject(1, ts(now));
                    if (replaySeq == null) {
                        close.setNull(2, Types.BIGINT);
                    } else {
                        close.setLong(2, replaySeq);
                    }
                    close.setLong(3, l.id());
                    close.executeUpdate();
                }
            }
            return count;
        });
        if (requeued > 0) {
            LOG.info("re-queued {} dead letter(s) of region {}", requeued, regionCode);
        }
        return requeued;
    }

    // ----------------------------------------------------------------------------------- status

    @Override
    public RegionStatus status(String regionCode) {
        requireNonNull(regionCode, "regionCode");
        return inTransaction(c -> {
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
            long backlog = count(c, "SELECT COUNT(*) FROM pl_outbox WHERE region_code = ? AND state = '"
                    + PENDING + "'", regionCode);
            Instant oldest = null;
            // the oldest undelivered row is the first in seq order: read one row, in index order
            try (PreparedStatement ps = c.prepareStatement("SELECT created_at FROM pl_outbox "
                    + "WHERE region_code = ? AND state = '" + PENDING + "' "
                    + "ORDER BY region_code, state, seq FETCH FIRST 1 ROWS ONLY")) {
                ps.setString(1, regionCode);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        oldest = instant(rs, 1);
                    }
                }
            }
            long delivered = count(c, "SELECT COUNT(*) FROM pl_outbox WHERE region_code = ? AND state = '"
                    + DELIVERED + "'", regionCode);
            long deadLetters = count(c, "SELECT COUNT(*) FROM pl_dead_letter WHERE region_code = ? "
                    + "AND replayed_at IS NULL", regionCode);
            String lastError = null;
            Instant lastErrorAt = null;
            Instant lastEventAt = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT last_error, last_error_at, last_event_at "
                    + "FROM pl_region WHERE region_code = ?")) {
                ps.setString(1, regionCode);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        lastError = rs.getString(1);
                        lastErrorAt = instant(rs, 2);
                        lastEventAt = instant(rs, 3);
                    }
                }
            }
            return new RegionStatus(regionCode, cursors, backlog, oldest, delivered, deadLetters, lastError,
                    lastErrorAt, lastEventAt);
        });
    }

    private static long count(Connection c, String sql, String regionCode) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, regionCode);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Stage stageOrNull(String name) {
        try {
            return Stage.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null; // a stage this version does not know
        }
    }

    @Override
    public List<String> regions() {
        return inTransaction(c -> {
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

    // ------------------------------------------------------------------------------------ audit

    @Override
    public void audit(String actor, String action, String target, String before, String after) {
        requireNonNull(actor, "actor");
        requireNonNull(action, "action");
        Instant now = now();
        inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO pl_audit (recorded_at, actor, action_name, "
                    + "target, before_value, after_value) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, ts(now));
                ps.setString(2, clip(actor, MAX_NAME));
                ps.setString(3, clip(action, MAX_NAME));
                ps.setString(4, clip(target, MAX_KEY));
                ps.setString(5, clip(before, MAX_BODY));
                ps.setString(6, clip(after, MAX_BODY));
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<AuditEntry> audit(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return inTransaction(c -> {
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

    // ---------------------------------------------------------------------------------- helpers

    /** Timestamps are stored with microseconds, what both H2 and PostgreSQL keep. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime ts(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    private interface SqlCall<T> {
        T call() throws SQLException;
    }

    @FunctionalInterface
    private interface SqlRun {
        void run() throws SQLException;
    }

    private <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            boolean committed = false;
            try {
                T result = work.run(c);
                c.commit();
                committed = true;
                return result;
            } finally {
                if (!committed) {
                    rollbackQuietly(c);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("PerfLink store operation failed: " + e.getMessage(), e);
        }
    }

    private static <T> T sql(SqlCall<T> call) {
        try {
            return call.call();
        } catch (SQLException e) {
            throw new StoreException("PerfLink store operation failed: " + e.getMessage(), e);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback failed", e);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debug("closing a connection failed", e);
        }
    }
}
