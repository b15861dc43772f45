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
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.perflink.store.DeadLetter;
import org.perflink.store.DeadLetters;
import org.perflink.store.Page;
import org.perflink.store.internal.ResultRows.Key;
import org.perflink.store.internal.ResultRows.Latest;
import org.perflink.store.internal.ResultRows.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link DeadLetters} over JDBC ({@code pl_dead_letter}); the open count is the region's counter. */
final class JdbcDeadLetters implements DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcDeadLetters.class);

    private final Jdbc jdbc;

    JdbcDeadLetters(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Page<DeadLetter> open(String regionCode, int offset, int limit) {
        requireNonNull(regionCode, "regionCode");
        if (offset < 0) {
            throw new IllegalArgumentException("offset 不能为负 (must not be negative): " + offset);
        }
        if (limit <= 0) {
            throw new IllegalArgumentException("limit 须为正数 (must be positive): " + limit);
        }
        return jdbc.inTransaction(c -> {
            List<DeadLetter> letters = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, region_code, kind, item_key, body, "
                    + "http_status, reason, created_at FROM pl_dead_letter "
                    + "WHERE region_code = ? AND replayed_at IS NULL ORDER BY id OFFSET ? ROWS FETCH FIRST ? ROWS ONLY")) {
                ps.setString(1, regionCode);
                ps.setInt(2, offset);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        letters.add(new DeadLetter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getInt(6), rs.getString(7), instant(rs, 8)));
                    }
                }
            }
            long total = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT dead_letters FROM pl_region WHERE region_code = ?")) {
                ps.setString(1, regionCode);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        total = rs.getLong(1);
                    }
                }
            }
            return new Page<>(letters, total, offset, limit);
        });
    }

    private record Letter(long id, String kind, String key, String subject, String body, String hash, long outboxSeq,
            String eventId) {
    }

    @Override
    public int replay(String regionCode, Collection<Long> deadLetterIds) {
        requireNonNull(regionCode, "regionCode");
        Set<Long> wanted = deadLetterIds == null ? Set.of() : new HashSet<>(deadLetterIds);
        Instant now = jdbc.now();
        int requeued = jdbc.inTransaction(c -> {
            List<Letter> letters = openResultLetters(c, regionCode, wanted);
            if (letters.isEmpty()) {
                return 0;
            }
            int count = 0;
            try (ResultRows rows = new ResultRows(c, regionCode, jdbc.node());
                    PreparedStatement close = c.prepareStatement(
                            "UPDATE pl_dead_letter SET replayed_at = ?, replay_seq = ? WHERE id = ?")) {
                Map<Key, Latest> known = rows.latest(letters.stream().map(l -> new Key(l.kind(), l.key())).toList());
                long backlog = 0;
                for (Letter l : letters) {
                    Key key = new Key(l.kind(), l.key());
                    Latest latest = known.get(key);
                    Long replaySeq = null;
                    if (latest != null && latest.outboxSeq() != l.outboxSeq()) {
                        LOG.info("dead letter {} of region {} not re-queued: {} {} was queued again since",
                                l.id(), regionCode, l.kind(), l.key());
                    } else {
                        backlog += rows.queue(List.of(new Row(key, l.subject(), l.body(), l.hash(), l.eventId())),
                                latest == null ? Map.of() : Map.of(key, latest), now);
                        Latest queued = rows.latest(List.of(key)).get(key);
                        replaySeq = queued.outboxSeq();
                        known.put(key, queued);
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
                RegionRows.count(c, regionCode, backlog, 0, -letters.size());
            }
            return count;
        });
        if (requeued > 0) {
            LOG.info("re-queued {} dead letter(s) of region {}", requeued, regionCode);
        }
        return requeued;
    }

    private static List<Letter> openResultLetters(Connection c, String regionCode, Set<Long> wanted)
            throws SQLException {
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
        return letters;
    }
}
