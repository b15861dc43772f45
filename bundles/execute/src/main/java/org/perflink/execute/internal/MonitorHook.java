package org.perflink.execute.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.perflink.api.hook.StageContext;
import org.perflink.api.hook.StageHook;
import org.perflink.api.host.HostException;
import org.perflink.api.hook.StageInputs;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.ExecutionSnapshot;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.api.model.Warning;
import org.perflink.execute.internal.DualMonitor;
import org.perflink.execute.internal.WarningClearance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The execute-stage hook (执行): one EXECUTE/MONITOR event is one monitoring round (监控轮次) at the event's
 * {@code asOf}. Execution snapshots are streamed page by page; the projects (with their targets) of each
 * page are fetched with one call; only the set of project codes seen grows with the region, so memory
 * stays flat per page. Projects the event covers that have no snapshot get NO_DATA.
 */
@Component(service = StageHook.class, property = StageHook.STAGE_PROPERTY + "=EXECUTE")
public final class MonitorHook implements StageHook {

    private static final Logger LOG = LoggerFactory.getLogger(MonitorHook.class);

    @Activate
    public MonitorHook() {
        // stateless: everything of a round lives in handle()
    }

    @Override
    public Stage stage() {
        return Stage.EXECUTE;
    }

    @Override
    public void handle(StageContext context) throws HostException {
        StageEvent event = context.event();
        if (event.phase() != Phase.MONITOR) {
            LOG.debug("Event {} has phase {}, not a monitoring round: nothing to do", event.eventId(), event.phase());
            return;
        }
        if (event.asOf() == null) {
            context.reject(event.eventId(), "EXECUTE/MONITOR event without asOf (monitoring cut-off date)", null);
            return;
        }
        new Round(context, event).run();
    }

    /** The state of one monitoring round. */
    private static final class Round {
        private final StageContext context;
        private final StageEvent event;
        private final StageInputs inputs;
        private final DualMonitor monitor;
        /** The event's project codes; empty: every project of the region and year. */
        private final Set<String> listed;
        /** Projects that had an execution snapshot (valid or rejected) in this round. */
        private final Set<String> seen = new HashSet<>();
        private int assessed;
        private int emitted;
        private int rejected;
        private int unidentified;

        Round(StageContext context, StageEvent event) {
            this.context = context;
            this.event = event;
            this.inputs = context.inputs();
            this.monitor = new DualMonitor(event.regionCode(), event.year(), event.asOf(), context.rulePack());
            this.listed = new LinkedHashSet<>(event.projectCodes());
        }

        void run() throws HostException {
            String region = event.regionCode();
            LocalDate asOf = event.asOf();
            // a checkpoint per page: its warnings may go out while the round goes on; a listing event can stop once
            // all its projects came
            inputs.execution(asOf).forEachPage(page -> {
                monitorPage(page);
                return !allListedSeen();
            });

            if (listsProjects()) {
                for (String code : listed) {
                    if (!seen.contains(code)) {
                        List<Warning> earlier = earlier(code);
                        emitRound(code, monitor.noSnapshot(code, earlier), earlier);
                    }
                }
            } else {
                // every project of the region: those the snapshot stream did not name have no data
                inputs.projects(List.of()).forEach(parsed -> {
                    if (parsed.identified() && seen.contains(parsed.key())) {
                        return; // monitored (or rejected) with its snapshot already
                    }
                    Project project = valueOrReject(parsed, "project");
                    if (project != null && seen.add(project.projectCode())) {
                        List<Warning> earlier = earlier(project.projectCode());
                        emitRound(project.projectCode(), monitor.assess(project, null, earlier), earlier);
                    }
                });
            }
            LOG.info("Monitoring round {} of region {} at {}: {} projects assessed, {} warnings, {} items rejected",
                    event.eventId(), region, asOf, assessed, emitted, rejected);
        }

        /** True when the event lists its projects (else it covers all of them). */
        private boolean listsProjects() {
            return !listed.isEmpty();
        }

        /** {@code seen} holds only listed codes when the event lists projects. */
        private boolean allListedSeen() {
            return listsProjects() && seen.size() == listed.size();
        }

        private boolean concerns(String code) {
            return listed.isEmpty() || listed.contains(code);
        }

        private void monitorPage(List<Parsed<ExecutionSnapshot>> items) throws HostException {
            List<ExecutionSnapshot> snapshots = new ArrayList<>(items.size());
            for (Parsed<ExecutionSnapshot> parsed : items) {
                String code = parsed.valid() ? parsed.value().projectCode() : parsed.identified() ? parsed.key() : null;
                if (code != null) {
                    if (!concerns(code)) {
                        continue;
                    }
                    // a rejected snapshot is in the dead-letter store: it gets no second record as NO_DATA
                    seen.add(code);
                }
                ExecutionSnapshot snapshot = valueOrReject(parsed, "execution snapshot");
                if (snapshot != null) {
                    snapshots.add(snapshot);
                }
            }
            if (snapshots.isEmpty()) {
                return;
            }
            Map<String, Project> projects = projectsOf(snapshots);
            for (ExecutionSnapshot snapshot : snapshots) {
                String code = snapshot.projectCode();
                List<Warning> warnings;
                List<Warning> earlier = earlier(code);
                try {
                    warnings = monitor.assess(projects.get(code), snapshot, earlier);
                } catch (RuntimeException e) {
                    // one bad project never stops the others
                    LOG.warn("Monitoring of project {} failed in round {}", code, event.eventId(), e);
                    reject(code, "monitoring failed: " + e);
                    continue;
                }
                assessed++;
                emitRound(code, warnings, earlier);
            }
        }

        /** The projects of one page's snapshots, with one lookup (paged through if the host splits it). */
        private Map<String, Project> projectsOf(List<ExecutionSnapshot> snapshots) throws HostException {
            List<String> codes = snapshots.stream().map(ExecutionSnapshot::projectCode).distinct().toList();
            Map<String, Project> projects = new HashMap<>(codes.size() * 2);
            inputs.projectLookup(codes).forEach(parsed -> {
                // an invalid project is rejected; its snapshot is still monitored for execution, without a target
                Project project = valueOrReject(parsed, "project");
                if (project != null) {
                    projects.putIfAbsent(project.projectCode(), project);
                }
            });
            return projects;
        }

        /** The item's value, or null after logging and rejecting it (identified or not). */
        private <T> T valueOrReject(Parsed<T> parsed, String what) {
            if (parsed.valid()) {
                return parsed.value();
            }
            String reason = what + " invalid at " + parsed.errorPath() + ": " + parsed.error();
            if (parsed.identified()) {
                LOG.warn("Skipping {} {} (revision {}) in round {}: {}", what, parsed.key(), parsed.revision(),
                        event.eventId(), reason);
                reject(parsed.key(), reason);
            } else {
                // not even identified: key it by the round and its place among this round's unidentified items
                String key = event.eventId() + "/unidentified-" + what.replace(' ', '-') + "#" + (++unidentified);
                LOG.warn("Skipping unidentified {} in round {} ({}): {}", what, event.eventId(), key, reason);
                reject(key, reason);
            }
            return null;
        }

        private void reject(String key, String reason) {
            rejected++;
            context.reject(key, reason, null);
        }

        /** The project's warnings of earlier rounds of this year (the dead band and {@code rounds} read them). */
        private List<Warning> earlier(String projectCode) {
            return context.history().warnings(projectCode).stream()
                    .filter(w -> w.year() == event.year() && w.asOf() != null && w.asOf().isBefore(event.asOf()))
                    .toList();
        }

        /**
         * Emits a project's warnings of this round, and clears (level NONE) those of its latest earlier
         * round that no longer hold, so the host can close them.
         */
        private void emitRound(String projectCode, List<Warning> warnings, List<Warning> earlier) {
            LocalDate lastRound = earlier.stream().map(Warning::asOf).max(LocalDate::compareTo).orElse(null);
            List<Warning> previous = earlier.stream().filter(w -> w.asOf().equals(lastRound)).toList();
            for (Warning w : warnings) {
                context.emit(HostResult.of(w));
                emitted++;
            }
            for (Warning w : WarningClearance.cleared(previous, warnings, event.asOf())) {
                context.emit(HostResult.of(w));
                emitted++;
            }
        }
    }
}
