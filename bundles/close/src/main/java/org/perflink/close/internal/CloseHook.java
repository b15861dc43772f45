package org.perflink.close.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.perflink.api.hook.ResultHistory;
import org.perflink.api.hook.StageContext;
import org.perflink.api.hook.StageHook;
import org.perflink.api.host.HostException;
import org.perflink.api.host.HostGateway;
import org.perflink.api.host.Page;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.Adjustment;
import org.perflink.api.model.DepartmentEvaluationInput;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectEvaluationInput;
import org.perflink.api.model.Score;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.api.model.Warning;
import org.perflink.close.ProjectEvaluation;
import org.perflink.close.ProjectScorer;
import org.perflink.close.WarningHistory;
import org.perflink.close.YearLinkage;
import org.perflink.close.DepartmentComposite.DepartmentResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The close-stage hook (决算). EVALUATE writes each evaluated project's Score; LINK recomputes the same
 * scores (deterministic) and writes next year's Adjustments (项目/政策/转移支付, then 部门) and the notices
 * (两书一函). Data is pulled page by page; only per-department tallies outlive a page. A bad item is
 * rejected and the others go on; a host that cannot answer fails the event so that it is handled again.
 */
@Component(service = StageHook.class, property = StageHook.STAGE_PROPERTY + "=CLOSE")
public final class CloseHook implements StageHook {

    private static final Logger LOG = LoggerFactory.getLogger(CloseHook.class);

    static final int EVALUATION_PAGE = 200;
    static final int PROJECT_PAGE = 1000;
    static final int DEPARTMENT_PAGE = 200;

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
            default -> LOG.debug("event {}: phase {} is not a close phase, nothing to do", event.eventId(), event.phase());
        }
    }

    private void evaluate(StageContext context) throws HostException {
        ProjectScorer scorer = new ProjectScorer(context.rulePack());
        String region = context.event().regionCode();
        forEachEvaluated(context, (project, input) -> {
            Score score;
            try {
                score = scorer.score(region, project, input);
            } catch (RuntimeException e) {
                reject(context, input.projectCode(), e);
                return;
            }
            context.emit(HostResult.of(score));
        });
    }

    private void link(StageContext context) throws HostException {
        StageEvent event = context.event();
        String region = event.regionCode();
        int year = event.year();
        ProjectScorer scorer = new ProjectScorer(context.rulePack());
        YearLinkage linkage = new YearLinkage(region, year, context.rulePack());
        boolean wholeYear = event.allProjects();
        ResultHistory history = context.history();
        forEachEvaluated(context, (project, input) -> {
            // From the store's records only, never from what the host acknowledged: the same year gives the same results.
            List<Warning> warnings = wholeYear ? history.warnings(input.projectCode()) : List.of();
            int red = WarningHistory.of(code -> warnings).redWarnings(region, year, input.projectCode());
            Optional<Adjustment> adjustment;
            try {
                ProjectEvaluation evaluated = scorer.evaluate(region, project, input);
                adjustment = wholeYear
                        ? linkage.project(evaluated, red, linkage.points().record(project, evaluated,
                                history.verdicts(input.projectCode()), warnings))
                        : linkage.project(evaluated, red);
            } catch (RuntimeException e) {
                reject(context, input.projectCode(), e);
                return;
            }
            adjustment.map(HostResult::of).ifPresent(context::emit);
        });
        if (!wholeYear) {
            // Composites and notices need the whole year: from some projects they would overwrite the
            // department's notices (same deterministic ids) with partial ones.
            LOG.info("event {}: LINK restricted to {} project(s); department adjustments and notices are left to a LINK of the whole year",
                    event.eventId(), event.projectCodes().size());
            return;
        }
        HostGateway host = context.host();
        String cursor = null;
        do {
            Page<Parsed<DepartmentEvaluationInput>> page = host.departments(region, year, cursor, DEPARTMENT_PAGE);
            int index = 0;
            for (Parsed<DepartmentEvaluationInput> item : page.items()) {
                String key = item.identified() ? item.key() : "departments@" + (cursor == null ? "first" : cursor) + "#" + index;
                index++;
                if (!item.valid()) {
                    context.reject(key, "department input: " + item.errorPath() + ": " + item.error(), null);
                    continue;
                }
                DepartmentResult result;
                try {
                    result = linkage.department(item.value());
                } catch (RuntimeException e) {
                    reject(context, key, e);
                    continue;
                }
                result.adjustment().map(HostResult::of).ifPresent(context::emit);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        if (event.occurredAt() == null) {
            // Dated by the clock, a repeated event would rewrite the notices with other due dates.
            context.reject("notices@" + event.eventId(), "the event has no occurredAt: notices cannot be dated", null);
            return;
        }
        // The event's own date, not the clock: handling the event twice gives the same notices.
        LocalDate noticeDate = event.occurredAt().toLocalDate();
        linkage.notices(noticeDate).forEach(n -> context.emit(HostResult.of(n)));
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
        HostGateway host = context.host();
        Set<String> only = event.allProjects() ? null : Set.copyOf(event.projectCodes());
        String cursor = null;
        do {
            Page<Parsed<ProjectEvaluationInput>> page = host.evaluations(event.regionCode(), event.year(), cursor, EVALUATION_PAGE);
            List<ProjectEvaluationInput> inputs = new ArrayList<>();
            int index = 0;
            for (Parsed<ProjectEvaluationInput> item : page.items()) {
                String key = item.identified() ? item.key() : "evaluations@" + (cursor == null ? "first" : cursor) + "#" + index;
                index++;
                if (only != null && !(item.identified() && only.contains(item.key()))) {
                    continue;
                }
                if (!item.valid()) {
                    context.reject(key, "evaluation input: " + item.errorPath() + ": " + item.error(), null);
                } else if (item.value().projectCode() == null) {
                    context.reject(key, "evaluation input: projectCode: missing", null);
                } else {
                    inputs.add(item.value());
                }
            }
            Map<String, Parsed<Project>> projects = projectsOf(context, inputs);
            for (ProjectEvaluationInput input : inputs) {
                Parsed<Project> project = projects.get(input.projectCode());
                if (project == null) {
                    context.reject(input.projectCode(), "no project " + input.projectCode() + " of year " + event.year()
                            + " at the host: its target indicators are needed to score it", null);
                } else if (!project.valid()) {
                    context.reject(input.projectCode(), "project: " + project.errorPath() + ": " + project.error(), null);
                } else {
                    action.accept(project.value(), input);
                }
            }
            context.checkpoint(); // this page's results may go out while the year goes on
            cursor = page.nextCursor();
        } while (cursor != null);
    }

    /** The target Projects of one page of inputs, paging through the host's answer. */
    private static Map<String, Parsed<Project>> projectsOf(StageContext context, List<ProjectEvaluationInput> inputs)
            throws HostException {
        Map<String, Parsed<Project>> byCode = new HashMap<>();
        if (inputs.isEmpty()) {
            return byCode; // an empty code list would ask the host for every project of the year
        }
        Set<String> codes = new LinkedHashSet<>();
        inputs.forEach(i -> codes.add(i.projectCode()));
        StageEvent event = context.event();
        String cursor = null;
        do {
            Page<Parsed<Project>> page = context.host().projects(event.regionCode(), event.year(), List.copyOf(codes), cursor, PROJECT_PAGE);
            for (Parsed<Project> p : page.items()) {
                if (p.identified() && codes.contains(p.key())) {
                    // A valid copy wins over an invalid one of the same code.
                    byCode.merge(p.key(), p, (old, neu) -> old.valid() ? old : neu);
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return byCode;
    }

    private static void reject(StageContext context, String key, RuntimeException e) {
        LOG.warn("event {}: {} rejected: {}", context.event().eventId(), key, e.getMessage());
        context.reject(key, e.getMessage() == null ? e.getClass().getName() : e.getMessage(), null);
    }
}
