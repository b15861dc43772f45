package org.perflink.camel.internal;

import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.perflink.api.hook.ResultHistory;
import org.perflink.api.model.Adjustment;
import org.perflink.api.model.Notice;
import org.perflink.api.model.ResultKind;
import org.perflink.api.model.Score;
import org.perflink.api.model.Verdict;
import org.perflink.api.model.Warning;
import org.perflink.store.ResultLedger;

/**
 * A region's earlier results as the store's result ledger holds them (the bodies PerfLink wrote, or is writing):
 * the history the stage hooks look back at, and what a simulation counts RED warnings in.
 */
final class StoredResultHistory implements ResultHistory {

    private final String regionCode;
    private final ResultLedger store;
    private final ObjectMapper mapper;

    StoredResultHistory(String regionCode, ResultLedger store, ObjectMapper mapper) {
        this.regionCode = regionCode;
        this.store = store;
        this.mapper = mapper;
    }

    @Override
    public List<Warning> warnings(String projectCode) {
        return store.resultsOf(regionCode, ResultKind.WARNING, projectCode).stream().map(this::warning).toList();
    }

    @Override
    public List<Score> scores(String projectCode) {
        return store.resultsOf(regionCode, ResultKind.SCORE, projectCode).stream()
                .map(json -> read(json, Score.class)).toList();
    }

    @Override
    public List<Notice> notices(String departmentCode) {
        return store.resultsOf(regionCode, ResultKind.NOTICE, departmentCode).stream()
                .map(json -> read(json, Notice.class)).toList();
    }

    /** Notices are few (at most a handful per department and year), so all of the region's are read and filtered. */
    @Override
    public List<Notice> yearNotices(int year) {
        return store.latestResults(regionCode, ResultKind.NOTICE, Integer.MAX_VALUE).stream()
                .map(r -> read(r.body(), Notice.class))
                .filter(n -> n.year() == year)
                .sorted(java.util.Comparator.comparing(Notice::noticeId))
                .toList();
    }

    @Override
    public List<Verdict> verdicts(String projectCode) {
        return store.resultsOf(regionCode, ResultKind.VERDICT, projectCode).stream().map(j -> read(j, Verdict.class)).toList();
    }

    @Override
    public List<Adjustment> adjustments(String subjectCode) {
        return store.resultsOf(regionCode, ResultKind.ADJUSTMENT, subjectCode).stream()
                .map(j -> read(j, Adjustment.class)).toList();
    }

    private Warning warning(String json) {
        return read(json, Warning.class);
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            // PerfLink wrote this body itself: unreadable means a bug, not bad input
            throw new UncheckedIOException("stored " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT)
                    + " is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
