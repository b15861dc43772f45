package org.perflink.host.http;

import org.perflink.api.host.ContractCodec;
import org.perflink.api.host.HostGateway;
import org.perflink.core.HostSettings;
import org.perflink.host.http.internal.HttpHostGateway;
import org.perflink.host.http.internal.JsonContractCodec;

/**
 * The one way to make host-HTTP objects outside OSGi (the launcher's {@code check} and {@code simulate}).
 * In Karaf the bundle registers them as services, one gateway per host configuration.
 */
public final class HttpHosts {

    private HttpHosts() {
    }

    /** A gateway to the host these settings describe (host contract v1 over HTTP). */
    public static HostGateway gateway(HostSettings settings) {
        return new HttpHostGateway(settings, HostJson.newMapper());
    }

    /** The contract's JSON: a Project document read with the contract's bounds, a result body as a PUT carries it. */
    public static ContractCodec codec() {
        return new JsonContractCodec(HostJson.newMapper());
    }
}
