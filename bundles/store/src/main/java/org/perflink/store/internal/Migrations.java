package org.perflink.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the schema scripts {@code db/V<n>__<name>.sql} in order, each once, recording them in
 * {@code pl_schema_version}. A script is listed in {@link #SCRIPTS} (resources of a bundle cannot
 * be listed portably). Scripts are re-runnable, so a half-applied script (H2 commits DDL statement
 * by statement) is completed on the next start. Scripts are portable SQL; what only H2 has (identity caches) is in
 * an optional companion {@code db/h2/V<n>__<name>.sql}, run on H2 after the portable script of the same version.
 */
final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    /** Script n of this list is schema version n + 1. Append only; never edit a released script. */
    static final List<String> SCRIPTS = List.of("db/V1__schema.sql", "db/V2__subject_index.sql",
            "db/V3__ledger_counters_fencing.sql", "db/V4__public_records.sql", "db/V5__result_facets.sql",
            "db/V6__list_pages.sql", "db/V7__bodies_once.sql");

    private static final String H2_SCRIPTS = "db/h2/";

    private Migrations() {
    }

    /** Brings the schema to the latest version; returns the version it is at. */
    static int migrate(DataSource dataSource, Clock clock) throws SQLException {
        return migrate(dataSource, clock, SCRIPTS.size());
    }

    /** Brings the schema to version {@code target} (tests build older databases with it). */
    static int migrate(DataSource dataSource, Clock clock, int target) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS pl_schema_version ("
                        + "version INTEGER NOT NULL PRIMARY KEY, "
                        + "script VARCHAR(200) NOT NULL, "
                        + "applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            }
            int current = currentVersion(c);
            for (int version = current + 1; version <= target; version++) {
                String script = SCRIPTS.get(version - 1);
                apply(c, version, script, clock);
                LOG.info("PerfLink store schema migrated to version {} ({})", version, script);
            }
            return Math.max(current, target);
        }
    }

    static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MAX(version) FROM pl_schema_version")) {
            rs.next();
            return rs.getInt(1); // 0 when empty (SQL NULL)
        }
    }

    private static void apply(Connection c, int version, String script, Clock clock) throws SQLException {
        c.setAutoCommit(false);
        try {
            List<String> sqls = statements(read(script));
            if ("H2".equals(c.getMetaData().getDatabaseProductName())) {
                String h2 = readIfPresent(H2_SCRIPTS + script.substring(script.indexOf('/') + 1));
                if (h2 != null) {
                    sqls.addAll(statements(h2));
                }
            }
            try (Statement s = c.createStatement()) {
                for (String sql : sqls) {
                    s.execute(sql);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO pl_schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
                ps.setInt(1, version);
                ps.setString(2, script);
                ps.setObject(3, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static String read(String resource) {
        String script = readIfPresent(resource);
        if (script == null) {
            throw new IllegalStateException("schema script missing from the bundle: " + resource);
        }
        return script;
    }

    private static String readIfPresent(String resource) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits a script at ';' line ends, dropping {@code --} comment lines. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
