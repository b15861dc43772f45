package org.perflink.host.files;

import java.nio.file.Path;

import org.perflink.api.host.HostGateway;
import org.perflink.host.files.internal.FilesHostGateway;
import org.perflink.host.http.HostJson;

/** The one way to make a file-drop gateway outside OSGi. In Karaf the bundle registers one per configuration. */
public final class FileHosts {

    private FileHosts() {
    }

    /** A gateway over {@code folder} ({@code <folder>/<regionCode>/} per region). */
    public static HostGateway gateway(Path folder, long stableMillis, String contract) {
        return new FilesHostGateway(folder, stableMillis, contract, HostJson.newMapper());
    }
}
