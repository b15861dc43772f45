package org.perflink.host.http.internal;

import java.time.Duration;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.perflink.api.host.HostGateway;
import org.perflink.core.HostRouting;
import org.perflink.core.HostSettings;
import org.perflink.core.RegionSettings;
import org.perflink.host.http.HostJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance per host configuration: {@code etc/org.perflink.host.cfg} (or none: the defaults) is the host
 * {@value HostRouting#DEFAULT_HOST}, each {@code etc/org.perflink.host-<name>.cfg} the host {@code <name>}.
 * Registers that host's {@link HostGateway} (and its {@link HostSettings}) with {@link HostGateway#HOST_PROPERTY}, and one more gateway
 * for each region of this host whose configuration overrides the URL ({@code hostUrl}; the other settings
 * of this host apply). A change of the configuration re-registers the gateways, so the routes restart.
 */
@Component(name = "org.perflink.host", configurationPolicy = ConfigurationPolicy.OPTIONAL, service = {})
@Designate(ocd = HostConfig.class, factory = true)
public class HostGatewayComponent {

    private static final Logger LOG = LoggerFactory.getLogger(HostGatewayComponent.class);

    private final BundleContext context;
    private final String name;
    private final HostSettings settings;
    private final ServiceRegistration<HostGateway> registration;
    private final ServiceRegistration<HostSettings> settingsRegistration;
    /** A region's URL-override gateway, with the region settings it was made for. */
    private record Override(RegionSettings region, ServiceRegistration<HostGateway> registration) {
    }

    private final Map<String, Override> overrides = new ConcurrentHashMap<>();
    private volatile boolean active = true;

    @Activate
    public HostGatewayComponent(BundleContext context, HostConfig config, Map<String, Object> properties) {
        this.context = context;
        this.name = hostName(properties);
        this.settings = toSettings(config);
        registration = context.registerService(HostGateway.class, new HttpHostGateway(settings, HostJson.newMapper()),
                properties(settings.url(), null));
        // the settings themselves, for what reads them (never with the secret in toString)
        settingsRegistration = context.registerService(HostSettings.class, settings, properties(settings.url(), null));
        LOG.info("Host {} at {} registered", name, settings.url());
    }

    @Deactivate
    synchronized void deactivate() {
        active = false;
        overrides.values().forEach(o -> o.registration().unregister());
        overrides.clear();
        registration.unregister();
        settingsRegistration.unregister();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void addRegion(RegionSettings region) {
        if (!active || !HostRouting.servesOverride(name, region)) {
            return;
        }
        Override old = overrides.put(region.regionCode(), new Override(region, context.registerService(HostGateway.class,
                new HttpHostGateway(settings.withUrl(region.hostUrl()), HostJson.newMapper()),
                properties(region.hostUrl(), region.regionCode()))));
        if (old != null) {
            old.registration().unregister();
        }
    }

    synchronized void removeRegion(RegionSettings region) {
        Override o = overrides.get(region.regionCode());
        if (o != null && o.region() == region) { // not a newer configuration of the region added first
            overrides.remove(region.regionCode()).registration().unregister();
        }
    }

    private Hashtable<String, Object> properties(String url, String regionCode) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(HostGateway.HOST_PROPERTY, name);
        props.put("url", url);
        if (regionCode != null) {
            props.put(HostRouting.REGION_PROPERTY, regionCode);
        }
        return props;
    }

    /**
     * The host's name: its {@code name} key, else the {@code <name>} of {@code org.perflink.host-<name>.cfg}
     * (or of a factory PID {@code org.perflink.host~<name>}), else {@value HostRouting#DEFAULT_HOST}.
     */
    static String hostName(Map<String, ?> properties) {
        return HostRouting.hostName(properties, "org.perflink.host");
    }

    static HostSettings toSettings(HostConfig c) {
        String url = c.url().trim();
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("'url' must be an http(s) URL, got '" + url + "'");
        }
        HostSettings.Auth auth;
        try {
            auth = HostSettings.Auth.valueOf(c.auth().trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'auth' must be NONE, BASIC or BEARER, got '" + c.auth() + "'", e);
        }
        if (c.pageSize() < 1 || c.pageSize() > 1000) {
            throw new IllegalArgumentException("'pageSize' must be 1..1000, got " + c.pageSize());
        }
        return new HostSettings(url.endsWith("/") ? url.substring(0, url.length() - 1) : url, auth,
                c.username(), c.secret(), Duration.ofSeconds(c.connectTimeoutSeconds()),
                Duration.ofSeconds(c.requestTimeoutSeconds()), c.pageSize(), c.batch(), c.allowInsecureCredentials(),
                c.contract());
    }
}
