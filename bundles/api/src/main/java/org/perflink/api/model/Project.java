package org.perflink.api.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * A budget project (项目) with its performance target. Since 1.2 (host contract v1.1): {@code predecessor} (the
 * same project's previous record, 延续/滚动), {@code period} (实施期) and, on ADJUST events, {@code targetRevision};
 * {@code confidential} (涉密): never in PerfLink's open-data export (rules.md §9).
 */
public record Project(
        String projectCode,
        long revision,
        String regionCode,
        int year,
        String departmentCode,
        String departmentName,
        String unitCode,
        String unitName,
        String name,
        ProjectKind kind,
        String functionCode,
        boolean isNew,
        boolean isMajor,
        BigDecimal budgetAmount,
        Phase budgetPhase,
        Map<Phase, LocalDate> budgetPhaseDates,
        ExAnte exAnte,
        Target target,
        Predecessor predecessor,
        Period period,
        TargetRevision targetRevision,
        Boolean confidential) {

    public Project {
        budgetPhaseDates = budgetPhaseDates == null ? Map.of() : Map.copyOf(budgetPhaseDates);
    }

    /** A project of host contract v1.1 that is not confidential (涉密, rules.md §9). */
    public Project(String projectCode, long revision, String regionCode, int year, String departmentCode,
            String departmentName, String unitCode, String unitName, String name, ProjectKind kind,
            String functionCode, boolean isNew, boolean isMajor, BigDecimal budgetAmount, Phase budgetPhase,
            Map<Phase, LocalDate> budgetPhaseDates, ExAnte exAnte, Target target, Predecessor predecessor,
            Period period, TargetRevision targetRevision) {
        this(projectCode, revision, regionCode, year, departmentCode, departmentName, unitCode, unitName, name, kind,
                functionCode, isNew, isMajor, budgetAmount, budgetPhase, budgetPhaseDates, exAnte, target, predecessor,
                period, targetRevision, null);
    }

    /** 涉密 (host contract v1.1 {@code confidential: true}); absent means not confidential. */
    public boolean isConfidential() {
        return Boolean.TRUE.equals(confidential);
    }

    /** A project as host contract v1 describes it. */
    public Project(String projectCode, long revision, String regionCode, int year, String departmentCode,
            String departmentName, String unitCode, String unitName, String name, ProjectKind kind,
            String functionCode, boolean isNew, boolean isMajor, BigDecimal budgetAmount, Phase budgetPhase,
            Map<Phase, LocalDate> budgetPhaseDates, ExAnte exAnte, Target target) {
        this(projectCode, revision, regionCode, year, departmentCode, departmentName, unitCode, unitName, name, kind,
                functionCode, isNew, isMajor, budgetAmount, budgetPhase, budgetPhaseDates, exAnte, target, null, null,
                null, null);
    }

    /** The previous record of the same project (read with {@code GET …/projects/{projectCode}?year=}). */
    public record Predecessor(String projectCode, int year) {
    }

    /** 实施期: the years of a multi-year project. */
    public record Period(Integer startYear, Integer endYear) {
        public boolean multiYear() {
            return startYear != null && endYear != null && endYear > startYear;
        }
    }

    /**
     * What a target revision replaces (ADJUST events): the approved indicators, the budget before, the reason
     * and the date the revision was requested. The project's {@code target} and {@code budgetAmount} are the
     * revised ones.
     */
    public record TargetRevision(LocalDate requestedOn, String adjustmentReason, BigDecimal budgetAmountBefore,
            java.util.List<Indicator> approvedIndicators) {
        public TargetRevision {
            approvedIndicators = approvedIndicators == null ? java.util.List.of()
                    : java.util.List.copyOf(approvedIndicators);
        }
    }

    public LocalDate budgetDateOf(Phase p) {
        return budgetPhaseDates.get(p);
    }
}
