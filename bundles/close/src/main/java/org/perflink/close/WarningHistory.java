package org.perflink.close;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The in-year monitoring history (双监控) the REMINDER notice needs: how many RED warnings a project had in
 * the year. Provided by whatever stores the warnings; without one, no project has any.
 */
@ConsumerType
@FunctionalInterface
public interface WarningHistory {

    WarningHistory NONE = (regionCode, year, projectCode) -> 0;

    int redWarnings(String regionCode, int year, String projectCode);
}
