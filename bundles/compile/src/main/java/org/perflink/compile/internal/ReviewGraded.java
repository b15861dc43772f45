package org.perflink.compile.internal;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import org.perflink.api.model.Review;
import org.perflink.api.model.Review.Level;
import org.perflink.api.model.Target;

/**
 * 88号 review grades (§1, since rules v2): the governing grade is that of the latest graded FINANCE review, else
 * of the latest graded DEPARTMENT review. 差 may not enter budget allocation ({@code REVIEW_GRADE_POOR}); 中 must
 * be revised and reviewed again ({@code REVIEW_GRADE_MEDIUM}).
 */
@Documented
@Retention(RUNTIME)
@java.lang.annotation.Target(TYPE)
@Constraint(validatedBy = ReviewGraded.Validator.class)
public @interface ReviewGraded {
    String message() default "ReviewGraded";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator extends RuleCheck<ReviewGraded, ProjectUnderCheck> {
        @Override
        protected void check(ProjectUnderCheck p, Report report) {
            Target target = p.target();
            if (target == null) {
                return;
            }
            ReviewChain.Step governing = governing(target.reviews());
            if (governing == null) {
                return;
            }
            Review r = governing.review();
            Rule rule = switch (r.grade()) {
                case POOR -> Rule.REVIEW_GRADE_POOR;
                case MEDIUM -> Rule.REVIEW_GRADE_MEDIUM;
                default -> null;
            };
            if (rule != null && report.on(rule)) {
                String date = Figures.text(r.date());
                report.add(rule, governing.path() + ".grade", Figures.of("level", r.level().name(),
                        "grade", r.grade().name(), "date", date), r.level().name(), date);
            }
        }

        /** The latest graded FINANCE review, else the latest graded DEPARTMENT review; null when none is graded. */
        static ReviewChain.Step governing(List<Review> reviews) {
            ReviewChain.Step finance = ReviewChain.latestGraded(reviews, Level.FINANCE);
            return finance != null ? finance : ReviewChain.latestGraded(reviews, Level.DEPARTMENT);
        }
    }
}
