package org.perflink.host.sql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.perflink.core.HostRouting;

class SqlHostComponentTest {

    @Test
    void theLoggedUrlKeepsNoParameters() {
        assertEquals("jdbc:postgresql://db:5432/jx", SqlHostComponent.safeUrl("jdbc:postgresql://db:5432/jx?password=s3cret"));
        assertEquals("jdbc:h2:file:/x/exchange", SqlHostComponent.safeUrl("jdbc:h2:file:/x/exchange;PASSWORD=s3cret?a=b"));
    }

    @Test
    void theHostsNameComesFromItsFileOrFactoryPid() {
        assertEquals("gd", HostRouting.hostName(Map.of("felix.fileinstall.filename",
                "file:/opt/perflink/etc/org.perflink.host.sql-gd.cfg"), SqlHostComponent.PID));
        assertEquals("sz", HostRouting.hostName(Map.of("service.pid", "org.perflink.host.sql~sz"), SqlHostComponent.PID));
        assertEquals("named", HostRouting.hostName(Map.of("name", "named", "service.pid", "org.perflink.host.sql~sz"),
                SqlHostComponent.PID));
    }

    @Test
    void createSchemaMakesTheStandardTablesAndIsRepeatable() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:create-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        SqlHostComponent.createSchema("t", ds, "org.h2.Driver");
        SqlHostComponent.createSchema("t", ds, "org.h2.Driver");
        try (Connection c = ds.getConnection();
                ResultSet rs = c.getMetaData().getTables(null, null, "PL_%", new String[] {"TABLE"})) {
            int tables = 0;
            while (rs.next()) {
                tables++;
            }
            assertEquals(14, tables, "8 input tables (pl_subregions since the v1.1 subregions pull) and 6 results tables");
        }
        try (Connection c = ds.getConnection()) {
            assertTrue(c.createStatement().execute("SELECT id, region_code, fiscal_year, subject_code, body, written_at FROM pl_assessments"));
            assertTrue(c.createStatement().execute("SELECT region_code, budget_year, subregion_code, body FROM pl_subregions"));
            c.createStatement().execute("SHUTDOWN");
        }
    }
}
