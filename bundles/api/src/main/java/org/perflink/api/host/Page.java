package org.perflink.api.host;

import java.util.List;

/** One page of a paged host collection; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public boolean last() {
        return nextCursor == null;
    }
}
