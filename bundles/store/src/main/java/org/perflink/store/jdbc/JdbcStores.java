package org.perflink.store.jdbc;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

import javax.sql.DataSource;

import org.perflink.store.PerfLinkStore;
import org.perflink.store.StoreException;
import org.perflink.store.internal.JdbcStore;

/**
 * Opens the JDBC implementation of {@link PerfLinkStore} without OSGi. Inside Karaf the store is a
 * service registered by the bundle; this is for code that runs outside a container.
 */
public final class JdbcStores {

    /** What {@link #h2Url(String)} adds to an embedded H2 URL unless the URL sets it itself. */
    public static final String H2_SETTINGS = ";WRITE_DELAY=0;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE";

    private JdbcStores() {
    }

    /**
     * The store over {@code dataSource}, its schema migrated (migrations are idempotent: opening the
     * same database again changes nothing). The caller owns the data source; an embedded H2 opened
     * with {@link #h2Url(String)} stays open until the caller runs {@code SHUTDOWN} on it.
     *
     * @throws StoreException if the database cannot be reached or migrated
     */
    public static PerfLinkStore open(DataSource dataSource, Clock clock) {
        return new JdbcStore(dataSource, clock);
    }

    /** {@link #h2Url(String)} of a file database at {@code file} (H2 adds {@code .mv.db}). */
    public static String h2FileUrl(Path file) {
        return h2Url("jdbc:h2:file:" + file.toAbsolutePath());
    }

    /**
     * An H2 URL with the store's durability settings ({@link #H2_SETTINGS}, explained on the
     * implementation: every commit written to the file at once, database kept open between
     * connections, no shutdown hook) for an embedded H2 database; a setting the URL names already is
     * kept. An in-memory H2 URL gets them too ({@code DB_CLOSE_DELAY=-1} keeps it alive between the
     * store's connections); other URLs (PostgreSQL, H2 server mode) are returned as they are.
     */
    public static String h2Url(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:") || lower.startsWith("jdbc:h2:tcp:") || lower.startsWith("jdbc:h2:ssl:")) {
            return url;
        }
        StringBuilder out = new StringBuilder(url);
        for (String setting : H2_SETTINGS.substring(1).split(";")) {
            String name = setting.substring(0, setting.indexOf('=')).toLowerCase(Locale.ROOT);
            if (!lower.contains(";" + name + "=")) {
                out.append(';').append(setting);
            }
        }
        return out.toString();
    }
}
