package org.perflink.store.internal;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Semaphore;

import javax.sql.DataSource;

import org.perflink.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one transaction helper of the store's parts: a connection per transaction from the (pooled) data source,
 * commit or roll back, SQL failures as {@link StoreException}; and the conversions every part needs.
 * <p>
 * An event's transaction holds its connection while its hooks run, and a hook reads history through another
 * connection. So event transactions take at most {@code eventConnections} connections at once (callers wait
 * their turn): the rest of the pool stays for short transactions, which never wait while holding one, and a
 * full pool can never deadlock.
 */
final class Jdbc {

    private static final Logger LOG = LoggerFactory.getLogger(Jdbc.class);

    /** Column sizes of the schema: longer values are clipped. */
    static final int MAX_TEXT = 4000;
    static final int MAX_KEY = 400;
    static final int MAX_NAME = 200;
    static final int MAX_BODY = 1_000_000;

    private final DataSource dataSource;
    private final Clock clock;
    private final String node;
    private final Semaphore eventConnections;
    /** PostgreSQL 12 or later: the event transaction asks for custom plans (see EventTx). */
    private final boolean customPlans;

    Jdbc(DataSource dataSource, Clock clock, String node, int eventConnections) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
        this.clock = requireNonNull(clock, "clock");
        this.node = clip(requireNonNull(node, "node"), MAX_NAME);
        this.eventConnections = new Semaphore(Math.max(1, eventConnections), true);
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            customPlans = "PostgreSQL".equals(meta.getDatabaseProductName()) && meta.getDatabaseMajorVersion() >= 12;
        } catch (SQLException e) {
            throw new StoreException("cannot reach the PerfLink store: " + e.getMessage(), e);
        }
    }

    DataSource dataSource() {
        return dataSource;
    }

    Clock clock() {
        return clock;
    }

    /** The name of this node, recorded with the event-log rows and deliveries it writes. */
    String node() {
        return node;
    }

    boolean customPlans() {
        return customPlans;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    <T> T inTransaction(SqlWork<T> work) {
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

    /** Runs {@code work} on a connection of its own in auto-commit mode (each statement its own transaction). */
    <T> T autoCommit(SqlWork<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            return work.run(c);
        }
    }

    /**
     * A connection for a long (event) transaction, auto-commit off, taken within the event connections' limit;
     * give it back with {@link #release(Connection)}.
     */
    Connection openEventConnection() {
        try {
            eventConnections.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a store connection", null);
        }
        try {
            Connection c = dataSource.getConnection();
            try {
                c.setAutoCommit(false);
                return c;
            } catch (SQLException e) {
                closeQuietly(c);
                throw e;
            }
        } catch (SQLException e) {
            eventConnections.release();
            throw new StoreException("PerfLink store operation failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            eventConnections.release();
            throw e;
        }
    }

    /**
     * Gives {@link #openEventConnection()}'s connection back, rolling back what it did not commit. A connection whose
     * last act was a commit has nothing to roll back (on H2 a rollback still ends a transaction: 4 % of an event's
     * thread in issue 18's profile).
     */
    void release(Connection c, boolean committed) {
        try {
            if (!committed) {
                rollbackQuietly(c);
            }
            closeQuietly(c);
        } finally {
            eventConnections.release();
        }
    }

    /**
     * The event's statements run hundreds of times on one connection. After five, PostgreSQL may switch to a
     * generic plan made while the outbox looked empty (its statistics cannot see this transaction's rows): a
     * sequential scan per lookup, quadratic in the event's size. Custom plans keep using the indexes. SET LOCAL
     * lasts one transaction, so every checkpoint asks again.
     */
    void forceCustomPlans(Connection c) throws SQLException {
        if (customPlans) {
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL plan_cache_mode = force_custom_plan");
            }
        }
    }

    /** Timestamps are stored with microseconds, what both H2 and PostgreSQL keep. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static OffsetDateTime ts(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** Unique or primary key violation, on H2 and PostgreSQL. */
    static boolean isDuplicateKey(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    static <T> T sql(SqlCall<T> call) {
        try {
            return call.call();
        } catch (SQLException e) {
            throw new StoreException("PerfLink store operation failed: " + e.getMessage(), e);
        }
    }

    static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback failed", e);
        }
    }

    static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("closing {} failed", c, e);
        }
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    interface SqlCall<T> {
        T call() throws SQLException;
    }

    @FunctionalInterface
    interface SqlRun {
        void run() throws SQLException;
    }
}
