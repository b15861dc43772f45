package org.perflink.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
import org.osgi.framework.ServiceReference;
import org.perflink.api.hook.ResultHistories;
import org.perflink.api.hook.StageHook;
import org.perflink.api.stage.LinkSimulation;
import org.perflink.api.stage.RuleCatalog;
import org.perflink.api.stage.TargetCheck;

/**
 * {@code feature:install perflink-all} on the plain Apache Karaf distribution (not PerfLink's own), from PerfLink's
 * features repository alone: every PerfLink bundle ends ACTIVE and every stage publishes its services.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StockKarafIT extends PerfLinkTestSupport {

    @Configuration
    @Override
    public Option[] config() {
        String karafVersion = System.getProperty("karaf.version");
        String version = System.getProperty("project.version");
        List<Option> options = new ArrayList<>();
        // PerfLink's distribution and its boot features out; the same ports, repositories and JVM options kept
        for (Option o : super.config()) {
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

    @Test
    public void perflinkAllInstallsOnAStockKarafWithEveryBundleActiveAndTheStageServicesRegistered() throws Exception {
        String out = executeCommand("feature:install perflink-all");
        assertTrue("perflink-all installed: " + out, featureService.isInstalled(featureService.getFeature("perflink-all")));

        List<String> perflink = new ArrayList<>();
        List<String> notActive = new ArrayList<>();
        for (Bundle b : bundleContext.getBundles()) {
            if (b.getSymbolicName().startsWith("org.perflink.")) {
                perflink.add(b.getSymbolicName());
                if (b.getState() != Bundle.ACTIVE) {
                    notActive.add(b.getSymbolicName() + " state " + b.getState());
                }
            }
        }
        assertEquals("PerfLink bundles not active: " + notActive, List.of(), notActive);
        for (String expected : List.of("org.perflink.api", "org.perflink.core", "org.perflink.store", "org.perflink.compile",
                "org.perflink.execute", "org.perflink.close", "org.perflink.camel", "org.perflink.host.http",
                "org.perflink.admin", "org.perflink.admin.web")) {
            assertTrue(expected + " installed: " + perflink, perflink.contains(expected));
        }

        getOsgiService(TargetCheck.class);
        getOsgiService(LinkSimulation.class);
        getOsgiService(ResultHistories.class); // the engine's result histories, which perflink:simulate binds
        List<String> stages = new ArrayList<>();
        for (ServiceReference<?> r : bundleContext.getAllServiceReferences(StageHook.class.getName(), null)) {
            stages.add(String.valueOf(r.getProperty(StageHook.STAGE_PROPERTY)));
        }
        stages.sort(null);
        assertEquals(List.of("CLOSE", "COMPILE", "EXECUTE"), stages);
        ServiceReference<?>[] catalogs = bundleContext.getAllServiceReferences(RuleCatalog.class.getName(), null);
        assertEquals("a rule catalogue per stage: " + Arrays.toString(catalogs), 3, catalogs == null ? 0 : catalogs.length);
    }
}
