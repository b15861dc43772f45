package org.perflink.core.internal;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.perflink.api.model.Stage;
import org.perflink.core.HostRouting;
import org.perflink.core.RegionCode;
import org.perflink.core.RegionKeys;
import org.perflink.core.RegionSettings;

/**
 * One instance per region configuration. A change makes SCR deactivate and reactivate it, so the routes
 * that track the {@link RegionSettings} service drain and restart with the new settings. A malformed
 * configuration fails this instance only, with a message naming the key.
 */
@Component(name = "org.perflink.region", configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = RegionConfig.class, factory = true)
public class RegionComponent {

    private final ServiceRegistration<RegionSettings> registration;

    @Activate
    public RegionComponent(BundleContext context, RegionConfig config) {
        RegionSettings settings = toSettings(config);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(RegionKeys.REGION_CODE, settings.regionCode());
        registration = context.registerService(RegionSettings.class, settings, props);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }

    static RegionSettings toSettings(RegionConfig c) {
        String code = RegionCode.require(c.regionCode() == null ? null : c.regionCode().trim(), RegionKeys.REGION_CODE);
        if (c.pollIntervalSeconds() < 1) {
            throw new IllegalArgumentException("'pollIntervalSeconds' must be ≥ 1, got " + c.pollIntervalSeconds());
        }
        String hostUrl = c.hostUrl().trim();
        if (!hostUrl.isEmpty() && !hostUrl.startsWith("http://") && !hostUrl.startsWith("https://")) {
            throw new IllegalArgumentException("'hostUrl' must be empty or an http(s) URL, got '" + hostUrl + "'");
        }
        String host = c.host() == null ? "" : c.host().trim();
        if (!host.isEmpty() && !HostRouting.validName(host)) {
            throw new IllegalArgumentException("'host' must be a host name (letters, digits, '.', '_', '-'), got '" + host + "'");
        }
        String parentRegion = c.parentRegion() == null ? "" : c.parentRegion().trim();
        if (!parentRegion.isEmpty()) {
            RegionCode.require(parentRegion, "parentRegion");
            if (parentRegion.equals(code)) {
                throw new IllegalArgumentException("'parentRegion' of region " + code + " names the region itself");
            }
        }
        Set<Stage> stages = EnumSet.noneOf(Stage.class);
        if (c.compileEnabled()) {
            stages.add(Stage.COMPILE);
        }
        if (c.executeEnabled()) {
            stages.add(Stage.EXECUTE);
        }
        if (c.closeEnabled()) {
            stages.add(Stage.CLOSE);
        }
        return new RegionSettings(code, c.name(), c.enabled(), stages, c.rulePack().trim(),
                Duration.ofSeconds(c.pollIntervalSeconds()), hostUrl.isEmpty() ? null : hostUrl, host.isEmpty() ? null : host,
                parentRegion.isEmpty() ? null : parentRegion, c.hostContract() == null ? null : c.hostContract().trim());
    }
}
