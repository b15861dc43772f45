package org.perflink.host.http;

import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.perflink.api.model.Adjustment;

/**
 * The one ObjectMapper of host contract v1: money and scores as decimal strings, ISO dates, unknown
 * fields ignored, explicit stream limits so an oversized or hostile payload fails fast instead of
 * exhausting memory. No polymorphic typing.
 */
public final class HostJson {

    /** Longest string value accepted (a goal text, an error message). */
    public static final int MAX_STRING_LENGTH = 1_000_000;
    /** Digits of a number: far beyond any amount in yuan, far below what slows BigDecimal parsing. */
    public static final int MAX_NUMBER_LENGTH = 64;
    public static final int MAX_NESTING_DEPTH = 32;
    /** One page of ≤ 1000 projects with their targets fits well within this. */
    public static final long MAX_DOCUMENT_LENGTH = 64L * 1024 * 1024;
    /**
     * Nesting a page may have before it is refused as a whole. Items are held to {@link #MAX_NESTING_DEPTH}
     * one by one; the page parser only skips through them, which costs a small object per level.
     */
    public static final int MAX_PAGE_NESTING_DEPTH = 10_000;

    private HostJson() {
    }

    /**
     * The parser that splits a page into its items: only the document length and a generous nesting bound
     * apply, no duplicate detection, so that an item breaking a limit of {@link #newMapper()} is found when
     * that item is read and the other items of the page still are.
     */
    public static JsonFactory newPageFactory() {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(Integer.MAX_VALUE)
                        .maxNumberLength(Integer.MAX_VALUE)
                        .maxNameLength(Integer.MAX_VALUE)
                        .maxNestingDepth(MAX_PAGE_NESTING_DEPTH)
                        .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                        .build())
                .build();
    }

    public static ObjectMapper newMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                        .build())
                // A key given twice is ambiguous input, not "last one wins".
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        JsonMapper mapper = JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        // host-api v1.1: a composite's components are written inside "basis".
        mapper.addMixIn(Adjustment.class, AdjustmentWire.class);
        // Contract: money, scores and ratios are JSON strings, never binary floats.
        mapper.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
        mapper.enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        return mapper;
    }

    /**
     * The first field of a bound contract item (Project, ExecutionSnapshot, ProjectEvaluationInput,
     * DepartmentEvaluationInput) outside the contract's bounds - a negative or absurd amount, a score above 100, an
     * oversized code - as {@code {path, message}}, or null. The checks HTTP items pass, for other adapters (since 1.1).
     */
    public static String[] outOfBounds(Object item) {
        org.perflink.host.http.internal.ContractBounds.Violation v = org.perflink.host.http.internal.ContractBounds.check(item);
        return v == null ? null : new String[] {v.path(), v.message()};
    }

    /** How an {@link Adjustment} is written: {@code basis} with its {@code components} nested (host-api v1.1). */
    abstract static class AdjustmentWire {
        @JsonIgnore
        abstract Map<String, String> basis();

        @JsonIgnore
        abstract Map<String, Adjustment.Component> components();

        @JsonProperty("basis")
        abstract Map<String, Object> basisWithComponents();
    }
}
