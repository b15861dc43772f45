package org.perflink.core;

import java.time.Duration;

/** How to reach the host budget system ({@code org.perflink.host}). Secrets are never in toString. */
public record HostSettings(
        String url,
        Auth auth,
        String username,
        String secret,
        Duration connectTimeout,
        Duration requestTimeout,
        int pageSize,
        boolean batch) {

    public enum Auth { NONE, BASIC, BEARER }

    /** The same settings pointed at another URL (a region's host override). */
    public HostSettings withUrl(String otherUrl) {
        return new HostSettings(otherUrl, auth, username, secret, connectTimeout, requestTimeout, pageSize, batch);
    }

    @Override
    public String toString() {
        return "HostSettings[url=" + url + ", auth=" + auth + ", username=" + username + ", secret=***"
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", pageSize=" + pageSize + ", batch=" + batch + "]";
    }
}
