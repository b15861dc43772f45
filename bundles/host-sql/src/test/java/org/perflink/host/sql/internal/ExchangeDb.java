package org.perflink.host.sql.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.perflink.host.sql.ExchangeLoader;
import org.perflink.host.sql.ExchangeSchema;

/** A fresh in-memory H2 exchange database with the standard tables, and a gateway over it. */
final class ExchangeDb implements AutoCloseable {

    final JdbcDataSource dataSource = new JdbcDataSource();
    final ExchangeLoader loader;
    private final Connection keepOpen;

    ExchangeDb() throws SQLException {
        dataSource.setURL("jdbc:h2:mem:exchange-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        keepOpen = dataSource.getConnection();
        loader = new ExchangeLoader(dataSource, ExchangeSchema.standard());
        loader.createSchema("h2");
    }

    SqlHostGateway gateway(String contract) {
        return new SqlHostGateway(dataSource, ExchangeSchema.standard(), contract, 200, Clock.systemUTC());
    }

    void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        execute("SHUTDOWN");
        keepOpen.close();
    }
}
