package org.perflink.close.internal;

import org.osgi.annotation.versioning.ConsumerType;
import org.perflink.api.hook.ResultHistory;
import org.perflink.api.model.Warning;

/**
 * The in-year monitoring history (双监控) the REMINDER notice needs: how many RED warnings a project had in
 * the year. Provided by whatever stores the warnings; without one, no project has any.
 */
@ConsumerType
@FunctionalInterface
public interface WarningHistory {

    WarningHistory NONE = (regionCode, year, projectCode) -> 0;

    int redWarnings(String regionCode, int year, String projectCode);

    /** The RED warnings of the year among the warnings PerfLink already wrote for the region. */
    static WarningHistory of(ResultHistory results) {
        return (regionCode, year, projectCode) -> (int) results.warnings(projectCode).stream()
                .filter(w -> w.year() == year && w.level() == Warning.Level.RED)
                .count();
    }
}
