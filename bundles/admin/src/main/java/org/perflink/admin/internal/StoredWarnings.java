package org.perflink.admin.internal;

import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.perflink.api.hook.ResultHistory;
import org.perflink.api.model.ResultKind;
import org.perflink.api.model.Warning;
import org.perflink.store.ResultLedger;

/** The warnings PerfLink wrote for a region, as the store keeps their bodies: what a simulation counts RED ones in. */
final class StoredWarnings implements ResultHistory {

    /** Reads bodies PerfLink wrote itself (contract v1 JSON): dates ISO, amounts decimal strings. */
    private static final ObjectMapper MAPPER = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE).build();

    private final String regionCode;
    private final ResultLedger store;

    StoredWarnings(String regionCode, ResultLedger store) {
        this.regionCode = regionCode;
        this.store = store;
    }

    @Override
    public List<Warning> warnings(String projectCode) {
        return store.resultsOf(regionCode, ResultKind.WARNING, projectCode).stream().map(StoredWarnings::warning).toList();
    }

    private static Warning warning(String json) {
        try {
            return MAPPER.readValue(json, Warning.class);
        } catch (JsonProcessingException e) {
            // PerfLink wrote this body itself: unreadable means a bug, not bad input
            throw new UncheckedIOException("stored warning is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
