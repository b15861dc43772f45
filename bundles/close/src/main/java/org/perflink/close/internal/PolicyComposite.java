package org.perflink.close.internal;

import static org.perflink.close.internal.Figures.PRECISION;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.perflink.api.model.Adjustment.Component;
import org.perflink.api.model.Adjustment.Source;
import org.perflink.api.model.Grade;
import org.perflink.api.rules.Param;
import org.perflink.api.rules.RulePack;


/**
 * 政策及转移支付综合绩效 (rules.md §4.2): per POLICY or TRANSFER project, ASSESSMENT (its ex-ante points), MONITORING (m)
 * and EVALUATION (the Score), weighted over the present ones. Only a Score present: the composite is the Score,
 * as in v1 ({@code 0 / 0 / 1} restores v1 always). Immutable; one instance per rule pack.
 */
public final class PolicyComposite {

    public static final Param WEIGHT_ASSESSMENT = Param.of("composite.policy.weight.ASSESSMENT", "0.2",
            "weight of the ex-ante points in a POLICY/TRANSFER project's composite (P)");
    public static final Param WEIGHT_MONITORING = Param.of("composite.policy.weight.MONITORING", "0.3",
            "weight of the monitoring points m in a POLICY/TRANSFER project's composite (P)");
    public static final Param WEIGHT_EVALUATION = Param.of("composite.policy.weight.EVALUATION", "0.5",
            "weight of the evaluation Score in a POLICY/TRANSFER project's composite (P); 0 / 0 / 1 restores v1");


    /** The composite, unrounded, its grade and the components used. */
    public record Result(BigDecimal score, Grade grade, Map<String, Component> components) {
    }

    private final BigDecimal assessmentWeight;
    private final BigDecimal monitoringWeight;
    private final BigDecimal evaluationWeight;
    private final RecordPoints points;

    public PolicyComposite(RulePack pack, RecordPoints points) {
        Objects.requireNonNull(pack, "pack");
        this.assessmentWeight = pack.decimal(WEIGHT_ASSESSMENT);
        this.monitoringWeight = pack.decimal(WEIGHT_MONITORING);
        this.evaluationWeight = pack.decimal(WEIGHT_EVALUATION);
        this.points = Objects.requireNonNull(points, "points");
    }

    public static List<Param> parameters() {
        return List.of(WEIGHT_ASSESSMENT, WEIGHT_MONITORING, WEIGHT_EVALUATION);
    }

    /**
     * The composite of one POLICY/TRANSFER project; empty when only the Score carries weight (the Score decides,
     * as in v1). MONITORING is present when PerfLink holds warning records of the project in the year.
     *
     * @param grades the grade bands of the pack
     */
    public Optional<Result> of(ProjectRecord record, GradeBands grades) {
        Map<String, BigDecimal> present = new LinkedHashMap<>();
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        if (record.exAntePoints() != null && assessmentWeight.signum() > 0) {
            present.put("ASSESSMENT", record.exAntePoints());
            weights.put("ASSESSMENT", assessmentWeight);
        }
        if (record.monitored() && monitoringWeight.signum() > 0) {
            present.put("MONITORING", points.monitoringPoints(record.unclearedRed(), record.unclearedYellow()));
            weights.put("MONITORING", monitoringWeight);
        }
        if (present.isEmpty()) {
            return Optional.empty();
        }
        present.put("EVALUATION", record.score());
        weights.put("EVALUATION", evaluationWeight);
        BigDecimal weightSum = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;
        Map<String, Component> components = new LinkedHashMap<>();
        for (Map.Entry<String, BigDecimal> c : present.entrySet()) {
            BigDecimal w = weights.get(c.getKey());
            weightSum = weightSum.add(w);
            weighted = weighted.add(w.multiply(c.getValue()));
            Map<String, String> records = "MONITORING".equals(c.getKey())
                    ? Map.of("unclearedRed", String.valueOf(record.unclearedRed()), "unclearedYellow", String.valueOf(record.unclearedYellow()))
                    : Map.of();
            components.put(c.getKey(), new Component(c.getValue().setScale(2, RoundingMode.HALF_UP), w, Source.PERFLINK, 1, null, records));
        }
        if (weightSum.signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal score = weighted.divide(weightSum, PRECISION);
        return Optional.of(new Result(score, grades.of(score), components));
    }
}
