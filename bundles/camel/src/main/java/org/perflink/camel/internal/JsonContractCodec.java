package org.perflink.camel.internal;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.perflink.api.host.ContractCodec;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Project;
import org.perflink.camel.host.HostJson;

/**
 * Host contract v1's JSON ({@link HostJson}) as a service, so {@code perflink:check} reads a project file the way
 * the engine reads the host; listed in {@code META-INF/services} for {@link java.util.ServiceLoader} outside Karaf.
 */
@Component(service = ContractCodec.class)
public final class JsonContractCodec implements ContractCodec {

    private final ObjectMapper mapper = HostJson.newMapper();

    @Activate
    public JsonContractCodec() {
        // the mapper is all there is
    }

    @Override
    public Parsed<Project> readProject(InputStream json) throws IOException {
        try {
            Project project = mapper.readValue(json, Project.class);
            if (project == null) {
                return Parsed.invalid(null, 0, "", "no project");
            }
            return Parsed.ok(project, project.projectCode(), project.revision());
        } catch (JsonMappingException e) {
            return Parsed.invalid(null, 0, pathOf(e), e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            return Parsed.invalid(null, 0, "", e.getMessage());
        }
    }

    @Override
    public String writeResult(HostResult result, boolean pretty) {
        try {
            return (pretty ? mapper.writerWithDefaultPrettyPrinter() : mapper.writer()).writeValueAsString(result.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("result " + result.id() + " not serializable", e);
        }
    }

    /** {@code target.indicators[2].operator} from Jackson's reference chain. */
    static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
