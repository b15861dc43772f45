package org.perflink.core.internal;

import java.time.Duration;
import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.perflink.core.HostSettings;

/** Publishes {@link HostSettings} from {@code org.perflink.host} (defaults when the file is absent). */
@Component(name = "org.perflink.host", configurationPolicy = ConfigurationPolicy.OPTIONAL, service = {})
@Designate(ocd = HostConfig.class)
public class HostComponent {

    private final ServiceRegistration<HostSettings> registration;

    @Activate
    public HostComponent(BundleContext context, HostConfig config) {
        HostSettings settings = toSettings(config);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("url", settings.url());
        registration = context.registerService(HostSettings.class, settings, props);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
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
                Duration.ofSeconds(c.requestTimeoutSeconds()), c.pageSize(), c.batch(), c.contract());
    }
}
