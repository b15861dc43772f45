package org.perflink.camel.internal;

import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * {@link TwoNodeClusterContract} on PostgreSQL, as the store's PostgreSQL tests: when {@code PERFLINK_TEST_PG_URL}
 * (and {@code _USER}, {@code _PASSWORD}) name a database the tests may empty ({@code eval "$(bash .ci/postgres.sh)"}).
 * Each test drops the scheduler's tables first; the nodes share one pool, as two processes share the database.
 */
@EnabledIfEnvironmentVariable(named = "PERFLINK_TEST_PG_URL", matches = "jdbc:postgresql:.+")
class PostgresTwoNodeClusterTest extends TwoNodeClusterContract {

    private static final String[] TABLES = {"qrtz_fired_triggers", "qrtz_paused_trigger_grps", "qrtz_scheduler_state",
        "qrtz_locks", "qrtz_simple_triggers", "qrtz_cron_triggers", "qrtz_simprop_triggers", "qrtz_blob_triggers",
        "qrtz_triggers", "qrtz_job_details", "qrtz_calendars", "pl_cluster_work"};

    /** One pool for the class: the contract stops the nodes after each test, then the next test empties the tables. */
    private static HikariDataSource pool;

    @Override
    DataSource emptyDatabase() throws Exception {
        if (pool == null) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(System.getenv("PERFLINK_TEST_PG_URL"));
            config.setUsername(System.getenv("PERFLINK_TEST_PG_USER"));
            config.setPassword(System.getenv("PERFLINK_TEST_PG_PASSWORD"));
            config.setMaximumPoolSize(12);
            pool = new HikariDataSource(config);
        }
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                s.execute("DROP TABLE IF EXISTS " + table + " CASCADE");
            }
        }
        return pool;
    }

    @AfterAll
    static void closePool() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }
}
