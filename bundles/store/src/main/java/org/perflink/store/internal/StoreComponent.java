package org.perflink.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.perflink.api.model.ResultKind;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.store.AuditEntry;
import org.perflink.store.DeadLetter;
import org.perflink.store.OutboxItem;
import org.perflink.store.PerfLinkStore;
import org.perflink.store.RegionStatus;
import org.perflink.store.StoredResult;
import org.perflink.store.jdbc.JdbcStores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the {@link PerfLinkStore} service over a JDBC {@link DataSource} made by the
 * {@link DataSourceFactory} service of the configured driver (H2 and the PostgreSQL driver are OSGi
 * bundles that register one each).
 * <p>
 * Configuration {@code etc/org.perflink.store.cfg}; without one the store is an embedded H2 file
 * database under {@code ${karaf.data}/perflink/}. The factory is chosen by the DS target property
 * {@code DataSourceFactory.target}, which must name the same driver as {@code driver}; for
 * PostgreSQL:
 * <pre>
 * driver = org.postgresql.Driver
 * DataSourceFactory.target = (osgi.jdbc.driver.class=${driver})
 * url = jdbc:postgresql://db.example:5432/perflink
 * user = perflink
 * .password = $[secret:perflink.store.password]
 * </pre>
 * The password is the private property {@code .password} (leading full stop): DS hands it to the
 * component but, unlike other component properties, never copies it into the service's
 * properties, where {@code service:list} and the web console would show it. It is never logged.
 * (Felix FileInstall, which reads Karaf's {@code etc/*.cfg}, substitutes {@code ${driver}} from the same file.) An embedded H2 URL
 * gets the durability settings of {@link JdbcStores#h2Url(String)}, and the database is shut down
 * cleanly when the component deactivates.
 */
@Component(name = StoreComponent.PID, service = PerfLinkStore.class, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = StoreComponent.Config.class)
public final class StoreComponent implements PerfLinkStore {

    static final String PID = "org.perflink.store";
    static final String DEFAULT_URL = "jdbc:h2:file:${karaf.data}/perflink/store";
    static final String H2_DRIVER = "org.h2.Driver";

    private static final Logger LOG = LoggerFactory.getLogger(StoreComponent.class);

    @ObjectClassDefinition(id = PID, name = "PerfLink store",
            description = "Durable state of PerfLink (cursors, outbox, dead letters, audit log) in a JDBC database")
    public @interface Config {

        @AttributeDefinition(name = "JDBC URL",
                description = "Database URL; ${karaf.data} is replaced by the container's data folder")
        String url() default DEFAULT_URL;

        @AttributeDefinition(name = "User")
        String user() default "sa";

        /** {@code .password}: a private property, not propagated to the service registration. */
        @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
        String _password() default "";

        @AttributeDefinition(name = "JDBC driver class",
                description = "org.h2.Driver (embedded, default) or org.postgresql.Driver; "
                        + "DataSourceFactory.target must select the same driver")
        String driver() default H2_DRIVER;

        @AttributeDefinition(name = "DataSourceFactory target",
                description = "Filter selecting the driver's DataSourceFactory service: "
                        + "(osgi.jdbc.driver.class=<driver>)")
        String DataSourceFactory_target() default "(osgi.jdbc.driver.class=" + H2_DRIVER + ")";
    }

    private final PerfLinkStore store;
    private final DataSource dataSource;
    private final boolean embeddedH2;
    private final String safeUrl;

    @Activate
    public StoreComponent(
            @Reference(name = "DataSourceFactory", target = "(osgi.jdbc.driver.class=" + H2_DRIVER + ")")
            Map.Entry<Map<String, Object>, DataSourceFactory> factory,
            Config config) throws SQLException {
        Object boundDriver = factory.getKey().get(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS);
        if (!config.driver().equals(boundDriver)) {
            throw new IllegalStateException("driver = " + config.driver() + " but the bound DataSourceFactory is of "
                    + boundDriver + ": set DataSourceFactory.target = (osgi.jdbc.driver.class=" + config.driver()
                    + ")");
        }
        String url = effectiveUrl(config.url(), System.getProperty("karaf.data"));
        this.safeUrl = safeUrl(url);
        this.embeddedH2 = isEmbeddedH2(url);
        Properties props = new Properties();
        props.setProperty(DataSourceFactory.JDBC_URL, url);
        if (!config.user().isEmpty()) {
            props.setProperty(DataSourceFactory.JDBC_USER, config.user());
        }
        if (!config._password().isEmpty()) {
            props.setProperty(DataSourceFactory.JDBC_PASSWORD, config._password());
        }
        this.dataSource = factory.getValue().createDataSource(props);
        this.store = JdbcStores.open(dataSource, Clock.systemUTC());
        LOG.info("PerfLink store open at {} ({})", safeUrl, config.driver());
    }

    /** The configured URL with ${karaf.data} expanded (fallback ./data) and H2's durability settings. */
    static String effectiveUrl(String configured, String karafData) {
        String data = karafData == null || karafData.isBlank() ? "./data" : karafData;
        return JdbcStores.h2Url(configured.replace("${karaf.data}", data));
    }

    static boolean isEmbeddedH2(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:tcp:") && !lower.startsWith("jdbc:h2:ssl:");
    }

    /** The URL without anything that may carry a secret (query parameters, H2 settings). */
    static String safeUrl(String url) {
        int cut = url.length();
        for (char c : new char[] {'?', ';'}) {
            int i = url.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return url.substring(0, cut);
    }

    @Deactivate
    void deactivate() {
        if (!embeddedH2) {
            return;
        }
        // DB_CLOSE_DELAY=-1 keeps the database open: close it, so the file is compacted and unlocked.
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
            LOG.info("PerfLink store at {} shut down", safeUrl);
        } catch (SQLException e) {
            LOG.warn("PerfLink store at {} did not shut down cleanly: {}", safeUrl, e.getMessage());
        }
    }

    // ------------------------------------------------------------------------------ delegation

    @Override
    public String cursor(String regionCode, Stage stage) {
        return store.cursor(regionCode, stage);
    }

    @Override
    public void advanceCursor(String regionCode, Stage stage, String newCursor) {
        store.advanceCursor(regionCode, stage, newCursor);
    }

    @Override
    public <E extends Exception> EventOutcome handleEvent(String regionCode, Stage stage, StageEvent event,
            String newCursor, EventWork<E> work) throws E {
        return store.handleEvent(regionCode, stage, event, newCursor, work);
    }

    @Override
    public List<OutboxItem> pending(String regionCode, Instant now, int limit) {
        return store.pending(regionCode, now, limit);
    }

    @Override
    public void delivered(Collection<Long> seqs) {
        store.delivered(seqs);
    }

    @Override
    public void retryLater(long seq, Instant nextAttemptAt, String error) {
        store.retryLater(seq, nextAttemptAt, error);
    }

    @Override
    public void deadLetter(long seq, int httpStatus, String reason) {
        store.deadLetter(seq, httpStatus, reason);
    }

    @Override
    public List<DeadLetter> deadLetters(String regionCode) {
        return store.deadLetters(regionCode);
    }

    @Override
    public List<String> resultsOf(String regionCode, ResultKind kind, String subject) {
        return store.resultsOf(regionCode, kind, subject);
    }

    @Override
    public List<StoredResult> latestResults(String regionCode, ResultKind kind, int limit) {
        return store.latestResults(regionCode, kind, limit);
    }

    @Override
    public int replay(String regionCode, Collection<Long> deadLetterIds) {
        return store.replay(regionCode, deadLetterIds);
    }

    @Override
    public RegionStatus status(String regionCode) {
        return store.status(regionCode);
    }

    @Override
    public List<String> regions() {
        return store.regions();
    }

    @Override
    public void audit(String actor, String action, String target, String before, String after) {
        store.audit(actor, action, target, before, after);
    }

    @Override
    public List<AuditEntry> audit(int limit) {
        return store.audit(limit);
    }
}
