package org.perflink.compile.internal;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import org.perflink.api.model.Indicator;
import org.perflink.api.model.Project;
import org.perflink.api.rules.Param;
import org.perflink.api.rules.Quantity;

/**
 * A target revised after approval (绩效目标调整, §8; [88号] 第二十八条: a set target is generally not adjusted, else
 * through the budget adjustment procedure): requested in time ({@code ADJUST_TOO_LATE}), an approved indicator
 * lowered only with a reason ({@code ADJUST_TARGET_LOWERED}), and target and budget moving together
 * ({@code ADJUST_NOT_TOGETHER}). Silent without a {@code targetRevision}: there is nothing to compare.
 */
@Documented
@Retention(RUNTIME)
@java.lang.annotation.Target(TYPE)
@Constraint(validatedBy = TargetAdjusted.Validator.class)
public @interface TargetAdjusted {
    String message() default "TargetAdjusted";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    Param DEADLINE = Param.of("adjust.deadline", "09-30",
            "MM-dd of the budget year after which a target revision is requested too late (P)");
    Param BUDGET_TOLERANCE = Param.of("adjust.budgetTolerance", "0.10",
            "share of the old budget a budget may move without any indicator changing (P)");

    final class Validator extends RuleCheck<TargetAdjusted, ProjectUnderCheck> {
        @Override
        protected void check(ProjectUnderCheck p, Report report) {
            Project project = p.project();
            Project.TargetRevision revision = project.targetRevision();
            if (revision == null) {
                return;
            }
            tooLate(project, revision, report);
            List<Indicator> revised = project.target() == null ? List.of() : project.target().indicators();
            List<String> lowered = new ArrayList<>();
            List<Indicator> approved = revision.approvedIndicators();
            // an indicator added by the revision is a change too
            boolean changed = revised.stream().anyMatch(r -> approved.stream().noneMatch(
                    a -> Objects.equals(a.code(), r.code())));
            for (int i = 0; i < approved.size(); i++) {
                Indicator before = approved.get(i);
                Indicator after = revised.stream().filter(r -> Objects.equals(r.code(), before.code())).findFirst()
                        .orElse(null);
                String how = lowering(before, after);
                changed |= after == null || !sameTarget(before, after);
                if (how != null) {
                    lowered.add(before.code());
                    if ((revision.adjustmentReason() == null || revision.adjustmentReason().isBlank())
                            && report.on(Rule.ADJUST_TARGET_LOWERED)) {
                        report.add(Rule.ADJUST_TARGET_LOWERED, null, i, "targetRevision.approvedIndicators[" + i + "]",
                                Figures.of("code", before.code(), "change", how,
                                        "approved", describe(before), "revised", after == null ? "REMOVED" : describe(after),
                                        "adjustmentReason", ""), before.code(), describe(before),
                                after == null ? "—" : describe(after));
                    }
                }
            }
            notTogether(project, revision, changed, lowered, report);
        }

        private static void tooLate(Project project, Project.TargetRevision revision, Report report) {
            LocalDate requested = revision.requestedOn();
            if (requested == null || !report.on(Rule.ADJUST_TOO_LATE)) {
                return;
            }
            String raw = report.pack().string(DEADLINE).strip();
            MonthDay deadline;
            try {
                deadline = MonthDay.parse("--" + raw);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("rule pack " + report.pack().id() + ": '" + DEADLINE.key()
                        + "' must be MM-dd, not '" + raw + "'", e);
            }
            LocalDate last = deadline.atYear(project.year());
            if (requested.isAfter(last)) {
                report.add(Rule.ADJUST_TOO_LATE, "targetRevision.requestedOn", Figures.of(
                        "requestedOn", requested.toString(), "deadline", last.toString(), "parameter", DEADLINE.key()),
                        requested.toString(), last.toString());
            }
        }

        private static void notTogether(Project project, Project.TargetRevision revision, boolean changed,
                List<String> lowered, Report report) {
            BigDecimal before = revision.budgetAmountBefore();
            BigDecimal after = project.budgetAmount();
            if (before == null || after == null || !report.on(Rule.ADJUST_NOT_TOGETHER)) {
                return;
            }
            BigDecimal tolerance = report.pack().decimal(BUDGET_TOLERANCE);
            BigDecimal moved = after.subtract(before).abs();
            BigDecimal share = before.signum() == 0 ? null : moved.divide(before, 4, RoundingMode.HALF_UP);
            if (!changed && moved.compareTo(before.multiply(tolerance)) > 0) {
                report.add(Rule.ADJUST_NOT_TOGETHER, "budget", 0, "budgetAmount", Figures.of(
                        "budgetAmountBefore", Figures.money(before), "budgetAmount", Figures.money(after),
                        "share", share == null ? null : share.toPlainString(), "tolerance", Figures.number(tolerance),
                        "parameter", BUDGET_TOLERANCE.key(), "indicatorsChanged", "false"),
                        Figures.money(before), Figures.money(after), Figures.percent(tolerance));
            }
            if (!lowered.isEmpty() && after.compareTo(before) >= 0) {
                report.add(Rule.ADJUST_NOT_TOGETHER, "target", 1, "targetRevision.approvedIndicators", Figures.of(
                        "lowered", String.join(",", lowered), "budgetAmountBefore", Figures.money(before),
                        "budgetAmount", Figures.money(after)),
                        String.join("、", lowered), Figures.money(before), Figures.money(after));
            }
        }

        /** How an approved indicator was lowered by its revision, or null when it was not. */
        static String lowering(Indicator before, Indicator after) {
            if (after == null) {
                return "REMOVED";
            }
            if (!Objects.equals(strip(before.unit()), strip(after.unit()))) {
                return "UNIT";
            }
            if (before.operator() != after.operator()) {
                return "OPERATOR";
            }
            if (before.operator() == null) {
                return Objects.equals(strip(before.value()), strip(after.value())) ? null : "VALUE";
            }
            BigDecimal b = number(before.value());
            BigDecimal a = number(after.value());
            if (b == null || a == null) {
                return Objects.equals(strip(before.value()), strip(after.value())) ? null : "VALUE";
            }
            return switch (before.operator()) {
                case GE, GT -> a.compareTo(b) < 0 ? "VALUE_DOWN" : null;
                case LE, LT -> a.compareTo(b) > 0 ? "VALUE_UP" : null;
                case EQ -> a.compareTo(b) != 0 ? "EQ_CHANGED" : null;
                case RANGE -> {
                    BigDecimal bMax = number(before.valueMax());
                    BigDecimal aMax = number(after.valueMax());
                    boolean wider = a.compareTo(b) < 0 || (bMax != null && aMax != null && aMax.compareTo(bMax) > 0);
                    yield wider ? "RANGE_WIDENED" : null;
                }
            };
        }

        private static boolean sameTarget(Indicator a, Indicator b) {
            return a.operator() == b.operator() && Objects.equals(strip(a.unit()), strip(b.unit()))
                    && sameNumber(a.value(), b.value()) && sameNumber(a.valueMax(), b.valueMax());
        }

        private static boolean sameNumber(String a, String b) {
            BigDecimal x = number(a);
            BigDecimal y = number(b);
            return x != null && y != null ? x.compareTo(y) == 0 : Objects.equals(strip(a), strip(b));
        }

        private static String describe(Indicator i) {
            String op = i.operator() == null ? "" : i.operator().name() + " ";
            String max = i.operator() == Indicator.Operator.RANGE ? ".." + i.valueMax() : "";
            return op + i.value() + max + (i.unit() == null ? "" : " " + i.unit());
        }

        private static BigDecimal number(String raw) {
            return Quantity.parse(raw).map(Quantity::number).orElse(null);
        }

        private static String strip(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }
}
