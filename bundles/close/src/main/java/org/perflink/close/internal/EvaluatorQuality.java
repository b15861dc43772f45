package org.perflink.close.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.perflink.api.model.Assessment;
import org.perflink.api.rules.Param;
import org.perflink.api.rules.RulePack;


/**
 * The annual quality grade of each third-party institution (§10 {@code EVALUATOR_QUALITY_GRADE}), at the region's
 * whole-year LINK: the mean over its reports of max(0, 100 − costs of conflict, deviation, lateness and unscored
 * indicators), graded by the bands; an Assessment {@code {R}-{Y}.EVALUATOR.{institutionId}} (host contract v1.1).
 */
public final class EvaluatorQuality {

    public static final String RULE = "EVALUATOR_QUALITY_GRADE";
    public static final Param COST_CONFLICT = Param.of("evaluator.quality.cost.CONFLICT", "100",
            "points a report with EVALUATOR_CONFLICT costs its institution (P)");
    public static final Param COST_DEVIATION = Param.of("evaluator.quality.cost.DEVIATION", "40",
            "points a report with EVALUATOR_QUALITY_DEVIATION costs its institution (P)");
    public static final Param COST_LATE = Param.of("evaluator.quality.cost.LATE", "20",
            "points a late report (EVALUATOR_QUALITY_LATE) costs its institution (P)");
    public static final Param COST_UNSCORED = Param.of("evaluator.quality.cost.UNSCORED", "20",
            "points a report leaving indicators unscored (EVALUATOR_QUALITY_UNSCORED) costs its institution (P)");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private EvaluatorQuality() {
    }

    public static List<Param> parameters() {
        return List.of(COST_CONFLICT, COST_DEVIATION, COST_LATE, COST_UNSCORED);
    }

    /** One Assessment per institution, by institution id. */
    public static List<Assessment> grade(String regionCode, int year, List<EvaluatorChecks.Report> reports,
            RulePack pack, OffsetDateTime assessedAt) {
        Map<String, List<EvaluatorChecks.Report>> byInstitution = new TreeMap<>();
        reports.forEach(r -> byInstitution.computeIfAbsent(r.institutionId(), k -> new ArrayList<>()).add(r));
        GradeBands bands = new GradeBands(pack);
        List<Assessment> out = new ArrayList<>(byInstitution.size());
        byInstitution.forEach((institution, list) -> {
            BigDecimal sum = BigDecimal.ZERO;
            List<Assessment.Part> parts = new ArrayList<>(list.size());
            for (EvaluatorChecks.Report r : list) {
                BigDecimal cost = BigDecimal.ZERO;
                Map<String, String> figures = new LinkedHashMap<>();
                figures.put("projectCode", r.projectCode());
                cost = cost.add(cost(r.conflict(), pack, COST_CONFLICT, "conflict", figures));
                cost = cost.add(cost(r.deviation(), pack, COST_DEVIATION, "deviation", figures));
                cost = cost.add(cost(r.late(), pack, COST_LATE, "late", figures));
                cost = cost.add(cost(r.unscored(), pack, COST_UNSCORED, "unscored", figures));
                BigDecimal points = HUNDRED.subtract(cost).max(BigDecimal.ZERO);
                sum = sum.add(points);
                parts.add(new Assessment.Part(RULE, points.setScale(2), HUNDRED, figures));
            }
            BigDecimal total = sum.divide(BigDecimal.valueOf(list.size()), MathContext.DECIMAL128);
            out.add(new Assessment(Assessment.idOf(regionCode, year, Assessment.Scope.EVALUATOR, institution),
                    regionCode, year, Assessment.Scope.EVALUATOR, institution,
                    new BigDecimal(EvaluatorChecks.cents(total)), bands.of(total), null, null, null,
                    null, parts, pack.id(), assessedAt));
        });
        return out;
    }

    private static BigDecimal cost(boolean fired, RulePack pack, Param param, String name, Map<String, String> figures) {
        BigDecimal cost = fired ? pack.decimal(param) : BigDecimal.ZERO;
        figures.put(name, fired ? cost.toPlainString() : "0");
        return cost;
    }
}
