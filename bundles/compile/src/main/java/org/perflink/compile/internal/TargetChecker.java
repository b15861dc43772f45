package org.perflink.compile.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorFactory;
import org.hibernate.validator.engine.HibernateConstraintViolation;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.Evaluator;
import org.perflink.api.model.Finding;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.Severity;
import org.perflink.api.model.StageEvent;
import org.perflink.api.model.Verdict;
import org.perflink.api.rules.Messages;
import org.perflink.api.rules.EvaluatorTies;
import org.perflink.api.rules.Param;
import org.perflink.api.rules.RulePack;
import org.perflink.compile.internal.BalancedWeights;
import org.perflink.compile.internal.CompilePhase;
import org.perflink.compile.internal.Evidence;
import org.perflink.compile.internal.ExAnteAssessed;
import org.perflink.compile.internal.FinanceScope;
import org.perflink.compile.internal.LibraryAdmission;
import org.perflink.compile.internal.LibraryStandard;
import org.perflink.compile.internal.PriorRecords;
import org.perflink.compile.internal.MostlyQuantified;
import org.perflink.compile.internal.ProjectUnderCheck;
import org.perflink.compile.internal.RegionLibraries;
import org.perflink.compile.internal.Rule;
import org.perflink.compile.internal.SyncedWithBudget;
import org.perflink.compile.internal.TargetAdjusted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compile-stage target checks (编制阶段绩效目标审核) of rules.md §1: one {@link Verdict} per project
 * and phase, with explainable findings. Checks of a phase include those of the earlier phases. Usable
 * without OSGi; thread-safe; holds a Hibernate Validator factory, so {@link #close()} it when done.
 */
public final class TargetChecker implements AutoCloseable {

    /** The project could not be read as host contract v1 describes it (not a rule-pack rule). */
    public static final String INPUT_INVALID = "INPUT_INVALID";
    /** The check itself failed on this project (not a rule-pack rule). */
    public static final String CHECK_FAILED = "CHECK_FAILED";

    /** One rule: its stable id, the first phase that runs it and its built-in severity. */
    public record RuleInfo(String ruleId, Phase phase, Severity defaultSeverity) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(TargetChecker.class);

    private static final List<Param> PARAMETERS = List.of(
            SyncedWithBudget.APPROVE_TOLERANCE,
            SyncedWithBudget.PUBLISH_TOLERANCE,
            ExAnteAssessed.THRESHOLD,
            MostlyQuantified.MIN_QUANT_SHARE,
            BalancedWeights.LEVEL1,
            RegionLibraries.LIBRARY_FILE,
            LibraryStandard.EASY_RATIO,
            FinanceScope.SCOPE,
            FinanceScope.KEY_THRESHOLD,
            LibraryAdmission.DEPARTMENT_THRESHOLD,
            TargetAdjusted.DEADLINE,
            TargetAdjusted.BUDGET_TOLERANCE,
            EvaluatorTies.COOLING_YEARS,
            DisclosedInTime.DAYS);

    private static final List<RuleInfo> RULES = Arrays.stream(Rule.values())
            .map(r -> new RuleInfo(r.id(), r.phase(), r.severity())).toList();

    /** Findings in catalogue order, then in the order each rule gives (e.g. by indicator). */
    private static final Comparator<Evidence> FINDING_ORDER = Comparator
            .comparing(Evidence::rule).thenComparingInt(Evidence::order);

    private final IndicatorLibrary library;
    /** Each region's library: this one overlaid by the {@code library.file} of its rule packs. */
    private final RegionLibraries regionLibraries = new RegionLibraries();
    private final ValidatorFactory factory;
    private final Messages messages;
    /** The validator bound to the last rule pack: an event's projects all share one pack. */
    private volatile BoundValidator bound;

    private record BoundValidator(RulePack pack, Validator validator) {
    }

    public TargetChecker(IndicatorLibrary library) {
        this.library = library == null ? IndicatorLibrary.EMPTY : library;
        // Explicit provider and no EL: works inside OSGi, and no expression language ever sees host input.
        this.factory = Validation.byProvider(HibernateValidator.class)
                .providerResolver(() -> List.of(new HibernateValidator()))
                .configure()
                .ignoreXmlConfiguration()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        this.messages = new Messages("org.perflink.compile.internal.messages", TargetChecker.class.getClassLoader());
    }

    public TargetChecker() {
        this(IndicatorLibrary.EMPTY);
    }

    /** The rules, in catalogue order. */
    public static List<RuleInfo> rules() {
        return RULES;
    }

    /** Every parameter the rules read, with its built-in default (for the rule-pack report). */
    public List<Param> parameters() {
        return PARAMETERS;
    }

    public IndicatorLibrary library() {
        return library;
    }

    /** The library a region's projects are checked against (rules.md §11: overlaid per region). */
    public IndicatorLibrary libraryFor(RulePack pack) {
        return regionLibraries.libraryFor(library, pack);
    }

    /**
     * Checks a project for a compile phase (LIBRARY, DECLARED..PUBLISHED, ADJUST) under a rule pack. An unreadable
     * indicator value is a finding; a malformed parameter of the rule pack throws
     * {@link IllegalArgumentException} naming it.
     */
    public Verdict check(Project project, Phase phase, RulePack pack, OffsetDateTime checkedAt) {
        return check(project, phase, pack, checkedAt, PriorRecords.NONE);
    }

    /** As {@link #check(Project, Phase, RulePack, OffsetDateTime)}, with the project's earlier years (LIBRARY). */
    public Verdict check(Project project, Phase phase, RulePack pack, OffsetDateTime checkedAt, PriorRecords prior) {
        return check(project, phase, pack, checkedAt, prior, Map.of());
    }

    /**
     * As {@link #check(Project, Phase, RulePack, OffsetDateTime, PriorRecords)}, with the host's evaluator registry by
     * id (empty: unknown), against which the ex-ante assessment's evaluators are checked ({@code EVALUATOR_CONFLICT}).
     */
    public Verdict check(Project project, Phase phase, RulePack pack, OffsetDateTime checkedAt, PriorRecords prior,
            Map<String, Evaluator> evaluators) {
        Objects.requireNonNull(pack, "pack");
        Class<?> group = CompilePhase.groupOf(phase);
        Set<ConstraintViolation<ProjectUnderCheck>> violations;
        try {
            violations = validatorFor(pack).validate(ProjectUnderCheck.of(project, libraryFor(pack), prior, evaluators),
                    group);
        } catch (ValidationException e) {
            // Hibernate Validator wraps what a rule threw (e.g. a malformed parameter): report the cause itself.
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        List<Evidence> evidence = new ArrayList<>(violations.size());
        for (ConstraintViolation<ProjectUnderCheck> v : violations) {
            HibernateConstraintViolation<?> hv = v.unwrap(HibernateConstraintViolation.class);
            evidence.add(hv.getDynamicPayload(Evidence.class));
        }
        evidence.sort(FINDING_ORDER);
        List<Finding> findings = new ArrayList<>(evidence.size());
        for (Evidence e : evidence) {
            Messages.Text text = messages.text(e.messageKey(), e.args().toArray());
            findings.add(new Finding(e.rule().id(), pack.severity(e.rule().id(), e.rule().severity()), e.path(),
                    text.zh(), text.en(), e.figures()));
        }
        return verdict(project.projectCode(), project.regionCode(), project.year(), phase, project.revision(),
                findings, pack, checkedAt);
    }

    /**
     * Checks one item of the host's project feed for a stage event, and never throws for one project:
     * an item that did not match the contract gets an {@code INPUT_INVALID} verdict, a check that failed
     * a {@code CHECK_FAILED} verdict (logged). The item must be {@link Parsed#identified() identified}.
     * {@code checkedAt} is the event's time, so handling an event again gives the same verdict.
     */
    public Verdict check(Parsed<Project> item, StageEvent event, RulePack pack) {
        return check(item, event, pack, p -> PriorRecords.NONE);
    }

    /** As {@link #check(Parsed, StageEvent, RulePack)}, looking up each valid project's earlier years first. */
    public Verdict check(Parsed<Project> item, StageEvent event, RulePack pack,
            java.util.function.Function<Project, PriorRecords> prior) {
        return check(item, event, pack, prior, p -> Map.of());
    }

    /** And the evaluator registry each valid project's ex-ante assessment is checked against (empty: unknown). */
    public Verdict check(Parsed<Project> item, StageEvent event, RulePack pack,
            java.util.function.Function<Project, PriorRecords> prior,
            java.util.function.Function<Project, Map<String, Evaluator>> evaluators) {
        if (!item.identified()) {
            throw new IllegalArgumentException("an unidentified item has no verdict: reject it");
        }
        if (!item.valid()) {
            // Plain Java: there is no project to put constraints on, only the parser's error.
            return single(item.key(), item.revision(), event, pack, INPUT_INVALID, item.errorPath(), item.error());
        }
        try {
            return check(item.value(), event.phase(), pack, event.occurredAt(), prior.apply(item.value()),
                    evaluators.apply(item.value()));
        } catch (RuntimeException e) {
            LOG.error("compile check of project {} r{} for event {} failed", item.key(), item.revision(), event.eventId(), e);
            return single(item.key(), item.revision(), event, pack, CHECK_FAILED, null, e.toString());
        }
    }

    /** A verdict with one BLOCK finding that is not a rule of the pack (INPUT_INVALID, CHECK_FAILED). */
    private Verdict single(String projectCode, long revision, StageEvent event, RulePack pack, String ruleId,
            String path, String error) {
        Messages.Text text = messages.text(ruleId);
        Finding finding = new Finding(ruleId, Severity.BLOCK, path, text.zh(), text.en(),
                Map.of("error", error == null ? "" : error));
        return verdict(projectCode, event.regionCode(), event.year(), event.phase(), revision, List.of(finding), pack,
                event.occurredAt());
    }

    private static Verdict verdict(String projectCode, String regionCode, int year, Phase phase, long revision,
            List<Finding> findings, RulePack pack, OffsetDateTime checkedAt) {
        return new Verdict(Verdict.idOf(projectCode, phase, revision), projectCode, regionCode, year, phase, revision,
                Verdict.outcomeOf(findings), findings, pack.id(), checkedAt);
    }

    /** Validators are cheap but not free: reuse the one for the current pack (the payload the rules read). */
    private Validator validatorFor(RulePack pack) {
        BoundValidator b = bound;
        if (b == null || b.pack() != pack) {
            b = new BoundValidator(pack, factory.unwrap(HibernateValidatorFactory.class).usingContext()
                    .constraintValidatorPayload(pack)
                    .getValidator());
            bound = b;
        }
        return b.validator();
    }

    @Override
    public void close() {
        factory.close();
    }
}
