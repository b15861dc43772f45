package org.perflink.camel.internal;

import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

/**
 * {@link TwoNodeClusterContract} on an in-memory H2 in PostgreSQL mode (the engine refuses H2 for a real cluster:
 * its nodes cannot share an embedded database; two schedulers in one JVM can), so the contract runs in every build;
 * {@link PostgresTwoNodeClusterTest} runs it on PostgreSQL.
 */
class H2TwoNodeClusterTest extends TwoNodeClusterContract {

    @Override
    DataSource emptyDatabase() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:cluster-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000");
        ds.setUser("sa");
        return ds;
    }
}
