package org.perflink.admin.internal;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.perflink.host.http.HostJson;

/** The project's JSON mapper ({@link HostJson}), when the host-HTTP bundle is wired; null otherwise. */
public final class HostMapper {

    private HostMapper() {
    }

    public static ObjectMapper orNull() {
        return StageCatalogs.hostJsonInstalled() ? create() : null;
    }

    private static ObjectMapper create() {
        return HostJson.newMapper();
    }
}
