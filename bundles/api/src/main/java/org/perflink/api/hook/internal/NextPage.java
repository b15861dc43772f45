package org.perflink.api.hook.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.perflink.api.host.HostException;
import org.perflink.api.host.HostGateway;
import org.perflink.api.host.Page;

/**
 * The next page of a paged request, asked for on a thread of its own while the caller works on the current page
 * (the host serving and the reader parsing it overlap the checks). {@link #await} is the only way to it: the caller
 * waits for the request to be over before its checkpoint opens a transaction, so no host call runs while one is open.
 */
final class NextPage<T> {

    private static final AtomicInteger THREADS = new AtomicInteger();

    /** Idle threads end after a minute: a region's event needs one at a time, for as long as it pages. */
    private static final ExecutorService FETCHERS = Executors.newCachedThreadPool(daemon());

    private final CompletableFuture<Page<T>> page;

    private NextPage(CompletableFuture<Page<T>> page) {
        this.page = page;
    }

    /** Asks for the page at {@code cursor}, with the caller's context class loader (the host adapter may need it). */
    static <T> NextPage<T> fetch(HostGateway.PageCall<T> request, String cursor) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return new NextPage<>(CompletableFuture.supplyAsync(() -> {
            Thread t = Thread.currentThread();
            ClassLoader before = t.getContextClassLoader();
            t.setContextClassLoader(loader);
            try {
                return request.fetch(cursor);
            } catch (HostException e) {
                throw new CompletionException(e);
            } finally {
                t.setContextClassLoader(before);
            }
        }, FETCHERS));
    }

    /**
     * The page, once the request is over (bounded by the host adapter's own timeouts, also for a caller interrupted
     * meanwhile: its checkpoint must not start while the request runs); the request's failure is thrown as it was.
     */
    Page<T> await() throws HostException {
        try {
            return page.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HostException he) {
                throw he;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Waits for the request to be over and forgets its outcome (a page nobody wants any more). */
    void discard() {
        try {
            page.join();
        } catch (RuntimeException e) {
            // the page is not wanted: neither is its failure
        }
    }

    private static ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "perflink-next-page-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
