/**
 * Host contract v1 over HTTP for plain Java (the launcher, benchmarks): {@link org.perflink.host.http.HttpHosts}
 * makes the gateway and the contract's codec without OSGi, {@link org.perflink.host.http.HostJson} is the
 * contract's ObjectMapper. Inside Karaf take the {@code HostGateway} and {@code ContractCodec} services instead.
 */
@Export
@Version("1.1.0")
package org.perflink.host.http;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
