package org.perflink.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perflink.api.model.Stage;
import org.perflink.store.OutboxItem;

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

    @Test
    void queuingManyResultsInOneEventDoesNotWriteTheFileForEachIdentityReservation() throws SQLException {
        int n = 2_000;
        long writesBefore = fileWrites();

        handleEvent(store, REGION, Stage.EXECUTE, event(5), "5", tx -> {
            for (int i = 0; i < n; i++) {
                tx.add(warning("p" + i + ".2027-07-31.EXECUTION_LAG", "p" + i), "{\"i\":" + i + "}", "h" + i);
            }
        });

        // H2 writes a chunk at the commit and whenever a megabyte or so is unsaved: a handful here. With H2's
        // default identity cache of 32 it committed its metadata, and so wrote a chunk, every 32 rows: 65 writes
        long writes = fileWrites() - writesBefore;
        assertTrue(writes < n / 100, "file writes for one event of " + n + " results: " + writes);
        assertEquals(n, outboxRows("1 = 1"));
    }

    @Test
    void theOutboxKeepsOnlyTheIndexesThatSomethingReads() {
        assertEquals(0, query("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'PL_OUTBOX' "
                + "AND INDEX_NAME IN ('PL_OUTBOX_RESULT', 'PL_OUTBOX_SUBJECT')"));
        assertEquals(10_000, query("SELECT IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS "
                + "WHERE TABLE_NAME = 'PL_OUTBOX' AND COLUMN_NAME = 'SEQ'"));
    }

    @Test
    void markingResultsDeliveredDoesNotRewriteTheirBodies() throws SQLException {
        int n = 2_000;
        String pad = "x".repeat(2_000);
        handleEvent(store, REGION, Stage.EXECUTE, event(5), "5", tx -> {
            for (int i = 0; i < n; i++) {
                tx.add(warning("p" + i + ".2027-07-31.EXECUTION_LAG", "p" + i), "{\"i\":" + i + ",\"pad\":\"" + pad
                        + "\"}", "h" + i);
            }
        });
        List<Long> seqs = store.outbox().pending(REGION, clock.instant(), n).stream().map(OutboxItem::seq).toList();
        long before = fileInfo("info.FILE_WRITE_BYTES");

        for (int from = 0; from < n; from += 500) {
            store.outbox().delivered(REGION, seqs.subList(from, from + 500));
        }

        // the bodies are 4 MB. When the outbox and ledger rows carried them, marking them delivered rewrote both, and
        // the pages around them: 52 MB written (measured); now the narrow rows and their indexes: 1.5 MB
        long written = fileInfo("info.FILE_WRITE_BYTES") - before;
        assertTrue(written < (long) n * pad.length(), "bytes written to mark " + n + " results delivered: " + written);
        assertEquals(n, store.status().status(REGION).delivered());
    }

    private long fileWrites() throws SQLException {
        return fileInfo("info.FILE_WRITE");
    }

    private long fileInfo(String setting) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                        + "WHERE SETTING_NAME = '" + setting + "'")) {
            assertTrue(rs.next());
            return Long.parseLong(rs.getString(1));
        }
    }

    @Override
    void closeDatabase(DataSource dataSource) throws Exception {
        // DB_CLOSE_DELAY=-1 keeps it open; SHUTDOWN closes the file as the OSGi component does
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }
}
