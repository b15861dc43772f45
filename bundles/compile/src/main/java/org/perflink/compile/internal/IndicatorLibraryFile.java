package org.perflink.compile.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.perflink.api.model.Indicator.Operator;
import org.perflink.compile.internal.IndicatorLibrary.CoreIndicator;
import org.perflink.compile.internal.IndicatorLibrary.Scope;
import org.perflink.compile.internal.IndicatorLibrary.Standard;

/**
 * Reads the indicator library file (docs/indicator-library.md). Version 2:
 * {@code {"version": 2, "entries": {"2050202": [{name, unit, level1, level2, scope, standard, history}], "COMMON":
 * [...]}}}, every entry validated, a bad one failing the load with its JSON path and line. The v1 map of function
 * code to {@code [{name, unit}]} is still read as v1 (other fields ignored, unnamed entries skipped).
 */
public final class IndicatorLibraryFile {

    /** The file format this reader writes about and reads. */
    public static final int VERSION = 2;

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

    private static final TypeReference<Map<String, List<CoreIndicatorV1>>> V1_SHAPE = new TypeReference<>() {
    };

    /** A v1 entry: only name and unit count. */
    private record CoreIndicatorV1(String name, String unit) {
    }

    /** A load that failed on a bad entry or a bad shape: the message names the JSON path and the line. */
    public static final class InvalidLibraryException extends IOException {
        private static final long serialVersionUID = 1L;

        InvalidLibraryException(String message) {
            super(message);
        }
    }

    private IndicatorLibraryFile() {
    }

    public static IndicatorLibrary load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    public static IndicatorLibrary read(InputStream in) throws IOException {
        return read(in, null);
    }

    /** @param source the file name the entries are attributed to (null: none) */
    public static IndicatorLibrary read(InputStream in, String source) throws IOException {
        byte[] bytes = in.readAllBytes();
        JsonNode root = MAPPER.readTree(bytes);
        if (root == null || !root.isObject()) {
            throw new InvalidLibraryException(where(source) + "$: the library is a JSON object");
        }
        if (!root.has("version")) {
            Map<String, List<CoreIndicatorV1>> v1 = MAPPER.readValue(bytes, V1_SHAPE);
            Map<String, List<CoreIndicator>> byFunction = new LinkedHashMap<>();
            (v1 == null ? Map.<String, List<CoreIndicatorV1>>of() : v1).forEach((code, list) -> byFunction.put(code,
                    list == null ? List.of() : list.stream().filter(e -> e != null)
                            .map(e -> new CoreIndicator(e.name(), e.unit())).toList()));
            return new IndicatorLibrary(byFunction, source);
        }
        if (!root.path("version").isInt() || root.path("version").intValue() != VERSION) {
            throw new InvalidLibraryException(where(source) + "$.version: '" + root.path("version")
                    + "' is not a version this PerfLink reads (" + VERSION + ")");
        }
        try (JsonParser parser = MAPPER.createParser(bytes)) {
            return new IndicatorLibrary(readV2(parser, source), source);
        }
    }

    /** Walks the v2 document with a streaming parser so that each entry's line is known. */
    private static Map<String, List<CoreIndicator>> readV2(JsonParser p, String source) throws IOException {
        Map<String, List<CoreIndicator>> byLevel = new LinkedHashMap<>();
        p.nextToken(); // the root object
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (!field.equals("entries")) {
                p.skipChildren();
                continue;
            }
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw new InvalidLibraryException(at(source, "$.entries", p) + "entries is an object of levels");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String level = p.currentName().strip();
                String levelPath = "$.entries." + level;
                if (!level.equals(IndicatorLibrary.COMMON) && !level.matches("\\d{1,7}")) {
                    throw new InvalidLibraryException(at(source, levelPath, p)
                            + "a level is a function code or prefix (digits) or COMMON");
                }
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    throw new InvalidLibraryException(at(source, levelPath, p) + "a level holds an array of entries");
                }
                List<CoreIndicator> list = byLevel.computeIfAbsent(level, l -> new ArrayList<>());
                int index = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    String path = levelPath + "[" + index++ + "]";
                    String line = at(source, path, p);
                    if (p.currentToken() != JsonToken.START_OBJECT) {
                        throw new InvalidLibraryException(line + "an entry is an object");
                    }
                    list.add(entry(MAPPER.readTree(p), line));
                }
            }
        }
        return byLevel;
    }

    private static CoreIndicator entry(JsonNode e, String line) throws InvalidLibraryException {
        String name = text(e, "name", line, true);
        String unit = text(e, "unit", line, true);
        Scope scope = null;
        String rawScope = text(e, "scope", line, false);
        if (rawScope != null) {
            try {
                scope = Scope.valueOf(rawScope.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException bad) {
                throw new InvalidLibraryException(line + "scope '" + rawScope + "' is not PROJECT, POLICY or DEPARTMENT");
            }
        }
        Standard standard = null;
        JsonNode s = e.get("standard");
        if (s != null && !s.isNull()) {
            Operator op;
            try {
                op = Operator.valueOf(text(s, "operator", line, true).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException bad) {
                throw new InvalidLibraryException(line + "standard.operator is not GE, GT, LE, LT, EQ or RANGE");
            }
            BigDecimal value = number(s, "value", line, true);
            BigDecimal max = number(s, "valueMax", line, op == Operator.RANGE);
            if (max != null && max.compareTo(value) < 0) {
                throw new InvalidLibraryException(line + "standard.valueMax " + max + " is below standard.value " + value);
            }
            standard = new Standard(op, value, max);
        }
        return new CoreIndicator(name, unit, text(e, "level1", line, false), text(e, "level2", line, false), scope,
                standard, number(e, "history", line, false));
    }

    private static String text(JsonNode node, String field, String line, boolean required)
            throws InvalidLibraryException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.textValue().isBlank())) {
            if (required) {
                throw new InvalidLibraryException(line + field + " is required");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new InvalidLibraryException(line + field + " must be a string");
        }
        return v.textValue().strip();
    }

    /** A number given as a decimal string (as money and values are in the host contract) or a JSON number. */
    private static BigDecimal number(JsonNode node, String field, String line, boolean required)
            throws InvalidLibraryException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new InvalidLibraryException(line + field + " is required");
            }
            return null;
        }
        try {
            return v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText().strip());
        } catch (NumberFormatException bad) {
            throw new InvalidLibraryException(line + field + " '" + v.asText() + "' is not a number");
        }
    }

    private static String at(String source, String path, JsonParser p) {
        return where(source) + "line " + p.currentTokenLocation().getLineNr() + " (" + path + "): ";
    }

    private static String where(String source) {
        return source == null ? "indicator library " : "indicator library " + source + " ";
    }
}
