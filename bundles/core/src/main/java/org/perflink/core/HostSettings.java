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
        boolean batch,
        String contract) {

    public enum Auth { NONE, BASIC, BEARER }

    /** Host contract 1.0: only v1 calls, kinds and enum values (host-api-v1.md, "v1.1 additions"). */
    public static final String CONTRACT_1_0 = "1.0";
    /** Host contract 1.1: also the v1.1 pulls, result kinds, paths and enum values. */
    public static final String CONTRACT_1_1 = "1.1";

    public HostSettings {
        contract = contract == null || contract.isBlank() ? CONTRACT_1_0 : requireContract(contract.trim(), "contract");
    }

    /** Settings of a host speaking contract 1.0. */
    public HostSettings(String url, Auth auth, String username, String secret, Duration connectTimeout,
            Duration requestTimeout, int pageSize, boolean batch) {
        this(url, auth, username, secret, connectTimeout, requestTimeout, pageSize, batch, CONTRACT_1_0);
    }

    /** Throws naming the key unless the value is 1.0 or 1.1 (since 1.2). */
    public static String requireContract(String value, String key) {
        if (!CONTRACT_1_0.equals(value) && !CONTRACT_1_1.equals(value)) {
            throw new IllegalArgumentException("'" + key + "' must be 1.0 or 1.1 (host contract), got '" + value + "'");
        }
        return value;
    }

    /** The same settings pointed at another URL (a region's host override). */
    public HostSettings withUrl(String otherUrl) {
        return new HostSettings(otherUrl, auth, username, secret, connectTimeout, requestTimeout, pageSize, batch, contract);
    }

    @Override
    public String toString() {
        return "HostSettings[url=" + url + ", auth=" + auth + ", username=" + username + ", secret=***"
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", pageSize=" + pageSize + ", batch=" + batch + ", contract=" + contract + "]";
    }
}
