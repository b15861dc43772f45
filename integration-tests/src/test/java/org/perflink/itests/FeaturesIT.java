package org.perflink.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.perflink.api.hook.StageHook;
import org.perflink.core.HostSettings;
import org.perflink.core.RulePacks;
import org.perflink.store.AuditLog;
import org.perflink.store.DeadLetters;
import org.perflink.store.EventLedger;
import org.perflink.store.Outbox;
import org.perflink.store.ResultLedger;
import org.perflink.store.StoreStatus;

/** Every PerfLink feature installs and every bundle of the container is ACTIVE. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FeaturesIT extends PerfLinkTestSupport {

    @Test
    public void everyFeatureInstallsAndEveryBundleIsActive() throws Exception {
        for (String feature : List.of("perflink-all", "perflink-mock-host", "perflink-store-postgresql", "perflink-host-files")) {
            featureService.installFeature(feature);
            assertTrue(feature + " installed", featureService.isInstalled(featureService.getFeature(feature)));
        }
        List<String> notActive = new ArrayList<>();
        for (Bundle b : bundleContext.getBundles()) {
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (b.getState() != expected) {
                notActive.add(b.getSymbolicName() + " " + b.getVersion() + " state " + b.getState());
            }
        }
        assertEquals("bundles not active: " + notActive, List.of(), notActive);
    }

    @Test
    public void thePerfLinkServicesArePresent() throws Exception {
        assertNotNull(getOsgiService(HostSettings.class));
        assertNotNull(getOsgiService(RulePacks.class));
        assertNotNull(getOsgiService(StoreStatus.class));
        // each part of the store is a service of its own
        assertNotNull(getOsgiService(EventLedger.class));
        assertNotNull(getOsgiService(Outbox.class));
        assertNotNull(getOsgiService(DeadLetters.class));
        assertNotNull(getOsgiService(ResultLedger.class));
        assertNotNull(getOsgiService(AuditLog.class));
        // the database itself, for the clustered scheduler's tables (docs/cluster.md)
        assertNotNull(getOsgiService(org.perflink.store.StoreDatabase.class));
        ServiceReference<?>[] hooks = bundleContext.getAllServiceReferences(StageHook.class.getName(), null);
        List<String> stages = new ArrayList<>();
        for (ServiceReference<?> r : hooks) {
            stages.add(String.valueOf(r.getProperty(StageHook.STAGE_PROPERTY)));
        }
        stages.sort(null);
        assertEquals(List.of("CLOSE", "COMPILE", "EXECUTE"), stages);
    }
}
