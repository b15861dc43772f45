package org.perflink.admin.web.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.random.RandomGenerator;

import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** How the page and the API answer: security headers on every response, JSON or the page with its CSP nonce. */
final class Responses {

    static final String JSON = "application/json; charset=utf-8";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Responses() {
    }

    static void securityHeaders(HttpServletResponse r) {
        r.setHeader("Cache-Control", "no-store");
        r.setHeader("X-Content-Type-Options", "nosniff");
        r.setHeader("X-Frame-Options", "DENY");
        r.setHeader("Referrer-Policy", "no-referrer");
        r.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        r.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    }

    static void json(HttpServletResponse r, int status, JsonNode body) throws IOException {
        securityHeaders(r);
        r.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        send(r, status, JSON, MAPPER.writeValueAsBytes(body));
    }

    /** {@code {"error": message, "status": status}}; the response is committed, so nothing can replace it. */
    static void error(HttpServletResponse r, int status, String message) throws IOException {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("error", message);
        body.put("status", status);
        json(r, status, body);
        r.flushBuffer();
    }

    /** The page, its {@link AdminPage#NONCE} replaced by a fresh nonce that its Content-Security-Policy names. */
    static void page(HttpServletResponse r, String template, RandomGenerator random) throws IOException {
        byte[] n = new byte[18];
        random.nextBytes(n);
        String nonce = Base64.getEncoder().encodeToString(n);
        securityHeaders(r);
        r.setHeader("Content-Security-Policy", "default-src 'none'; script-src 'nonce-" + nonce + "'; style-src 'nonce-"
                + nonce + "'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
                + "frame-ancestors 'none'");
        send(r, 200, "text/html; charset=utf-8", template.replace(AdminPage.NONCE, nonce).getBytes(StandardCharsets.UTF_8));
    }

    static void redirect(HttpServletResponse r, String location) {
        securityHeaders(r);
        r.setStatus(302);
        r.setHeader("Location", location);
        r.setContentLength(0);
    }

    /** A file download: an attachment with its (UTF-8) file name, never sniffed or cached. */
    static void download(HttpServletResponse r, String fileName, String type, byte[] bytes) throws IOException {
        securityHeaders(r);
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        r.setHeader("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
        send(r, 200, type, bytes);
    }

    private static void send(HttpServletResponse r, int status, String type, byte[] bytes) throws IOException {
        r.setStatus(status);
        r.setContentType(type);
        r.setContentLength(bytes.length);
        try (OutputStream out = r.getOutputStream()) {
            out.write(bytes); // a HEAD response drops the body, keeping the length
        }
    }
}
