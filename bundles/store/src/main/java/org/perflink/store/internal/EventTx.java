package org.perflink.store.internal;

import static java.util.Objects.requireNonNull;
import static org.perflink.store.internal.Jdbc.clip;
import static org.perflink.store.internal.Jdbc.ts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.perflink.api.model.HostResult;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.store.DeadLetter;
import org.perflink.store.EventLedger.EventTransaction;
import org.perflink.store.StaleCursorException;
import org.perflink.store.StoreException;
import org.perflink.store.internal.ResultRows.Key;
import org.perflink.store.internal.ResultRows.Latest;
import org.perflink.store.internal.ResultRows.Row;

/**
 * The transaction of one event: buffers at most {@link ResultRows#BATCH_SIZE} results, then writes them.
 * Counter changes are collected and written just before each commit (see {@link RegionRows}).
 */
final class EventTx implements EventTransaction {

    static final String INSERT_DEAD_LETTER = "INSERT INTO pl_dead_letter (region_code, kind, item_key, "
            + "subject, body, content_hash, http_status, reason, outbox_seq, event_id, created_at, stage) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Jdbc jdbc;
    private final Connection c;
    private final String regionCode;
    private final Stage stage;
    private final String expectedCursor;
    private final String eventId;
    private final Instant now;
    private final ResultRows rows;
    private final PublicRows publicRows;
    private final List<Row> buffer = new ArrayList<>();
    private PreparedStatement insertDeadLetter;
    private long backlogDelta;
    private long deadLetterDelta;
    int added;
    int unchanged;
    int rejected;
    private Exception failure;
    private boolean closed;

    EventTx(Jdbc jdbc, Connection c, String regionCode, Stage stage, String expectedCursor, StageEvent event,
            Instant now) {
        this.jdbc = jdbc;
        this.c = c;
        this.regionCode = regionCode;
        this.stage = stage;
        this.expectedCursor = expectedCursor;
        this.eventId = event == null ? null : event.eventId();
        this.now = now;
        this.rows = new ResultRows(c, regionCode, jdbc.node());
        this.publicRows = new PublicRows(c, regionCode, eventId, now);
    }

    @Override
    public void checkpoint() {
        checkOpen();
        guarded(() -> {
            flush();
            // a node whose cursor moved on without it commits nothing more of this event
            if (!RegionRows.compareAndSet(c, regionCode, stage, expectedCursor, expectedCursor, now)) {
                throw new StaleCursorException(regionCode, stage, expectedCursor);
            }
            countAndCommit();
            jdbc.forceCustomPlans(c);
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
        buffer.add(new Row(new Key(result.kind().name(), result.id()), result.subject(), json, contentHash, eventId,
                ResultFacets.of(result)));
        if (buffer.size() >= ResultRows.BATCH_SIZE) {
            guarded(this::flush);
        }
    }

    @Override
    public void keepPublic(String kind, int year, String projectCode, String json) {
        checkOpen();
        guarded(() -> publicRows.keep(kind, year, projectCode, json));
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
            ps.setString(3, clip(key == null ? "" : key, Jdbc.MAX_KEY));
            ps.setString(4, null);
            ps.setString(5, clip(payload, Jdbc.MAX_BODY));
            ps.setString(6, null);
            ps.setInt(7, 0);
            ps.setString(8, clip(reason, Jdbc.MAX_TEXT));
            ps.setNull(9, Types.BIGINT);
            ps.setString(10, eventId);
            ps.setObject(11, ts(now));
            ps.setString(12, stage.name());
            ps.executeUpdate();
        });
        rejected++;
        deadLetterDelta++;
    }

    /** Writes the buffered results (those whose content changed become new outbox rows) and public records. */
    void flush() throws SQLException {
        publicRows.flush();
        if (buffer.isEmpty()) {
            return;
        }
        Map<Key, Latest> known = rows.latest(buffer.stream().map(Row::key).toList());
        Map<Key, String> lastHash = new HashMap<>();
        known.forEach((key, l) -> lastHash.put(key, l.hash()));
        List<Row> changed = new ArrayList<>();
        for (Row r : buffer) {
            if (r.hash().equals(lastHash.get(r.key()))) {
                unchanged++;
                continue;
            }
            changed.add(r);
            lastHash.put(r.key(), r.hash());
            added++;
        }
        buffer.clear();
        // an earlier version of an id replaced within this batch would only be superseded: it is not written
        backlogDelta += rows.queue(ResultRows.lastOfEach(changed), known, now);
    }

    /**
     * Completes the event: the last results, the cursor moved by compare-and-set, the event-log row and the
     * region's figures, then the commit.
     */
    void complete(StageEvent event, String newCursor) throws SQLException {
        if (failure != null) { // the work caught it, but the transaction may be broken: store nothing
            throw new StoreException("an operation of the event's transaction failed; nothing was stored", failure);
        }
        flush();
        if (!RegionRows.compareAndSet(c, regionCode, stage, expectedCursor, newCursor, now)) {
            throw new StaleCursorException(regionCode, stage, expectedCursor);
        }
        JdbcEventLedger.log(c, regionCode, stage, event, newCursor, added, unchanged, rejected, jdbc.node(), now);
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE pl_region SET last_event_at = ? WHERE region_code = ?")) {
            ps.setObject(1, ts(now));
            ps.setString(2, regionCode);
            ps.executeUpdate();
        }
        countAndCommit();
    }

    private void countAndCommit() throws SQLException {
        RegionRows.count(c, regionCode, backlogDelta, 0, deadLetterDelta);
        c.commit();
        backlogDelta = 0;
        deadLetterDelta = 0;
    }

    private void guarded(Jdbc.SqlRun run) {
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
        rows.close();
        publicRows.close();
        Jdbc.closeQuietly(insertDeadLetter);
    }
}
