package org.perflink.camel.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.quartz.Scheduler;

/**
 * Creates what the clustered scheduler needs on the store's database where it is missing: Quartz's own tables from
 * the script Quartz ships ({@code tables_postgres.sql}, without its DROP statements) and PerfLink's
 * {@code pl_cluster_work} (which node last fired each region and route, see {@link SharedWork}). Nodes that start
 * together take a PostgreSQL advisory lock first, so one of them creates and the others find the tables there.
 */
final class ClusterSchema {

    static final String QUARTZ_SCRIPT = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";
    /** Any number the nodes agree on: the advisory lock that serialises the schema's creation. */
    private static final long LOCK_KEY = 0x5045_5246_4c4e_4b31L; // "PERFLNK1"

    static final String WORK_TABLE = """
            CREATE TABLE IF NOT EXISTS pl_cluster_work (
              work_key VARCHAR(200) NOT NULL PRIMARY KEY,
              region_code VARCHAR(12) NOT NULL,
              node VARCHAR(200) NOT NULL,
              since_ms BIGINT NOT NULL,
              fired_ms BIGINT NOT NULL
            )""";

    private ClusterSchema() {
    }

    /** Creates the missing tables and indexes; changes nothing on a database that has them. */
    static void ensure(DataSource dataSource) throws SQLException {
        List<String> statements = new ArrayList<>(quartzStatements());
        statements.add(WORK_TABLE);
        try (Connection c = dataSource.getConnection()) {
            boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                if (postgres) {
                    s.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
                }
                for (String sql : statements) {
                    s.execute(sql);
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    /** Quartz's PostgreSQL script as idempotent statements: CREATE … IF NOT EXISTS, no DROP, no COMMIT. */
    static List<String> quartzStatements() {
        String script;
        try (InputStream in = Scheduler.class.getClassLoader().getResourceAsStream(QUARTZ_SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("Quartz's " + QUARTZ_SCRIPT + " is missing from its jar");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Quartz's " + QUARTZ_SCRIPT + " cannot be read", e);
        }
        StringBuilder code = new StringBuilder();
        for (String line : script.split("\n")) {
            String t = line.strip();
            if (!t.startsWith("--")) {
                code.append(line).append('\n');
            }
        }
        List<String> out = new ArrayList<>();
        for (String statement : code.toString().split(";")) {
            String sql = statement.strip();
            String upper = sql.toUpperCase(Locale.ROOT);
            if (sql.isEmpty() || upper.startsWith("DROP ") || upper.equals("COMMIT")) {
                continue;
            }
            if (upper.startsWith("CREATE TABLE ")) {
                sql = "CREATE TABLE IF NOT EXISTS " + sql.substring("CREATE TABLE ".length());
            } else if (upper.startsWith("CREATE INDEX ")) {
                sql = "CREATE INDEX IF NOT EXISTS " + sql.substring("CREATE INDEX ".length());
            }
            out.add(sql);
        }
        return out;
    }
}
