package org.perflink.core;

/**
 * Checks on values PerfLink writes into a configuration (region files, the host file). Karaf's ConfigAdmin
 * expands {@code ${…}} (system properties) and {@code $[…]} ({@code $[secret:…]}, {@code $[env:…]}) in every
 * value it reads, so a value typed by a user must never hold them: {@code --name '$[secret:perflink.host]'}
 * would store the host's token where every viewer reads it.
 */
public final class ConfigValues {

    private ConfigValues() {
    }

    /** True when Karaf would expand something in the value. */
    public static boolean interpolates(String value) {
        return value != null && (value.contains("${") || value.contains("$["));
    }

    /** Returns the value, or throws naming the field when Karaf would expand something in it. */
    public static String requireLiteral(String field, String value) {
        if (interpolates(value)) {
            throw new IllegalArgumentException("'" + field + "' 不得包含 ${ 或 $[（配置中会被展开，可泄露密钥）"
                    + " ('" + field + "' may not contain ${ or $[: Karaf would expand it in the configuration and could"
                    + " reveal a secret)");
        }
        return value;
    }
}
