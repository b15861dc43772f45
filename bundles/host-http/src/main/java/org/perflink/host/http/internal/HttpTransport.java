package org.perflink.host.http.internal;

import java.io.EOFException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One exchange with the host: the request timeout covers the whole answer, body included (a host that
 * stalls mid-body cannot hold a region), at most {@code limit} bytes of it are kept, and a request that
 * failed because a pooled connection had gone stale is sent again at once, once.
 */
final class HttpTransport {

    /** What the host answered, with the body read up to a limit. */
    record Answer(int status, HttpHeaders headers, String body) {
    }

    /** An answer longer than its limit, when the caller cannot use a part of it. */
    static final class AnswerTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        AnswerTooLarge(long limit) {
            super("answer longer than " + limit + " bytes");
        }
    }

    private final HttpClient client;
    private final Duration timeout;

    HttpTransport(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /** Sends; beyond {@code limit} bytes the answer is refused ({@code whole}) or cut off. */
    Answer send(HttpRequest request, long limit, boolean whole) throws IOException {
        try {
            return sendOnce(request, limit, whole);
        } catch (IOException e) {
            if (!staleConnection(e)) {
                throw e;
            }
            // The host closed an idle kept-alive connection the client had pooled: nothing reached the host.
            return sendOnce(request, limit, whole);
        }
    }

    /**
     * The signs of a pooled connection the host had already closed: the JDK client's "header parser received
     * no bytes", an end of stream before any answer, or a reset.
     */
    static boolean staleConnection(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("header parser received no bytes") || m.contains("connection reset")
                    || t instanceof EOFException && !(t instanceof AnswerTooLarge)) {
                return true;
            }
        }
        return false;
    }

    private Answer sendOnce(HttpRequest request, long limit, boolean whole) throws IOException {
        CompletableFuture<HttpResponse<byte[]>> future =
                client.sendAsync(request, info -> new BoundedBody(limit, whole));
        try {
            HttpResponse<byte[]> response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Answer(response.statusCode(), response.headers(),
                    new String(response.body(), StandardCharsets.UTF_8));
        } catch (TimeoutException e) {
            future.cancel(true); // aborts the exchange and frees its connection
            throw new HttpTimeoutException("no complete answer within " + timeout.toMillis() + " ms (request timeout)");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (CancellationException e) {
            throw new IOException("cancelled", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause == null ? "exchange failed" : cause.toString(), cause);
        }
    }

    /** Collects the body up to a limit; beyond it completes with the first {@code limit} bytes or fails. */
    private static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final long limit;
        private final boolean whole;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private Flow.Subscription subscription;

        BoundedBody(long limit, boolean whole) {
            this.limit = limit;
            this.whole = whole;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : buffers) {
                int take = (int) Math.min(b.remaining(), limit - bytes.size());
                byte[] chunk = new byte[take];
                b.get(chunk);
                bytes.write(chunk, 0, take);
                if (b.hasRemaining()) {
                    subscription.cancel();
                    if (whole) {
                        result.completeExceptionally(new AnswerTooLarge(limit));
                    } else {
                        result.complete(bytes.toByteArray());
                    }
                    return;
                }
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
