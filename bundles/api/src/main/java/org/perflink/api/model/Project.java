package org.perflink.api.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** A budget project (项目) with its performance target. */
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
        Target target) {

    public Project {
        budgetPhaseDates = budgetPhaseDates == null ? Map.of() : Map.copyOf(budgetPhaseDates);
    }

    public LocalDate budgetDateOf(Phase p) {
        return budgetPhaseDates.get(p);
    }
}
