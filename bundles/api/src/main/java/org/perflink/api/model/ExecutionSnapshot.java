package org.perflink.api.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** 执行数据 of one project at a monitoring cut-off; {@code budgetAmount} is the adjusted budget. */
public record ExecutionSnapshot(
        String projectCode,
        int year,
        LocalDate asOf,
        BigDecimal budgetAmount,
        BigDecimal paidAmount,
        List<IndicatorActual> indicators) {

    public ExecutionSnapshot {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }
}
