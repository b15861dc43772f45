package org.perflink.close.internal;

import static org.perflink.close.internal.Figures.cents;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.perflink.api.model.Adjustment;
import org.perflink.api.model.Adjustment.Action;
import org.perflink.api.model.Adjustment.Scope;
import org.perflink.api.model.Grade;
import org.perflink.api.model.ProjectKind;
import org.perflink.api.model.Recurrence;
import org.perflink.api.rules.Messages.Text;
import org.perflink.api.rules.Param;
import org.perflink.api.rules.RulePack;
import org.perflink.close.internal.PolicyComposite;

/**
 * Links a project's, policy's or transfer payment's grade to its budget (结果应用与预算挂钩, rules.md §3.2):
 * {@code deltaAmount = round(base × ratio, 2, HALF_UP)}, the base being the request for {@code budgetYear}
 * ({@code link.base = REQUEST}) or the evaluated year's final budget ({@code CURRENT_BUDGET}). CANCEL and TERMINATE
 * mean ratio −1.00. Immutable; one instance per rule pack.
 */
public final class LinkageCalculator {

    public static final String LINK_PROJECT_GRADE = "LINK_PROJECT_GRADE";
    public static final String LINK_POLICY_GRADE = "LINK_POLICY_GRADE";
    public static final String LINK_TRANSFER_GRADE = "LINK_TRANSFER_GRADE";

    public static final Param PROJECT_EXCELLENT = Param.of("link.project.excellentRatio", "0", "PROJECT graded EXCELLENT: PRIORITIZE with this ratio");
    public static final Param PROJECT_GOOD = Param.of("link.project.goodRatio", "0", "PROJECT graded GOOD: KEEP with this ratio");
    public static final Param PROJECT_MEDIUM = Param.of("link.project.mediumRatio", "-0.10", "PROJECT graded MEDIUM: REDUCE by this ratio (P)");
    public static final Param PROJECT_POOR = Param.of("link.project.poorRatio", "-0.30",
            "continuing/recurring PROJECT graded POOR: REDUCE by this ratio (P); one-off POOR projects are cancelled");
    public static final Param PROJECT_CANCEL_BELOW = Param.of("link.project.cancelBelow", "40",
            "continuing/recurring PROJECT graded POOR with a score below this is cancelled (P)");
    public static final Param TRANSFER_EXCELLENT = Param.of("link.transfer.excellentRatio", "0.05", "TRANSFER graded EXCELLENT: PRIORITIZE with this ratio (P)");
    public static final Param TRANSFER_GOOD = Param.of("link.transfer.goodRatio", "0", "TRANSFER graded GOOD: KEEP with this ratio");
    public static final Param TRANSFER_MEDIUM = Param.of("link.transfer.mediumRatio", "-0.05", "TRANSFER graded MEDIUM: REDUCE by this ratio (P)");
    public static final Param TRANSFER_POOR = Param.of("link.transfer.poorRatio", "-0.15", "TRANSFER graded POOR: REDUCE by this ratio (P)");
    public static final Param BASE = Param.of("link.base", "REQUEST",
            "base of a project linkage: REQUEST (requests[budgetYear], else nextYearRequest) or CURRENT_BUDGET (the evaluated year's final budget, which an inflated request cannot enlarge)");
    public static final Param BUDGET_YEAR_OFFSET = Param.of("link.budgetYearOffset", "1",
            "budgetYear = evaluated year + this: 1, or 2 where the evaluation ends after next year's budget is approved");

    /** What a project linkage is applied to (rules.md §3.2, since rules v2). */
    public enum Base { REQUEST, CURRENT_BUDGET }

    /** CANCEL and TERMINATE take the whole request away. */
    static final BigDecimal WHOLE = new BigDecimal("-1.00");

    private final RulePack pack;
    private final BigDecimal projectExcellent;
    private final BigDecimal projectGood;
    private final BigDecimal projectMedium;
    private final BigDecimal projectPoor;
    private final BigDecimal cancelBelow;
    private final BigDecimal transferExcellent;
    private final BigDecimal transferGood;
    private final BigDecimal transferMedium;
    private final BigDecimal transferPoor;
    private final Base base;
    private final int budgetYearOffset;

    public LinkageCalculator(RulePack pack) {
        this.pack = Objects.requireNonNull(pack, "pack");
        this.projectExcellent = pack.decimal(PROJECT_EXCELLENT);
        this.projectGood = pack.decimal(PROJECT_GOOD);
        this.projectMedium = pack.decimal(PROJECT_MEDIUM);
        this.projectPoor = pack.decimal(PROJECT_POOR);
        this.cancelBelow = pack.decimal(PROJECT_CANCEL_BELOW);
        this.transferExcellent = pack.decimal(TRANSFER_EXCELLENT);
        this.transferGood = pack.decimal(TRANSFER_GOOD);
        this.transferMedium = pack.decimal(TRANSFER_MEDIUM);
        this.transferPoor = pack.decimal(TRANSFER_POOR);
        this.base = base(pack);
        this.budgetYearOffset = budgetYearOffset(pack);
    }

    private static Base base(RulePack pack) {
        String value = pack.string(BASE).trim();
        try {
            return Base.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rule pack " + pack.id() + ": " + BASE.key()
                    + " must be REQUEST or CURRENT_BUDGET, not '" + value + "'", e);
        }
    }

    /** {@code link.budgetYearOffset}, 1 or 2; DEPARTMENT and REGION adjustments follow it too. */
    static int budgetYearOffset(RulePack pack) {
        int offset = pack.integer(BUDGET_YEAR_OFFSET);
        if (offset < 1 || offset > 2) {
            throw new IllegalArgumentException("rule pack " + pack.id() + ": " + BUDGET_YEAR_OFFSET.key()
                    + " must be 1 or 2, not " + offset);
        }
        return offset;
    }

    public static List<Param> parameters() {
        return List.of(PROJECT_EXCELLENT, PROJECT_GOOD, PROJECT_MEDIUM, PROJECT_POOR, PROJECT_CANCEL_BELOW,
                TRANSFER_EXCELLENT, TRANSFER_GOOD, TRANSFER_MEDIUM, TRANSFER_POOR, BASE, BUDGET_YEAR_OFFSET);
    }

    /** What the table says for one evaluated subject, with the case it matched (for the explanation). */
    public record Decision(Scope scope, String ruleId, Action action, BigDecimal ratio, Text rule) {
    }

    /**
     * The adjustment of one evaluated project for {@code year + link.budgetYearOffset}; empty when the rule is switched off
     * ({@code rule.<RULE_ID>.enabled=false}).
     *
     * @throws EvaluationInputException when the kind is missing, or a PROJECT has no recurrence
     */
    public Optional<Adjustment> link(String regionCode, ProjectEvaluation e) {
        return link(regionCode, e, Optional.empty());
    }

    /**
     * As {@link #link(String, ProjectEvaluation)}; a POLICY or TRANSFER project with a §4.2 composite is linked
     * by the composite's grade, its basis naming the composite, the Score behind it and the components.
     */
    public Optional<Adjustment> link(String regionCode, ProjectEvaluation e, Optional<PolicyComposite.Result> composite) {
        Optional<PolicyComposite.Result> used = e.kind() == ProjectKind.POLICY || e.kind() == ProjectKind.TRANSFER
                ? composite : Optional.empty();
        Grade grade = used.map(PolicyComposite.Result::grade).orElse(e.grade());
        Decision d = decide(e, grade);
        if (!pack.enabled(d.ruleId())) {
            return Optional.empty();
        }
        int budgetYear = e.year() + budgetYearOffset;
        BigDecimal baseAmount = this.base == Base.CURRENT_BUDGET ? e.input().budgetAmount() : e.input().requestFor(budgetYear);
        BigDecimal base = cents(baseAmount == null ? BigDecimal.ZERO : baseAmount); // an absent base counts as 0 (v1)
        BigDecimal ratio = Figures.ratio(d.ratio());
        BigDecimal delta = cents(base.multiply(ratio));
        String subject = e.projectCode();
        String score = Figures.score(used.map(PolicyComposite.Result::score).orElse(e.exactScore()));
        Text label = e.projectName() == null || e.projectName().isBlank()
                ? new Text(subject, subject) : new Text(subject + "（" + e.projectName() + "）", subject + " (" + e.projectName() + ")");
        Text explanation = Texts.text(this.base == Base.CURRENT_BUDGET ? "link.explanation.currentBudget" : "link.explanation",
                Texts.text("kind." + e.kind()), label, e.year(), score, Texts.text("source." + e.score().source()),
                GradeBands.word(grade), d.ruleId(), d.rule(), Texts.text("action." + d.action()),
                budgetYear, Figures.money(base), Figures.percent(ratio), Figures.money(delta));
        Map<String, String> basis = new LinkedHashMap<>(Map.of("score", score, "grade", grade.name(), "source", e.score().source().name()));
        used.ifPresent(c -> basis.put("evaluationScore", Figures.score(e.exactScore()))); // only a Score: v1's basis
        if (this.base == Base.CURRENT_BUDGET) {
            basis.put("base", Base.CURRENT_BUDGET.name()); // the default (REQUEST) keeps v1's basis
        }
        return Optional.of(new Adjustment(Adjustment.idOf(regionCode, e.year(), d.scope(), subject), regionCode, e.year(),
                budgetYear, d.scope(), subject, basis, d.action(), ratio, base, delta, d.ruleId(),
                explanation.zh(), explanation.en(), used.map(PolicyComposite.Result::components).orElse(null)));
    }

    /** The row and column of the §3.2 table that apply; pure, for simulations too. */
    public Decision decide(ProjectEvaluation e) {
        return decide(e, e.grade());
    }

    private Decision decide(ProjectEvaluation e, Grade grade) {
        if (e.kind() == null) {
            throw new EvaluationInputException(e.projectCode(), "kind", "missing kind (PROJECT, POLICY or TRANSFER)");
        }
        Text gradeWord = GradeBands.word(grade);
        return switch (e.kind()) {
            case PROJECT -> project(e, grade, gradeWord);
            case POLICY -> {
                Text rule = Texts.text("link.case.policy", gradeWord);
                yield switch (grade) {
                    case EXCELLENT, GOOD -> policy(Action.CONTINUE, BigDecimal.ZERO, rule);
                    case MEDIUM -> policy(Action.ADJUST, BigDecimal.ZERO, rule); // revise before funding again
                    case POOR -> policy(Action.TERMINATE, WHOLE, rule);
                };
            }
            case TRANSFER -> {
                Text rule = Texts.text("link.case.transfer", gradeWord);
                yield switch (grade) {
                    case EXCELLENT -> transfer(Action.PRIORITIZE, transferExcellent, rule);
                    case GOOD -> transfer(Action.KEEP, transferGood, rule);
                    case MEDIUM -> transfer(Action.REDUCE, transferMedium, rule);
                    case POOR -> transfer(Action.REDUCE, transferPoor, rule);
                };
            }
        };
    }

    private Decision project(ProjectEvaluation e, Grade grade, Text gradeWord) {
        Recurrence recurrence = e.input().recurrence();
        if (recurrence == null) {
            throw new EvaluationInputException(e.projectCode(), "recurrence",
                    "a PROJECT needs its recurrence (ONE_OFF, CONTINUING or RECURRING) to be linked");
        }
        Text rule = Texts.text("link.case.project", Texts.text("recurrence." + recurrence), gradeWord);
        return switch (grade) {
            case EXCELLENT -> project(Action.PRIORITIZE, projectExcellent, rule);
            case GOOD -> project(Action.KEEP, projectGood, rule);
            case MEDIUM -> project(Action.REDUCE, projectMedium, rule);
            case POOR -> {
                if (recurrence == Recurrence.ONE_OFF) {
                    yield project(Action.CANCEL, WHOLE, rule);
                }
                // Compared unrounded, like the grade itself.
                if (e.exactScore().compareTo(cancelBelow) < 0) {
                    yield project(Action.CANCEL, WHOLE, Texts.text("link.case.projectCancel",
                            Texts.text("recurrence." + recurrence), gradeWord, Figures.plain(cancelBelow)));
                }
                yield project(Action.REDUCE, projectPoor, rule);
            }
        };
    }

    private static Decision project(Action action, BigDecimal ratio, Text rule) {
        return new Decision(Scope.PROJECT, LINK_PROJECT_GRADE, action, ratio, rule);
    }

    private static Decision policy(Action action, BigDecimal ratio, Text rule) {
        return new Decision(Scope.POLICY, LINK_POLICY_GRADE, action, ratio, rule);
    }

    private static Decision transfer(Action action, BigDecimal ratio, Text rule) {
        return new Decision(Scope.TRANSFER, LINK_TRANSFER_GRADE, action, ratio, rule);
    }
}
