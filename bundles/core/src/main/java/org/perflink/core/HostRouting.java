package org.perflink.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.perflink.api.host.HostGateway;

/**
 * Which {@link HostGateway} service a region talks to. Gateways carry {@link HostGateway#HOST_PROPERTY}
 * (the host configuration's name); one made for a region's {@code hostUrl} override also carries
 * {@link #REGION_PROPERTY}. A region naming a host takes that host's gateway; a region naming none takes
 * the host named {@link #DEFAULT_HOST} ({@code etc/org.perflink.host.cfg}), or the only host there is.
 * A region with a {@code hostUrl} takes only the gateway made for it (never the host's own URL instead).
 */
public final class HostRouting {

    /** The name of the singleton host configuration ({@code org.perflink.host.cfg}). */
    public static final String DEFAULT_HOST = "default";
    /** Service property of a gateway made for one region's {@code hostUrl} override: the region code. */
    public static final String REGION_PROPERTY = "perflink.region";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private HostRouting() {
    }

    /**
     * A host configuration's name: its {@code name} key, else the {@code <name>} of its file {@code <pid>-<name>.cfg}
     * (or of a factory PID {@code <pid>~<name>}), else {@value #DEFAULT_HOST}. Since 1.3.
     *
     * @throws IllegalArgumentException when the name is not {@link #validName valid}
     */
    public static String hostName(Map<String, ?> properties, String pid) {
        Object explicit = properties.get("name");
        String name = explicit instanceof String s && !s.isBlank() ? s.trim() : null;
        String filePrefix = pid + "-";
        if (name == null && properties.get("felix.fileinstall.filename") instanceof String file) {
            String base = file.substring(file.lastIndexOf('/') + 1);
            if (base.startsWith(filePrefix) && base.endsWith(".cfg")) {
                name = base.substring(filePrefix.length(), base.length() - ".cfg".length());
            }
        }
        if (name == null && properties.get("service.pid") instanceof String servicePid && servicePid.startsWith(pid + "~")) {
            name = servicePid.substring(pid.length() + 1);
        }
        if (name == null) {
            return DEFAULT_HOST;
        }
        if (!validName(name)) {
            throw new IllegalArgumentException("'name' must be a host name (letters, digits, '.', '_', '-'), got '" + name + "'");
        }
        return name;
    }

    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** The host name a region asks for: its {@code host}, or {@link #DEFAULT_HOST}. */
    public static String hostOf(RegionSettings region) {
        return region.host() == null || region.host().isBlank() ? DEFAULT_HOST : region.host().trim();
    }

    /**
     * The region's gateway among {@code gateways} (each with its service properties), or null when it is
     * absent.
     */
    public static <T> T select(RegionSettings region, Map<T, Map<String, ?>> gateways) {
        String wanted = hostOf(region);
        boolean named = region.host() != null && !region.host().isBlank();
        List<T> shared = new ArrayList<>();
        T byName = null;
        for (Map.Entry<T, Map<String, ?>> e : gateways.entrySet()) {
            Object host = e.getValue().get(HostGateway.HOST_PROPERTY);
            Object forRegion = e.getValue().get(REGION_PROPERTY);
            if (region.hostUrl() != null) {
                if (region.regionCode().equals(forRegion) && (!named || wanted.equals(host))) {
                    return e.getKey();
                }
                continue;
            }
            if (forRegion != null) {
                continue;
            }
            shared.add(e.getKey());
            if (Objects.equals(wanted, host)) {
                byName = e.getKey();
            }
        }
        if (byName != null || named) {
            return byName;
        }
        return shared.size() == 1 ? shared.get(0) : null;
    }

    /**
     * Whether the host named {@code hostName} makes the gateway of this region's {@code hostUrl} override:
     * the host the region names, else the default host (its other settings apply to the override).
     */
    public static boolean servesOverride(String hostName, RegionSettings region) {
        return region.hostUrl() != null && hostOf(region).equals(hostName);
    }
}
