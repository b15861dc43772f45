package org.perflink.compile.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.perflink.api.hook.ResultHistory;
import org.perflink.api.host.HostException;
import org.perflink.api.host.HostGateway;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.Notice;
import org.perflink.api.model.NoticeFeedback;
import org.perflink.api.model.Project;
import org.perflink.api.model.Score;

/**
 * Looks up a library applicant's earlier years (§7): walks its {@code predecessor} chain at the host
 * ({@code GET …/projects/{projectCode}?year=}), takes the latest Score PerfLink wrote along it, and asks whether a
 * notice listing that scored project had a feedback ACCEPTED (v1.1 {@code notice-feedback}).
 */
final class PriorLookup {

    /** A chain longer than this is cut (a loop in the host's links must not hang the check). */
    static final int MAX_CHAIN = 10;
    private static final int PAGE_SIZE = 200;

    private final String regionCode;
    private final HostGateway host;
    private final ResultHistory history;

    PriorLookup(String regionCode, HostGateway host, ResultHistory history) {
        this.regionCode = regionCode;
        this.host = host;
        this.history = history;
    }

    PriorRecords of(Project project) throws HostException {
        Project.Predecessor link = project.predecessor();
        Project first = null;
        Set<String> seen = new HashSet<>();
        for (int step = 0; link != null && link.projectCode() != null && step < MAX_CHAIN
                && seen.add(link.projectCode() + "@" + link.year()); step++) {
            Parsed<Project> found = host.project(regionCode, link.projectCode(), link.year());
            Project record = found != null && found.valid() ? found.value() : null;
            if (first == null) {
                first = record;
            }
            Optional<Score> score = scoreOf(link.projectCode(), link.year());
            if (score.isPresent()) {
                Score s = score.get();
                String department = record != null ? record.departmentCode() : project.departmentCode();
                return new PriorRecords(first, s.projectCode(), s.year(), s.grade(),
                        rectified(s.projectCode(), department));
            }
            link = record == null ? null : record.predecessor();
        }
        return first == null ? PriorRecords.NONE : new PriorRecords(first, null, null, null, false);
    }

    private Optional<Score> scoreOf(String projectCode, int year) {
        if (history == null) {
            return Optional.empty();
        }
        return history.scores(projectCode).stream().filter(s -> s.year() == year).findFirst();
    }

    /** Whether a notice listing the project has an ACCEPTED feedback. */
    private boolean rectified(String projectCode, String departmentCode) throws HostException {
        if (history == null || departmentCode == null) {
            return false;
        }
        List<Notice> notices = history.notices(departmentCode).stream()
                .filter(n -> n.subjects().contains(projectCode)).toList();
        Set<String> ids = new HashSet<>();
        Set<Integer> years = new HashSet<>();
        notices.forEach(n -> {
            ids.add(n.noticeId());
            years.add(n.year());
        });
        boolean[] accepted = {false};
        for (int year : years) {
            HostGateway.forEach(cursor -> host.noticeFeedback(regionCode, year, cursor, PAGE_SIZE), item -> {
                NoticeFeedback f = item.valid() ? item.value() : null;
                if (f != null && f.status() == NoticeFeedback.Status.ACCEPTED && ids.contains(f.noticeId())) {
                    accepted[0] = true;
                }
            });
        }
        return accepted[0];
    }
}
