package org.perflink.compile.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.perflink.api.rules.Param;
import org.perflink.api.rules.RulePack;
import org.perflink.compile.internal.IndicatorLibrary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A region's indicator library (rules.md §11, since rules v2): the installation's library overlaid, from the
 * top of the rule-pack chain down (province → city → county), by each pack's {@code library.file}. Files are read
 * once and again when they change; a file that fails to load keeps its previous version in use (logged with the
 * entry's line), or adds nothing the first time.
 */
public final class RegionLibraries {

    public static final Param LIBRARY_FILE = Param.of("library.file", "",
            "the region's indicator library file, overlaying its parent's (entries added or replaced by name)");

    private static final Logger LOG = LoggerFactory.getLogger(RegionLibraries.class);

    /** One file as last read successfully. */
    private record Loaded(FileTime modified, IndicatorLibrary library) {
    }

    /** One layer of a region's library: the pack that names the file, and the file. */
    public record Layer(String packId, Path file) {
    }

    private final Map<Path, Loaded> files = new ConcurrentHashMap<>();

    /** The packs' files, top of the chain first (the order they are overlaid in). */
    public static List<Layer> layersOf(RulePack pack) {
        List<Layer> layers = new ArrayList<>();
        for (RulePack p = pack; p != null; p = p.parent()) {
            String file = p.values().get(LIBRARY_FILE.key());
            if (file != null && !file.isBlank()) {
                layers.add(new Layer(p.id(), Path.of(CompileHook.resolve(file.strip()))));
            }
        }
        Collections.reverse(layers);
        return layers;
    }

    /** {@code base} overlaid by the files of the pack chain. */
    public IndicatorLibrary libraryFor(IndicatorLibrary base, RulePack pack) {
        IndicatorLibrary library = base;
        for (Layer layer : layersOf(pack)) {
            library = library.overlaidBy(load(layer));
        }
        return library;
    }

    private IndicatorLibrary load(Layer layer) {
        Path file = layer.file();
        Loaded previous = files.get(file);
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (previous != null && previous.modified().equals(modified)) {
                return previous.library();
            }
            IndicatorLibrary library = IndicatorLibraryFile.load(file);
            files.put(file, new Loaded(modified, library));
            LOG.info("indicator library {} of rule pack {}: {} levels", file, layer.packId(), library.byFunction().size());
            return library;
        } catch (IOException | RuntimeException e) {
            LOG.error("indicator library {} of rule pack {} cannot be read ({}); {}", file, layer.packId(),
                    e.getMessage(), previous == null ? "it adds nothing" : "its previous version stays in use");
            if (previous != null) {
                // remember the failure's time so that an unchanged bad file is not read again every event
                try {
                    files.put(file, new Loaded(Files.getLastModifiedTime(file), previous.library()));
                } catch (IOException gone) {
                    // the file went away: keep the previous version as it is
                }
                return previous.library();
            }
            return IndicatorLibrary.EMPTY;
        }
    }
}
