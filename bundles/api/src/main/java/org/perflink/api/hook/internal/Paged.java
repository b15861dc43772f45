package org.perflink.api.hook.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.perflink.api.hook.PagedInput;
import org.perflink.api.host.HostException;
import org.perflink.api.host.HostGateway;
import org.perflink.api.host.HostUnavailable;
import org.perflink.api.host.Page;

/**
 * A paged input made of one or more paged requests read one after the other (e.g. one per chunk of codes), each
 * from its first page; the only place where PerfLink walks a host's cursors for a stage.
 */
final class Paged<T> implements PagedInput<T> {

    private final List<HostGateway.PageCall<T>> requests;
    private final Runnable afterEachPage;

    Paged(List<HostGateway.PageCall<T>> requests, Runnable afterEachPage) {
        this.requests = List.copyOf(requests);
        this.afterEachPage = afterEachPage;
    }

    /**
     * Each page is worked on while the next one is asked for ({@link NextPage}); the checkpoint after a page runs
     * once that request is over, so no host call runs during it. When the next page fails, this page is
     * checkpointed first, then the failure thrown: as if the pages had been asked for one after the other.
     */
    @Override
    public void forEachPage(EachPage<T> action) throws HostException {
        for (HostGateway.PageCall<T> request : requests) {
            Page<T> page = request.fetch(null);
            while (page != null) {
                NextPage<T> next = page.nextCursor() == null ? null : NextPage.fetch(request, page.nextCursor());
                boolean more;
                try {
                    more = action.accept(page.items());
                } catch (HostException | RuntimeException | Error e) {
                    discard(next);
                    throw e;
                }
                if (!more) {
                    discard(next);
                    afterEachPage.run();
                    return;
                }
                Page<T> following = null;
                HostException failed = null;
                try {
                    following = next == null ? null : next.await();
                } catch (HostException e) {
                    failed = e;
                }
                afterEachPage.run();
                if (failed != null) {
                    throw failed;
                }
                page = following;
            }
        }
    }

    private static void discard(NextPage<?> next) {
        if (next != null) {
            next.discard();
        }
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private final Deque<T> buffer = new ArrayDeque<>();
            private int request;
            private String cursor;
            private boolean started;

            @Override
            public boolean hasNext() {
                while (buffer.isEmpty() && request < requests.size()) {
                    if (started && cursor == null) {
                        request++; // this request's last page is used up: the next request from its first page
                        started = false;
                        continue;
                    }
                    Page<T> page;
                    try {
                        page = requests.get(request).fetch(cursor);
                    } catch (HostException e) {
                        throw new HostUnavailable(e);
                    }
                    started = true;
                    buffer.addAll(page.items());
                    cursor = page.nextCursor();
                }
                return !buffer.isEmpty();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return buffer.removeFirst();
            }
        };
    }
}
