package org.perflink.admin.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.perflink.compile.internal.IndicatorLibrary;
import org.perflink.compile.internal.TargetChecker;

/**
 * Builds {@link TargetChecker}s for the shell and for {@code ./perflink check}. Only loaded when the compile
 * bundle is wired.
 */
public final class CompileSupport {

    private CompileSupport() {
    }

    /**
     * A checker with the library at {@code libraryFile} (none when null or missing). Built with the compile
     * bundle as context class loader, as it is when the compile hook builds it, so Hibernate Validator
     * bootstraps the same way from a shell thread.
     */
    public static TargetChecker newChecker(Path libraryFile) {
        return withCompileLoader(() -> new TargetChecker(library(libraryFile)));
    }

    public static IndicatorLibrary library(Path libraryFile) {
        if (libraryFile == null || !Files.isRegularFile(libraryFile)) {
            return IndicatorLibrary.EMPTY;
        }
        try {
            return IndicatorLibrary.load(libraryFile);
        } catch (IOException e) {
            throw new IllegalStateException("核心指标库不可读 (indicator library unreadable): " + libraryFile + ": "
                    + e.getMessage(), e);
        }
    }

    public static <T> T withCompileLoader(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(TargetChecker.class.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
