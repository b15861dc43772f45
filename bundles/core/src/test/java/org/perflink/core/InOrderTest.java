package org.perflink.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class InOrderTest {

    @Test
    void resultsComeInTheItemsOrderWithNullsKept() {
        List<Integer> items = IntStream.range(0, 5_000).boxed().toList();
        List<String> out = InOrder.map(items, i -> i % 7 == 0 ? null : "r" + i);
        assertEquals(items.size(), out.size());
        for (int i = 0; i < items.size(); i++) {
            if (i % 7 == 0) {
                assertNull(out.get(i));
            } else {
                assertEquals("r" + i, out.get(i));
            }
        }
    }

    @Test
    void aFewItemsAndNoneAreMappedToo() {
        assertEquals(List.of(2, 4, 6), InOrder.map(List.of(1, 2, 3), i -> i * 2));
        assertEquals(List.of(), InOrder.map(List.<Integer>of(), i -> i));
    }

    @Test
    void everyItemRunsWithTheCallersContextClassLoader() throws Exception {
        Thread me = Thread.currentThread();
        ClassLoader before = me.getContextClassLoader();
        try (URLClassLoader mine = new URLClassLoader(new URL[0], before)) {
            me.setContextClassLoader(mine);
            List<ClassLoader> seen = InOrder.map(IntStream.range(0, 20_000).boxed().toList(),
                    i -> Thread.currentThread().getContextClassLoader());
            for (ClassLoader l : seen) {
                assertSame(mine, l);
            }
        } finally {
            me.setContextClassLoader(before);
        }
    }

    @Test
    void anItemsExceptionIsThrownToTheCaller() {
        List<Integer> items = new ArrayList<>(IntStream.range(0, 1_000).boxed().toList());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> InOrder.map(items, i -> {
            if (i == 777) {
                throw new IllegalStateException("item 777");
            }
            return i;
        }));
        // thrown on a worker thread, the fork/join pool rethrows a copy of the same type whose cause is the original
        Throwable original = e.getCause() instanceof IllegalStateException cause ? cause : e;
        assertEquals("item 777", original.getMessage());
    }
}
