package org.perflink.compile.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.perflink.compile.internal.IndicatorLibraryFile;

/**
 * The core-indicator library (核心指标库, [101号]): for a function code (功能分类科目) the indicators a
 * target is expected to choose from. Immutable; a function code without entries is not covered, so
 * {@code LIBRARY_UNKNOWN_INDICATOR} stays silent for its projects.
 */
public final class IndicatorLibrary {

    /** One core indicator: its name and the unit its value is given in. */
    public record CoreIndicator(String name, String unit) {
    }

    public static final IndicatorLibrary EMPTY = new IndicatorLibrary(Map.of());

    private final Map<String, List<CoreIndicator>> byFunction;
    /** Names per function code, precomputed: every indicator of every project is looked up here. */
    private final Map<String, Set<String>> namesByFunction;

    public IndicatorLibrary(Map<String, List<CoreIndicator>> byFunction) {
        Map<String, List<CoreIndicator>> copy = new LinkedHashMap<>();
        byFunction.forEach((code, list) -> {
            List<CoreIndicator> named = list == null ? List.of()
                    : list.stream().filter(i -> i != null && !normalize(i.name()).isEmpty()).toList();
            if (code != null && !code.isBlank() && !named.isEmpty()) {
                copy.put(code.strip(), named);
            }
        });
        this.byFunction = java.util.Collections.unmodifiableMap(copy);
        this.namesByFunction = copy.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                e -> e.getValue().stream().map(i -> normalize(i.name())).collect(Collectors.toUnmodifiableSet())));
    }

    /** Reads a library file: a JSON object mapping function code to a list of {@code {name, unit}}. */
    public static IndicatorLibrary load(Path file) throws IOException {
        return IndicatorLibraryFile.load(file);
    }

    /** Function code → core indicators, in file order. */
    public Map<String, List<CoreIndicator>> byFunction() {
        return byFunction;
    }

    /** The names of the core indicators of a function code; empty when the library does not cover it. */
    public Set<String> namesOf(String functionCode) {
        return functionCode == null ? Set.of() : namesByFunction.getOrDefault(functionCode.strip(), Set.of());
    }

    public boolean covers(String functionCode) {
        return !namesOf(functionCode).isEmpty();
    }

    public boolean isEmpty() {
        return byFunction.isEmpty();
    }

    /** Indicator names as compared: trimmed, so a stray blank in a form is not a different indicator. */
    public static String normalize(String name) {
        return name == null ? "" : name.strip();
    }

    @Override
    public String toString() {
        return "IndicatorLibrary" + byFunction.keySet();
    }
}
