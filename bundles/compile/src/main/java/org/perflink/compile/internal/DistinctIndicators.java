package org.perflink.compile.internal;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.HashMap;
import java.util.Map;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import org.perflink.api.model.Indicator;
import org.perflink.compile.internal.IndicatorLibrary;

/** No two indicators share a code, or a name under the same level-2 heading ({@code INDICATOR_DUPLICATE}). */
@Documented
@Retention(RUNTIME)
@Target(TYPE)
@Constraint(validatedBy = DistinctIndicators.Validator.class)
public @interface DistinctIndicators {
    String message() default "DistinctIndicators";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator extends RuleCheck<DistinctIndicators, ProjectUnderCheck> {
        @Override
        protected void check(ProjectUnderCheck p, Report report) {
            if (p.indicators().size() < 2 || !report.on(Rule.INDICATOR_DUPLICATE)) {
                return;
            }
            Map<String, Integer> codes = new HashMap<>();
            Map<String, Integer> names = new HashMap<>();
            for (IndicatorUnderCheck c : p.indicators()) {
                Indicator i = c.indicator();
                String code = i.code() == null ? "" : i.code().strip();
                if (!code.isEmpty()) {
                    Integer first = codes.putIfAbsent(code, c.index());
                    if (first != null) {
                        report.add(Rule.INDICATOR_DUPLICATE, "code", 2 * c.index(), c.path("code"),
                                Figures.of("code", code, "duplicateOf", "target.indicators[" + first + "]"), code);
                    }
                }
                String name = IndicatorLibrary.normalize(i.name());
                if (!name.isEmpty()) {
                    String level2 = String.valueOf(i.level2());
                    Integer first = names.putIfAbsent(level2 + '\u0000' + name, c.index());
                    if (first != null) {
                        report.add(Rule.INDICATOR_DUPLICATE, "name", 2 * c.index() + 1, c.path("name"),
                                Figures.of("level2", level2, "name", name, "duplicateOf", "target.indicators[" + first + "]"),
                                name);
                    }
                }
            }
        }
    }
}
