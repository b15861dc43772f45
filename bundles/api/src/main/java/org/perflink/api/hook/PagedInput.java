package org.perflink.api.hook;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.perflink.api.host.HostException;

/**
 * One of a hook's inputs as the host pages it: in pages of the contract's size, with the context's checkpoint after
 * each page (so a page's results may go out while the rest is read). While a page is pushed through, the next one is
 * asked for (two pages in memory at most); the checkpoint waits for that request, so none runs during it. Read it once;
 * the hooks push through it, the simulation pulls it ({@link #iterator}). Since 1.3.
 */
@ProviderType
public interface PagedInput<T> {

    /** What to do with one item; a host failure may pass through. */
    @FunctionalInterface
    interface Each<T> {
        void accept(T item) throws HostException;
    }

    /** What to do with one page; returns whether the next page is wanted. */
    @FunctionalInterface
    interface EachPage<T> {
        boolean accept(List<T> items) throws HostException;
    }

    /** Every item, page by page, checkpointing after each page. */
    default void forEach(Each<? super T> action) throws HostException {
        forEachPage(items -> {
            for (T item : items) {
                action.accept(item);
            }
            return true;
        });
    }

    /** Every page, checkpointing after each, until the last page or until {@code action} wants no more. */
    void forEachPage(EachPage<T> action) throws HostException;

    /**
     * The items pulled lazily, the next page asked for only when the current one is used up (no checkpoints: for a
     * reader that does not emit); a host failure is thrown as {@link org.perflink.api.host.HostUnavailable}.
     */
    java.util.Iterator<T> iterator();
}
