package org.perflink.itests;

import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.karaf.itests.KarafTestSupport;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.options.extra.VMOption;
import org.osgi.service.cm.Configuration.ConfigurationAttribute;
import org.perflink.api.model.Stage;
import org.perflink.store.StoreStatus;

/**
 * Boots the PerfLink distribution (the tar.gz this build made) with the mock host installed on a free
 * port, and offers the few helpers every PerfLink itest needs. Extends Karaf's own test support for its
 * shell, service and bundle helpers; its retry-on-failure rule is switched off, since a retried test
 * hides flakiness.
 */
public abstract class PerfLinkTestSupport extends KarafTestSupport {

    protected static final String MOCK_PORT = "perflink.it.mockPort";
    /** The plain HTTP port of Karaf's HTTP service (Pax Web), which serves the admin page and API. */
    protected static final String HTTP_PORT = "org.osgi.service.http.port";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    protected PerfLinkTestSupport() {
        retry = new Retry(false);
    }

    @Configuration
    @Override
    public Option[] config() {
        return baseConfig();
    }

    /** PerfLink's distribution with the mock host: what every test starts from (not overridable, so subclasses can extend it). */
    protected final Option[] baseConfig() {
        String version = System.getProperty("project.version");
        String karafVersion = System.getProperty("karaf.version");
        String mockPort = Integer.toString(freePort(18181, 18999));
        String localRepository = System.getProperty("org.ops4j.pax.url.mvn.localRepository", "");
        return withKarafJavaOptions(new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl("file:" + new File(System.getProperty("perflink.distribution")).getAbsolutePath())
                    .name("PerfLink").karafVersion(karafVersion)
                    .unpackDirectory(new File("target/exam")).useDeployFolder(false),
            configureConsole().ignoreLocalConsole(),
            logLevel(LogLevel.INFO),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(freePort(8101, 8888))),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(freePort(1099, 7999))),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(freePort(44444, 65534))),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", localRepository),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories", "https://repo1.maven.org/maven2@id=central"),
            editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "updateSnapshots", "none"),
            // the admin page and API: Karaf's HTTP service
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", HTTP_PORT, Integer.toString(freePort(19182, 19999))),
            // the mock budget system inside the container, and PerfLink pointed at it
            editConfigurationFilePut("etc/org.perflink.mockhost.cfg", "port", mockPort),
            editConfigurationFilePut("etc/org.perflink.mockhost.cfg", "bind", "127.0.0.1"),
            editConfigurationFilePut("etc/org.perflink.mockhost.cfg", "dataset", "demo"),
            editConfigurationFilePut("etc/org.perflink.host.cfg", "url", "http://127.0.0.1:" + mockPort),
            features(maven("org.perflink", "perflink-features").version(version).classifier("mock-host").type("xml"), "perflink-mock-host"),
            systemProperty(MOCK_PORT).value(mockPort),
            // how long a test's injected services (Karaf's BootFinished first) may take: the boot installs the HTTP
            // service too, and a loaded build machine (two test JVMs booting at once) needs well over Pax Exam's default 10 s
            systemProperty("pax.exam.service.timeout").value("300000"),
            keepRuntimeFolder(),
            // the base class of these tests lives in Karaf's itests common bundle
            mavenBundle("org.apache.karaf.itests", "common", karafVersion),
            mavenBundle("javax.annotation", "javax.annotation-api", "1.3.2"),
            mavenBundle("org.hamcrest", "hamcrest", System.getProperty("hamcrest.version")),
            mavenBundle("org.awaitility", "awaitility", System.getProperty("awaitility.version")),
            // Karaf 4.4 on Java 17: what bin/karaf adds to the command line
            new VMOption("--add-reads=java.xml=java.logging"),
            new VMOption("--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED"),
            new VMOption("--patch-module"), new VMOption("java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karafVersion + ".jar"),
            new VMOption("--patch-module"), new VMOption("java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karafVersion + ".jar"),
            new VMOption("--add-opens"), new VMOption("java.base/java.security=ALL-UNNAMED"),
            new VMOption("--add-opens"), new VMOption("java.base/java.net=ALL-UNNAMED"),
            new VMOption("--add-opens"), new VMOption("java.base/java.lang=ALL-UNNAMED"),
            new VMOption("--add-opens"), new VMOption("java.base/java.util=ALL-UNNAMED"),
            new VMOption("--add-opens"), new VMOption("java.naming/javax.naming.spi=ALL-UNNAMED"),
            new VMOption("--add-opens"), new VMOption("java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED"),
            new VMOption("--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED"),
            new VMOption("--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED"),
            new VMOption("--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED"),
            new VMOption("--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED"),
            new VMOption("--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED"),
            new VMOption("-classpath"), new VMOption("lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*"),
        });
    }

    /**
     * The test boots' own JVM options, {@code perflink.it.karafJavaOpts} (the pom's: C1 only and the serial GC, for
     * JVMs that live a minute; empty: as {@code bin/karaf} starts it), after the options above.
     */
    private static Option[] withKarafJavaOptions(Option[] options) {
        String opts = System.getProperty("perflink.it.karafJavaOpts", "").strip();
        if (opts.isEmpty()) {
            return options;
        }
        String[] each = opts.split("\\s+");
        Option[] all = Arrays.copyOf(options, options.length + each.length);
        for (int i = 0; i < each.length; i++) {
            all[options.length + i] = new VMOption(each[i]);
        }
        return all;
    }

    /** Failsafe runs this many test JVMs at most at once; each takes its ports from a slice of its own (see {@link #freePort}). */
    private static final int FORK_SLICES = 4;

    /**
     * The first free port of the slice of {@code [from, to]} that belongs to this test JVM ({@code perflink.it.fork},
     * Failsafe's fork number, 1 when run alone). A port is only taken when its Karaf starts, so two JVMs searching one
     * range at once would both pick its first free port: the slices keep them apart.
     */
    static int freePort(int from, int to) {
        int fork = Math.floorMod(Integer.getInteger("perflink.it.fork", 1) - 1, FORK_SLICES);
        int size = (to - from + 1) / FORK_SLICES;
        int start = from + fork * size;
        return getAvailablePort(start, start + size - 1);
    }

    // --- in the container ---------------------------------------------------------------------------

    protected String mockUrl() {
        return "http://127.0.0.1:" + System.getProperty(MOCK_PORT);
    }

    /** Creates or replaces a region's configuration, as an operator's etc/org.perflink.region-CODE.cfg would. */
    protected void configureRegion(String code, boolean compile, boolean execute, boolean close) throws IOException {
        configureRegion(code, compile, execute, close, "");
    }

    /** As {@link #configureRegion(String, boolean, boolean, boolean)}, naming a rule pack (empty: inherit the parent region's). */
    protected void configureRegion(String code, boolean compile, boolean execute, boolean close, String rulePack) throws IOException {
        configureRegion(code, null, compile, execute, close, rulePack);
    }

    /**
     * As {@link #configureRegion(String, boolean, boolean, boolean)}, with the region's {@code enabled} switch:
     * off, the region is listed as DISABLED, nothing runs for it and its undelivered results stay in the outbox.
     */
    protected void configureRegion(String code, boolean enabled, boolean compile, boolean execute, boolean close) throws IOException {
        configureRegion(code, (Boolean) enabled, compile, execute, close, "");
    }

    /** {@code enabled} null: the key is left out (the region's default, on). */
    private void configureRegion(String code, Boolean enabled, boolean compile, boolean execute, boolean close, String rulePack)
            throws IOException {
        org.osgi.service.cm.Configuration c = configurationAdmin.getFactoryConfiguration("org.perflink.region", code, "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("regionCode", code);
        if (enabled != null) {
            props.put("enabled", enabled);
        }
        props.put("compileEnabled", compile);
        props.put("executeEnabled", execute);
        props.put("closeEnabled", close);
        props.put("pollIntervalSeconds", 1);
        props.put("rulePack", rulePack);
        c.update(props);
        if (c.getAttributes().contains(ConfigurationAttribute.READ_ONLY)) {
            throw new IllegalStateException("region configuration is read-only");
        }
    }

    /**
     * Creates or replaces a rule pack, as an operator's etc/org.perflink.rulepack-NAME.cfg would: version 1 and
     * the given parameter overrides (e.g. {@code exAnte.threshold}).
     */
    protected void configureRulePack(String name, Map<String, ?> parameters) throws IOException {
        org.osgi.service.cm.Configuration c = configurationAdmin.getFactoryConfiguration("org.perflink.rulepack", name, "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("name", name);
        props.put("version", "1");
        parameters.forEach(props::put);
        c.update(props);
    }

    /**
     * The properties of the region's configuration as ConfigurationAdmin holds them (whoever made it: this support,
     * a {@code perflink:} command or an etc/ file), keyed as in the file; empty when the region has none.
     */
    protected Map<String, String> regionConfiguration(String code) throws Exception {
        org.osgi.service.cm.Configuration[] all = configurationAdmin.listConfigurations(
                "(&(service.factoryPid=org.perflink.region)(regionCode=" + code + "))");
        Map<String, String> props = new java.util.TreeMap<>();
        if (all == null) {
            return props;
        }
        if (all.length > 1) {
            throw new IllegalStateException(all.length + " configurations for region " + code);
        }
        Dictionary<String, Object> d = all[0].getProperties();
        for (java.util.Enumeration<String> keys = d.keys(); keys.hasMoreElements(); ) {
            String key = keys.nextElement();
            if (!key.startsWith("service.") && !key.startsWith("felix.")) {
                props.put(key, String.valueOf(d.get(key)));
            }
        }
        return props;
    }

    /** The admin page and API of this container (the HTTP service's port, {@code org.ops4j.pax.web}), e.g. {@code http://127.0.0.1:19182}. */
    protected String adminUrl() throws IOException {
        Dictionary<String, Object> props = configurationAdmin.getConfiguration("org.ops4j.pax.web", null).getProperties();
        Object port = props == null ? null : props.get(HTTP_PORT);
        if (port == null) {
            throw new IllegalStateException("no " + HTTP_PORT + " in org.ops4j.pax.web");
        }
        return "http://127.0.0.1:" + port.toString().strip();
    }

    protected void deleteRegion(String code) throws IOException {
        configurationAdmin.getFactoryConfiguration("org.perflink.region", code, "?").delete();
    }

    /** The base configuration with the mock host speaking contract v1.1, and any further options. */
    protected Option[] configWithV11Host(Option... more) {
        Option[] base = baseConfig();
        Option[] all = Arrays.copyOf(base, base.length + 1 + more.length);
        all[base.length] = editConfigurationFilePut("etc/org.perflink.host.cfg", "contract", "1.1");
        System.arraycopy(more, 0, all, base.length + 1, more.length);
        return all;
    }

    /** Waits until the region's cursor of a stage is at its feed's last event and nothing is left to deliver. */
    protected void awaitStage(StoreStatus store, String region, Stage stage) throws Exception {
        String last = lastSeq(region);
        await().atMost(Duration.ofMinutes(2)).until(() -> last.equals(store.status(region).cursors().get(stage)));
        await().atMost(Duration.ofMinutes(1)).until(() -> store.status(region).backlog() == 0);
    }

    /** Appends the dataset's scripted events of a stage to one region's feed. */
    protected void script(String region, String stage) throws Exception {
        post("/mock/regions/" + region + "/stage-events:script?stage=" + stage);
    }

    /** Appends the dataset's scripted events of one stage and phase to one region's feed. */
    protected void script(String region, String stage, String phase) throws Exception {
        post("/mock/regions/" + region + "/stage-events:script?stage=" + stage + "&phase=" + phase);
    }

    /** What the mock host received: one row per id, with the latest body. */
    protected JsonNode received(String region, String kind) throws Exception {
        return get("/mock/received?region=" + region + "&kind=" + kind + "&bodies=true");
    }

    protected JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(mockUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + " → " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    protected void post(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(mockUrl() + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() / 100 != 2) {
            throw new IOException("POST " + path + " → " + r.statusCode() + " " + r.body());
        }
    }

    /** POSTs a JSON body (object or array) to the mock host; returns its JSON answer. */
    protected JsonNode post(String path, Object body) throws Exception {
        String json = body instanceof String text ? text : JSON.writeValueAsString(body);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(mockUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() / 100 != 2) {
            throw new IOException("POST " + path + " → " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** Every event a region's feed holds at the mock host, in seq order. */
    protected JsonNode events(String region) throws Exception {
        return get("/mock/regions/" + region + "/stage-events").path("items");
    }

    /** The seq of the last event of a region's feed, as the stage cursors store it; null for an empty feed. */
    protected String lastSeq(String region) throws Exception {
        JsonNode items = events(region);
        return items.size() == 0 ? null : items.get(items.size() - 1).path("seq").asText();
    }

    protected static ObjectMapper json() {
        return JSON;
    }

    protected static Map<String, JsonNode> byId(JsonNode received) {
        Map<String, JsonNode> rows = new java.util.TreeMap<>();
        received.path("items").forEach(row -> rows.put(row.path("id").asText(), row));
        return rows;
    }
}
