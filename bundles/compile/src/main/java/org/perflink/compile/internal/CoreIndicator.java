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
 * 核心指标 ([101号]): where the indicator library has entries for the project's function code, one of its prefixes
 * or COMMON, the indicator is one of the library's at some level ({@code LIBRARY_UNKNOWN_INDICATOR}, INFO: a prompt
 * to prefer core indicators); the finding names the nearest level that has entries.
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
                String level = c.library().nearestLevel() == null ? c.functionCode() : c.library().nearestLevel();
                // the figures of a v1 finding stay as they were; a parent level or COMMON is named beside them
                report.add(Rule.LIBRARY_UNKNOWN_INDICATOR, null, c.index(), c.path("name"),
                        Figures.of("functionCode", c.functionCode(), "name", name, "libraryLevel",
                                level.equals(c.functionCode()) ? null : level), name, level);
            }
        }
    }
}
