package org.perflink.store.internal;

import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The store's contract on PostgreSQL, when {@code PERFLINK_TEST_PG_URL} (and {@code _USER},
 * {@code _PASSWORD}) name a database the tests may empty: {@code eval "$(bash .ci/postgres.sh)"}
 * starts one. Each test drops the store's tables first.
 */
@EnabledIfEnvironmentVariable(named = "PERFLINK_TEST_PG_URL", matches = "jdbc:postgresql:.+")
class PostgresStoreTest extends StorePartsContractTest {

    private static final String[] TABLES = {"pl_body", "pl_public_record", "pl_result", "pl_outbox", "pl_dead_letter", "pl_cursor", "pl_region", "pl_event_log",
        "pl_audit", "pl_schema_version"};

    @Override
    DataSource emptyDatabase() throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(System.getenv("PERFLINK_TEST_PG_URL"));
        ds.setUser(System.getenv("PERFLINK_TEST_PG_USER"));
        ds.setPassword(System.getenv("PERFLINK_TEST_PG_PASSWORD"));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                s.execute("DROP TABLE IF EXISTS " + table);
            }
        }
        return ds;
    }

    @Override
    void closeDatabase(DataSource dataSource) {
        // nothing is held open: every operation has its own connection
    }
}
