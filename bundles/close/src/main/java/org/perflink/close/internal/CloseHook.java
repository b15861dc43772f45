package org.perflink.close.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.perflink.api.hook.PublicReport;
import org.perflink.api.hook.ResultHistory;
import org.perflink.api.hook.StageContext;
import org.perflink.api.hook.StageHook;
import org.perflink.api.host.HostException;
import org.perflink.api.model.Adjustment;
import org.perflink.api.model.Assessment;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Notice;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectEvaluationInput;
import org.perflink.api.model.ResultKind;
import org.perflink.api.model.Score;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.api.model.Verdict;
import org.perflink.api.model.Warning;
import org.perflink.close.internal.DepartmentComposite.DepartmentResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The close-stage hook (决算). EVALUATE writes each evaluated project's Score; LINK recomputes the same
 * scores (deterministic) and writes next year's Adjustments (项目/政策/转移支付, then 部门), the notices
 * (两书一函) and, for a v1.1 host, the work assessments and ranking (工作考核, rules.md §6); FOLLOW_UP escalates
 * the notices that are overdue or whose feedback was rejected ({@link FollowUpEvent}). Data is pulled
 * page by page; only per-department tallies outlive a page. A bad item is rejected and the others go on; a host
 * that cannot answer fails the event so that it is handled again.
 */
@Component(service = StageHook.class, property = StageHook.STAGE_PROPERTY + "=CLOSE")
public final class CloseHook implements StageHook {

    private static final Logger LOG = LoggerFactory.getLogger(CloseHook.class);

    static final int FEEDBACK_PAGE = 200;

    @Activate
    public CloseHook() {
        // stateless: the year's monitoring history comes with each event's context
    }

    @Override
    public Stage stage() {
        return Stage.CLOSE;
    }

    @Override
    public void handle(StageContext context) throws HostException {
        StageEvent event = context.event();
        switch (event.phase()) {
            case EVALUATE -> evaluate(context);
            case LINK -> link(context);
            case FOLLOW_UP -> FollowUpEvent.handle(context); // 跟踪问效 (rules.md §5)
            default -> LOG.debug("event {}: phase {} is not a close phase, nothing to do", event.eventId(), event.phase());
        }
    }

    private void evaluate(StageContext context) throws HostException {
        ProjectScorer scorer = new ProjectScorer(context.rulePack());
        String region = context.event().regionCode();
        EvaluatorChecks evaluators = new EvaluatorChecks(context.host(), region, context.rulePack());
        boolean wholeYear = context.event().allProjects();
        try {
            forEachEvaluated(context, (project, input) -> {
                Score score;
                try {
                    score = evaluators.evaluate(scorer, project, input).score();
                } catch (EvaluatorChecks.HostUnavailable e) {
                    throw e;
                } catch (RuntimeException e) {
                    reject(context, input.projectCode(), e);
                    return;
                }
                context.emit(HostResult.of(score));
                if (wholeYear) {
                    keepReport(context, project, input);
                }
            });
        } catch (EvaluatorChecks.HostUnavailable e) {
            throw e.hostException();
        }
    }

    private void link(StageContext context) throws HostException {
        StageEvent event = context.event();
        String region = event.regionCode();
        int year = event.year();
        ProjectScorer scorer = new ProjectScorer(context.rulePack());
        YearLinkage linkage = new YearLinkage(region, year, context.rulePack());
        YearAssessment assessment = new YearAssessment(region, year, context.rulePack());
        boolean wholeYear = event.allProjects();
        ResultHistory history = context.history();
        EvaluatorChecks evaluators = new EvaluatorChecks(context.host(), region, context.rulePack());
        try {
            forEachEvaluated(context, (project, input) -> {
                // From the store's records only, never from what the host acknowledged: the same year gives the same results.
                List<Warning> warnings = wholeYear ? history.warnings(input.projectCode()) : List.of();
                int red = WarningHistory.of(code -> warnings).redWarnings(region, year, input.projectCode());
                Optional<Adjustment> adjustment;
                try {
                    ProjectEvaluation evaluated = evaluators.evaluate(scorer, project, input);
                    if (wholeYear) {
                        List<Verdict> verdicts = history.verdicts(input.projectCode());
                        assessment.project(project, evaluated, verdicts, warnings, predecessorAdjustments(history, project));
                        adjustment = linkage.project(evaluated, red, linkage.points().record(project, evaluated,
                                verdicts, warnings));
                    } else {
                        adjustment = linkage.project(evaluated, red);
                    }
                } catch (EvaluatorChecks.HostUnavailable e) {
                    throw e;
                } catch (RuntimeException e) {
                    reject(context, input.projectCode(), e);
                    return;
                }
                adjustment.map(HostResult::of).ifPresent(context::emit);
            });
        } catch (EvaluatorChecks.HostUnavailable e) {
            throw e.hostException();
        }
        if (!wholeYear) {
            // Composites and notices need the whole year: from some projects they would overwrite the
            // department's notices (same deterministic ids) with partial ones.
            LOG.info("event {}: LINK restricted to {} project(s); department adjustments and notices are left to a LINK of the whole year",
                    event.eventId(), event.projectCodes().size());
            return;
        }
        context.inputs().departments().forEach(d -> {
            DepartmentResult result;
            try {
                result = linkage.department(d.input());
            } catch (RuntimeException e) {
                reject(context, d.key(), e);
                return;
            }
            result.adjustment().map(HostResult::of).ifPresent(context::emit);
            assessment.composite(result.departmentCode(), result.score(), result.grade());
        });
        if (event.occurredAt() == null) {
            // Dated by the clock, a repeated event would rewrite the notices with other due dates.
            context.reject("notices@" + event.eventId(), "the event has no occurredAt: notices cannot be dated", null);
            return;
        }
        // The event's own date, not the clock: handling the event twice gives the same notices.
        LocalDate noticeDate = event.occurredAt().toLocalDate();
        List<Notice> notices = new ArrayList<>(linkage.notices(noticeDate));
        notices.forEach(n -> context.emit(HostResult.of(n)));
        // §4.3, §5: the lower regions' composites, REGION adjustments and notices (v1.1 hosts only)
        LowerRegionLinkage.Outcome lower = new LowerRegionLinkage(region, year, context.rulePack())
                .link(context.host(), context.lowerRegions(), noticeDate, (key, reason) -> context.reject(key, reason, null));
        lower.composites().forEach(c -> c.adjustment().map(HostResult::of).ifPresent(context::emit));
        lower.notices().forEach(n -> context.emit(HostResult.of(n)));
        notices.addAll(lower.notices());
        assess(context, assessment, notices, lower.assessed(), noticeDate);
        // §10: each third-party institution's quality grade (a v1.1 result kind; no reports from a 1.0 host)
        EvaluatorQuality.grade(region, year, evaluators.reports(), context.rulePack(), event.occurredAt())
                .forEach(a -> context.emit(HostResult.of(a)));
    }

    /**
     * §6: the work assessment and ranking of R's departments (and lower regions), written as Assessments, and the
     * INTERVIEW of each lower region on the criticism list; both are v1.1 results, so a 1.0 host gets neither.
     */
    private static void assess(StageContext context, YearAssessment assessment, List<Notice> issued,
            List<SubjectFacts> lowerRegions, LocalDate noticeDate) throws HostException {
        if (!context.host().v11()) {
            LOG.debug("event {}: host contract 1.0, no work assessment written", context.event().eventId());
            return;
        }
        StageEvent event = context.event();
        NoticeCases cases = new NoticeCases(event.regionCode(), event.year(), noticeDate);
        for (int y : new int[] {event.year() - 1, event.year()}) {
            FollowUpEvent.readFeedback(context.host(), event.regionCode(), y, FEEDBACK_PAGE,
                    (key, reason) -> context.reject(key, reason, null), cases::feedback);
        }
        // The lower regions with a §4.3 composite, their facts from their own records; the cases are the §5 follow-up's.
        assessment.departmentCodes().forEach(code -> context.history().notices(code).forEach(cases::notice));
        lowerRegions.forEach(l -> context.history().notices(l.code()).forEach(cases::notice));
        issued.forEach(cases::notice);
        List<Assessment> assessments = assessment.assess(cases, cases, true, lowerRegions, event.occurredAt());
        assessments.forEach(a -> context.emit(HostResult.of(a)));
        assessment.regionInterviews(assessments, noticeDate).forEach(n -> context.emit(
                new HostResult(ResultKind.NOTICE, n.regionCode(), n.noticeId(), NoticeCases.subjectOf(n)[1], n)));
    }

    /**
     * rules.md §9: the address of a public key-evaluation report ({@code evaluation.reportUrl} with
     * {@code reportPublic: true}) is kept for the open-data export, as the Score body does not carry it. A report
     * no longer public (or of a confidential project) is withdrawn; an address that is not an http(s) URL is
     * withdrawn too and named in the log, never published. A project whose input has no {@code evaluation} says
     * nothing about a report and keeps what it had (no store write per project of a province).
     */
    private static void keepReport(StageContext context, Project project, ProjectEvaluationInput input) {
        ProjectEvaluationInput.Evaluation evaluation = input.evaluation();
        if (evaluation == null) {
            return;
        }
        String json = null;
        boolean confidential = project != null && project.isConfidential();
        if (!confidential && Boolean.TRUE.equals(evaluation.reportPublic()) && evaluation.reportUrl() != null
                && !evaluation.reportUrl().isBlank()) {
            json = PublicReport.json(evaluation.reportUrl());
            if (json == null) {
                LOG.warn("event {}: 项目 {} 的 evaluation.reportUrl 不予公开 (left out of the open-data export, rules.md §9): {}",
                        context.event().eventId(), input.projectCode(), PublicReport.problem(evaluation.reportUrl()));
            }
        }
        context.keepPublic(StageContext.PUBLIC_REPORT, input.year(), input.projectCode(), json);
    }

    /** The adjustments PerfLink wrote for the project's predecessor (延续/滚动), none without one. */
    static List<Adjustment> predecessorAdjustments(ResultHistory history, Project project) {
        Project.Predecessor p = project == null ? null : project.predecessor();
        return p == null || p.projectCode() == null ? List.of() : history.adjustments(p.projectCode());
    }

    /** What to do with one evaluated project and its target. */
    @FunctionalInterface
    private interface EvaluatedProject {
        void accept(Project project, ProjectEvaluationInput input);
    }

    /**
     * Streams the year's evaluation inputs (those of the event's projects when it lists some) page by
     * page, with the target Projects of each page fetched in one paged query.
     */
    private static void forEachEvaluated(StageContext context, EvaluatedProject action) throws HostException {
        StageEvent event = context.event();
        Set<String> only = event.allProjects() ? null : Set.copyOf(event.projectCodes());
        // a checkpoint per page: its results may go out while the year goes on; unusable inputs are rejected
        context.inputs().evaluations(only).forEach(e -> action.accept(e.project(), e.input()));
    }

    private static void reject(StageContext context, String key, RuntimeException e) {
        LOG.warn("event {}: {} rejected: {}", context.event().eventId(), key, e.getMessage());
        context.reject(key, e.getMessage() == null ? e.getClass().getName() : e.getMessage(), null);
    }
}
