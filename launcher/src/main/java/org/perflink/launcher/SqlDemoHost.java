package org.perflink.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import org.h2.jdbcx.JdbcDataSource;
import org.perflink.api.model.ResultKind;
import org.perflink.host.sql.ExchangeLoader;
import org.perflink.host.sql.ExchangeSchema;
import org.perflink.host.sql.HttpHostCopy;

/**
 * {@code ./perflink demo --host sql}: the demo's host is an exchange database (中间库), an embedded H2 file beside
 * the demo's Karaf, which the launcher fills from the mock host (the same dataset and the same scripted events as
 * the HTTP demo) and reads the results tables of. The regions select it with {@code host = exchange}; the mock host
 * still runs, but only as the source of the data. Public for the system tests' parity of the two adapters.
 */
public final class SqlDemoHost implements AutoCloseable {

    static final String HOST_NAME = "exchange";

    private final String url;
    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final ExchangeLoader loader;
    /** Held while the demo runs: this process serves the file to Karaf (H2 AUTO_SERVER). */
    private Connection held;
    private final Map<String, Long> copiedSeq = new HashMap<>();
    private final Map<String, Integer> years = new HashMap<>();

    public SqlDemoHost(Path dir) {
        // AUTO_SERVER: the launcher and Karaf both open the file; whichever opens it first serves it to the other
        this.url = "jdbc:h2:file:" + dir.resolve("exchange/exchange").toAbsolutePath() + ";AUTO_SERVER=TRUE";
        dataSource.setURL(url);
        dataSource.setUser("sa");
        dataSource.setPassword("");
        loader = new ExchangeLoader(dataSource, ExchangeSchema.standard());
    }

    /** Creates the exchange tables, installs the adapter and points the demo regions at it. */
    public void configure(KarafInstance karaf, List<String> regions) throws IOException, SQLException {
        held = dataSource.getConnection();
        loader.createSchema("h2");
        karaf.addBootFeature("perflink-host-sql");
        karaf.writeConfig("org.perflink.host.sql-" + HOST_NAME + ".cfg", "url = " + url.replace("\\", "/")
                + "\nuser = sa\ndriver = org.h2.Driver\nDataSourceFactory.target = (osgi.jdbc.driver.class=org.h2.Driver)\n"
                + "pageSize = 200\n");
        for (String region : regions) {
            karaf.setProperty("etc/org.perflink.region-" + region + ".cfg", "host", HOST_NAME);
        }
    }

    public String describe() {
        return "exchange database (中间库) " + url.substring(0, url.indexOf(';'));
    }

    /** The regions' data for their year (and the years around it, for predecessors) and the events served so far. */
    public void copyInitial(String mockUrl, List<String> regions, JsonNode datasetSummary)
            throws IOException, InterruptedException, SQLException {
        HttpHostCopy copy = new HttpHostCopy(mockUrl, loader);
        for (String region : regions) {
            years.put(region, yearOf(datasetSummary, region));
            copyYears(copy, region);
            copy.evaluators(region);
            copiedSeq.put(region, copy.events(region, 0));
        }
    }

    private void copyYears(HttpHostCopy copy, String region) throws IOException, InterruptedException, SQLException {
        int year = years.get(region);
        for (int y = year - 1; y <= year + 1; y++) {
            copy.year(region, y);
        }
    }

    /**
     * After a stage's events were appended to the mock: the data again (as a host re-publishes what changed), the
     * cut-offs' execution data, and the events last, as a host writes an event after the data it refers to.
     */
    public void copyStage(String mockUrl, JsonNode appended) throws IOException, InterruptedException, SQLException {
        HttpHostCopy copy = new HttpHostCopy(mockUrl, loader);
        TreeSet<String> regions = new TreeSet<>();
        for (JsonNode e : appended) {
            String region = e.path("regionCode").asText();
            regions.add(region);
            if (e.hasNonNull("asOf")) {
                copy.execution(region, e.path("year").asInt(), LocalDate.parse(e.path("asOf").asText()));
            }
        }
        for (String region : regions) {
            copyYears(copy, region);
            copiedSeq.put(region, copy.events(region, copiedSeq.getOrDefault(region, 0L)));
        }
    }

    public JsonNode received(String batchName) throws SQLException {
        for (ResultKind kind : ResultKind.values()) {
            if (kind.batchName().equals(batchName)) {
                return loader.results(kind);
            }
        }
        throw new IllegalArgumentException(batchName);
    }

    /** Rows in the results tables (one per result id: writes are upserts). */
    public long resultRows() throws SQLException {
        long rows = 0;
        for (ResultKind kind : ResultKind.values()) {
            rows += loader.results(kind).path("items").size();
        }
        return rows;
    }

    private static int yearOf(JsonNode datasetSummary, String region) {
        for (JsonNode r : datasetSummary.path("regions")) {
            if (region.equals(r.path("regionCode").asText()) && r.path("year").canConvertToInt()) {
                return r.path("year").asInt();
            }
        }
        throw new IllegalStateException("the mock host's dataset has no year for region " + region);
    }

    @Override
    public void close() throws SQLException {
        if (held != null) {
            held.close();
        }
    }
}
