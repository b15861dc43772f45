package org.perflink.admin.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.perflink.core.RulePacks;
import org.perflink.store.AuditLog;
import org.perflink.store.EventLedger;
import org.perflink.store.PublicRecords;
import org.perflink.store.ResultLedger;
import org.perflink.store.StoreStatus;

/**
 * Runs {@link DisclosureWriter} on a thread of its own, every {@value #INTERVAL_SECONDS} seconds (system property
 * {@code perflink.disclosure.intervalSeconds}): the open-data export follows the handled events without the stages
 * waiting for it, and a region's run never waits for a disk.
 */
@Component(service = {}, immediate = true)
public final class DisclosureWriterComponent {

    static final long INTERVAL_SECONDS = 5;

    private final ScheduledExecutorService timer;

    @Activate
    public DisclosureWriterComponent(@Reference StoreStatus regions, @Reference EventLedger ledger,
            @Reference PublicRecords records, @Reference ResultLedger results, @Reference RulePacks packs,
            @Reference AuditLog audit) {
        DisclosureWriter writer = new DisclosureWriter(regions, ledger, records, results, packs, audit);
        long interval = Math.max(1, Long.getLong("perflink.disclosure.intervalSeconds", INTERVAL_SECONDS));
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "perflink-disclosure");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(writer::tick, interval, interval, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }
}
