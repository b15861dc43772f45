package org.perflink.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Paths in configuration name Karaf's folders as {@code ${karaf.etc}}, {@code ${karaf.data}}: resolved here, once. */
public final class SystemProperties {

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    private SystemProperties() {
    }

    /** Replaces {@code ${name}} with the system property (e.g. {@code karaf.etc}); unknown ones stay as written. */
    public static String substitute(String text) {
        Matcher m = PROPERTY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = System.getProperty(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        return m.appendTail(out).toString();
    }
}
