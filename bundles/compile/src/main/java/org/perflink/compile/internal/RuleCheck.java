package org.perflink.compile.internal;

import java.lang.annotation.Annotation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Base of the compile-stage constraint validators: each checks one or a few related rules and adds a
 * violation per finding, so one constraint can explain several things at once.
 */
public abstract class RuleCheck<A extends Annotation, T> implements ConstraintValidator<A, T> {

    @Override
    public final boolean isValid(T value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        Report report = Report.of(context);
        check(value, report);
        return report.clean();
    }

    protected abstract void check(T value, Report report);
}
