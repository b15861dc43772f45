package org.perflink.host.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.osgi.service.component.annotations.Component;
import org.perflink.api.host.ContractCodec;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Project;
import org.perflink.host.http.HostJson;

/** {@link ContractCodec} with the contract's mapper, its item limits and its bounds, as pages are read. */
@Component(service = ContractCodec.class)
public final class JsonContractCodec implements ContractCodec {

    private final ObjectMapper mapper;
    private final JsonFactory pageFactory = HostJson.newPageFactory();
    private final ItemReader reader;

    public JsonContractCodec() {
        this(HostJson.newMapper());
    }

    public JsonContractCodec(ObjectMapper mapper) {
        this.mapper = mapper;
        this.reader = new ItemReader(mapper, pageFactory);
    }

    @Override
    public Parsed<Project> readProject(InputStream json) throws IOException {
        byte[] bytes = json.readNBytes((int) HostJson.MAX_DOCUMENT_LENGTH + 1);
        if (bytes.length > HostJson.MAX_DOCUMENT_LENGTH) {
            throw new IOException("document longer than " + HostJson.MAX_DOCUMENT_LENGTH + " bytes");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        try (JsonParser p = pageFactory.createParser(text)) { // not JSON at all: throws, naming no content
            while (p.nextToken() != null) {
                p.skipChildren();
            }
        }
        return reader.parse(text, Project.class, "projectCode");
    }

    @Override
    public String writeResult(HostResult result, boolean pretty) {
        try {
            Object body = result.body();
            if (body instanceof String s) {
                body = mapper.readTree(s);
            }
            return pretty ? mapper.writerWithDefaultPrettyPrinter().writeValueAsString(body) : mapper.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the body of " + result.kind() + " " + result.id(), e);
        }
    }
}
