package org.perflink.compile.internal;

import java.nio.file.Path;

import org.perflink.api.stage.TargetCheck;

/**
 * Target checks outside OSGi, over a library file the caller names (the launcher's {@code check --library}).
 * Listed in {@code META-INF/services/org.perflink.api.stage.TargetCheck$Factory} for {@link java.util.ServiceLoader}.
 */
public final class StandaloneTargetChecks implements TargetCheck.Factory {

    @Override
    public TargetCheck.Standalone open(Path libraryFile) {
        return new LibraryTargetCheck(LibraryLocation.loadOrFail(libraryFile), libraryFile);
    }
}
