package org.perflink.host.sql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.perflink.api.host.Delivery;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.ExecutionSnapshot;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.ResultKind;
import org.perflink.host.sql.ExchangeLoader;
import org.perflink.host.sql.ExchangeSchema;
import org.perflink.host.sql.ExchangeSchema.Input;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL DDL and the adapter's SQL on PostgreSQL, when {@code PERFLINK_TEST_PG_URL} (and {@code _USER},
 * {@code _PASSWORD}) name a database, as for the store (README, Tests): a schema of its own per test.
 */
@EnabledIfEnvironmentVariable(named = "PERFLINK_TEST_PG_URL", matches = "jdbc:postgresql:.+")
class PostgresExchangeTest {

    private final ObjectMapper json = new ObjectMapper();
    private PGSimpleDataSource ds;
    private String schema;

    @BeforeEach
    void open() throws Exception {
        ds = new PGSimpleDataSource();
        ds.setURL(System.getenv("PERFLINK_TEST_PG_URL"));
        ds.setUser(System.getenv("PERFLINK_TEST_PG_USER"));
        ds.setPassword(System.getenv("PERFLINK_TEST_PG_PASSWORD"));
        schema = "hostsql_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        ds.setCurrentSchema(schema);
        new ExchangeLoader(ds, ExchangeSchema.standard()).createSchema("postgresql");
    }

    @AfterEach
    void drop() throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Test
    void readsByDateAndKeyAndUpsertsOnPostgresql() throws Exception {
        ExchangeLoader loader = new ExchangeLoader(ds, ExchangeSchema.standard());
        for (String code : List.of("440000-2027-000002", "440000-2027-000001", "440000-2027-000003")) {
            ObjectNode item = (ObjectNode) json.readTree("{\"projectCode\": \"" + code + "\", \"year\": 2027, "
                    + "\"asOf\": \"2027-07-31\", \"budgetAmount\": \"100.00\", \"paidAmount\": \"40.00\", \"indicators\": []}");
            loader.put(Input.EXECUTION, "440000", 2027, LocalDate.of(2027, 7, 31), item, 0);
        }
        ObjectNode bad = (ObjectNode) json.readTree("{\"projectCode\": \"440000-2027-000004\", \"year\": 2027, "
                + "\"asOf\": \"2027-07-31\", \"budgetAmount\": \"-1.00\", \"paidAmount\": \"0.00\"}");
        loader.put(Input.EXECUTION, "440000", 2027, LocalDate.of(2027, 7, 31), bad, 0);
        SqlHostGateway g = new SqlHostGateway(ds, ExchangeSchema.standard(), "1.0", 200, Clock.systemUTC());

        var first = g.execution("440000", 2027, LocalDate.of(2027, 7, 31), null, 2);
        assertEquals(List.of("440000-2027-000001", "440000-2027-000002"), first.items().stream().map(Parsed::key).toList());
        var second = g.execution("440000", 2027, LocalDate.of(2027, 7, 31), first.nextCursor(), 2);
        List<Parsed<ExecutionSnapshot>> rest = second.items();
        assertEquals(2, rest.size());
        assertFalse(rest.get(1).valid());
        assertEquals("budgetAmount", rest.get(1).errorPath());
        assertTrue(rest.get(1).error().contains("pl_execution") && rest.get(1).error().contains("440000-2027-000004"));
        assertTrue(g.execution("440000", 2027, LocalDate.of(2027, 9, 30), null, 10).items().isEmpty(), "another cut-off");

        HostResult r = new HostResult(ResultKind.WARNING, "440000", "440000-2027-000001.2027-07-31.EXECUTION_LAG",
                "440000-2027-000001", "{\"year\": 2027, \"level\": \"RED\"}");
        assertEquals(201, g.deliver(r).httpStatus());
        assertEquals(200, g.deliver(r).httpStatus());
        assertEquals(1, loader.results(ResultKind.WARNING).path("items").size());
        Delivery tooLong = g.deliver(new HostResult(ResultKind.WARNING, "4400001", "x", "x", "{\"year\": 2027}"));
        assertEquals(Delivery.Status.PERMANENT, tooLong.status(), tooLong.reason());
    }
}
