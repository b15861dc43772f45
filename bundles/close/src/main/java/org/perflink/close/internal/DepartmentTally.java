package org.perflink.close.internal;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.perflink.api.model.Grade;

/**
 * What the accountability notices (两书一函) of one department and year depend on, gathered while the
 * projects stream by: the codes of its MEDIUM, POOR and self-score-inflated projects, its RED warnings and
 * its composite grade. Small by design: projects that trigger nothing leave no trace. Recording the same
 * project again (an event handled twice) replaces its earlier record. Not thread-safe.
 */
public final class DepartmentTally {

    private final String departmentCode;
    private final SortedSet<String> mediumProjects = new TreeSet<>();
    private final SortedSet<String> poorProjects = new TreeSet<>();
    private final SortedSet<String> inflatedProjects = new TreeSet<>();
    private final SortedMap<String, Integer> redWarnings = new TreeMap<>();
    private BigDecimal compositeScore;
    private Grade compositeGrade;

    public DepartmentTally(String departmentCode) {
        this.departmentCode = Objects.requireNonNull(departmentCode, "departmentCode");
    }

    public DepartmentTally project(ProjectEvaluation e) {
        return project(e.projectCode(), e.grade(), e.selfScoreInflated());
    }

    public DepartmentTally project(String projectCode, Grade grade, boolean selfScoreInflated) {
        mediumProjects.remove(projectCode);
        poorProjects.remove(projectCode);
        inflatedProjects.remove(projectCode);
        if (grade == Grade.MEDIUM) {
            mediumProjects.add(projectCode);
        } else if (grade == Grade.POOR) {
            poorProjects.add(projectCode);
        }
        if (selfScoreInflated) {
            inflatedProjects.add(projectCode);
        }
        return this;
    }

    /** The number of RED warnings (双监控红色预警) a project had in the year. */
    public DepartmentTally redWarnings(String projectCode, int count) {
        if (count > 0) {
            redWarnings.put(projectCode, count);
        } else {
            redWarnings.remove(projectCode);
        }
        return this;
    }

    /** The department's composite (部门综合得分), unrounded, and its grade. */
    public DepartmentTally composite(BigDecimal score, Grade grade) {
        this.compositeScore = Objects.requireNonNull(score, "score");
        this.compositeGrade = Objects.requireNonNull(grade, "grade");
        return this;
    }

    public String departmentCode() {
        return departmentCode;
    }

    public SortedSet<String> mediumProjects() {
        return Collections.unmodifiableSortedSet(mediumProjects);
    }

    public SortedSet<String> poorProjects() {
        return Collections.unmodifiableSortedSet(poorProjects);
    }

    public SortedSet<String> inflatedProjects() {
        return Collections.unmodifiableSortedSet(inflatedProjects);
    }

    public SortedSet<String> redWarningProjects() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(redWarnings.keySet()));
    }

    public int redWarningCount() {
        return redWarnings.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Null when the department had no composite input. */
    public BigDecimal compositeScore() {
        return compositeScore;
    }

    /** Null when the department had no composite input. */
    public Grade compositeGrade() {
        return compositeGrade;
    }
}
