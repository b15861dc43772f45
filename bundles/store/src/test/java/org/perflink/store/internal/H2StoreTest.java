package org.perflink.store.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.io.TempDir;

/** The store's contract on an embedded H2 file database, as the bundle uses it by default. Always runs. */
class H2StoreTest extends StorePartsContractTest {

    @TempDir
    Path dir;
    private int databases;

    @Override
    DataSource emptyDatabase() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(JdbcStore.h2FileUrl(dir.resolve("store" + ++databases)));
        ds.setUser("sa");
        ds.setPassword("");
        return ds;
    }

    @Override
    void closeDatabase(DataSource dataSource) throws Exception {
        // DB_CLOSE_DELAY=-1 keeps it open; SHUTDOWN closes the file as the OSGi component does
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }
}
