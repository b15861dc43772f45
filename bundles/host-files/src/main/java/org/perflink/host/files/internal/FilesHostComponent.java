package org.perflink.host.files.internal;

import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.perflink.api.host.HostGateway;
import org.perflink.core.HostRouting;
import org.perflink.host.http.HostJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance per file-drop configuration {@code etc/org.perflink.host.files-<name>.cfg}: registers a
 * {@link HostGateway} with {@link HostGateway#HOST_PROPERTY} = the name, as host-http does for an HTTP host, so
 * core's HostRouting gives it to the regions whose {@code host} names it. The folder is watched by the engine's
 * stage-event poll (see {@link FilesHostGateway}); a change of the configuration re-registers the gateway.
 */
@Component(name = "org.perflink.host.files", configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = FilesHostConfig.class, factory = true)
public class FilesHostComponent {

    private static final Logger LOG = LoggerFactory.getLogger(FilesHostComponent.class);
    static final String DEFAULT_NAME = "files";
    private static final String FILE_PREFIX = "org.perflink.host.files-";

    private final ServiceRegistration<HostGateway> registration;

    @Activate
    public FilesHostComponent(BundleContext context, FilesHostConfig config, Map<String, Object> properties) {
        String name = hostName(properties);
        if (config.stableMillis() < 0) {
            throw new IllegalArgumentException("'stableMillis' must be ≥ 0, got " + config.stableMillis());
        }
        if (!HostGateway.CONTRACT_1_0.equals(config.contract()) && !HostGateway.CONTRACT_1_1.equals(config.contract())) {
            throw new IllegalArgumentException("'contract' must be 1.0 or 1.1, got '" + config.contract() + "'");
        }
        Path folder = Path.of(config.folder().trim()).toAbsolutePath();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(HostGateway.HOST_PROPERTY, name);
        props.put("folder", folder.toString());
        registration = context.registerService(HostGateway.class,
                new FilesHostGateway(folder, config.stableMillis(), config.contract(), HostJson.newMapper()), props);
        LOG.info("Host {} (file drop) at {} registered", name, folder);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }

    /** Its {@code name} key, else the {@code <name>} of {@code org.perflink.host.files-<name>.cfg}, else "files". */
    static String hostName(Map<String, ?> properties) {
        Object explicit = properties.get("name");
        String name = explicit instanceof String s && !s.isBlank() ? s.trim() : null;
        if (name == null && properties.get("felix.fileinstall.filename") instanceof String file) {
            String base = file.substring(file.lastIndexOf('/') + 1);
            if (base.startsWith(FILE_PREFIX) && base.endsWith(".cfg")) {
                name = base.substring(FILE_PREFIX.length(), base.length() - ".cfg".length());
            }
        }
        if (name == null && properties.get("service.pid") instanceof String pid && pid.startsWith("org.perflink.host.files~")) {
            name = pid.substring("org.perflink.host.files~".length());
        }
        if (name == null) {
            return DEFAULT_NAME;
        }
        if (!HostRouting.validName(name)) {
            throw new IllegalArgumentException("'name' must be a host name (letters, digits, '.', '_', '-'), got '" + name + "'");
        }
        return name;
    }
}
