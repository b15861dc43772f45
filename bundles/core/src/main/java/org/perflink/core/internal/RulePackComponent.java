package org.perflink.core.internal;

import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.perflink.api.rules.RulePack;

/** Publishes one configured {@link RulePack} (without a parent; parents come from the region tree). */
@Component(name = "org.perflink.rulepack", configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = RulePackConfig.class, factory = true)
public class RulePackComponent {

    /** Configuration properties that are bookkeeping, not parameters. */
    private static final Set<String> NOT_PARAMETERS = Set.of("name", "version", Constants.SERVICE_PID,
            "service.factoryPid", "component.name", "component.id", "felix.fileinstall.filename",
            "webconsole.configurationFactory.nameHint");

    private final ServiceRegistration<RulePack> registration;

    @Activate
    public RulePackComponent(BundleContext bundleContext, Map<String, Object> properties) {
        RulePack pack = toPack(properties);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("name", pack.name());
        registration = bundleContext.registerService(RulePack.class, pack, props);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }

    /** Framework bookkeeping (service.*, component.*, osgi.*, felix.*) never counts as a rule parameter. */
    static boolean isParameter(String key) {
        return !NOT_PARAMETERS.contains(key) && !key.startsWith("service.") && !key.startsWith("component.")
                && !key.startsWith("osgi.") && !key.startsWith("felix.") && !key.startsWith(".");
    }

    static RulePack toPack(Map<String, Object> properties) {
        Object name = properties.get("name");
        if (name == null || name.toString().isBlank()) {
            throw new IllegalArgumentException("rule pack configuration: 'name' is required");
        }
        Object version = properties.get("version");
        Map<String, String> values = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            if (isParameter(key)) {
                values.put(key, String.valueOf(value));
            }
        });
        return new RulePack(name.toString().trim(), version == null ? "1" : version.toString().trim(), values, null);
    }
}
