package org.perflink.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/** Consecutive parts of one work shown as one count: the parts before added, the expected totals until known. */
class ProgressPartsTest {

    private final List<String> seen = new ArrayList<>();
    private final AtomicBoolean cancel = new AtomicBoolean();
    private final Progress whole = Progress.of((done, total, what) -> seen.add(done + "/" + total + " " + what), cancel::get);

    @Test
    void partsCountOnFromThePartsBeforeThem() {
        Progress.Parts parts = new Progress.Parts(whole, 2, 3);
        Progress read = parts.next();
        read.step(1, 2, "a");
        read.step(2, 2, "b");
        Progress write = parts.next();
        write.step(1, 4, "c"); // this part learns it has 4 steps, not the 3 expected
        write.step(4, 4, "d");
        assertEquals(List.of("1/5 a", "2/5 b", "3/6 c", "6/6 d"), seen);
        assertThrows(IllegalStateException.class, parts::next, "only the parts announced");
    }

    @Test
    void aPartIsCancelledWhenTheWholeIs() {
        Progress.Parts parts = new Progress.Parts(whole, 1, 1);
        Progress first = parts.next();
        first.checkCancelled();
        cancel.set(true);
        assertThrows(Progress.Cancelled.class, first::checkCancelled);
        assertThrows(Progress.Cancelled.class, parts.next()::checkCancelled);
    }
}
