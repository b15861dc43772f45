package org.perflink.api.model;

import java.time.LocalDate;

/** One review of a performance target at one level (单位申报 / 主管部门审核 / 财政审核). */
public record Review(Level level, Outcome outcome, LocalDate date) {
    public enum Level { UNIT, DEPARTMENT, FINANCE }

    public enum Outcome { PASS, RETURN }
}
