package org.perflink.close.internal;

import java.util.List;

/**
 * The lower regions of a region R (rules.md §4.3, §6) as the work assessment sees them: for each lower region with
 * projects in year Y, its facts (one {@link ProjectFacts} per project, the outcomes of its predecessors'
 * adjustments) and its §4.3 composite. Seam: the lower-region composite (§4.3) gathers the lower regions' records;
 * until it is connected there are none, and only departments are assessed.
 */
@FunctionalInterface
public interface LowerRegions {

    LowerRegions NONE = (regionCode, year) -> List.of();

    /** Each lower region's facts, scope REGION, code = the lower region. */
    List<SubjectFacts> of(String regionCode, int year);
}
