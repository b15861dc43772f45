package org.perflink.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.itests.KarafTestSupport;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.KarafDistributionBaseConfigurationOption;
import org.ops4j.pax.exam.karaf.options.KarafFeaturesOption;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * {@code feature:install perflink-all} on the plain Apache Karaf distribution (not PerfLink's own), from PerfLink's
 * features repository alone: every PerfLink bundle ends ACTIVE and every stage publishes its services. PerfLink's
 * classes are named, not imported: nothing of PerfLink (nor Jackson) is in the container before the install, and the
 * test probe must load first.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StockKarafIT extends KarafTestSupport {

    /** The options every PerfLink itest boots with (ports, repositories, JVM options), on another distribution. */
    private static final class Base extends PerfLinkTestSupport {
    }

    public StockKarafIT() {
        retry = new Retry(false); // a retried test hides flakiness
    }

    @Configuration
    @Override
    public Option[] config() {
        String karafVersion = System.getProperty("karaf.version");
        String version = System.getProperty("project.version");
        List<Option> options = new ArrayList<>();
        // PerfLink's distribution and its boot features out
        for (Option o : new Base().config()) {
            if (!(o instanceof KarafDistributionBaseConfigurationOption) && !(o instanceof KarafFeaturesOption)) {
                options.add(o);
            }
        }
        options.add(karafDistributionConfiguration()
                .frameworkUrl(maven("org.apache.karaf", "apache-karaf").version(karafVersion).type("tar.gz"))
                .name("Apache Karaf").karafVersion(karafVersion)
                .unpackDirectory(new File("target/exam-stock")).useDeployFolder(false));
        // only the repository: the test itself installs the feature
        options.add(features(maven("org.perflink", "perflink-features").version(version).classifier("features").type("xml")));
        return options.toArray(new Option[0]);
    }

    private List<String> stagesOf(String service) throws InvalidSyntaxException {
        ServiceReference<?>[] refs = bundleContext.getAllServiceReferences(service, null);
        List<String> stages = new ArrayList<>();
        for (ServiceReference<?> r : refs == null ? new ServiceReference<?>[0] : refs) {
            stages.add(String.valueOf(r.getProperty("perflink.stage")));
        }
        stages.sort(null);
        return stages;
    }

    private boolean registered(String service) throws InvalidSyntaxException {
        return bundleContext.getAllServiceReferences(service, null) != null;
    }

    @Test
    public void perflinkAllInstallsOnAStockKarafWithEveryBundleActiveAndTheStageServicesRegistered() throws Exception {
        assertTrue("a stock Karaf has no PerfLink before the install", perflinkBundles().isEmpty());

        // as Karaf's admin: the console's command ACLs let an admin install features
        String out = executeCommand("feature:install perflink-all", Duration.ofMinutes(5).toMillis(), false,
                new RolePrincipal("admin"));
        assertTrue("perflink-all installed: " + out, featureService.isInstalled(featureService.getFeature("perflink-all")));

        List<String> notActive = new ArrayList<>();
        for (Bundle b : bundleContext.getBundles()) {
            if (b.getSymbolicName().startsWith("org.perflink.") && b.getState() != Bundle.ACTIVE) {
                notActive.add(b.getSymbolicName() + " state " + b.getState());
            }
        }
        assertEquals("PerfLink bundles not active: " + notActive, List.of(), notActive);
        List<String> installed = perflinkBundles();
        for (String expected : List.of("org.perflink.api", "org.perflink.core", "org.perflink.store", "org.perflink.compile",
                "org.perflink.execute", "org.perflink.close", "org.perflink.camel", "org.perflink.host.http",
                "org.perflink.admin", "org.perflink.admin.web")) {
            assertTrue(expected + " installed: " + installed, installed.contains(expected));
        }

        List<String> all = List.of("CLOSE", "COMPILE", "EXECUTE");
        await().atMost(Duration.ofMinutes(2)).until(() -> stagesOf("org.perflink.api.hook.StageHook").equals(all)
                && stagesOf("org.perflink.api.stage.RuleCatalog").equals(all));
        await().atMost(Duration.ofMinutes(1)).until(() -> registered("org.perflink.api.stage.TargetCheck")
                && registered("org.perflink.api.stage.LinkSimulation")
                && registered("org.perflink.api.hook.ResultHistories") // the engine's, which perflink:simulate binds
                && registered("org.perflink.api.host.HostGateway"));
    }

    private List<String> perflinkBundles() {
        List<String> names = new ArrayList<>();
        for (Bundle b : bundleContext.getBundles()) {
            if (b.getSymbolicName().startsWith("org.perflink.")) {
                names.add(b.getSymbolicName());
            }
        }
        return names;
    }
}
