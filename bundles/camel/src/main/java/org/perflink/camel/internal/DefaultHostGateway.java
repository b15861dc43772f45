package org.perflink.camel.internal;

import java.time.LocalDate;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.perflink.api.host.Delivery;
import org.perflink.api.host.HostException;
import org.perflink.api.host.HostGateway;
import org.perflink.api.host.Page;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.DepartmentEvaluationInput;
import org.perflink.api.model.ExecutionSnapshot;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectEvaluationInput;
import org.perflink.api.model.StageEvent;
import org.perflink.camel.host.HostJson;
import org.perflink.camel.host.HttpHostGateway;
import org.perflink.core.HostSettings;

/**
 * The configured host ({@link HostSettings}) as a {@link HostGateway} service named {@value #NAME}, so that
 * {@code perflink:simulate} reads it without reaching into this bundle. Re-created when the settings change.
 */
@Component(service = HostGateway.class, property = HostGateway.HOST_PROPERTY + "=" + DefaultHostGateway.NAME)
public final class DefaultHostGateway implements HostGateway {

    static final String NAME = "default";

    private final HttpHostGateway gateway;

    @Activate
    public DefaultHostGateway(@Reference HostSettings settings) {
        this.gateway = new HttpHostGateway(settings, HostJson.newMapper());
    }

    @Override
    public Page<StageEvent> stageEvents(String regionCode, String afterCursor, int limit) throws HostException {
        return gateway.stageEvents(regionCode, afterCursor, limit);
    }

    @Override
    public Page<Parsed<Project>> projects(String regionCode, int year, List<String> codes, String cursor, int limit)
            throws HostException {
        return gateway.projects(regionCode, year, codes, cursor, limit);
    }

    @Override
    public Page<Parsed<ExecutionSnapshot>> execution(String regionCode, int year, LocalDate asOf, String cursor, int limit)
            throws HostException {
        return gateway.execution(regionCode, year, asOf, cursor, limit);
    }

    @Override
    public Page<Parsed<ProjectEvaluationInput>> evaluations(String regionCode, int year, String cursor, int limit)
            throws HostException {
        return gateway.evaluations(regionCode, year, cursor, limit);
    }

    @Override
    public Page<Parsed<DepartmentEvaluationInput>> departments(String regionCode, int year, String cursor, int limit)
            throws HostException {
        return gateway.departments(regionCode, year, cursor, limit);
    }

    @Override
    public Delivery deliver(HostResult result) {
        return gateway.deliver(result);
    }

    @Override
    public List<Delivery> deliverBatch(String regionCode, List<HostResult> results) {
        return gateway.deliverBatch(regionCode, results);
    }
}
