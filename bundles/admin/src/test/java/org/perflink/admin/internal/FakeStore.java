package org.perflink.admin.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.perflink.api.model.ResultKind;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.store.AuditEntry;
import org.perflink.store.AuditLog;
import org.perflink.store.DeadLetter;
import org.perflink.store.DeadLetters;
import org.perflink.store.EventLedger;
import org.perflink.store.HandledEvent;
import org.perflink.store.Page;
import org.perflink.store.PublicRecords;
import org.perflink.store.RegionStatus;
import org.perflink.store.ResultLedger;
import org.perflink.store.StoreStatus;
import org.perflink.store.StoredResult;

/** The store as the admin commands use it: status, dead letters, replay and the audit log. */
public final class FakeStore implements StoreStatus, DeadLetters, ResultLedger, AuditLog, EventLedger, PublicRecords {

    /** Kept public records by region/year/kind, each by projectCode. */
    public final Map<String, java.util.TreeMap<String, String>> publicRecords = new HashMap<>();

    @Override
    public void forEach(String regionCode, int year, String kind, java.util.function.Consumer<PublicRecord> each) {
        publicRecords.getOrDefault(regionCode + "/" + year + "/" + kind, new java.util.TreeMap<>())
                .forEach((code, body) -> each.accept(new PublicRecord(regionCode, year, kind, code, body)));
    }

    @Override
    public List<Integer> years(String regionCode) {
        TreeSet<Integer> years = new TreeSet<>();
        publicRecords.forEach((key, bodies) -> {
            String[] k = key.split("/");
            if (k[0].equals(regionCode) && !bodies.isEmpty()) {
                years.add(Integer.parseInt(k[1]));
            }
        });
        return List.copyOf(years);
    }

    /**
     * The reports' fixture year ({@code YearFixture}: 440000's 2027, four projects) kept as the stages keep it: its
     * targets as public records, its bodies as delivered latest results.
     */
    public FakeStore withFixtureYear() {
        org.perflink.reports.YearFixture fixture = new org.perflink.reports.YearFixture();
        java.util.TreeMap<String, String> targets = new java.util.TreeMap<>();
        for (String t : fixture.targets) {
            if (t.contains("\"year\":" + org.perflink.reports.YearFixture.YEAR)) {
                targets.put(t.replaceAll(".*\"projectCode\":\"([^\"]+)\".*", "$1"), t);
            }
        }
        publicRecords.put(org.perflink.reports.YearFixture.REGION + "/" + org.perflink.reports.YearFixture.YEAR + "/"
                + org.perflink.api.hook.StageContext.PUBLIC_TARGET, targets);
        Instant at = Instant.parse("2028-04-01T02:00:00Z");
        long seq = 0;
        for (var e : fixture.results.entrySet()) {
            for (String body : e.getValue()) {
                seq++;
                stored.add(new StoredResult(seq, org.perflink.reports.YearFixture.REGION, e.getKey(), e.getKey() + "-" + seq,
                        "s" + seq, StoredResult.DELIVERED, body, at, at));
            }
        }
        return this;
    }

    /** Keeps a public record as the stages do. */
    public void keep(String regionCode, int year, String kind, String projectCode, String body) {
        publicRecords.computeIfAbsent(regionCode + "/" + year + "/" + kind, k -> new java.util.TreeMap<>())
                .put(projectCode, body);
    }

    @Override
    public long count(String regionCode, int year, String kind) {
        return publicRecords.getOrDefault(regionCode + "/" + year + "/" + kind, new java.util.TreeMap<>()).size();
    }

    public final Map<String, RegionStatus> statuses = new HashMap<>();
    public final Map<String, List<DeadLetter>> letters = new HashMap<>();
    /** Result bodies by {@code region/kind/subject}. */
    public final Map<String, List<String>> results = new HashMap<>();
    public final List<AuditEntry> audits = new ArrayList<>();
    public final List<Collection<Long>> replays = new ArrayList<>();
    /** What {@link #latestResults} returns, newest first, of every region and kind. */
    public final List<StoredResult> stored = new ArrayList<>();
    /** Cursors by {@code region/STAGE}. */
    public final Map<String, String> cursors = new HashMap<>();
    public RuntimeException statusFailure;
    /** The event log, oldest first ({@link #handled} answers newest first). */
    public final List<HandledEvent> eventLog = new ArrayList<>();

    public void letter(long id, String region, String kind, String key, int http, String reason) {
        letters.computeIfAbsent(region, r -> new ArrayList<>())
                .add(new DeadLetter(id, region, kind, key, "{}", http, reason, Instant.parse("2027-03-01T08:00:00Z")));
    }

    @Override
    public RegionStatus status(String regionCode) {
        if (statusFailure != null) {
            throw statusFailure;
        }
        return statuses.getOrDefault(regionCode, new RegionStatus(regionCode, Map.of(), 0, null, 0, 0, null, null, null));
    }

    @Override
    public List<String> regions() {
        TreeSet<String> codes = new TreeSet<>(statuses.keySet());
        codes.addAll(letters.keySet());
        return List.copyOf(codes);
    }

    @Override
    public List<String> resultsOf(String regionCode, ResultKind kind, String subject) {
        // perflink:simulate counts the RED warnings of the year, as LINK does
        return results.getOrDefault(regionCode + "/" + kind + "/" + subject, List.of());
    }

    @Override
    public List<StoredResult> latestResults(String regionCode, ResultKind kind, int limit) {
        return stored.stream().filter(r -> r.regionCode().equals(regionCode) && (kind == null || r.kind() == kind))
                .limit(Math.max(0, limit)).toList();
    }

    /** The query of the latest {@link #page}. */
    ResultQuery lastQuery;

    @Override
    public Page<StoredResult> page(String regionCode, ResultQuery q, int offset, int limit) {
        lastQuery = q;
        List<StoredResult> matching = stored.stream().filter(r -> r.regionCode().equals(regionCode)
                && (q.kind() == null || r.kind() == q.kind()) && (q.state() == null || q.state().equals(r.state()))
                && (q.subjectPrefix() == null || (r.subject() != null && r.subject().startsWith(q.subjectPrefix()))))
                .sorted(q.oldestFirst() ? java.util.Comparator.comparingLong(StoredResult::seq)
                        : java.util.Comparator.comparingLong(StoredResult::seq).reversed())
                .toList();
        boolean more = offset + limit < matching.size();
        return new Page<>(matching.subList(Math.min(offset, matching.size()), Math.min(offset + limit, matching.size())),
                more ? TOTAL_UNKNOWN : matching.size(), offset, limit);
    }

    @Override
    public Page<DeadLetter> open(String regionCode, int offset, int limit) {
        List<DeadLetter> all = letters.getOrDefault(regionCode, List.of());
        return new Page<>(all.stream().skip(offset).limit(limit).toList(), all.size(), offset, limit);
    }

    /** The query of the latest dead-letter {@link #page}. */
    LetterQuery lastLetterQuery;

    /**
     * The open letters (the only ones this fake keeps) of the kind asked, oldest or newest first; the other filters are
     * the JDBC store's (its contract tests), here only recorded in {@link #lastLetterQuery}.
     */
    @Override
    public Page<DeadLetter> page(String regionCode, LetterQuery q, int offset, int limit) {
        lastLetterQuery = q;
        List<DeadLetter> all = letters.getOrDefault(regionCode, List.of()).stream()
                .filter(d -> (q.kind() == null || q.kind().equals(d.kind()))
                        && (q.state() == null || DeadLetter.OPEN.equals(q.state())))
                .sorted(q.sort() == LetterSort.NEWEST ? java.util.Comparator.comparingLong(DeadLetter::id).reversed()
                        : java.util.Comparator.comparingLong(DeadLetter::id))
                .toList();
        return new Page<>(all.stream().skip(offset).limit(limit).toList(), all.size(), offset, limit);
    }

    /** The query of the latest audit {@link #page}. */
    AuditQuery lastAuditQuery;

    /** The entries of the actor asked, newest or oldest first; the other filters are recorded only. */
    @Override
    public Page<AuditEntry> page(AuditQuery q, int offset, int limit) {
        lastAuditQuery = q;
        List<AuditEntry> all = new ArrayList<>(audits.stream().filter(a -> q.actor() == null || q.actor().equals(a.actor()))
                .toList());
        if (!q.oldestFirst()) {
            java.util.Collections.reverse(all);
        }
        return new Page<>(all.stream().skip(offset).limit(limit).toList(), all.size(), offset, limit);
    }

    /** Re-queues result letters (not INPUT ones), as the JDBC store does. */
    @Override
    public int replay(String regionCode, Collection<Long> deadLetterIds) {
        replays.add(List.copyOf(deadLetterIds));
        List<DeadLetter> list = letters.getOrDefault(regionCode, new ArrayList<>());
        int n = 0;
        for (DeadLetter d : List.copyOf(list)) {
            if ((deadLetterIds.isEmpty() || deadLetterIds.contains(d.id())) && !DeadLetter.INPUT.equals(d.kind())) {
                list.remove(d);
                n++;
            }
        }
        return n;
    }

    @Override
    public void record(String actor, String action, String target, String before, String after) {
        audits.add(new AuditEntry(audits.size() + 1, Instant.now(), actor, action, target, before, after));
    }

    @Override
    public List<AuditEntry> latest(int limit) {
        return audits.subList(Math.max(0, audits.size() - limit), audits.size());
    }

    @Override
    public String cursor(String regionCode, Stage stage) {
        return cursors.get(regionCode + "/" + stage);
    }

    @Override
    public void advance(String regionCode, Stage stage, String expectedCursor, String newCursor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <E extends Exception> EventOutcome handle(String regionCode, Stage stage, StageEvent event,
            String expectedCursor, String newCursor, EventWork<E> work) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<HandledEvent> handled(String regionCode, int limit) {
        List<HandledEvent> newestFirst = new ArrayList<>();
        for (int i = eventLog.size() - 1; i >= 0 && newestFirst.size() < limit; i--) {
            if (eventLog.get(i).regionCode().equals(regionCode)) {
                newestFirst.add(eventLog.get(i));
            }
        }
        return newestFirst;
    }
}
