package org.perflink.api.model;

import java.time.LocalDate;

/**
 * One review of a performance target at one level (单位申报 / 主管部门审核 / 财政审核); {@code grade} (host
 * contract v1.1, DEPARTMENT and FINANCE reviews, since 1.2) is the 88号 grade 优/良/中/差, null when not graded.
 */
public record Review(Level level, Outcome outcome, LocalDate date, Grade grade) {
    public enum Level { UNIT, DEPARTMENT, FINANCE }

    public enum Outcome { PASS, RETURN }

    /** An ungraded review (host contract v1). */
    public Review(Level level, Outcome outcome, LocalDate date) {
        this(level, outcome, date, null);
    }
}
