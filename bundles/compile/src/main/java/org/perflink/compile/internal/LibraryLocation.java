package org.perflink.compile.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.perflink.core.SystemProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the compile stage reads its indicator library (核心指标库): the {@code file} of configuration
 * {@value #PID}, else {@value #DEFAULT_FILE}, with {@code ${system.property}} references resolved. The hook, the
 * target check service and the launcher's check all locate and read it here.
 */
public final class LibraryLocation {

    public static final String PID = "org.perflink.indicators";
    public static final String DEFAULT_FILE = "${karaf.etc}/perflink-indicator-library.json";

    private static final Logger LOG = LoggerFactory.getLogger(LibraryLocation.class);

    private LibraryLocation() {
    }

    /** The configured file (the default when none is configured), its properties resolved. */
    public static Path resolve(String configured) {
        String file = configured == null || configured.isBlank() ? DEFAULT_FILE : configured.strip();
        return Path.of(SystemProperties.substitute(file));
    }

    /** For the hook: the library, or an empty one (logged once, here) when the file is missing or unreadable. */
    public static IndicatorLibrary loadOrEmpty(Path path) {
        if (!Files.isRegularFile(path)) {
            LOG.info("no indicator library at {}: LIBRARY_UNKNOWN_INDICATOR stays silent", path);
            return IndicatorLibrary.EMPTY;
        }
        try {
            IndicatorLibrary library = IndicatorLibraryFile.load(path);
            LOG.info("indicator library {}: {} function codes", path, library.byFunction().size());
            return library;
        } catch (IOException | RuntimeException e) {
            LOG.error("indicator library {} cannot be read; using an empty library", path, e);
            return IndicatorLibrary.EMPTY;
        }
    }

    /**
     * For a dry run, which must say when the library it was given is broken: empty when the file is null or
     * missing, else the library.
     *
     * @throws IllegalStateException the file exists but cannot be read
     */
    public static IndicatorLibrary loadOrFail(Path path) {
        if (path == null || !Files.isRegularFile(path)) {
            return IndicatorLibrary.EMPTY;
        }
        try {
            return IndicatorLibraryFile.load(path);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("核心指标库不可读 (indicator library unreadable): " + path + ": "
                    + e.getMessage(), e);
        }
    }
}
