package org.perflink.admin.internal;

import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.perflink.admin.api.AdminOperations;
import org.perflink.core.RegionSettings;
import org.perflink.core.RulePacks;
import org.perflink.store.AuditLog;
import org.perflink.store.PublicRecords;
import org.perflink.store.DeadLetters;
import org.perflink.store.ResultLedger;
import org.perflink.store.StoreStatus;

/**
 * Registers {@link AdminJson} as the {@link AdminOperations} service the admin web bundle calls: the same store,
 * rule packs, region configurations and live status the {@code perflink:} commands read.
 */
@Component(service = {}, immediate = true)
public final class AdminOperationsComponent {

    @Reference
    private StoreStatus store;

    @Reference
    private DeadLetters deadLetters;

    @Reference
    private ResultLedger results;

    @Reference
    private AuditLog audit;

    @Reference
    private RulePacks rulePacks;

    @Reference
    private PublicRecords publicRecords;

    @Reference
    private ConfigurationAdmin configAdmin;

    /** Every configured region, disabled ones included; replaced by SCR as regions come and go. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<RegionSettings> regions;

    private ServiceRegistration<AdminOperations> registration;

    @Activate
    void activate(BundleContext context) {
        AdminJson operations = new AdminJson(() -> {
            List<RegionSettings> r = regions;
            return r == null ? List.of() : r;
        }, store, deadLetters, results, audit, rulePacks, new RegionConfigEditor(configAdmin, RegionConfigEditor.karafEtc()),
                () -> LiveStatus.read(LiveStatus.defaultFile()), Clock.systemUTC(), new ObjectMapper(), publicRecords);
        registration = context.registerService(AdminOperations.class, operations, null);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }
}
