package org.perflink.api.hook;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.perflink.api.model.Adjustment;
import org.perflink.api.model.Notice;
import org.perflink.api.model.Score;
import org.perflink.api.model.Verdict;
import org.perflink.api.model.Warning;

/**
 * What PerfLink already decided for a region, for rules that look back: a monitoring round clears the
 * warnings of an earlier round that no longer hold, and the close stage counts the year's RED warnings and,
 * since 1.2, computes the composites' components from the year's verdicts and warnings.
 */
@ProviderType
public interface ResultHistory {

    /** Every warning written for a project so far (all rounds; the latest body of each warning id). */
    List<Warning> warnings(String projectCode);

    /** Every score written for a project so far (since 1.2; none by default). */
    default List<Score> scores(String projectCode) {
        return List.of();
    }

    /** Every notice written to a department so far (since 1.2; none by default). */
    default List<Notice> notices(String departmentCode) {
        return List.of();
    }

    /**
     * Every notice written for the region's {@code year}, first notices and follow-up steps, to departments and lower
     * regions alike, ordered by notice id: what a FOLLOW_UP event follows up (since 1.2; none by default).
     */
    default List<Notice> yearNotices(int year) {
        return List.of();
    }

    /**
     * Every verdict written for a project so far (all phases and revisions; the latest body of each verdict id),
     * oldest first: the close stage's KEY_TARGETS and assessments read them (since 1.2).
     */
    default List<Verdict> verdicts(String projectCode) {
        return List.of();
    }

    /**
     * Every adjustment written for a subject so far (a project, policy or transfer by its code; the latest body of
     * each adjustment id): the work assessment checks whether a successor honoured them (since 1.2; none by default).
     */
    default List<Adjustment> adjustments(String subjectCode) {
        return List.of();
    }
}
