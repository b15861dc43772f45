package org.perflink.compile.internal;

import org.perflink.api.model.Grade;
import org.perflink.api.model.Project;

/**
 * What is known of a project's earlier years when it applies to enter the library (滚动/延续, §7): its direct
 * predecessor as the host holds it, the latest Score PerfLink wrote along the predecessor chain, and whether a
 * notice listing that scored project had its rectification accepted. {@link #NONE} when nothing is known (an
 * offline check, a v1.0 host, a project without predecessor): the rules that need it stay silent.
 */
public record PriorRecords(Project predecessor, String scoredProject, Integer scoredYear, Grade lastGrade,
        boolean rectified) {

    public static final PriorRecords NONE = new PriorRecords(null, null, null, null, false);
}
