package org.perflink.close.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.perflink.api.hook.LowerRegions;
import org.perflink.api.hook.ResultHistory;
import org.perflink.api.host.HostGateway;
import org.perflink.api.model.DepartmentEvaluationInput;
import org.perflink.api.rules.RulePack;
import org.perflink.api.stage.LinkSimulation;
import org.perflink.api.stage.RuleCatalog;

/**
 * The what-if simulation service ({@link Simulation}), for {@code perflink:simulate}; listed in
 * {@code META-INF/services} for {@link java.util.ServiceLoader} outside Karaf ({@code ./perflink simulate}).
 */
@Component(service = LinkSimulation.class, property = RuleCatalog.STAGE_PROPERTY + "=CLOSE")
public final class CloseLinkSimulation implements LinkSimulation {

    @Activate
    public CloseLinkSimulation() {
        // stateless
    }

    @Override
    public Report simulate(String regionCode, int year, Iterable<Case> cases, Iterable<DepartmentEvaluationInput> departments,
            RulePack current, RulePack candidate, ResultHistory history) {
        return Simulation.run(regionCode, year, cases, departments, current, candidate,
                WarningHistory.of(history == null ? NO_HISTORY : history));
    }

    /** With the region's whole record: components from it (§4.1, §4.2) and the lower regions' composites (§4.3). */
    @Override
    public Report simulate(String regionCode, int year, Iterable<Case> cases, Iterable<DepartmentEvaluationInput> departments,
            RulePack current, RulePack candidate, ResultHistory history, LowerRegions lowerRegions, HostGateway host) {
        ResultHistory records = history == null ? NO_HISTORY : history;
        return Simulation.run(regionCode, year, cases, departments, current, candidate, WarningHistory.of(records),
                records, lowerRegions == null ? LowerRegions.NONE : lowerRegions, host);
    }
}
