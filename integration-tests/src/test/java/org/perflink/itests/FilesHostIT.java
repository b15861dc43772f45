package org.perflink.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.perflink.host.files.FormWorkbooks;

/**
 * The file-drop host in Karaf (docs/host-files.md): a 申报表 workbook dropped into a region's folder comes back as
 * verdicts beside it (JSON and workbook) with the file in done/; the same projects through HTTP (the mock host) give
 * the same result ids and bodies; a bad cell is a finding naming it; a folder gone away is an outage that loses
 * nothing; a file still being written is not read.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FilesHostIT extends PerfLinkTestSupport {

    private static final String HOST = "it";
    /** 440000's DECLARED event of the demo dataset (EXPECTED.md). */
    private static final List<String> DECLARED = List.of("440000-2027-000101", "440000-2027-000102", "440000-2027-000103",
            "440000-2027-000104", "440000-2027-000105", "440000-2027-000106", "440000-2027-000107");

    @Configuration
    @Override
    public Option[] config() {
        Option[] base = super.config();
        Option[] all = Arrays.copyOf(base, base.length + 1);
        all[base.length] = features(maven("org.perflink", "perflink-features").version(System.getProperty("project.version"))
                .classifier("features").type("xml"), "perflink-host-files");
        return all;
    }

    private Path drop() throws Exception {
        Path drop = Path.of(System.getProperty("karaf.data"), "drop");
        org.osgi.service.cm.Configuration c = configurationAdmin.getFactoryConfiguration("org.perflink.host.files", HOST, "?");
        if (c.getProperties() == null) {
            Dictionary<String, Object> props = new Hashtable<>();
            props.put("name", HOST);
            props.put("folder", drop.toString());
            props.put("stableMillis", 1500L);
            c.update(props);
        }
        return drop;
    }

    /** A compile-only region reached through the file-drop host. */
    private void filesRegion(String code) throws Exception {
        org.osgi.service.cm.Configuration c = configurationAdmin.getFactoryConfiguration("org.perflink.region", code, "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("regionCode", code);
        props.put("host", HOST);
        props.put("compileEnabled", true);
        props.put("executeEnabled", false);
        props.put("closeEnabled", false);
        props.put("pollIntervalSeconds", 1);
        c.update(props);
    }

    /** The demo's projects of 440000 (from the mock host's contract API), renamed into {@code region}. */
    private List<JsonNode> projects(List<String> codes, String region) throws Exception {
        JsonNode page = get("/api/v1/regions/440000/projects?year=2027&limit=1000&codes=" + String.join(",", codes));
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : page.path("items")) {
            out.add(json().readTree(rename(p.toString(), "440000", region)));
        }
        return out;
    }

    /** Region codes in project codes and regionCode fields only (an amount such as 4400000.00 stays). */
    private static String rename(String json, String from, String to) {
        return json.replace(from + "-", to + "-").replace("\"" + from + "\"", "\"" + to + "\"");
    }

    private static byte[] declaration(List<JsonNode> projects, String phase) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FormWorkbooks.declaration(out, projects, phase);
        return out.toByteArray();
    }

    private static void dropReady(Path inbox, String name, byte[] content) throws Exception {
        Files.createDirectories(inbox);
        Files.write(inbox.resolve(name), content);
        Files.write(inbox.resolve(name + ".ready"), new byte[0]);
    }

    private JsonNode results(Path done, String file) throws Exception {
        Path json = done.resolve(file + ".results.json");
        return Files.exists(json) ? json().readTree(Files.readAllBytes(json)) : json().createObjectNode();
    }

    @Test
    public void aWorkbookComesBackBesideItAndAsThroughHttp() throws Exception {
        String region = "441900";
        Path inbox = drop().resolve(region);
        filesRegion(region);
        configureRegion("440000", true, false, false);
        script("440000", "COMPILE", "DECLARED");
        dropReady(inbox, "申报表.xlsx", declaration(projects(DECLARED, region), "DECLARED"));

        await().atMost(Duration.ofMinutes(3)).until(() -> results(inbox.resolve("done"), "申报表.xlsx").path("results").size() == DECLARED.size());
        await().atMost(Duration.ofMinutes(2)).until(() -> received("440000", "verdict").path("ids").asInt() == DECLARED.size());
        assertFalse("taken from the inbox", Files.exists(inbox.resolve("申报表.xlsx")));
        assertTrue("moved to done/", Files.exists(inbox.resolve("done/申报表.xlsx")));
        assertTrue("the workbook of results beside it", Files.size(inbox.resolve("done/申报表.xlsx.results.xlsx")) > 0);

        // one truth across adapters: the same ids and bodies (the region renamed back; checkedAt is the clock's)
        Map<String, JsonNode> viaHttp = new TreeMap<>();
        received("440000", "verdict").path("items").forEach(r -> viaHttp.put(r.path("id").asText(), comparable(r.path("body"))));
        Map<String, JsonNode> viaFiles = new TreeMap<>();
        for (JsonNode r : results(inbox.resolve("done"), "申报表.xlsx").path("results")) {
            JsonNode body = json().readTree(rename(r.path("body").toString(), region, "440000"));
            viaFiles.put(rename(r.path("id").asText(), region, "440000"), comparable(body));
        }
        assertEquals(viaHttp.keySet(), viaFiles.keySet());
        assertEquals(viaHttp, viaFiles);
    }

    private static JsonNode comparable(JsonNode body) {
        ObjectNode copy = body.deepCopy();
        copy.remove("checkedAt");
        return copy;
    }

    @Test
    public void aBadCellIsAFindingNamingItAndTheRestOfTheFileGoesOn() throws Exception {
        String region = "441901";
        Path inbox = drop().resolve(region);
        filesRegion(region);
        List<JsonNode> projects = projects(DECLARED.subList(0, 2), region);
        ((ObjectNode) projects.get(0)).put("budgetAmount", "五百万");
        dropReady(inbox, "bad.xlsx", declaration(projects, "DECLARED"));

        await().atMost(Duration.ofMinutes(3)).until(() -> results(inbox.resolve("done"), "bad.xlsx").path("results").size() == 2);
        Map<String, JsonNode> byProject = new TreeMap<>();
        results(inbox.resolve("done"), "bad.xlsx").path("results").forEach(r -> byProject.put(r.path("subject").asText(), r));
        JsonNode bad = byProject.get("441901-2027-000101");
        assertEquals("BLOCK", bad.path("body").path("outcome").asText());
        JsonNode finding = bad.path("body").path("findings").get(0);
        assertEquals("INPUT_INVALID", finding.path("ruleId").asText());
        assertTrue("names sheet, row and column: " + finding, finding.path("path").asText()
                .matches("工作表「441901-2027-000101」第\\d+行C列 \\(C\\d+\\)"));
        assertEquals(finding.path("path").asText(), bad.path("findingCells").get(0).asText());
        JsonNode other = byProject.get("441901-2027-000102");
        assertEquals("the rest of the file is checked as usual", "441901-2027-000102.DECLARED.r1", other.path("id").asText());
        assertTrue("with its own findings: " + other, other.path("body").path("findings").findValuesAsText("ruleId").stream()
                .noneMatch("INPUT_INVALID"::equals));
    }

    @Test
    public void aFolderGoneAwayIsAnOutageAndNothingIsLost() throws Exception {
        String region = "441902";
        Path inbox = drop().resolve(region);
        Files.createDirectories(inbox);
        filesRegion(region);
        // the folder is polled (and its state opened) before it goes away
        await().atMost(Duration.ofMinutes(2)).until(() -> Files.exists(inbox.resolve("done")));
        // an unmounted share: gone. (Karaf runs as root here, which reads a folder whatever its permissions say.)
        Path away = inbox.resolveSibling(region + ".away");
        Files.move(inbox, away);
        dropReady(away, "late.xlsx", declaration(projects(DECLARED.subList(2, 3), region), "DECLARED"));
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8)).until(() -> !Files.exists(inbox));
        assertTrue("not taken while the folder was away", Files.exists(away.resolve("late.xlsx")));
        Files.move(away, inbox);
        await().atMost(Duration.ofMinutes(3)).until(() -> results(inbox.resolve("done"), "late.xlsx").path("results").size() == 1);
        assertTrue(Files.exists(inbox.resolve("done/late.xlsx")));
    }

    @Test
    public void aFileStillBeingWrittenIsNotRead() throws Exception {
        String region = "441903";
        Path inbox = drop().resolve(region);
        Files.createDirectories(inbox);
        filesRegion(region);
        byte[] whole = declaration(projects(DECLARED.subList(3, 4), region), "DECLARED");
        Path file = inbox.resolve("slow.xlsx");
        // a slow copier: a growing prefix every 500 ms, never stable for the 1.5 s the host waits
        java.util.concurrent.atomic.AtomicInteger length = new java.util.concurrent.atomic.AtomicInteger(whole.length / 4);
        java.util.concurrent.ScheduledExecutorService copier = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        Files.write(file, Arrays.copyOf(whole, length.get()));
        copier.scheduleAtFixedRate(() -> {
            try {
                Files.write(file, Arrays.copyOf(whole, Math.min(length.addAndGet(97), whole.length - 1)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, 500, 500, java.util.concurrent.TimeUnit.MILLISECONDS);
        try {
            await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(9)).until(() ->
                    Files.exists(file) && !Files.exists(inbox.resolve("failed/slow.xlsx")));
        } finally {
            copier.shutdownNow();
            copier.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        }
        Files.write(file, whole);
        await().atMost(Duration.ofMinutes(3)).until(() -> results(inbox.resolve("done"), "slow.xlsx").path("results").size() == 1);
        assertFalse(Files.exists(inbox.resolve("failed/slow.xlsx")));
    }

    /**
     * The v1.1 pulls the stages now make (docs/host-files.md, CSV): the lower regions' transfer baselines
     * ({@code subregions}), notice feedback and the evaluator registry, from CSV in the folder, read as the mock host's
     * HTTP items of the same demo regions; a CLOSE/FOLLOW_UP event with its cut-off from an events CSV; a baseline
     * that is not an amount is an invalid item naming its cell.
     */
    @Test
    public void theV11PullsAreServedFromCsvAsOverHttp() throws Exception {
        String region = "441904"; // no region configuration: only this test polls the folder
        Path inbox = drop().resolve(region);
        org.perflink.api.host.HostGateway files = getOsgiService(org.perflink.api.host.HostGateway.class,
                "(" + org.perflink.api.host.HostGateway.HOST_PROPERTY + "=" + HOST + ")", 60_000);
        org.perflink.api.host.HostGateway v11 = files.forContract(org.perflink.api.host.HostGateway.CONTRACT_1_1);
        List<JsonNode> subregions = items(get("/api/v1/regions/440400/subregions?year=2027&budgetYear=2028&limit=1000"));
        List<JsonNode> feedback = items(get("/api/v1/regions/460100/notice-feedback?year=2027&limit=1000"));
        List<JsonNode> evaluators = items(get("/api/v1/regions/440400/evaluators?limit=1000"));
        assertEquals("440400's two lower regions in the demo dataset", 2, subregions.size());
        assertFalse(feedback.isEmpty());
        List<JsonNode> withBad = new ArrayList<>(subregions);
        withBad.add(json().readTree("{\"regionCode\": \"440409\", \"budgetYear\": 2028, \"transferBaseline\": \"六亿\"}"));
        dropReady(inbox, "k01-evaluators.csv", FormWorkbooks.itemsCsv(evaluators).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        dropReady(inbox, "k02-feedback.csv", FormWorkbooks.itemsCsv(feedback).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        dropReady(inbox, "k03-subregions.csv", FormWorkbooks.itemsCsv(withBad).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        dropReady(inbox, "k99-events.csv", FormWorkbooks.eventsCsv(List.of(json().readTree("{\"stage\": \"CLOSE\", "
                + "\"phase\": \"FOLLOW_UP\", \"year\": 2027, \"asOf\": \"2028-08-10\", \"occurredAt\": "
                + "\"2028-08-10T18:00:00+08:00\"}"))).getBytes(java.nio.charset.StandardCharsets.UTF_8));

        List<org.perflink.api.model.StageEvent> events = new ArrayList<>();
        await().atMost(Duration.ofMinutes(1)).until(() -> {
            events.addAll(files.stageEvents(region, events.isEmpty() ? null : Long.toString(events.get(events.size() - 1).seq()), 100).items());
            return !events.isEmpty();
        });
        assertEquals(org.perflink.api.model.Phase.FOLLOW_UP, events.get(0).phase());
        assertEquals(java.time.LocalDate.parse("2028-08-10"), events.get(0).asOf());
        assertEquals("the data files imply no event", 1, events.size());

        com.fasterxml.jackson.databind.ObjectMapper contract = org.perflink.host.http.HostJson.newMapper();
        var lower = v11.subregions(region, 2027, 2028, null, 100).items();
        assertEquals(3, lower.size());
        for (int i = 0; i < subregions.size(); i++) {
            assertEquals(contract.treeToValue(subregions.get(i), org.perflink.api.model.Subregion.class), lower.get(i).value());
        }
        assertFalse(lower.get(2).valid());
        assertEquals("文件 k03-subregions.csv 第4行「transferBaseline」列", lower.get(2).errorPath());
        assertTrue("a 1.0 host is not asked", files.subregions(region, 2027, 2028, null, 100).items().isEmpty());
        assertTrue("another budget year", v11.subregions(region, 2028, 2029, null, 100).items().isEmpty());

        var fed = v11.noticeFeedback(region, 2027, null, 100).items();
        assertEquals(feedback.size(), fed.size());
        for (int i = 0; i < feedback.size(); i++) {
            assertEquals(contract.treeToValue(feedback.get(i), org.perflink.api.model.NoticeFeedback.class), fed.get(i).value());
        }
        var registry = v11.evaluators(region, null, 100).items();
        assertEquals(evaluators.size(), registry.size());
        for (int i = 0; i < evaluators.size(); i++) {
            assertEquals(contract.treeToValue(evaluators.get(i), org.perflink.api.model.Evaluator.class), registry.get(i).value());
        }
    }

    private static List<JsonNode> items(JsonNode page) {
        List<JsonNode> out = new ArrayList<>();
        page.path("items").forEach(out::add);
        return out;
    }
}
