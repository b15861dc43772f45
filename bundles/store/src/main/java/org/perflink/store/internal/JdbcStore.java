package org.perflink.store.internal;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import javax.sql.DataSource;

import org.perflink.store.AuditLog;
import org.perflink.store.DeadLetters;
import org.perflink.store.EventLedger;
import org.perflink.store.Outbox;
import org.perflink.store.PublicRecords;
import org.perflink.store.ResultLedger;
import org.perflink.store.StoreException;
import org.perflink.store.StoreStatus;

/**
 * The store's parts over one JDBC data source, its schema migrated first; SQL that runs unchanged on H2 2.3 and
 * PostgreSQL 15. Inside Karaf {@link StoreComponent} builds one and registers each part as a service; code that
 * runs outside a container (route tests, tools) builds one with {@link #open}. Not exported.
 *
 * <h2>Durability with embedded H2</h2>
 * H2 2.x (MVStore) does not write a transaction log: a commit becomes durable when the store writes its next
 * chunk to the file. With the default {@code WRITE_DELAY} of 500 ms a background thread does that, so a process
 * killed uncleanly loses up to the last half second of commits (consistently: an event's results and its cursor
 * go together, so the event is only read again). With {@code WRITE_DELAY=0} (which H2 2.x maps to the MVStore's
 * {@code autoCommitDelay}) every commit writes its chunk before {@code commit()} returns, so anything committed
 * survives {@code kill -9} and a JVM crash (measured: a writer killed with {@code kill -9} after 3 355
 * acknowledged events reopened with its cursor at 3 355; with the default delay one killed after 6 043 reopened
 * at 4 254). H2 never {@code fsync}s on commit, though: after a power loss or an OS crash the last commits still
 * in the OS page cache can be lost; use PostgreSQL where that matters. The settings {@link #h2Url(String)} adds:
 * <ul>
 * <li>{@code WRITE_DELAY=0}: write every commit to the file at once (see above);</li>
 * <li>{@code DB_CLOSE_DELAY=-1}: keep the database open between connections; whoever owns the store closes it
 * with {@code SHUTDOWN} (the OSGi component does on deactivation);</li>
 * <li>{@code DB_CLOSE_ON_EXIT=FALSE}: no H2 shutdown hook racing the container's orderly stop; a JVM that exits
 * without that stop leaves nothing unwritten (every commit is in the file) and H2 recovers the file on the next
 * open.</li>
 * </ul>
 * Without the background writer H2 compacts the file only when it is closed, and large transactions leave much
 * free space behind: a long-running store may grow its file until it is next closed.
 */
public final class JdbcStore {

    /** What {@link #h2Url(String)} adds to an embedded H2 URL unless the URL sets it itself. */
    public static final String H2_SETTINGS = ";WRITE_DELAY=0;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE";

    /** Results written per JDBC batch; also how many an event transaction holds in memory at most. */
    public static final int BATCH_SIZE = ResultRows.BATCH_SIZE;

    private final JdbcEventLedger events;
    private final JdbcOutbox outbox;
    private final JdbcDeadLetters deadLetters;
    private final JdbcResultLedger results;
    private final JdbcAuditLog audit;
    private final JdbcStoreStatus status;
    private final JdbcPublicRecords publicRecords;

    private JdbcStore(Jdbc jdbc) {
        this.events = new JdbcEventLedger(jdbc);
        this.outbox = new JdbcOutbox(jdbc);
        this.deadLetters = new JdbcDeadLetters(jdbc);
        this.results = new JdbcResultLedger(jdbc);
        this.audit = new JdbcAuditLog(jdbc);
        this.status = new JdbcStoreStatus(jdbc);
        this.publicRecords = new JdbcPublicRecords(jdbc);
    }

    /**
     * The store over {@code dataSource}, its schema migrated (opening the same database again changes nothing),
     * recording {@code node} as the node that does the work; event transactions use at most
     * {@code eventConnections} connections at once (see {@link Jdbc}). The caller owns the data source.
     *
     * @throws StoreException if the database cannot be reached or migrated
     */
    public static JdbcStore open(DataSource dataSource, Clock clock, String node, int eventConnections) {
        try {
            Migrations.migrate(dataSource, clock);
        } catch (SQLException e) {
            throw new StoreException("cannot migrate the PerfLink store schema: " + e.getMessage(), e);
        }
        return new JdbcStore(new Jdbc(dataSource, clock, node, eventConnections));
    }

    /** {@link #open(DataSource, Clock, String, int)} for one process on an unpooled data source: node "local". */
    public static JdbcStore open(DataSource dataSource, Clock clock) {
        return open(dataSource, clock, "local", Integer.MAX_VALUE);
    }

    public EventLedger eventLedger() {
        return events;
    }

    public Outbox outbox() {
        return outbox;
    }

    public DeadLetters deadLetters() {
        return deadLetters;
    }

    public ResultLedger resultLedger() {
        return results;
    }

    public AuditLog auditLog() {
        return audit;
    }

    public PublicRecords publicRecords() {
        return publicRecords;
    }

    public StoreStatus status() {
        return status;
    }

    /** Deletes outbox rows delivered (or superseded) more than {@code retention} ago; returns how many. */
    public int pruneOutbox(Duration retention) {
        return outbox.prune(retention);
    }

    /** {@link #h2Url(String)} of a file database at {@code file} (H2 adds {@code .mv.db}). */
    public static String h2FileUrl(Path file) {
        return h2Url("jdbc:h2:file:" + file.toAbsolutePath());
    }

    /**
     * An H2 URL with the store's durability settings ({@link #H2_SETTINGS}) for an embedded H2 database; a
     * setting the URL names already is kept. An in-memory H2 URL gets them too ({@code DB_CLOSE_DELAY=-1} keeps
     * it alive between connections); other URLs (PostgreSQL, H2 server mode) are returned as they are.
     */
    public static String h2Url(String url) {
        if (!isEmbeddedH2(url)) {
            return url;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(url);
        for (String setting : H2_SETTINGS.substring(1).split(";")) {
            String name = setting.substring(0, setting.indexOf('=')).toLowerCase(Locale.ROOT);
            if (!lower.contains(";" + name + "=")) {
                out.append(';').append(setting);
            }
        }
        return out.toString();
    }

    static boolean isEmbeddedH2(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:tcp:") && !lower.startsWith("jdbc:h2:ssl:");
    }
}
