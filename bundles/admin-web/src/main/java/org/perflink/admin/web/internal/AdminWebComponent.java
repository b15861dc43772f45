package org.perflink.admin.web.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import javax.servlet.Servlet;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.perflink.admin.api.AdminOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the admin page and REST API on Karaf's HTTP service (OSGi HTTP Whiteboard, Pax Web 8): registers the
 * servlet context {@link AdminContext} (whose security hook logs users in against Karaf's {@code karaf} JAAS
 * realm) on {@code /}, the {@link PageServlet} as its default servlet and the {@link ApiServlet} on
 * {@code /api/admin/v1/*}. Address, port, TLS, timeouts, threads and the connection limit are the HTTP service's
 * ({@code etc/org.ops4j.pax.web.cfg}, {@code etc/jetty.xml}); a warning is logged when it listens beyond loopback.
 */
@Component(name = AdminWebComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
        service = {})
@Designate(ocd = AdminWebComponent.Config.class)
public final class AdminWebComponent {

    public static final String PID = "org.perflink.admin.http";
    /** Pax Web's configuration and its key for the addresses it listens on (absent: every address). */
    static final String PAX_WEB_PID = "org.ops4j.pax.web";
    static final String LISTENING_ADDRESSES = "org.ops4j.pax.web.listening.addresses";

    private static final Logger LOG = LoggerFactory.getLogger(AdminWebComponent.class);

    @ObjectClassDefinition(id = PID, name = "PerfLink admin web page and REST API",
            description = "管理页面与管理 REST API (the admin page at /admin/ and the REST API at /api/admin/v1/) on "
                    + "Karaf's HTTP service, HTTP Basic against Karaf's JAAS realm 'karaf'. Address, port and TLS: "
                    + "etc/org.ops4j.pax.web.cfg.")
    public @interface Config {
        @AttributeDefinition(name = "Enabled", description = "Serve the admin page and API")
        boolean enabled() default true;

        @AttributeDefinition(name = "Public origins", required = false, description = "公开访问源 (the origins the "
                + "page is reached at through a TLS reverse proxy, e.g. https://perflink.example.gov.cn): state "
                + "changes from them are accepted besides this server's own origin")
        String[] publicOrigins() default {};
    }

    @Reference
    private AdminOperations operations;

    @Reference
    private ConfigurationAdmin configAdmin;

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @Activate
    void activate(BundleContext context, Config config) {
        if (!config.enabled()) {
            LOG.info("PerfLink admin page and API disabled ({} enabled=false)", PID);
            return;
        }
        Clock clock = Clock.systemUTC();
        OriginCheck origins = new OriginCheck(config.publicOrigins());
        String select = "(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "=" + AdminContext.NAME + ")";

        Dictionary<String, Object> ctx = new Hashtable<>();
        ctx.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME, AdminContext.NAME);
        ctx.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_PATH, "/");
        registrations.add(context.registerService(ServletContextHelper.class,
                new AdminContext(new CachedAuthenticator(new JaasAuthenticator(), clock, CachedAuthenticator.DEFAULT_TTL),
                        new LoginThrottle(clock)), ctx));
        registrations.add(context.registerService(Servlet.class, new PageServlet(),
                servlet("perflink-admin-page", "/", select)));
        registrations.add(context.registerService(Servlet.class, new ApiServlet(operations, origins, clock),
                servlet("perflink-admin-api", ApiServlet.API + "/*", select)));
        String addresses = listeningAddresses();
        LOG.info("PerfLink admin page at /admin/ and API at {} on the HTTP service (listening on {}; JAAS realm '{}'; "
                + "public origins {})", ApiServlet.API, addresses == null ? "every address" : addresses,
                JaasAuthenticator.KARAF_REALM, origins.publicOrigins());
        List<String> exposed = BindCheck.nonLoopback(addresses);
        if (!exposed.isEmpty()) {
            LOG.warn("PerfLink admin page listens on {} beyond this machine: use TLS (etc/org.ops4j.pax.web.cfg) or "
                    + "set {} = 127.0.0.1 and reach it through an SSH tunnel or a TLS reverse proxy", exposed,
                    LISTENING_ADDRESSES);
        }
    }

    private static Dictionary<String, Object> servlet(String name, String pattern, String select) {
        Dictionary<String, Object> p = new Hashtable<>();
        p.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, name);
        p.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, pattern);
        p.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_SELECT, select);
        return p;
    }

    /** Pax Web's {@value #LISTENING_ADDRESSES}, or null when unset (Jetty listens on every address). */
    private String listeningAddresses() {
        try {
            Configuration c = configAdmin.getConfiguration(PAX_WEB_PID, null);
            Object v = c.getProperties() == null ? null : c.getProperties().get(LISTENING_ADDRESSES);
            return v == null || v.toString().isBlank() ? null : v.toString().strip();
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot read {}: {}", PAX_WEB_PID, e.getMessage());
            return null;
        }
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
        }
        registrations.clear();
    }
}
