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

/** {@link DeadLetters} over JDBC ({@code pl_dead_letter}), pages served by the indexes of V1 and V6. */
final class JdbcDeadLetters implements DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcDeadLetters.class);

    private final Jdbc jdbc;

    JdbcDeadLetters(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Page<DeadLetter> open(String regionCode, int offset, int limit) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset 不能为负 (must not be negative): " + offset);
        }
        if (limit <= 0) {
            throw new IllegalArgumentException("limit 须为正数 (must be positive): " + limit);
        }
        return page(regionCode, new LetterQuery(DeadLetter.OPEN, null, null, null, LetterSort.OLDEST), offset, limit);
    }

    private static final String COLUMNS = "id, region_code, kind, item_key, body, http_status, reason, created_at, "
            + "subject, stage, replayed_at, replay_seq";

    @Override
    public Page<DeadLetter> page(String regionCode, LetterQuery query, int offset, int limit) {
        requireNonNull(regionCode, "regionCode");
        requireNonNull(query, "query");
        PageQuery where = new PageQuery().equal("region_code", regionCode).equal("stage", query.stage())
                .equal("kind", query.kind());
        if (query.state() != null) {
            where.and(switch (query.state()) {
                case DeadLetter.OPEN -> "replayed_at IS NULL";
                case DeadLetter.REPLAYED -> "replayed_at IS NOT NULL AND replay_seq IS NOT NULL";
                case DeadLetter.SKIPPED -> "replayed_at IS NOT NULL AND replay_seq IS NULL";
                default -> throw new IllegalArgumentException("state must be OPEN, REPLAYED or SKIPPED: " + query.state());
            });
        }
        if (query.search() != null && !query.search().isBlank()) {
            String s = query.search().strip();
            where.and("(subject LIKE ? ESCAPE '!' OR item_key LIKE ? ESCAPE '!' OR LOWER(reason) LIKE ? ESCAPE '!')",
                    PageQuery.startsWith(s), PageQuery.startsWith(s), PageQuery.contains(s));
        }
        String order = switch (query.sort()) {
            case NEWEST -> "id DESC";
            case OLDEST -> "id";
            case SUBJECT -> "subject NULLS LAST, id"; // inputs (no subject) last, on H2 as on PostgreSQL
            case STAGE -> "stage NULLS LAST, id";
        };
        return jdbc.inTransaction(c -> where.page(c, "pl_dead_letter", COLUMNS, order, offset, limit,
                rs -> new DeadLetter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6), rs.getString(7), instant(rs, 8), rs.getString(9), rs.getString(10),
                        instant(rs, 11), (Long) rs.getObject(12, Long.class))));
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
