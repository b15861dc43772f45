package org.perflink.compile.internal;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import org.perflink.api.model.Evaluator;
import org.perflink.api.model.ExAnte;
import org.perflink.api.rules.EvaluatorTies;

/**
 * {@code EVALUATOR_CONFLICT} on an ex-ante assessment (rules.md §10, [6号] 利益冲突回避): an evaluator named on the
 * assessment, or the institution an expert belongs to, was tied to the project's department or unit in the cooling
 * window ({@link ProjectUnderCheck#exAnteConflicts}). The finding names each tie; the assessment is then not taken
 * as finished, so the rules requiring one ({@code EX_ANTE_REQUIRED}, {@code LIBRARY_EX_ANTE_*},
 * {@code LIBRARY_PERIOD_ENDED}) fire as if it had not been done. A NOT_SUPPORT conclusion still blocks: a conflict
 * makes a support untrustworthy, it never turns a rejection into a support. Needs the host's registry (v1.1).
 */
@Documented
@Retention(RUNTIME)
@Target(TYPE)
@Constraint(validatedBy = ExAnteIndependent.Validator.class)
public @interface ExAnteIndependent {
    String message() default "ExAnteIndependent";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator extends RuleCheck<ExAnteIndependent, ProjectUnderCheck> {
        @Override
        protected void check(ProjectUnderCheck p, Report report) {
            if (!report.on(Rule.EVALUATOR_CONFLICT)) {
                return;
            }
            List<EvaluatorTies.Conflict> conflicts = p.exAnteConflicts(report.pack());
            if (conflicts.isEmpty()) {
                return;
            }
            ExAnte exAnte = p.project().exAnte();
            EvaluatorTies.Window window = p.exAnteWindow(report.pack());
            String coolingYears = Integer.toString(report.pack().integer(EvaluatorTies.COOLING_YEARS));
            int order = 0;
            for (EvaluatorTies.Conflict c : conflicts) {
                Evaluator.Tie tie = c.tie();
                report.add(Rule.EVALUATOR_CONFLICT, null, order++, "exAnte.evaluatorIds", Figures.of(
                        "evaluatorId", c.evaluatorId(), "tiedEvaluatorId", c.tied().evaluatorId(), "with", c.with(),
                        "relation", String.valueOf(tie.relation()), "from", String.valueOf(tie.from()),
                        "to", String.valueOf(tie.to()), "window", window.toString(),
                        "parameter", EvaluatorTies.COOLING_YEARS.key(), "coolingYears", coolingYears,
                        "exAnteDate", Figures.text(exAnte.date()), "exAnteLevel", exAnte.levelOrDefault().name(),
                        "exAnteStatus", exAnte.status() == null ? "NONE" : exAnte.status().name()),
                        c.evaluatorId(), c.with(), window.from().toString(), window.to().toString(),
                        dateOrDash(tie.from()), dateOrDash(tie.to()), coolingYears);
            }
        }

        /** An open end of a tie (no start given, or ongoing) in a message. */
        private static String dateOrDash(LocalDate d) {
            return d == null ? "—" : d.toString();
        }
    }
}
