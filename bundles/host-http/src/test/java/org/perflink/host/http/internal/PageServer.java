package org.perflink.host.http.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;

import org.perflink.core.HostSettings;

/** A tiny host that answers every GET with the page a test sets, as it is (any bytes, any JSON or none). */
final class PageServer implements AutoCloseable {

    static {
        // the JDK server otherwise stalls keep-alive clients on Nagle's algorithm (read once per JVM)
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final AtomicReference<byte[]> page = new AtomicReference<>(new byte[0]);

    PageServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/", ex -> {
            byte[] body = page.get();
            ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            ex.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    void serve(String body) {
        page.set(body.getBytes(StandardCharsets.UTF_8));
    }

    void serve(byte[] body) {
        page.set(body);
    }

    HostSettings settings() {
        return new HostSettings("http://127.0.0.1:" + server.getAddress().getPort(), HostSettings.Auth.NONE, null, null,
                Duration.ofSeconds(2), Duration.ofSeconds(20), 200, true);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
