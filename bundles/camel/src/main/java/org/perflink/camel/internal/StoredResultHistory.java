package org.perflink.camel.internal;

import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.perflink.api.hook.ResultHistory;
import org.perflink.api.model.ResultKind;
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

    private Warning warning(String json) {
        try {
            return mapper.readValue(json, Warning.class);
        } catch (JsonProcessingException e) {
            // PerfLink wrote this body itself: unreadable means a bug, not bad input
            throw new UncheckedIOException("stored warning is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
