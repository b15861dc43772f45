package org.perflink.close.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.perflink.api.model.Adjustment;
import org.perflink.api.model.DepartmentEvaluationInput;
import org.perflink.api.model.Notice;
import org.perflink.api.rules.RulePack;
import org.perflink.close.internal.DepartmentComposite.DepartmentResult;

/**
 * 结果应用 of one region's evaluated year, in the order the data streams by: each evaluated project gives
 * its adjustment and is tallied for its department; then each department gives its composite adjustment;
 * then the notices. Only the small per-department tallies are kept. Used by the hook and by
 * {@link Simulation} alike. Not thread-safe; one instance per run.
 */
public final class YearLinkage {

    private final String regionCode;
    private final int year;
    private final LinkageCalculator linkage;
    private final DepartmentComposite composite;
    private final NoticeIssuer notices;
    private final SortedMap<String, DepartmentTally> tallies = new TreeMap<>();
    private final RecordPoints points;
    private final Map<String, List<ProjectRecord>> records = new HashMap<>();
    private boolean regionMonitored;
    private final PolicyComposite policy;
    private final GradeBands grades;

    public YearLinkage(String regionCode, int year, RulePack pack) {
        this.regionCode = regionCode;
        this.year = year;
        this.linkage = new LinkageCalculator(pack);
        this.composite = new DepartmentComposite(pack);
        this.notices = new NoticeIssuer(pack);
        this.points = new RecordPoints(pack);
        this.policy = new PolicyComposite(pack, points);
        this.grades = new GradeBands(pack);
    }

    /** The points of PerfLink's records under this run's pack, to build each project's {@link ProjectRecord}. */
    public RecordPoints points() {
        return points;
    }

    /** Keeps what PerfLink's records say of one evaluated project for its department's components (§4.1). */
    private void record(ProjectRecord record) {
        regionMonitored |= record.monitored();
        if (record.departmentCode() != null) {
            records.computeIfAbsent(record.departmentCode(), d -> new ArrayList<>()).add(record);
        }
    }

    /**
     * Tallies the project for its department's notices, then links it.
     *
     * @param redWarnings the project's RED warnings in the year
     * @throws EvaluationInputException when it cannot be linked (the tally keeps it: its grade stands)
     */
    public Optional<Adjustment> project(ProjectEvaluation e, int redWarnings) {
        tally(e, redWarnings);
        return linkage.link(regionCode, e, Optional.empty());
    }

    /**
     * As {@link #project(ProjectEvaluation, int)}, with what PerfLink's records say of the project: it counts for
     * its department's components (§4.1), and a POLICY/TRANSFER project is linked by its §4.2 composite.
     */
    public Optional<Adjustment> project(ProjectEvaluation e, int redWarnings, ProjectRecord record) {
        tally(e, redWarnings);
        record(record); // like the tally, kept when the project itself cannot be linked
        return linkage.link(regionCode, e, policy.of(record, grades));
    }

    private void tally(ProjectEvaluation e, int redWarnings) {
        if (e.departmentCode() != null) {
            tally(e.departmentCode()).project(e).redWarnings(e.projectCode(), redWarnings);
        }
    }

    /**
     * @throws EvaluationInputException when the department has no usable component
     */
    public DepartmentResult department(DepartmentEvaluationInput input) {
        String code = input.departmentCode();
        List<ProjectRecord> own = code == null ? List.of() : records.getOrDefault(code, List.of());
        DepartmentResult result = composite.evaluate(regionCode, input, DepartmentComponents.of(own, points, regionMonitored));
        tally(input.departmentCode()).composite(result.score(), result.grade());
        return result;
    }

    /** The notices of every department seen, by department code. */
    public List<Notice> notices(LocalDate noticeDate) {
        List<Notice> all = new ArrayList<>();
        tallies.values().forEach(t -> all.addAll(notices.issue(regionCode, year, noticeDate, t)));
        return all;
    }

    public Collection<DepartmentTally> tallies() {
        return Collections.unmodifiableCollection(tallies.values());
    }

    private DepartmentTally tally(String departmentCode) {
        return tallies.computeIfAbsent(departmentCode, DepartmentTally::new);
    }
}
