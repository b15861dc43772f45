package org.perflink.store;

import java.util.List;

/** One page of a longer list: its {@code items}, from {@code offset}, and how many the whole list holds. */
public record Page<T>(List<T> items, long total, int offset, int limit) {

    public Page {
        items = List.copyOf(items);
    }
}
