package org.perflink.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Pure per-item work of one page (binding an item, checking a project) spread over the machine's cores, the
 * results in the items' order, so that what follows (ids, outbox order, bodies) is the same as on one thread.
 * The work must not touch shared mutable state; each item runs with the caller's context class loader.
 */
public final class InOrder {

    /** Below this many items the work stays on the caller's thread: handing it over costs more than it saves. */
    static final int MIN_PARALLEL = 8;

    private InOrder() {
    }

    /** {@code work} applied to every item, in the items' order (nulls kept); an exception of one item is thrown. */
    public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> work) {
        if (items.size() < MIN_PARALLEL || Runtime.getRuntime().availableProcessors() < 2) {
            List<R> out = new ArrayList<>(items.size());
            for (T item : items) {
                out.add(work.apply(item));
            }
            return out;
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return IntStream.range(0, items.size()).parallel()
                .<R>mapToObj(i -> withLoader(loader, () -> work.apply(items.get(i))))
                .toList();
    }

    private static <R> R withLoader(ClassLoader loader, java.util.function.Supplier<R> work) {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        if (before == loader) {
            return work.get();
        }
        t.setContextClassLoader(loader);
        try {
            return work.get();
        } finally {
            t.setContextClassLoader(before);
        }
    }
}
