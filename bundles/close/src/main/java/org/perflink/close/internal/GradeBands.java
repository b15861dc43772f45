package org.perflink.close.internal;

import java.math.BigDecimal;
import java.util.List;

import org.perflink.api.model.Grade;
import org.perflink.api.rules.Messages.Text;
import org.perflink.api.rules.Param;
import org.perflink.api.rules.RulePack;

/** The grade bands (优/良/中/差, half-open, [10号]) of a rule pack; scores are graded unrounded. */
public final class GradeBands {

    public static final Param EXCELLENT_FROM = Param.of("grade.excellent", "90", "lower bound of EXCELLENT (优)");
    public static final Param GOOD_FROM = Param.of("grade.good", "80", "lower bound of GOOD (良)");
    public static final Param MEDIUM_FROM = Param.of("grade.medium", "60", "lower bound of MEDIUM (中); below is POOR (差)");

    private final BigDecimal excellentFrom;
    private final BigDecimal goodFrom;
    private final BigDecimal mediumFrom;

    public GradeBands(RulePack pack) {
        this.excellentFrom = pack.decimal(EXCELLENT_FROM);
        this.goodFrom = pack.decimal(GOOD_FROM);
        this.mediumFrom = pack.decimal(MEDIUM_FROM);
    }

    public Grade of(BigDecimal unroundedScore) {
        return Grade.of(unroundedScore, excellentFrom, goodFrom, mediumFrom);
    }

    public static List<Param> parameters() {
        return List.of(EXCELLENT_FROM, GOOD_FROM, MEDIUM_FROM);
    }

    /** 优 / EXCELLENT, for explanations. */
    static Text word(Grade grade) {
        return Texts.text("grade." + grade);
    }
}
