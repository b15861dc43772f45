package org.perflink.admin.web.internal;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Refuses a cross-origin state change (403): an {@code Origin} header, when sent, must be this server's own origin
 * (the request's scheme and {@code Host}) or one of the configured public origins, e.g. {@code https://perflink.example}
 * of a TLS reverse proxy in front (which talks plain HTTP to this server, so the request's own scheme is http); a
 * {@code Sec-Fetch-Site} header, when sent, must be {@code same-origin}.
 */
final class OriginCheck {

    private final Set<String> publicOrigins;

    /**
     * {@code publicOrigins}: {@code scheme://host[:port]} each, or several in one entry separated by commas or
     * spaces (as a {@code .cfg} file gives {@code publicOrigins = https://a, https://b}); blanks are ignored.
     */
    OriginCheck(String... publicOrigins) {
        Set<String> s = new TreeSet<>();
        for (String entry : publicOrigins == null ? new String[0] : publicOrigins) {
            for (String o : entry == null ? new String[0] : entry.split("[,\\s]+")) {
                if (!o.isBlank()) {
                    s.add(normalize(o));
                }
            }
        }
        this.publicOrigins = Set.copyOf(s);
    }

    Set<String> publicOrigins() {
        return publicOrigins;
    }

    /** @throws HttpError 403 when the request comes from another origin or site */
    void check(String scheme, String host, String origin, String fetchSite) {
        if (origin != null) {
            String o = normalize(origin);
            boolean own = host != null && o.equals(normalize(scheme + "://" + host.strip()));
            if (!own && !publicOrigins.contains(o)) {
                throw new HttpError(403, "拒绝跨源请求 (cross-origin request refused)");
            }
        }
        if (fetchSite != null && !fetchSite.strip().equalsIgnoreCase("same-origin")) {
            throw new HttpError(403, "拒绝跨站请求 (cross-site request refused)");
        }
    }

    private static String normalize(String origin) {
        String o = origin.strip().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }
}
