package org.perflink.core;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;

/**
 * How to reach the host budget system ({@code org.perflink.host}). Secrets are never in toString.
 * <p>
 * Credentials ({@code BASIC}, {@code BEARER}) are refused over plain {@code http://} to a host other than the
 * loopback address unless {@code allowInsecureCredentials}: they would cross the network in clear. The check
 * runs on every construction, a region's {@link #withUrl host override} included.
 */
public record HostSettings(
        String url,
        Auth auth,
        String username,
        String secret,
        Duration connectTimeout,
        Duration requestTimeout,
        int pageSize,
        boolean batch,
        boolean allowInsecureCredentials,
        String contract) {

    public enum Auth { NONE, BASIC, BEARER }

    /** Host contract 1.0: only v1 calls, kinds and enum values (host-api-v1.md, "v1.1 additions"). */
    public static final String CONTRACT_1_0 = "1.0";
    /** Host contract 1.1: also the v1.1 pulls, result kinds, paths and enum values. */
    public static final String CONTRACT_1_1 = "1.1";

    public HostSettings {
        requireSafeTransport(url, auth, allowInsecureCredentials);
        contract = contract == null || contract.isBlank() ? CONTRACT_1_0 : requireContract(contract.strip(), "contract");
    }

    /** Settings of a host of contract 1.0 that never allow credentials over plain HTTP to another machine. */
    public HostSettings(String url, Auth auth, String username, String secret, Duration connectTimeout,
            Duration requestTimeout, int pageSize, boolean batch) {
        this(url, auth, username, secret, connectTimeout, requestTimeout, pageSize, batch, false, CONTRACT_1_0);
    }

    /** Settings of a host of contract 1.0. */
    public HostSettings(String url, Auth auth, String username, String secret, Duration connectTimeout,
            Duration requestTimeout, int pageSize, boolean batch, boolean allowInsecureCredentials) {
        this(url, auth, username, secret, connectTimeout, requestTimeout, pageSize, batch, allowInsecureCredentials,
                CONTRACT_1_0);
    }

    /** Settings that never allow credentials over plain HTTP to another machine, for a host of this contract. */
    public HostSettings(String url, Auth auth, String username, String secret, Duration connectTimeout,
            Duration requestTimeout, int pageSize, boolean batch, String contract) {
        this(url, auth, username, secret, connectTimeout, requestTimeout, pageSize, batch, false, contract);
    }

    /** Throws naming the key unless the value is 1.0 or 1.1. */
    public static String requireContract(String value, String key) {
        if (!CONTRACT_1_0.equals(value) && !CONTRACT_1_1.equals(value)) {
            throw new IllegalArgumentException("'" + key + "' must be 1.0 or 1.1 (host contract), got '" + value + "'");
        }
        return value;
    }

    /** The same settings for a host of another contract (a region's {@code hostContract} override). */
    public HostSettings withContract(String otherContract) {
        return new HostSettings(url, auth, username, secret, connectTimeout, requestTimeout, pageSize, batch,
                allowInsecureCredentials, otherContract);
    }

    /** The same settings pointed at another URL (a region's host override). */
    public HostSettings withUrl(String otherUrl) {
        return new HostSettings(otherUrl, auth, username, secret, connectTimeout, requestTimeout, pageSize, batch,
                allowInsecureCredentials, contract);
    }

    /**
     * Throws, naming {@code url} and {@code allowInsecureCredentials}, when credentials would be sent in clear
     * to another machine.
     */
    public static void requireSafeTransport(String url, Auth auth, boolean allowInsecureCredentials) {
        if (auth == null || auth == Auth.NONE || allowInsecureCredentials || url == null) {
            return;
        }
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return; // not a URL: the URL's own check reports it
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || loopback(uri.getHost())) {
            return;
        }
        throw new IllegalArgumentException("'url': " + auth + " 凭据不得经明文 http:// 发往非本机主机 " + uri.getHost()
                + "，请改用 https://，或设置 allowInsecureCredentials = true (" + auth
                + " credentials are refused over plain http:// to the non-loopback host " + uri.getHost()
                + ": use https://, or set allowInsecureCredentials = true)");
    }

    /** Loopback by name or literal address; a name is never resolved (DNS could say anything). */
    private static boolean loopback(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        boolean literal = h.startsWith("[") || h.chars().allMatch(c -> Character.isDigit(c) || c == '.');
        if (!literal) {
            return false;
        }
        try {
            return InetAddress.getByName(h.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "HostSettings[url=" + url + ", auth=" + auth + ", username=" + username + ", secret=***"
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", pageSize=" + pageSize + ", batch=" + batch
                + ", allowInsecureCredentials=" + allowInsecureCredentials + ", contract=" + contract + "]";
    }
}
