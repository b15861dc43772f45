package org.perflink.compile.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.perflink.compile.internal.IndicatorLibrary;
import org.perflink.compile.internal.IndicatorLibrary.CoreIndicator;

/**
 * Reads the indicator library file: a JSON object mapping a function code (功能分类科目) to its core
 * indicators, {@code {"2050202": [{"name": "改造学校数量", "unit": "所"}, ...], ...}}.
 */
public final class IndicatorLibraryFile {

    /** The bundle's one ObjectMapper: no modules, no polymorphic typing, bounded input. */
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxDocumentLength(16L * 1024 * 1024)
                            .maxNestingDepth(16)
                            .maxStringLength(64 * 1024)
                            .build())
                    .build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // later versions may add fields
            .build();

    private static final TypeReference<Map<String, List<CoreIndicator>>> SHAPE = new TypeReference<>() {
    };

    private IndicatorLibraryFile() {
    }

    public static IndicatorLibrary load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    public static IndicatorLibrary read(InputStream in) throws IOException {
        Map<String, List<CoreIndicator>> byFunction = MAPPER.readValue(in, SHAPE);
        return new IndicatorLibrary(byFunction == null ? Map.of() : byFunction);
    }
}
