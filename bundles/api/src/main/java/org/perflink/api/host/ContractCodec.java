package org.perflink.api.host;

import java.io.IOException;
import java.io.InputStream;

import org.osgi.annotation.versioning.ProviderType;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Project;

/**
 * Host contract v1's JSON, as a service of the host-HTTP bundle: reads a contract document with the
 * contract's bounds and writes a result body exactly as a PUT carries it. Lets a dry run
 * ({@code perflink:check}) read a project file without the engine (since 1.2).
 */
@ProviderType
public interface ContractCodec {

    /**
     * Reads one Project document. A document that is JSON but does not match the contract comes back invalid,
     * naming the field; a stream that is not JSON at all, or exceeds the bounds, throws.
     */
    Parsed<Project> readProject(InputStream json) throws IOException;

    /** The result's body as host contract v1 writes it (pretty-printed when asked, for people). */
    String writeResult(HostResult result, boolean pretty);
}
