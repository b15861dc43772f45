package org.perflink.host.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.perflink.core.HostSettings;

/**
 * A host on a raw socket, for faults an HTTP server cannot make: each connection is handed to the test's
 * {@link Behaviour} (answer, stall mid-body, close without a byte), numbered from 1.
 */
final class RawHost implements AutoCloseable {

    interface Behaviour {
        void serve(int connection, InputStream in, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final Thread acceptor;
    final AtomicInteger connections = new AtomicInteger();

    RawHost(Behaviour behaviour) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    int n = connections.incrementAndGet();
                    Thread t = new Thread(() -> {
                        try (s) {
                            behaviour.serve(n, s.getInputStream(), s.getOutputStream());
                        } catch (IOException | InterruptedException e) {
                            // the client went away or the test ended
                        }
                    });
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Reads one request's head (and a body of its Content-Length). */
    static String readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        String h = head.toString();
        for (String line : h.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring(15).trim()));
            }
        }
        return h;
    }

    static void answer(OutputStream out, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + b.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(b);
        out.flush();
    }

    HostSettings settings(Duration requestTimeout) {
        return new HostSettings("http://127.0.0.1:" + server.getLocalPort(), HostSettings.Auth.NONE, null, null,
                Duration.ofSeconds(2), requestTimeout, 200, true);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
