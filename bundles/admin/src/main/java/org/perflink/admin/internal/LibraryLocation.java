package org.perflink.admin.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Where the compile hook reads its indicator library (核心指标库): the {@code file} of configuration
 * {@code org.perflink.indicators}, else its default, with {@code ${system.property}} references resolved —
 * so the dry run checks with the same library as the hook.
 */
public final class LibraryLocation {

    public static final String PID = "org.perflink.indicators";
    public static final String DEFAULT_FILE = "${karaf.etc}/perflink-indicator-library.json";
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    private LibraryLocation() {
    }

    public static Path resolve(ConfigurationAdmin configAdmin) {
        String file = DEFAULT_FILE;
        if (configAdmin != null) {
            try {
                // listConfigurations, not getConfiguration: the latter would create an empty configuration.
                Configuration[] configs = configAdmin.listConfigurations("(service.pid=" + PID + ")");
                if (configs != null && configs.length > 0 && configs[0].getProperties() != null) {
                    Object f = configs[0].getProperties().get("file");
                    if (f != null && !f.toString().isBlank()) {
                        file = f.toString().strip();
                    }
                }
            } catch (IOException | InvalidSyntaxException e) {
                // keep the default: the dry run still works, and says which library it used
            }
        }
        return Path.of(substitute(file));
    }

    /** Replaces {@code ${name}} with the system property; unknown ones stay as written. */
    static String substitute(String file) {
        Matcher m = PROPERTY.matcher(file);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = System.getProperty(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        return m.appendTail(out).toString();
    }
}
