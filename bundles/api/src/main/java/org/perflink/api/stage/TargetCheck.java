package org.perflink.api.stage;

import java.nio.file.Path;
import java.time.OffsetDateTime;

import org.osgi.annotation.versioning.ProviderType;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.Verdict;
import org.perflink.api.rules.RulePack;

/**
 * The compile stage's target checks (绩效目标审核) as a service: the same verdict the compile hook writes back,
 * for a dry run ({@code perflink:check}, the launcher's {@code check}) that needs neither the engine nor a host.
 * The implementation uses the indicator library it is configured with.
 */
@ProviderType
public interface TargetCheck {

    /**
     * Checks one project as the given phase's event would. A malformed parameter of the pack throws
     * {@link IllegalArgumentException} naming it.
     */
    Verdict check(Project project, Phase phase, RulePack pack, OffsetDateTime checkedAt);

    /** The indicator library (核心指标库) the checks compare indicator names with. */
    Library library();

    /**
     * For people ({@code perflink:library}): the library entries the region's projects of {@code functionCode} are
     * checked against under {@code pack} (rules.md §11): the files it is made of, and per level (2050202 → 20502 →
     * 205 → COMMON) each entry with its unit, scope, standard and source; only entries named {@code indicatorName}
     * when it is not null.
     */
    String describeLibrary(String regionCode, String functionCode, String indicatorName, RulePack pack);

    /**
     * @param location where the library is read from (a file), as configured
     * @param loaded   whether it holds any indicator; when not, {@code LIBRARY_UNKNOWN_INDICATOR} stays silent
     */
    record Library(String location, boolean loaded) {
    }

    /** A check over a library of the caller's choosing; holds resources until closed. */
    @ProviderType
    interface Standalone extends TargetCheck, AutoCloseable {
        @Override
        void close();
    }

    /**
     * Target checks outside OSGi (the launcher, tests): the compile stage's jar names its factory in
     * {@code META-INF/services}, so {@link java.util.ServiceLoader} finds it.
     */
    @ProviderType
    interface Factory {

        /**
         * A check with the library at {@code libraryFile}; none (an empty library) when null or missing.
         *
         * @throws IllegalStateException the file exists but cannot be read (the message names it)
         */
        Standalone open(Path libraryFile);
    }
}
