package org.perflink.admin.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The admin web page: one self-contained HTML file ({@code admin.html} next to this class) with its CSS and
 * JavaScript inline — no CDN, no web font, no external URL — so it works without internet access. Its
 * {@code <style>} and {@code <script>} carry {@link #NONCE}, replaced per response by the nonce of the
 * Content-Security-Policy.
 */
final class AdminPage {

    static final String NONCE = "{{CSP_NONCE}}";
    static final String RESOURCE = "admin.html";

    private AdminPage() {
    }

    static String template() {
        try (InputStream in = AdminPage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
