package org.perflink.api.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * A lower region (下级) as the upper region's host reports it for a budget year (host contract v1.1
 * {@code subregions}, since 1.2): the part of the upper region's transfers to it that the linkage may move
 * ({@code transferBaseline}) and the deductions (扣分) against it, as on departments. Which regions are lower
 * regions is PerfLink configuration, not this list.
 */
public record Subregion(String regionCode, int budgetYear, BigDecimal transferBaseline,
        List<DepartmentEvaluationInput.Deduction> deductions) {

    public Subregion {
        deductions = deductions == null ? List.of() : List.copyOf(deductions);
    }
}
