package org.perflink.compile.internal;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.math.RoundingMode;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import org.perflink.api.rules.Param;

/** 尽量定量表述: at least {@code indicator.minQuantShare} of the indicators are quantitative. */
@Documented
@Retention(RUNTIME)
@Target(TYPE)
@Constraint(validatedBy = MostlyQuantified.Validator.class)
public @interface MostlyQuantified {
    String message() default "MostlyQuantified";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    Param MIN_QUANT_SHARE = Param.of("indicator.minQuantShare", "0.5",
            "least share of quantitative indicators (定量指标) among all indicators of a target");

    final class Validator extends RuleCheck<MostlyQuantified, ProjectUnderCheck> {
        @Override
        protected void check(ProjectUnderCheck p, Report report) {
            int total = p.indicators().size();
            if (total == 0 || !report.on(Rule.INDICATOR_QUANT_SHARE_LOW)) {
                return;
            }
            int quantitative = 0;
            for (IndicatorUnderCheck c : p.indicators()) {
                if (c.indicator().quantitative()) {
                    quantitative++;
                }
            }
            BigDecimal minShare = report.pack().decimal(MIN_QUANT_SHARE);
            // quantitative < minShare × total: compared without dividing, so 1/3 is exact.
            if (BigDecimal.valueOf(quantitative).compareTo(minShare.multiply(BigDecimal.valueOf(total))) < 0) {
                BigDecimal share = BigDecimal.valueOf(quantitative).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP);
                report.add(Rule.INDICATOR_QUANT_SHARE_LOW, "target.indicators", Figures.of(
                        "quantitative", String.valueOf(quantitative), "total", String.valueOf(total),
                        "share", share.setScale(2, RoundingMode.HALF_UP).toPlainString(),
                        "minShare", Figures.number(minShare)),
                        String.valueOf(quantitative), String.valueOf(total), Figures.percent(share), Figures.percent(minShare));
            }
        }
    }
}
