package org.perflink.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How {@code demo} and {@code start} follow a running instance: its {@code status.json} (every event handled,
 * every result delivered) and plain HTTP to the mock host.
 */
final class InstanceWatch {

    static final Duration STEP_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration UNREACHABLE_BUDGET = Duration.ofMinutes(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();

    /** Waits until every region has handled every event and delivered every result, or the host stays down. */
    boolean awaitIdle(KarafInstance karaf, Instant since) throws InterruptedException {
        return awaitIdle(karaf, since, s -> true);
    }

    /** As {@link #awaitIdle(KarafInstance, Instant)}, and until {@code done} holds as well. */
    boolean awaitIdle(KarafInstance karaf, Instant since, Predicate<StatusView> done) throws InterruptedException {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        Instant errorSince = null;
        while (System.nanoTime() < deadline) {
            StatusView s = StatusView.read(karaf.statusFile());
            if (s != null) {
                if (s.idleSince(since) && done.test(s)) {
                    return true;
                }
                if (s.firstError() == null) {
                    errorSince = null;
                } else if (errorSince == null) {
                    errorSince = Instant.now();
                } else if (Duration.between(errorSince, Instant.now()).compareTo(UNREACHABLE_BUDGET) > 0) {
                    return false;
                }
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        return false;
    }

    void awaitStatus(KarafInstance karaf, int regions) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            StatusView s = StatusView.read(karaf.statusFile());
            if (s != null && s.hasRegions(regions)) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IOException("PerfLink did not report its regions within 3 min; see " + karaf.log());
    }

    void awaitHttp(String url) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IOException(url + " did not answer within 3 min");
    }

    JsonNode received(String mockUrl, String kind) throws IOException, InterruptedException {
        return get(mockUrl + "/mock/received?kind=" + kind + "&bodies=true");
    }

    JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new IOException("GET " + url + " answered " + r.statusCode());
        }
        return mapper.readTree(r.body());
    }

    JsonNode post(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() / 100 != 2) {
            throw new IOException("POST " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body().isBlank() ? mapper.createObjectNode() : mapper.readTree(r.body());
    }
}
