package org.perflink.compile.internal;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import org.perflink.compile.internal.IndicatorLibrary;

/**
 * 核心指标 ([101号]): where the indicator library covers the project's function code, the indicator is
 * one of the library's ({@code LIBRARY_UNKNOWN_INDICATOR}, INFO: a prompt to prefer core indicators).
 */
@Documented
@Retention(RUNTIME)
@Target(TYPE)
@Constraint(validatedBy = CoreIndicator.Validator.class)
public @interface CoreIndicator {
    String message() default "CoreIndicator";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator extends RuleCheck<CoreIndicator, IndicatorUnderCheck> {
        @Override
        protected void check(IndicatorUnderCheck c, Report report) {
            if (c.coreNames().isEmpty() || !report.on(Rule.LIBRARY_UNKNOWN_INDICATOR)) {
                return;
            }
            String name = IndicatorLibrary.normalize(c.name());
            if (!c.coreNames().contains(name)) {
                report.add(Rule.LIBRARY_UNKNOWN_INDICATOR, null, c.index(), c.path("name"),
                        Figures.of("functionCode", c.functionCode(), "name", name), name, c.functionCode());
            }
        }
    }
}
