package org.perflink.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.Server;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.perflink.api.model.ResultKind;
import org.perflink.host.sql.ExchangeLoader;
import org.perflink.host.sql.ExchangeSchema;
import org.perflink.host.sql.HttpHostCopy;
import org.perflink.store.StoreStatus;

/**
 * The exchange-database adapter in Karaf: region 440000 reads the demo dataset from an H2 exchange database (an H2
 * TCP server, so that the test can take it down) and writes its verdicts into {@code pl_verdicts}. The database is
 * down when the region starts, then back: every verdict arrives once, with the rules the HTTP loop gives
 * (CompileLoopIT), and the bad row (000133) is an INPUT_INVALID verdict naming table, key and column.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SqlHostIT extends PerfLinkTestSupport {

    private static final String REGION = "440000";
    private static final int PROJECTS = 33;
    private Server server;

    @Configuration
    @Override
    public Option[] config() {
        Option[] base = super.config();
        Option[] all = Arrays.copyOf(base, base.length + 1);
        String version = System.getProperty("project.version");
        all[base.length] = features(maven("org.perflink", "perflink-features").version(version).classifier("features")
                .type("xml"), "perflink-host-sql");
        return all;
    }

    @After
    public void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    private Server startServer(int port, Path baseDir) throws Exception {
        return Server.createTcpServer("-tcpPort", Integer.toString(port), "-baseDir", baseDir.toString(), "-ifNotExists")
                .start();
    }

    /** The region's entry of {@code data/perflink/status.json} as text ("" before the first write). */
    private static String regionStatus() throws Exception {
        Path file = Path.of(System.getProperty("karaf.data"), "perflink", "status.json");
        return Files.isRegularFile(file) ? json().readTree(Files.readString(file)).path("regions").path(REGION).toString() : "";
    }

    @Test
    public void theCompileLoopOverTheExchangeDatabaseSurvivesAnOutageAndNamesTheBadRow() throws Exception {
        Path baseDir = Files.createDirectories(Path.of(System.getProperty("karaf.data"), "exchange-db"));
        int port = getAvailablePort(29092, 29999);
        String url = "jdbc:h2:tcp://127.0.0.1:" + port + "/exchange";
        server = startServer(port, baseDir);
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa");
        ds.setPassword("");
        ExchangeLoader loader = new ExchangeLoader(ds, ExchangeSchema.standard());
        loader.createSchema("h2");
        HttpHostCopy copy = new HttpHostCopy(mockUrl(), loader);
        copy.year(REGION, 2027);
        script(REGION, "COMPILE");
        assertEquals(4, copy.events(REGION, 0));

        // the database goes down before PerfLink ever reaches it
        server.stop();
        server = null;
        org.osgi.service.cm.Configuration host = configurationAdmin.getFactoryConfiguration("org.perflink.host.sql",
                "exchange", "?");
        Dictionary<String, Object> hostProps = new Hashtable<>();
        hostProps.put("url", url);
        hostProps.put("user", "sa");
        hostProps.put("pool.connectionTimeoutSeconds", 2);
        host.update(hostProps);
        org.osgi.service.cm.Configuration region = configurationAdmin.getFactoryConfiguration("org.perflink.region",
                REGION, "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("regionCode", REGION);
        props.put("host", "exchange");
        props.put("compileEnabled", true);
        props.put("executeEnabled", false);
        props.put("closeEnabled", false);
        props.put("pollIntervalSeconds", 1);
        props.put("rulePack", "");
        region.update(props);

        StoreStatus store = getOsgiService(StoreStatus.class);
        // the pull's error, as operators see it in status.json
        await().atMost(Duration.ofMinutes(1)).until(() -> regionStatus().contains("exchange database"));
        assertEquals("nothing handled while the database is down", null, store.status(REGION).cursors().get(
                org.perflink.api.model.Stage.COMPILE));

        server = startServer(port, baseDir); // back
        await().atMost(Duration.ofMinutes(2)).until(() -> loader.results(ResultKind.VERDICT).path("items").size() >= PROJECTS);
        await().atMost(Duration.ofMinutes(1)).until(() -> store.status(REGION).backlog() == 0);
        assertEquals("4", store.status(REGION).cursors().get(org.perflink.api.model.Stage.COMPILE));

        Map<String, JsonNode> byProject = new HashMap<>();
        for (JsonNode row : loader.results(ResultKind.VERDICT).path("items")) {
            assertTrue(row.path("id").asText(), row.path("id").asText().matches(
                    "440000-2027-\\d{6}\\.(DECLARED|REVIEWED|APPROVED|PUBLISHED)\\.r\\d+"));
            byProject.put(row.path("body").path("projectCode").asText(), row.path("body"));
        }
        assertEquals("one verdict per project, each id once", PROJECTS, byProject.size());
        assertEquals("PASS", byProject.get("440000-2027-000101").path("outcome").asText());
        assertEquals("EX_ANTE_REQUIRED", byProject.get("440000-2027-000102").path("findings").path(0).path("ruleId").asText());
        assertEquals("COST_EXCEEDS_BUDGET", byProject.get("440000-2027-000120").path("findings").path(0).path("ruleId").asText());
        assertEquals("WARN", byProject.get("440000-2027-000125").path("outcome").asText());

        JsonNode invalid = byProject.get("440000-2027-000133");
        assertNotNull("the bad row has its verdict", invalid);
        JsonNode finding = invalid.path("findings").path(0);
        assertEquals("BLOCK", invalid.path("outcome").asText());
        assertEquals("INPUT_INVALID", finding.path("ruleId").asText());
        assertEquals("budgetAmount", finding.path("path").asText());
        String message = finding.path("figures").path("error").asText();
        assertTrue(message, message.contains("pl_projects") && message.contains("440000-2027-000133")
                && message.contains("column body"));
        assertEquals("the HTTP host received nothing", 0, received(REGION, "verdict").path("ids").asInt());
    }
}
