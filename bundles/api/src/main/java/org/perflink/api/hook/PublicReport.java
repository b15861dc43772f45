package org.perflink.api.hook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The public record of a key-evaluation report's address ({@link StageContext#PUBLIC_REPORT}, rules.md §9): what
 * may go into open data is an absolute {@code http} or {@code https} URL with a host and without user information
 * (no credentials or names in the address), at most {@value #MAX_LENGTH} characters. Anything else is left out of
 * public data, never published as it came (since 1.4).
 */
public final class PublicReport {

    /** The longest address kept (browsers and portals handle 2 000 characters). */
    public static final int MAX_LENGTH = 2000;

    private PublicReport() {
    }

    /**
     * Why {@code url} cannot be published, zh-CN with English beside; null when it can. The text never repeats the
     * address (it may be anything).
     */
    public static String problem(String url) {
        if (url == null || url.isBlank()) {
            return "报告地址为空 (the report address is blank)";
        }
        String u = url.strip();
        if (u.length() > MAX_LENGTH) {
            return "报告地址过长 (the report address is longer than " + MAX_LENGTH + " characters)";
        }
        URI uri;
        try {
            uri = new URI(u);
        } catch (URISyntaxException e) {
            return "报告地址不是合法的网址 (the report address is not a valid URL)";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "报告地址须为 http 或 https 网址 (the report address must be an http or https URL)";
        }
        if (uri.isOpaque() || uri.getHost() == null || uri.getHost().isBlank()) {
            return "报告地址缺少主机名 (the report address has no host)";
        }
        if (uri.getRawUserInfo() != null) {
            return "报告地址不得含用户信息 (the report address must not carry user information)";
        }
        return null;
    }

    /** The address as published: stripped; null when {@link #problem} finds one. */
    public static String url(String url) {
        return problem(url) == null ? url.strip() : null;
    }

    /** The record's JSON, {@code {"reportUrl":"..."}}, or null (withdraw) when the address cannot be published. */
    public static String json(String url) {
        String u = url(url);
        if (u == null) {
            return null;
        }
        StringBuilder b = new StringBuilder("{\"reportUrl\":\"");
        for (char c : u.toCharArray()) {
            // a valid URI has no quote, backslash or control character; escaped anyway, so the JSON holds whatever comes
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append("\"}").toString();
    }
}
