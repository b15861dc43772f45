package org.perflink.mockhost.osgi;

import java.io.IOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.perflink.mockhost.Dataset;
import org.perflink.mockhost.GeneratedRegion;
import org.perflink.mockhost.MockHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the mock host inside Karaf while configuration {@code org.perflink.mockhost} exists
 * ({@code etc/org.perflink.mockhost.cfg}): started on activation, stopped on deactivation; a configuration
 * change restarts it with the new settings.
 */
@Component(name = MockHostComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = MockHostComponent.Config.class)
public final class MockHostComponent {

    public static final String PID = "org.perflink.mockhost";

    private static final Logger LOG = LoggerFactory.getLogger(MockHostComponent.class);

    @ObjectClassDefinition(id = PID, name = "PerfLink mock host",
            description = "The mock budget management integration system (模拟预算管理一体化系统), host-api-v1, for "
                    + "demos and tests. Never enable it on a production host.")
    public @interface Config {
        @AttributeDefinition(name = "Port", description = "TCP port of the mock's HTTP server", min = "0", max = "65535")
        int port() default 18181;

        @AttributeDefinition(name = "Bind address", description = "Address to listen on")
        String bind() default "127.0.0.1";

        @AttributeDefinition(name = "Dataset",
                description = "demo (the built-in demo dataset), none, or the path of a dataset JSON file")
        String dataset() default "demo";

        @AttributeDefinition(name = "Batch support", description = "Serve POST .../results:batch (404 when off)")
        boolean batch() default true;

        @AttributeDefinition(name = "Threads", description = "HTTP worker threads", min = "1", max = "64")
        int threads() default 8;

        @AttributeDefinition(name = "Write log size", description = "Writes kept by /mock/received/log", min = "0")
        int maxLog() default 100_000;

        @AttributeDefinition(name = "Keep bodies",
                description = "Keep the bodies of written results (off: counts and fingerprints only, for scale runs)")
        boolean keepBodies() default true;

        @AttributeDefinition(name = "Generated projects",
                description = "When above 0, add a generated region of this many projects")
        int generateProjects() default 0;

        @AttributeDefinition(name = "Generated region", description = "Region code of the generated region")
        String generateRegion() default "440000";

        @AttributeDefinition(name = "Generated year")
        int generateYear() default 2027;

        @AttributeDefinition(name = "Generator seed")
        long generateSeed() default 1L;
    }

    private final MockHost host;

    @Activate
    public MockHostComponent(Config config) throws IOException {
        Dataset d = Dataset.load(config.dataset());
        if (config.generateProjects() > 0) {
            d = d.with(new GeneratedRegion(config.generateRegion(), null, config.generateYear(),
                    config.generateProjects(), config.generateSeed()));
        }
        MockHost.Options o = MockHost.Options.defaults().withPort(config.port()).withBind(config.bind())
                .withBatch(config.batch()).withThreads(config.threads()).withMaxLog(config.maxLog())
                .withKeepBodies(config.keepBodies());
        host = new MockHost(o, d).start();
        LOG.info("PerfLink mock host listening on {} (dataset {}, batch {})", host.baseUri(), d.name(),
                config.batch() ? "on" : "off");
    }

    @Deactivate
    void deactivate() {
        host.stop();
        LOG.info("PerfLink mock host stopped");
    }
}
