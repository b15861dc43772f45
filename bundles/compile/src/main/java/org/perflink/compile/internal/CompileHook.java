package org.perflink.compile.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.perflink.core.InOrder;
import org.perflink.core.SystemProperties;
import org.perflink.api.hook.StageContext;
import org.perflink.api.hook.StageHook;
import org.perflink.api.host.HostException;
import org.perflink.api.host.HostGateway;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.Evaluator;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.api.rules.EvaluatorTies;
import org.perflink.api.rules.RulePack;
import org.perflink.compile.internal.IndicatorLibrary;
import org.perflink.compile.internal.TargetChecker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compile-stage hook (编制): for a COMPILE event, streams the event's projects from the host page by
 * page, checks each for the event's phase under the region's rule pack and emits one verdict each.
 * Reads the indicator library named by its configuration; a configuration change re-activates it.
 */
@Component(service = StageHook.class, property = StageHook.STAGE_PROPERTY + "=COMPILE",
        configurationPid = CompileHook.PID)
@Designate(ocd = CompileHook.Config.class)
public final class CompileHook implements StageHook {

    public static final String PID = LibraryLocation.PID;

    @ObjectClassDefinition(name = "PerfLink indicator library (核心指标库)",
            description = "Core indicators per function code, for the LIBRARY_UNKNOWN_INDICATOR check")
    public @interface Config {
        @AttributeDefinition(name = "Library file",
                description = "JSON file mapping function code to [{name, unit}]; ${karaf.etc} and other "
                        + "${system.property} references are resolved. A missing file means an empty library.")
        String file() default LibraryLocation.DEFAULT_FILE;
    }

    private static final Logger LOG = LoggerFactory.getLogger(CompileHook.class);

    private final TargetChecker checker;

    @Activate
    public CompileHook(Config config) {
        this(new TargetChecker(loadLibrary(resolve(config.file()))));
    }

    CompileHook(TargetChecker checker) {
        this.checker = checker;
    }

    @Deactivate
    void deactivate() {
        checker.close();
    }

    @Override
    public Stage stage() {
        return Stage.COMPILE;
    }

    @Override
    public void handle(StageContext context) throws HostException {
        StageEvent event = context.event();
        if (event.stage() != Stage.COMPILE || event.phase() == null || !checked(event, context.host())) {
            LOG.warn("event {} is {}/{}, not a compile phase that is checked; ignored", event.eventId(),
                    event.stage(), event.phase());
            return;
        }
        RulePack pack = context.rulePack();
        HostGateway host = context.host();
        PriorLookup lookup = event.phase() == Phase.LIBRARY
                ? new PriorLookup(event.regionCode(), host, context.history()) : null;
        ExAnteRegistry registry = new ExAnteRegistry(event, host);
        boolean disclosing = event.phase() == Phase.PUBLISHED || event.phase() == Phase.ADJUST;
        try {
            // a checkpoint per page: verdicts go out while the rest of a large event is still being checked
            context.inputs().projects(event.projectCodes()).forEachPage(page -> {
                checkPage(page, context, event, pack, lookup, registry, disclosing);
                return true;
            });
        } catch (PriorUnavailable e) {
            throw e.cause; // the host could not answer now: the event is tried again, like a failed page
        }
    }

    /**
     * One project's inputs and what its check gave: the verdict and, when its event discloses, its public target
     * ({@code null} withdraws the record).
     */
    private record Checked(Parsed<Project> item, PriorRecords prior, Map<String, Evaluator> evaluators,
            HostResult verdict, boolean disclosed, String publicTarget) {
    }

    /**
     * Checks one page: the host lookups (predecessors, the evaluator registry) in the page's order on this thread,
     * the checks themselves (pure, the checker thread-safe) on every core, then the verdicts emitted in the page's
     * order, so ids, bodies and the outbox order are those of a check on one thread.
     */
    private void checkPage(List<Parsed<Project>> page, StageContext context, StageEvent event, RulePack pack,
            PriorLookup lookup, ExAnteRegistry registry, boolean disclosing) {
        List<Checked> inputs = new ArrayList<>(page.size());
        for (Parsed<Project> item : page) {
            if (item.identified()) {
                PriorRecords prior = lookup == null || !item.valid() ? PriorRecords.NONE : priorOf(lookup, item.value());
                Map<String, Evaluator> evaluators = item.valid() ? registry.of(item.value()) : Map.of();
                inputs.add(new Checked(item, prior, evaluators, null, false, null));
            } else {
                inputs.add(new Checked(item, null, null, null, false, null));
            }
        }
        List<Checked> checked = InOrder.map(inputs, in -> !in.item().identified() ? in
                : new Checked(in.item(), in.prior(), in.evaluators(),
                        HostResult.of(checker.check(in.item(), event, pack, p -> in.prior(), p -> in.evaluators())),
                        disclosing && in.item().valid(),
                        disclosing && in.item().valid() ? PublicTarget.of(in.item().value()) : null));
        for (Checked c : checked) {
            Parsed<Project> item = c.item();
            if (item.identified()) {
                context.emit(c.verdict());
                if (c.disclosed()) {
                    // rules.md §9: the published target enters the open-data export after PUBLISHED and ADJUST
                    Project project = item.value();
                    context.keepPublic(StageContext.PUBLIC_TARGET, project.year(), project.projectCode(),
                            c.publicTarget());
                }
            } else {
                context.reject(null, "project without a readable projectCode does not match host contract v1 at '"
                        + item.errorPath() + "': " + item.error(), null);
            }
        }
    }

    /**
     * DECLARED..PUBLISHED always; LIBRARY and ADJUST (v1.1 phases) only from a host of contract 1.1, and ADJUST
     * only with the projects it names (its {@code projectCodes} are required).
     */
    static boolean checked(StageEvent event, HostGateway host) {
        Phase phase = event.phase();
        if (phase == Phase.LIBRARY || phase == Phase.ADJUST) {
            if (!host.v11()) {
                LOG.warn("event {}: phase {} needs host contract 1.1, the host speaks {}", event.eventId(), phase,
                        host.contract());
                return false;
            }
            if (phase == Phase.ADJUST && event.allProjects()) {
                LOG.warn("event {}: an ADJUST event must name its projectCodes", event.eventId());
                return false;
            }
            return true;
        }
        return phase.atLeast(Phase.DECLARED);
    }

    private static PriorRecords priorOf(PriorLookup lookup, Project project) {
        try {
            return lookup.of(project);
        } catch (HostException e) {
            throw new PriorUnavailable(e);
        }
    }

    /**
     * The host's evaluator registry (v1.1 {@code evaluators}), pulled once per event and only when a project's
     * ex-ante assessment names evaluators, in the phases that check it (LIBRARY, DECLARED..PUBLISHED): the
     * {@code EVALUATOR_CONFLICT} check on ex-ante assessments (rules.md §10). Empty for a 1.0 host.
     */
    private static final class ExAnteRegistry {
        private final boolean active;
        private final String regionCode;
        private final HostGateway host;
        private Map<String, Evaluator> byId;

        ExAnteRegistry(StageEvent event, HostGateway host) {
            this.active = host.v11() && event.phase() != Phase.ADJUST;
            this.regionCode = event.regionCode();
            this.host = host;
        }

        Map<String, Evaluator> of(Project project) {
            if (!active || project.exAnte() == null || project.exAnte().evaluatorIds().isEmpty()) {
                return Map.of();
            }
            if (byId == null) {
                try {
                    byId = EvaluatorTies.registry(host, regionCode);
                } catch (HostException e) {
                    throw new PriorUnavailable(e);
                }
            }
            return byId;
        }
    }

    /** Carries a host failure of the predecessor or registry lookup out of the page consumer. */
    private static final class PriorUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient HostException cause;

        PriorUnavailable(HostException cause) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
        }
    }

    /** Replaces {@code ${name}} with the system property (e.g. {@code karaf.etc}); unknown ones stay. */
    static String resolve(String file) {
        return SystemProperties.substitute(file);
    }

    /** The library, or an empty one (logged once) when the file is missing or unreadable. */
    static IndicatorLibrary loadLibrary(String file) {
        return LibraryLocation.loadOrEmpty(Path.of(file));
    }
}
