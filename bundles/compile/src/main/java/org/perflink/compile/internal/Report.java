package org.perflink.compile.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintValidatorContext;

import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.perflink.api.rules.RulePack;

/**
 * A constraint validator's view of one validation: the rule pack (the constraint-validator payload)
 * and a sink for findings, each added as its own violation carrying its {@link Evidence}.
 */
public final class Report {

    private final HibernateConstraintValidatorContext context;
    private final RulePack pack;
    private boolean clean = true;

    private Report(HibernateConstraintValidatorContext context) {
        this.context = context;
        RulePack payload = context.getConstraintValidatorPayload(RulePack.class);
        this.pack = payload == null ? RulePack.DEFAULT : payload;
    }

    public static Report of(ConstraintValidatorContext context) {
        return new Report(context.unwrap(HibernateConstraintValidatorContext.class));
    }

    public RulePack pack() {
        return pack;
    }

    /** Whether the region's rule pack has the rule switched on ({@code rule.<ID>.enabled}). */
    public boolean on(Rule rule) {
        return pack.enabled(rule.id());
    }

    public void add(Rule rule, String path, Map<String, String> figures, String... args) {
        add(rule, null, 0, path, figures, args);
    }

    public void add(Rule rule, String variant, int order, String path, Map<String, String> figures, String... args) {
        if (clean) {
            context.disableDefaultConstraintViolation();
            clean = false;
        }
        Evidence evidence = new Evidence(rule, variant, order, path, figures, argsOf(args));
        // Hibernate Validator merges equal violations, and the dynamic payload is not part of equality:
        // so the template tells findings apart. It is built from our own constants only — texts are made
        // later from our resource bundles, never from a template holding host input.
        context.withDynamicPayload(evidence)
                .buildConstraintViolationWithTemplate(evidence.messageKey() + '#' + order)
                .addConstraintViolation();
    }

    /** Message arguments as given; a missing one (e.g. an unnamed indicator) shows as empty. */
    private static List<String> argsOf(String... args) {
        return Arrays.stream(args).map(a -> a == null ? "" : a).toList();
    }

    /** The validator's answer: valid when nothing was added. */
    public boolean clean() {
        return clean;
    }
}
