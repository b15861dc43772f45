package org.perflink.close.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.perflink.api.host.HostException;
import org.perflink.api.host.HostGateway;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.Evaluator;
import org.perflink.api.model.ExAnte;
import org.perflink.api.model.Finding;
import org.perflink.api.model.Indicator;
import org.perflink.api.model.IndicatorActual;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectEvaluationInput;
import org.perflink.api.model.ProjectEvaluationInput.Evaluation;
import org.perflink.api.model.Score;
import org.perflink.api.model.Severity;
import org.perflink.api.rules.EvaluatorTies;
import org.perflink.api.rules.Messages;
import org.perflink.api.rules.Param;
import org.perflink.api.rules.RulePack;



/**
 * The evaluators behind a key evaluation score (§10, host contract v1.1): {@code EVALUATOR_CONFLICT} (a tie of an
 * evaluator or its institution to the project's department or unit in the cooling window, or an evaluator named on
 * the ex-ante assessment of the project or its predecessor: the report's score is then not used) and the quality of
 * a third party's report ({@code EVALUATOR_QUALITY_DEVIATION}, {@code _LATE}, {@code _UNSCORED}). Inactive for a
 * 1.0 host. Each report checked is kept for the institution's annual quality grade ({@link EvaluatorQuality}).
 */
public final class EvaluatorChecks {

    public static final String CONFLICT = "EVALUATOR_CONFLICT";
    public static final String DEVIATION = "EVALUATOR_QUALITY_DEVIATION";
    public static final String LATE = "EVALUATOR_QUALITY_LATE";
    public static final String UNSCORED = "EVALUATOR_QUALITY_UNSCORED";

    public static final Param COOLING_YEARS = EvaluatorTies.COOLING_YEARS;
    public static final Param MAX_DEVIATION = Param.of("evaluator.quality.maxDeviation", "10",
            "points a third-party report's score may differ from PerfLink's score from the report's own actuals (P)");

    static final Messages MESSAGES = new Messages("org.perflink.close.internal.evaluators",
            EvaluatorChecks.class.getClassLoader());

    /** One checked report, for the institution's quality grade. */
    public record Report(String institutionId, String projectCode, boolean conflict, boolean deviation, boolean late,
            boolean unscored) {
    }

    /** The host could not answer a registry or predecessor pull: the event is tried again. */
    public static final class HostUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient HostException hostException;

        HostUnavailable(HostException e) {
            super(e.getMessage(), e, false, false);
            this.hostException = e;
        }

        public HostException hostException() {
            return hostException;
        }
    }

    private final boolean active;
    private final RulePack pack;
    private final HostGateway host;
    private final String regionCode;
    private Map<String, Evaluator> registry;
    private final List<Report> reports = new ArrayList<>();

    public EvaluatorChecks(HostGateway host, String regionCode, RulePack pack) {
        this.active = host.v11();
        this.host = host;
        this.regionCode = regionCode;
        this.pack = pack;
    }

    public static List<Param> parameters() {
        return List.of(COOLING_YEARS, MAX_DEVIATION);
    }

    /** The reports checked so far, in order. */
    public List<Report> reports() {
        return List.copyOf(reports);
    }

    /**
     * The project's evaluation with the evaluator findings added to its Score; on a conflict the Score falls back
     * to the one computed from the project's own indicators ({@code source} SELF_EVALUATION).
     */
    public ProjectEvaluation evaluate(ProjectScorer scorer, Project project, ProjectEvaluationInput input) {
        ProjectEvaluation evaluation = scorer.evaluate(regionCode, project, input);
        Evaluation who = input.evaluation();
        if (!active || who == null || input.keyEvaluationScore() == null) {
            return evaluation;
        }
        List<Finding> findings = new ArrayList<>();
        boolean conflict;
        try {
            conflict = conflict(project, input, who, findings);
        } catch (HostException e) {
            throw new HostUnavailable(e);
        }
        boolean thirdParty = who.kind() == Evaluation.Kind.THIRD_PARTY;
        boolean deviation = thirdParty && deviation(scorer, project, input, who, findings);
        boolean late = thirdParty && late(who, findings);
        boolean unscored = thirdParty && unscored(project, who, findings);
        if (thirdParty && who.institutionId() != null) {
            reports.add(new Report(who.institutionId(), input.projectCode(), conflict, deviation, late, unscored));
        }
        if (findings.isEmpty()) {
            return evaluation;
        }
        ProjectEvaluation basis = conflict ? scorer.evaluate(regionCode, project, withoutKeyScore(input, input.indicators()))
                : evaluation;
        Score s = basis.score();
        List<Finding> all = new ArrayList<>(s.findings());
        all.addAll(findings);
        Score score = new Score(s.scoreId(), s.projectCode(), s.regionCode(), s.year(), s.score(), s.grade(), s.source(),
                s.breakdown(), s.selfScore(), all, s.rulePack());
        return new ProjectEvaluation(basis.input(), basis.projectName(), basis.departmentCode(), basis.kind(), score,
                basis.exactScore(), basis.selfScoreInflated());
    }

    private boolean conflict(Project project, ProjectEvaluationInput input, Evaluation who, List<Finding> findings)
            throws HostException {
        int coolingYears = pack.integer(COOLING_YEARS);
        EvaluatorTies.Window window = EvaluatorTies.Window.cooling(input.year(), input.year(), coolingYears);
        Set<String> ids = new LinkedHashSet<>();
        if (who.institutionId() != null) {
            ids.add(who.institutionId());
        }
        ids.addAll(who.evaluatorIds());
        Set<String> exAnte = exAnteEvaluators(project);
        // an institution's tie is reported once, under the first id that reaches it, not again per expert
        List<EvaluatorTies.Conflict> ties = ids.isEmpty() ? List.of()
                : EvaluatorTies.conflicts(ids, registry(), project.departmentCode(), project.unitCode(), window);
        boolean found = false;
        for (String id : ids) {
            for (EvaluatorTies.Conflict c : ties) {
                if (c.evaluatorId().equals(id)) {
                    Evaluator.Tie tie = c.tie();
                    findings.add(finding(CONFLICT, Severity.BLOCK, "evaluation.evaluatorIds", "tie", figures(
                            "evaluatorId", id, "tiedEvaluatorId", c.tied().evaluatorId(), "with", c.with(),
                            "relation", String.valueOf(tie.relation()), "from", String.valueOf(tie.from()),
                            "to", String.valueOf(tie.to()), "window", window.toString(),
                            "parameter", COOLING_YEARS.key(), "coolingYears", Integer.toString(coolingYears)),
                            id, c.with(), window.from().toString(), window.to().toString()));
                    found = true;
                }
            }
            if (exAnte.contains(id)) {
                findings.add(finding(CONFLICT, Severity.BLOCK, "evaluation.evaluatorIds", "exAnte",
                        figures("evaluatorId", id, "exAnte", "NAMED"), id));
                found = true;
            }
        }
        return found;
    }

    /** Who assessed the project, and its predecessor, ex ante (v1.1 {@code exAnte.evaluatorIds}). */
    private Set<String> exAnteEvaluators(Project project) throws HostException {
        Set<String> ids = new LinkedHashSet<>();
        addExAnte(project.exAnte(), ids);
        Project.Predecessor link = project.predecessor();
        if (link != null && link.projectCode() != null) {
            Parsed<Project> before = host.project(regionCode, link.projectCode(), link.year());
            if (before != null && before.valid()) {
                addExAnte(before.value().exAnte(), ids);
            }
        }
        return ids;
    }

    private static void addExAnte(ExAnte exAnte, Set<String> ids) {
        if (exAnte != null) {
            ids.addAll(exAnte.evaluatorIds());
        }
    }

    private boolean deviation(ProjectScorer scorer, Project project, ProjectEvaluationInput input, Evaluation who,
            List<Finding> findings) {
        BigDecimal reported = input.keyEvaluationScore();
        BigDecimal recomputed;
        try {
            recomputed = scorer.evaluate(regionCode, project, withoutKeyScore(input, who.indicators())).exactScore();
        } catch (RuntimeException e) {
            return false; // the report's actuals score nothing: UNSCORED says so
        }
        BigDecimal max = pack.decimal(MAX_DEVIATION);
        BigDecimal diff = reported.subtract(recomputed).abs();
        if (diff.compareTo(max) <= 0) {
            return false;
        }
        findings.add(finding(DEVIATION, Severity.WARN, "keyEvaluationScore", null, figures(
                "reportScore", reported.toPlainString(), "recomputed", cents(recomputed), "deviation", cents(diff),
                "maxDeviation", max.toPlainString(), "parameter", MAX_DEVIATION.key(),
                "institutionId", who.institutionId()), reported.toPlainString(), cents(recomputed), cents(diff),
                max.toPlainString()));
        return true;
    }

    private boolean late(Evaluation who, List<Finding> findings) {
        if (who.dueDate() == null || who.reportDate() == null || !who.reportDate().isAfter(who.dueDate())) {
            return false;
        }
        findings.add(finding(LATE, Severity.WARN, "evaluation.reportDate", null, figures(
                "reportDate", who.reportDate().toString(), "dueDate", who.dueDate().toString(),
                "institutionId", who.institutionId()), who.reportDate().toString(), who.dueDate().toString()));
        return true;
    }

    private boolean unscored(Project project, Evaluation who, List<Finding> findings) {
        List<Indicator> indicators = project.target() == null ? List.of() : project.target().indicators();
        int[] paired = IndicatorActual.pair(indicators, who.indicators());
        List<String> left = new ArrayList<>();
        for (int i = 0; i < paired.length; i++) {
            String actual = paired[i] < 0 ? null : who.indicators().get(paired[i]).actual();
            if (actual == null || actual.isBlank()) {
                left.add(indicators.get(i).code());
            }
        }
        if (left.isEmpty()) {
            return false;
        }
        findings.add(finding(UNSCORED, Severity.WARN, "evaluation.indicators", null, figures(
                "unscored", String.join(",", left), "indicators", Integer.toString(indicators.size()),
                "institutionId", who.institutionId()), String.join("、", left)));
        return true;
    }

    private static ProjectEvaluationInput withoutKeyScore(ProjectEvaluationInput in, List<IndicatorActual> actuals) {
        return new ProjectEvaluationInput(in.projectCode(), in.year(), in.kind(), in.recurrence(), in.departmentCode(),
                in.budgetAmount(), in.paidAmount(), actuals, in.selfScore(), null, in.nextYearRequest(), in.evaluation());
    }

    private Map<String, Evaluator> registry() throws HostException {
        if (registry == null) {
            registry = EvaluatorTies.registry(host, regionCode);
        }
        return registry;
    }

    private static Finding finding(String ruleId, Severity severity, String path, String variant,
            Map<String, String> figures, String... args) {
        Messages.Text text = MESSAGES.text(variant == null ? ruleId : ruleId + "." + variant, (Object[]) args);
        return new Finding(ruleId, severity, path, text.zh(), text.en(), figures);
    }

    private static Map<String, String> figures(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                m.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return m;
    }

    static String cents(BigDecimal n) {
        return n.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
