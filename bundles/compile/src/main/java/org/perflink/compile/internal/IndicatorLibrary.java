package org.perflink.compile.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.perflink.api.model.Indicator.Operator;
import org.perflink.api.model.ProjectKind;
import org.perflink.api.rules.RulePack;
import org.perflink.compile.internal.IndicatorLibraryFile;
import org.perflink.compile.internal.RegionLibraries;

/**
 * The indicator library (指标库, [101号], rules.md §11): per function code (功能分类科目), its prefixes (2050202 →
 * 20502 → 205) and {@value #COMMON} (共性指标), the indicators a target is expected to choose from, with their units
 * and standard values (标准值). Immutable; a region's library is its parent's overlaid by the region's own file
 * (entries added or replaced by name), and every entry remembers the file it came from.
 */
public final class IndicatorLibrary {

    /** The level of common indicators (共性指标), looked up after every prefix. */
    public static final String COMMON = "COMMON";

    /** Which targets an entry applies to: projects (and transfers), policies, or departments' overall targets. */
    public enum Scope { PROJECT, POLICY, DEPARTMENT }

    /** A standard value (标准值): an operator and a value, {@code valueMax} for a RANGE, in the entry's unit. */
    public record Standard(Operator operator, BigDecimal value, BigDecimal valueMax) {
    }

    /**
     * One library indicator: its name and unit, optional level-1/level-2 classes, its scope (PROJECT when absent),
     * an optional standard value and an optional historical value (历史值) in its unit.
     */
    public record CoreIndicator(String name, String unit, String level1, String level2, Scope scope, Standard standard,
            BigDecimal history) {

        public CoreIndicator {
            scope = scope == null ? Scope.PROJECT : scope;
        }

        /** A v1 entry: a name and a unit. */
        public CoreIndicator(String name, String unit) {
            this(name, unit, null, null, null, null, null);
        }
    }

    /** An entry as found by a lookup: the level that holds it ({@code 20502}, {@code COMMON}) and its file. */
    public record Match(String level, CoreIndicator indicator, String source) {
    }

    /**
     * What a project's function code and kind find: the nearest level that has entries (null when none has), every
     * name at any level, and the nearest entry of each name.
     */
    public record Lookup(String nearestLevel, Map<String, Match> byName) {

        public static final Lookup NONE = new Lookup(null, Map.of());

        public Set<String> names() {
            return byName.keySet();
        }

        public Optional<Match> match(String name) {
            return Optional.ofNullable(byName.get(normalize(name)));
        }
    }

    public static final IndicatorLibrary EMPTY = new IndicatorLibrary(Map.of());

    /** Level → entries in file order, each with its source. */
    private final Map<String, List<Match>> entries;
    /** Names per level, precomputed: every indicator of every project is looked up here. */
    private final Map<String, List<CoreIndicator>> byFunction;

    public IndicatorLibrary(Map<String, List<CoreIndicator>> byFunction) {
        this(byFunction, null);
    }

    /** A library whose entries all come from {@code source} (a file name, for {@code perflink:library}). */
    public IndicatorLibrary(Map<String, List<CoreIndicator>> byFunction, String source) {
        Map<String, List<Match>> copy = new LinkedHashMap<>();
        byFunction.forEach((code, list) -> {
            List<Match> named = list == null ? List.of() : list.stream()
                    .filter(i -> i != null && !normalize(i.name()).isEmpty())
                    .map(i -> new Match(code == null ? null : code.strip(), i, source)).toList();
            if (code != null && !code.isBlank() && !named.isEmpty()) {
                copy.put(code.strip(), named);
            }
        });
        this.entries = Collections.unmodifiableMap(copy);
        this.byFunction = indicatorsOf(copy);
    }

    private IndicatorLibrary(Map<String, List<Match>> entries, boolean copied) {
        this.entries = Collections.unmodifiableMap(entries);
        this.byFunction = indicatorsOf(entries);
    }

    private static Map<String, List<CoreIndicator>> indicatorsOf(Map<String, List<Match>> entries) {
        Map<String, List<CoreIndicator>> out = new LinkedHashMap<>();
        entries.forEach((code, list) -> out.put(code, list.stream().map(Match::indicator).toList()));
        return Collections.unmodifiableMap(out);
    }

    /** Reads a library file (format v2, or the v1 map of function code to {@code {name, unit}}). */
    public static IndicatorLibrary load(Path file) throws IOException {
        return IndicatorLibraryFile.load(file);
    }

    /** One layer of a region's library: the rule pack that names a file, the file, and what it loaded to. */
    public record Layer(String packId, Path file, IndicatorLibrary library, String error) {
    }

    /**
     * The layers of a region's library as its rule packs name them ({@code library.file}), top of the chain
     * first, each loaded now (for showing where an entry comes from; the compile stage caches its loads).
     */
    public static List<Layer> layersOf(RulePack pack) {
        List<Layer> layers = new ArrayList<>();
        for (RegionLibraries.Layer l : RegionLibraries.layersOf(pack)) {
            try {
                layers.add(new Layer(l.packId(), l.file(), load(l.file()), null));
            } catch (IOException | RuntimeException e) {
                layers.add(new Layer(l.packId(), l.file(), EMPTY, e.getMessage()));
            }
        }
        return layers;
    }

    /**
     * This library overlaid by another (a region's over its parent's): the other's entries are added to each level,
     * an entry of the same name replacing this one's.
     */
    public IndicatorLibrary overlaidBy(IndicatorLibrary region) {
        if (region.isEmpty()) {
            return this;
        }
        Map<String, List<Match>> merged = new LinkedHashMap<>();
        entries.forEach((code, list) -> merged.put(code, new ArrayList<>(list)));
        region.entries.forEach((code, list) -> {
            List<Match> level = merged.computeIfAbsent(code, c -> new ArrayList<>());
            for (Match m : list) {
                String name = normalize(m.indicator().name());
                level.removeIf(old -> normalize(old.indicator().name()).equals(name));
                level.add(m);
            }
        });
        merged.replaceAll((code, list) -> List.copyOf(list));
        return new IndicatorLibrary(merged, true);
    }

    /** Level (function code, prefix or COMMON) → entries, in file order. */
    public Map<String, List<CoreIndicator>> byFunction() {
        return byFunction;
    }

    /** The entries of one level with their sources, in file order; empty when the library has none. */
    public List<Match> entriesOf(String level) {
        return level == null ? List.of() : entries.getOrDefault(level.strip(), List.of());
    }

    /** The levels a function code is looked up at, nearest first: 2050202, 20502, 205, COMMON. */
    public static List<String> levelsOf(String functionCode) {
        List<String> levels = new ArrayList<>(4);
        if (functionCode != null && !functionCode.isBlank()) {
            String code = functionCode.strip();
            levels.add(code);
            if (code.length() > 5) {
                levels.add(code.substring(0, 5));
            }
            if (code.length() > 3) {
                levels.add(code.substring(0, 3));
            }
        }
        levels.add(COMMON);
        return List.copyOf(new LinkedHashSet<>(levels));
    }

    /** The scope whose entries apply to a target of this kind (a transfer is judged as a project). */
    public static Scope scopeOf(ProjectKind kind) {
        return kind == ProjectKind.POLICY ? Scope.POLICY : Scope.PROJECT;
    }

    /** Hierarchical lookup (分层分类): the entries of the levels of {@code functionCode} that apply to {@code scope}. */
    public Lookup lookup(String functionCode, Scope scope) {
        if (entries.isEmpty()) {
            return Lookup.NONE;
        }
        String nearest = null;
        Map<String, Match> byName = new LinkedHashMap<>();
        for (String level : levelsOf(functionCode)) {
            for (Match m : entries.getOrDefault(level, List.of())) {
                if (m.indicator().scope() == scope) {
                    nearest = nearest == null ? level : nearest;
                    byName.putIfAbsent(normalize(m.indicator().name()), m);
                }
            }
        }
        return nearest == null ? Lookup.NONE : new Lookup(nearest, Collections.unmodifiableMap(byName));
    }

    /** The names of the project indicators of one level (v1: the function code itself); empty when not covered. */
    public Set<String> namesOf(String functionCode) {
        Set<String> names = new LinkedHashSet<>();
        for (Match m : entriesOf(functionCode)) {
            names.add(normalize(m.indicator().name()));
        }
        return Collections.unmodifiableSet(names);
    }

    public boolean covers(String functionCode) {
        return !namesOf(functionCode).isEmpty();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Indicator names as compared: trimmed, so a stray blank in a form is not a different indicator. */
    public static String normalize(String name) {
        return name == null ? "" : name.strip();
    }

    @Override
    public String toString() {
        return "IndicatorLibrary" + entries.keySet();
    }
}
