package org.perflink.admin.internal.http;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.perflink.admin.internal.HostMapper;
import org.perflink.admin.internal.LiveStatus;
import org.perflink.admin.internal.RegionConfigEditor;
import org.perflink.core.RegionSettings;
import org.perflink.core.RulePacks;
import org.perflink.store.AuditLog;
import org.perflink.store.DeadLetters;
import org.perflink.store.ResultLedger;
import org.perflink.store.StoreStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the admin web page and REST API ({@link AdminServer}) on the JDK's HTTP server (boot-delegated by
 * Karaf: {@code com.sun.*}), authenticating against Karaf's {@code karaf} JAAS realm. Runs with its defaults
 * (127.0.0.1:8182) unless configuration {@value #PID} says otherwise; a configuration change restarts it.
 */
@Component(name = AdminHttpComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
        service = {})
@Designate(ocd = AdminHttpComponent.Config.class)
public final class AdminHttpComponent {

    public static final String PID = "org.perflink.admin.http";

    private static final Logger LOG = LoggerFactory.getLogger(AdminHttpComponent.class);

    @ObjectClassDefinition(id = PID, name = "PerfLink admin web page and REST API",
            description = "管理页面与管理 REST API (the admin page at /admin/ and the REST API at /api/admin/v1/), "
                    + "HTTP Basic against Karaf's JAAS realm 'karaf'. Plain HTTP: keep it on 127.0.0.1, or put "
                    + "a TLS reverse proxy in front of it.")
    public @interface Config {
        @AttributeDefinition(name = "Enabled", description = "Serve the admin page and API")
        boolean enabled() default true;

        @AttributeDefinition(name = "Bind address", description = "Address to listen on (127.0.0.1: this machine only)")
        String bind() default "127.0.0.1";

        @AttributeDefinition(name = "Port", description = "TCP port", min = "0", max = "65535")
        int port() default 8182;
    }

    @Reference
    private StoreStatus store;

    @Reference
    private DeadLetters deadLetters;

    @Reference
    private ResultLedger results;

    @Reference
    private AuditLog audit;

    @Reference
    private RulePacks rulePacks;

    @Reference
    private ConfigurationAdmin configAdmin;

    /** Every configured region, disabled ones included; replaced by SCR as regions come and go. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<RegionSettings> regions;

    private AdminServer server;

    @Activate
    void activate(Config config) throws IOException {
        if (!config.enabled()) {
            LOG.info("PerfLink admin page and API disabled ({} enabled=false)", PID);
            return;
        }
        ObjectMapper mapper = new ObjectMapper();
        AdminApi api = new AdminApi(() -> {
            List<RegionSettings> r = regions;
            return r == null ? List.of() : r;
        }, store, deadLetters, results, audit, rulePacks, new RegionConfigEditor(configAdmin, RegionConfigEditor.karafEtc()),
                () -> LiveStatus.read(LiveStatus.defaultFile(), HostMapper.orNull()), Clock.systemUTC(), mapper);
        server = new AdminServer(api, new JaasAuthenticator(), Clock.systemUTC(), mapper).start(config.bind(),
                config.port());
        LOG.info("PerfLink admin page on http://{}:{}/admin/ (API {}; JAAS realm '{}')", config.bind(), server.port(),
                AdminServer.API, JaasAuthenticator.KARAF_REALM);
    }

    @Deactivate
    void deactivate() {
        if (server != null) {
            server.close();
            server = null;
            LOG.info("PerfLink admin page and API stopped");
        }
    }
}
