package org.perflink.admin.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.perflink.api.model.Phase;
import org.perflink.api.model.Stage;
import org.perflink.core.RulePacks;
import org.perflink.store.AuditLog;
import org.perflink.store.EventLedger;
import org.perflink.store.HandledEvent;
import org.perflink.store.PublicRecords;
import org.perflink.store.ResultLedger;
import org.perflink.store.StoreStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the open-data export after the events host-api-v1.md names (PUBLISHED, ADJUST, EVALUATE, LINK): each
 * {@link #tick} reads every region's event log past its own cursor and, when such an event was handled since,
 * rewrites every year of the region that holds public records into {@code disclose.exportDir} (files through a
 * temporary file and a move, the manifest last: {@link Disclosure#publish}). The first tick after a start reads the
 * recent log, so an export missed while PerfLink was down is written then. While a region's log still grows (a
 * large event commits page by page) the write waits for a quiet tick, at most {@value #MAX_WAIT_TICKS} ticks, so a
 * province's export is not rewritten after every page. The event's year is not in the log, so
 * each of the region's years is rewritten: the same records give the same bytes. Runs outside the stages' threads:
 * a failure never stops a region's run. It is logged and audited ({@value #FAILED}) once per new reason and retried
 * at every tick until a write succeeds (audited as {@value #WRITTEN_AGAIN}).
 */
final class DisclosureWriter {

    private static final Logger LOG = LoggerFactory.getLogger(DisclosureWriter.class);
    static final String ACTOR = "perflink";
    static final String FAILED = "disclosure:write-failed";
    static final String WRITTEN_AGAIN = "disclosure:written-again";
    /** Log rows read per region and tick; more than this since the last tick counts as a trigger. */
    static final int WINDOW = 200;
    /** Ticks a due write may wait for the region's log to stop growing. */
    static final int MAX_WAIT_TICKS = 12;

    private final StoreStatus regions;
    private final EventLedger ledger;
    private final PublicRecords records;
    private final ResultLedger results;
    private final RulePacks packs;
    private final AuditLog audit;
    /** The last event-log id seen per region (0: none yet, the first tick reads the recent log). */
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    /** The reason of each region's failed write, retried at every tick. */
    private final Map<String, String> failed = new ConcurrentHashMap<>();
    /** The regions with an export due, and how many ticks it has waited for the log to stop growing. */
    private final Map<String, Integer> due = new ConcurrentHashMap<>();

    DisclosureWriter(StoreStatus regions, EventLedger ledger, PublicRecords records, ResultLedger results,
            RulePacks packs, AuditLog audit) {
        this.regions = regions;
        this.ledger = ledger;
        this.records = records;
        this.results = results;
        this.packs = packs;
        this.audit = audit;
    }

    /** Whether the export follows this handled event (host-api-v1.md, "Disclosure export"). */
    static boolean triggers(HandledEvent e) {
        if (e.stage() == Stage.COMPILE) {
            return Phase.PUBLISHED.name().equals(e.phase()) || Phase.ADJUST.name().equals(e.phase());
        }
        return e.stage() == Stage.CLOSE
                && (Phase.EVALUATE.name().equals(e.phase()) || Phase.LINK.name().equals(e.phase()));
    }

    /** One round over every region; never throws (a scheduled task that throws is not run again). */
    void tick() {
        List<String> codes;
        try {
            codes = regions.regions();
        } catch (RuntimeException e) {
            LOG.warn("公开数据导出暂不能读取区划 (open-data export: the store's regions cannot be read now, will retry): {}",
                    e.toString());
            return;
        }
        for (String region : codes) {
            try {
                if (due(region)) {
                    write(region);
                }
            } catch (RuntimeException e) {
                fail(region, e.toString());
            }
        }
    }

    /** The reasons of the regions whose last write failed (region → reason). */
    Map<String, String> failures() {
        return Map.copyOf(failed);
    }

    private boolean due(String region) {
        long last = seen.getOrDefault(region, 0L);
        List<HandledEvent> events = ledger.handled(region, WINDOW);
        boolean growing = !events.isEmpty() && events.get(0).id() > last; // newest first
        if (growing) {
            seen.put(region, events.get(0).id());
        }
        boolean missedSome = events.size() == WINDOW && events.get(WINDOW - 1).id() > last;
        if (missedSome || events.stream().anyMatch(e -> e.id() > last && triggers(e))) {
            due.putIfAbsent(region, 0);
        }
        if (failed.containsKey(region)) {
            return true;
        }
        Integer waited = due.get(region);
        if (waited == null) {
            return false;
        }
        if (growing && waited < MAX_WAIT_TICKS) {
            due.put(region, waited + 1);
            return false;
        }
        due.remove(region);
        return true;
    }

    /** Rewrites every year of the region that holds public records; true when there was a folder to write. */
    boolean write(String region) {
        if (packs.effective(region).string(Disclosure.EXPORT_DIR).isBlank()) {
            failed.remove(region);
            return false; // disclose.exportDir empty: the region publishes through the API only
        }
        Set<Integer> done = new java.util.TreeSet<>();
        try {
            for (int year : records.years(region)) {
                Path folder = Disclosure.folder(region, year, packs, null);
                Disclosure.publish(Disclosure.input(region, year, records, results, packs), folder);
                done.add(year);
            }
        } catch (java.io.IOException | RuntimeException e) {
            fail(region, (done.isEmpty() ? "" : "years " + done + " written; ") + e);
            return true;
        }
        String before = failed.remove(region);
        if (before != null) {
            LOG.info("open-data export of region {} written again, years {}", region, done);
            audit.record(ACTOR, WRITTEN_AGAIN, region, before, "years " + done);
        } else {
            LOG.debug("open-data export of region {} written, years {}", region, done);
        }
        return true;
    }

    private void fail(String region, String reason) {
        String before = failed.put(region, reason);
        if (!Objects.equals(before, reason)) {
            LOG.warn("公开数据导出失败 (the open-data export of region {} could not be written; retried at the next "
                    + "tick): {}", region, reason);
            try {
                audit.record(ACTOR, FAILED, region, before, reason);
            } catch (RuntimeException e) {
                LOG.warn("公开数据导出审计记录写入失败 (open-data export: the audit entry for region {} cannot be written): {}",
                        region, e.toString());
            }
        }
    }
}
